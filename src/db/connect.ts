import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { Database, Db } from './database.js';
import { retryDelayMs } from '../notify/retry-delay.js';
import { PGliteDialect } from './pglite-dialect.js';
import { preparingPool } from './prepared-statements.js';

const DATE_OID = 1082;
const INT8_OID = 20;
const keepAsString = (value: string) => value;

export interface DatabaseOptions {
  /** `postgres://…`: a real server through a node-postgres pool. Unset: the embedded database. */
  url?: string | undefined;
  /**
   * Where the embedded database keeps its files; `memory://` keeps them in memory. A folder is
   * held by one process at a time (a lock file in it) until `db.destroy()`.
   */
  dataDir: string;
  /** Connections in the pool (real server only). @default 10 */
  poolSize?: number;
  /**
   * The PostgreSQL schema Warden's own tables live in, created by its migrations when missing.
   * Every connection looks there first, then in `public`, where an application's tables
   * usually are; an application reaching its tables through Warden's connection (`withTables`)
   * finds them there. @default public
   */
  schema?: string | undefined;
  /**
   * Whether statements Warden sends often are prepared on each connection (real server only;
   * see prepared-statements.ts). Behind a pooler that keeps no prepared statements this turns
   * itself off at the first sign of it. @default true
   */
  prepareStatements?: boolean;
}

/** A schema name Warden puts in search_path: a plain lower-case identifier, so it needs no quoting. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** LISTEN on a channel; resolves to a function that stops listening. */
export type Listen = (channel: string, onNotify: () => void) => Promise<() => Promise<void>>;

export interface DatabaseHandle {
  db: Db;
  listen: Listen;
  /** Which engine answered: shown at start and in test output. */
  engine: 'postgres' | 'pglite';
  /** A human description without credentials, safe to log. */
  description: string;
  /** The node-postgres pool behind `db` on a real server (the audit trail COPYs through it); null on PGlite. */
  pool: pg.Pool | null;
}

/**
 * Opens the database Warden runs on. DATE columns come back as `YYYY-MM-DD` strings on both
 * engines: node-postgres would otherwise build a Date at local midnight, and a birth date could
 * move by a day with the server's time zone.
 *
 * The embedded database (PGlite) lives inside this process: it serves one gateway process only,
 * and its LISTEN/NOTIFY reaches no other. Two processes on one data directory would corrupt it;
 * several instances need a PostgreSQL server.
 */
export function openDatabase(options: DatabaseOptions): DatabaseHandle {
  const schema = options.schema && options.schema !== 'public' ? options.schema : null;
  if (schema !== null && !SCHEMA_NAME.test(schema)) {
    throw new Error(`"${schema.slice(0, 70)}" is not a schema name Warden uses: lower-case letters, digits and underscores, starting with a letter.`);
  }
  const searchPath = schema ? `${schema}, public` : null;
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      ...(searchPath ? { options: `-c search_path=${searchPath.replace(' ', '')}` } : {}),
      types: {
        // @types/pg declares getTypeParser by its overloads, which no single arrow function matches.
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          oid === DATE_OID ? keepAsString : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
      },
    });
    // A connection the server drops (restart, failover, pg_terminate_backend) emits 'error'. The
    // query in flight already fails with it and the pool discards the client; unheard, the event
    // would be an uncaught exception that takes the whole gateway down.
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
    const prepare = options.prepareStatements ?? true;
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: prepare ? preparingPool(pool) : pool }) });
    const url = options.url;
    return { db, listen: (channel, onNotify) => listenOnServer(url, channel, onNotify), engine: 'postgres', description: describeUrl(url), pool };
  }
  let unlock = () => {};
  if (!options.dataDir.startsWith('memory://')) {
    mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  // bigint stays a string on both engines (node-postgres does this by default).
  const pglite = new PGlite(options.dataDir, { parsers: { [DATE_OID]: keepAsString, [INT8_OID]: keepAsString } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite, unlock, searchPath) });
  const listen: Listen = async (channel, onNotify) => {
    const unlisten = await pglite.listen(channel, () => onNotify());
    return () => (pglite.closed ? Promise.resolve() : unlisten());
  };
  return { db, listen, engine: 'pglite', description: `embedded PostgreSQL (PGlite) in ${options.dataDir}`, pool: null };
}

/** How long LISTEN waits before reconnecting: doubling from a quarter second to 30 s. */
const LISTEN_BACKOFF = { initialMs: 250, maxMs: 30_000, jitter: 0.2 } as const;

/**
 * A dedicated connection for LISTEN (a pooled one would lose it when returned). When the
 * connection drops (a restart, a failover, pg_terminate_backend) it reconnects, retrying with
 * capped backoff for as long as it takes, until stopped; every (re)connect calls `onNotify` once,
 * since a change may have been published while nobody listened. Callers poll as well.
 */
async function listenOnServer(url: string, channel: string, onNotify: () => void): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let stopped = false;

  const open = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify();
    });
    // A dropped connection emits 'error' (unheard, it would crash the process), then 'end'.
    next.on('error', () => void next.end().catch(() => undefined));
    next.once('end', () => {
      if (client !== next) return;
      client = null;
      reconnect(1);
    });
    try {
      await next.connect();
      await next.query(`LISTEN "${channel.replaceAll('"', '""')}"`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end();
      return;
    }
    client = next;
    onNotify();
  };

  const reconnect = (attempts: number): void => {
    if (stopped) return;
    retry = setTimeout(() => {
      retry = null;
      open().catch(() => reconnect(attempts + 1));
    }, retryDelayMs(attempts, LISTEN_BACKOFF));
    retry.unref();
  };

  await open();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const current = client;
    client = null;
    await current?.end();
  };
}

function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}
