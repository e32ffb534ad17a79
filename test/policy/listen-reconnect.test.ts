import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createTestDatabase, withAdminClient, type TestDatabase } from '../support/test-database.js';

const CHANNEL = 'warden_listen_test';
/** Well past the one second after which a reconnect used to give up for good. */
const OUTAGE_MS = 1500;
const GENEROUS = { timeout: 20_000, interval: 50 };

// PGlite runs in the process: there is no connection to lose.
describe.skipIf(inject('databaseUrl') === null)('LISTEN across a database outage (PostgreSQL server only)', () => {
  let database: TestDatabase;
  let name: string;
  const serverUrl = inject('databaseUrl') ?? '';

  beforeAll(async () => {
    database = await createTestDatabase();
    name = new URL(database.url ?? '').pathname.slice(1);
  });
  afterAll(() => database.destroy());

  /** Backends of the test database listening on CHANNEL, with their state. */
  const listeners = () =>
    withAdminClient(serverUrl, async (admin) => {
      const { rows } = await admin.query<{ pid: number; state: string }>(
        `select pid, state from pg_stat_activity where datname = $1 and query = $2`,
        [name, `LISTEN "${CHANNEL}"`],
      );
      return rows;
    });

  it('keeps reconnecting while the database refuses connections, then hears a later NOTIFY', async () => {
    let heard = 0;
    const stop = await database.listen(CHANNEL, () => {
      heard += 1;
    });
    try {
      const [before] = await listeners();
      expect(before).toBeDefined();

      // The outage: no new connections, and the listening one is cut.
      await withAdminClient(serverUrl, async (admin) => {
        await admin.query(`alter database ${name} allow_connections false`);
        await admin.query('select pg_terminate_backend($1)', [before?.pid]);
      });
      await sleep(OUTAGE_MS);
      await withAdminClient(serverUrl, (admin) => admin.query(`alter database ${name} allow_connections true`));

      // Back on a new connection, its LISTEN done.
      await vi.waitFor(async () => {
        const now = await listeners();
        expect(now.map((backend) => ({ fresh: backend.pid !== before?.pid, state: backend.state }))).toEqual([{ fresh: true, state: 'idle' }]);
      }, GENEROUS);

      const seen = heard;
      await sql`select pg_notify(${CHANNEL}, 'after the outage')`.execute(database.db);
      await vi.waitFor(() => expect(heard).toBeGreaterThan(seen), GENEROUS);
    } finally {
      await stop();
    }
  });

  it('stops for good when closed: no listening connection is left or opened again', async () => {
    const stop = await database.listen(CHANNEL, () => {});
    await vi.waitFor(async () => expect(await listeners()).toHaveLength(1), GENEROUS);
    await stop();
    await vi.waitFor(async () => expect(await listeners()).toEqual([]), GENEROUS);
  });
});
