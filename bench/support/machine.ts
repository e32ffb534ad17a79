import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  autocannon: string;
}

export interface Revision {
  commit: string;
  /** Uncommitted changes in the work tree when the benchmark ran. */
  dirty: boolean;
}

export function machineInfo(): MachineInfo {
  const require = createRequire(import.meta.url);
  const autocannon = (require('autocannon/package.json') as { version: string }).version;
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    autocannon,
  };
}

export function gitRevision(): Revision {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}
