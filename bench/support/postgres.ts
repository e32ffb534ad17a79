import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, readFileSync } from 'node:fs';
import { chown, mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { findFreePort } from './free-port.js';

const run = promisify(execFile);

/** A PostgreSQL server the benchmark may create and drop databases on. */
export interface BenchServer {
  url: string;
  /** For the report: where the server came from (never credentials). */
  source: string;
  /** The postmaster's pid when we started the cluster here (to read its CPU time); else null. */
  postmasterPid: number | null;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` if set, else a throwaway cluster (initdb/pg_ctl on 127.0.0.1 and a free port),
 * like test/setup/global-setup.ts does for the tests. Its code is not exported from there, so
 * this is a small copy; under root the cluster belongs to the `postgres` OS user, because
 * initdb and postgres refuse to run as root. Trust auth is safe: it listens on loopback only.
 */
export async function findBenchServer(): Promise<BenchServer> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return { url, source: `DATABASE_URL (${new URL(url).host})`, postmasterPid: null, stop: async () => {} };
  }
  const initdb = findOnPath('initdb') ?? newestPackagedBinary('initdb');
  if (!initdb) {
    throw new Error('The benchmark needs PostgreSQL: set DATABASE_URL, or install it so that initdb is on the PATH (apt-get install postgresql).');
  }
  return startThrowawayCluster(initdb);
}

async function startThrowawayCluster(initdb: string): Promise<BenchServer> {
  const binDir = path.dirname(await realpath(initdb));
  const dir = await mkdtemp(path.join(tmpdir(), 'warden-bench-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await findFreePort();
  const asRoot = process.getuid?.() === 0;
  const tool = async (name: string, args: string[]) => {
    const [command, argv] = asRoot ? asPostgresUser(path.join(binDir, name), args) : [path.join(binDir, name), args];
    await run(command, argv, { cwd: dir });
  };
  // The same settings as CI's cluster (.ci/run), so local and CI numbers compare.
  const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    if (asRoot) await chownToPostgres(dir);
    await tool('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await tool('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', 'start']);
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL cluster with ${binDir}.\n${log}`, { cause: error });
  }
  let postmasterPid: number | null = null;
  try {
    postmasterPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    // Only the DB CPU column needs it.
  }
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: `a throwaway cluster on 127.0.0.1:${port} (fsync=off, synchronous_commit=off, as in CI)`,
    postmasterPid,
    async stop() {
      if (stopped) return;
      stopped = true;
      await tool('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A database of the benchmark's own on the server; `drop()` removes it again. */
export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(server: BenchServer, purpose: string): Promise<BenchDatabase> {
  const name = `warden_bench_${purpose}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(server.url, (admin) => admin.query(`create database ${name}`));
  let dropped = false;
  return {
    name,
    url: withDatabaseName(server.url, name),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdminClient(server.url, (admin) => admin.query(`drop database if exists ${name} with (force)`));
    },
  };
}

export async function serverVersion(url: string): Promise<string> {
  return withAdminClient(url, async (admin) => {
    const { rows } = await admin.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? 'unknown';
  });
}

function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdminClient<T>(serverUrl: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: withDatabaseName(serverUrl, 'postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

function asPostgresUser(command: string, args: string[]): [string, string[]] {
  if (findOnPath('runuser')) return ['runuser', ['-u', 'postgres', '--', command, ...args]];
  const quoted = [command, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(' ');
  return ['su', ['postgres', '-c', quoted]];
}

async function chownToPostgres(dir: string): Promise<void> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await chown(dir, Number(uid), Number(gid));
}

function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}

/** Debian installs the server binaries off the PATH, under /usr/lib/postgresql/<major>/bin. */
function newestPackagedBinary(command: string): string | null {
  for (const major of ['17', '16', '15', '14', '13']) {
    const candidate = path.join('/usr/lib/postgresql', major, 'bin', command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this version
    }
  }
  return null;
}
