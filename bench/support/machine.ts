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
    // The benchmark rewrites docs/performance.md itself: a second run before that is committed
    // measures the same code, and is not dirty for it.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', ':/', ':(top,exclude)docs/performance.md'], { encoding: 'utf8' }).trim().length > 0;
    return { commit, dirty };
  } catch {
    return { commit: 'unknown', dirty: false };
  }
}

/** The 1, 5 and 15 minute load averages, to two decimals: other people's work skews every number. */
export function loadAverage(): number[] {
  return os.loadavg().map((l) => Math.round(l * 100) / 100);
}

/**
 * What every results file starts with: when, which commit, on what machine, against which
 * PostgreSQL (its source without the port), with which options, and the load before and now.
 */
export function resultsHeader<O>(postgres: { version: string; source: string }, options: O, loadBefore: number[]) {
  return {
    version: 1 as const,
    date: new Date().toISOString(),
    revision: gitRevision(),
    machine: machineInfo(),
    postgres: { version: postgres.version, source: postgres.source.replace(/:\d+ /, ' ') },
    options,
    loadAverage: { before: loadBefore, after: loadAverage() },
  };
}
