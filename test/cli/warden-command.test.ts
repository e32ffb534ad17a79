import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

/**
 * The `warden` command the package installs (`npx warden …`): it lists its commands, refuses
 * one it lacks, and runs each with the arguments after its name. The clinic under examples/
 * runs the built one from its installed tarball against a database (audit:verify).
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function warden(...args: string[]): Promise<{ code: number; output: string }> {
  // As an installed package's command runs: not under one of the repository's npm scripts.
  const env = { ...process.env, NODE_ENV: 'test', npm_lifecycle_event: '' };
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/warden.ts', ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}

describe('the warden command', () => {
  it('lists its commands when given none', async () => {
    const { code, output } = await warden();
    expect(code).toBe(0);
    for (const command of ['audit:verify', 'audit:partitions', 'audit:retention', 'audit:keygen', 'proxy:keygen']) expect(output).toContain(command);
  });

  it('refuses a command it lacks with exit 2, naming it and listing the others', async () => {
    const { code, output } = await warden('audit:verfy');
    expect(code).toBe(2);
    expect(output).toContain('there is no command "audit:verfy"');
    expect(output).toContain('audit:verify');
  });

  it('runs a command with the arguments after its name', async () => {
    const verify = await warden('audit:verify', '--help');
    expect(verify.code).toBe(0);
    expect(verify.output).toContain('--checkpoint-file PATH');
    // Its usage names it as it was run here, not as a script of Warden's repository.
    expect(verify.output).toContain('Usage: warden audit:verify [options]');
    const partitions = await warden('audit:partitions', '--help');
    expect(partitions.code).toBe(0);
    expect(partitions.output).toContain('--move-stranded');
  });

  it('prints key pairs', async () => {
    const audit = await warden('audit:keygen');
    expect(audit.output).toMatch(/WARDEN_AUDIT_CHECKPOINT_KEY=\S{40,}/);
    const proxy = await warden('proxy:keygen');
    expect(proxy.output).toContain('-----BEGIN PRIVATE KEY-----');
  });
});
