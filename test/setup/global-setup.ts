import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chown, mkdtemp, readFile, realpath, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/connect.js';
import { migrateDemo } from '../../src/domain/migrate.js';
import { TEMPLATE_DATABASE, withAdminClient, withDatabaseName } from '../support/test-database.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A server holding the migrated template database; null: each test file uses PGlite. */
    databaseUrl: string | null;
  }
}

const run = promisify(execFile);

interface TestServer {
  url: string;
  /** Where the server came from, for the one line the run prints. */
  source: string;
  stop(): Promise<void>;
}

/**
 * Picks the database for the whole run: `DATABASE_URL` if set, else a throwaway cluster when
 * PostgreSQL is installed, else PGlite. On a server it migrates a template once, so each test
 * file gets its own database by cloning instead of migrating again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await findServer();
  if (!server) {
    console.log('Test database: PGlite in memory (DATABASE_URL is unset and initdb is not on PATH)');
    project.provide('databaseUrl', null);
    return async () => {};
  }
  try {
    await createTemplate(server.url);
  } catch (error) {
    await server.stop();
    throw error;
  }
  console.log(`Test database: ${server.source}`);
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}

async function findServer(): Promise<TestServer | null> {
  const url = process.env.DATABASE_URL;
  if (url) {
    return {
      url,
      source: `the PostgreSQL server in DATABASE_URL (${new URL(url).host})`,
      // Not our server: leave it as we found it, without our template.
      async stop() {
        await withAdminClient(url, (admin) => admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`));
      },
    };
  }
  const initdb = findOnPath('initdb');
  return initdb ? startThrowawayCluster(initdb) : null;
}

async function createTemplate(serverUrl: string): Promise<void> {
  await withAdminClient(serverUrl, async (admin) => {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  });
  const url = withDatabaseName(serverUrl, TEMPLATE_DATABASE);
  const { db } = openDatabase({ url, dataDir: 'memory://', poolSize: 1 });
  // Closed before any clone: PostgreSQL refuses to copy a database somebody is connected to.
  try {
    await migrateDemo(db);
  } finally {
    await db.destroy();
  }
}

/**
 * initdb and postgres refuse to run as root, so under root (containers, CI) the cluster
 * belongs to the `postgres` OS user. Trust auth is safe: it listens on loopback only.
 */
async function startThrowawayCluster(initdb: string): Promise<TestServer> {
  const binDir = path.dirname(await realpath(initdb));
  const dir = await mkdtemp(path.join(tmpdir(), 'warden-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await findFreePort();
  const asRoot = process.getuid?.() === 0;
  const pg = async (tool: string, args: string[]) => {
    const [command, argv] = asRoot ? asPostgresUser(path.join(binDir, tool), args) : [path.join(binDir, tool), args];
    await run(command, argv, { cwd: dir });
  };
  // Durability is pointless for a cluster deleted at the end of the run, and costs seconds.
  const serverOptions = `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  try {
    if (asRoot) await chownToPostgres(dir);
    await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', 'start']);
  } catch (error) {
    const log = await readFile(logFile, 'utf8').catch(() => '');
    await rm(dir, { recursive: true, force: true });
    throw new Error(`Could not start a throwaway PostgreSQL cluster with ${binDir}.\n${log}`, { cause: error });
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    source: `a throwaway PostgreSQL cluster on 127.0.0.1:${port} (${binDir})`,
    async stop() {
      // Immediate: nothing in it is worth a shutdown checkpoint.
      await pg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
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

/** Asks the OS for a free port; another process could take it before postgres binds, rarely. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
