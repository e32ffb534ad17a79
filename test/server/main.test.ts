import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ROOT = new URL('../../', import.meta.url);

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
});
afterAll(() => database.destroy());

/**
 * The real entry point, through `npm start` itself: it migrates and seeds an empty database,
 * serves /health, prints demo tokens, and on SIGTERM to npm (what a process manager sends)
 * stops accepting, finishes and exits 0, leaving no gateway behind.
 */
describe('npm start', () => {
  it('serves, then shuts down gracefully on SIGTERM', async () => {
    const child = spawn('npm', ['start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: '0',
        HOST: '127.0.0.1',
        WARDEN_LOG_LEVEL: 'info',
        // The demo tokens printed must carry these, or the gateway itself would refuse them.
        WARDEN_JWT_ISSUER: 'https://id.warden.test',
        WARDEN_JWT_AUDIENCE: 'warden-gateway',
        ...(database.url ? { DATABASE_URL: database.url } : { DATABASE_URL: '', WARDEN_DATA_DIR: 'memory://' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own, so the finally below can clean up whatever npm leaves behind.
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await waitFor(() => /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output)?.[1], 60_000, () => output);
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      await waitFor(() => (output.includes('Demo tokens') ? true : undefined), 10_000, () => output);
      const customerToken = /customer\s+Jane Doe \(usr_jane\)\s+(eyJ[\w.-]+)/.exec(output)?.[1];
      expect(customerToken).toBeDefined();
      const viewer = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}` },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(await viewer.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      expect(output).toContain('stopped cleanly');
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // the group is gone already: everything exited
      }
    }
  }, 90_000);
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out; output so far:\n${describe()}`);
}
