import { spawn } from 'node:child_process';
import { once } from 'node:events';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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
/** The advisory lock Kysely's migrator takes on PostgreSQL: held here, a start waits in its migrations. */
const MIGRATION_LOCK = '3853314791062309107';

function startGateway(databaseUrl: string | null) {
  return spawn('npm', ['start'], {
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
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', WARDEN_DATA_DIR: 'memory://' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, so the finally below can clean up whatever npm leaves behind.
    detached: true,
  });
}

describe('npm start', () => {
  // The embedded database has no advisory lock to hold a start with.
  it.skipIf(inject('databaseUrl') === null)('on SIGTERM while migrating, finishes the step, closes the database and exits 0', async () => {
    const url = database.url;
    if (!url) throw new Error('needs a PostgreSQL server');
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    await holder.query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
    const child = startGateway(url);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      // The gateway is connected and waiting for the lock: its migrations have begun.
      await waitFor(async () => ((await holder.query(`select 1 from pg_locks where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`)).rowCount ? true : undefined), 60_000, () => output);
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await waitFor(() => (output.includes('stopping the start after its current step') ? true : undefined), 10_000, () => output);
      await holder.query(`select pg_advisory_unlock(${MIGRATION_LOCK})`);
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
      expect(output).toContain('migrations applied');
      expect(output).toContain('stopped cleanly before serving');
      expect(output).not.toContain('Warden is listening');
    } finally {
      await holder.end();
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // the group is gone already: everything exited
      }
    }
  }, 90_000);

  it('serves, then shuts down gracefully on SIGTERM', async () => {
    const child = startGateway(database.url);
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
      // Development serves the metrics open, the notification dispatcher's with the gateway's.
      const metrics = await fetch(`${url}/metrics`);
      expect(metrics.status).toBe(200);
      const scraped = await metrics.text();
      expect(scraped).toMatch(/^warden_graphql_requests_total\{operation="anonymous",operation_type="query",status="200"\} 1$/m);
      expect(scraped).toContain('# TYPE warden_notification_deliveries_total counter');
      expect(scraped).toContain('process_cpu_user_seconds_total');
      expect(output).toContain('metrics served at /metrics');

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

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, describe: () => string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out; output so far:\n${describe()}`);
}
