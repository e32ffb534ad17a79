import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { ensureAuditPartitions, partitionName } from '../../src/audit/partitions.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEY = 'append-only-test-checkpoint-key-0123456789';

const row = (summary: string): AuditRowInput => ({ kind: 'test_event', actor_kind: 'system', actor_name: 'Test', details: { n: summary }, summary });

let database: TestDatabase;
let partition: string;
beforeAll(async () => {
  // Unseeded: the monthly partitions are created before any row, as `npm start` does.
  database = await createTestDatabase();
  const { created } = await ensureAuditPartitions(database.db);
  partition = partitionName(new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1)));
  expect(created).toContain(partition);
  await database.db.transaction().execute((trx) => appendAuditRows(trx, [row('first'), row('second'), row('third')]));
});
afterAll(() => database?.destroy());

const db = () => database.db;
const snapshot = () => db().selectFrom('audit_events').select(['chain_seq', 'summary', 'hash']).orderBy('chain_seq').execute();

describe('the database refuses changes to the audit table', () => {
  it("keeps this month's rows in the monthly partition ensureAuditPartitions created", async () => {
    const { rows } = await sql<{ table: string; n: number }>`select tableoid::regclass::text as table, count(*)::int as n from audit_events group by 1`.execute(db());
    expect(rows).toEqual([{ table: partition, n: 3 }]);
  });

  it.each([
    ['UPDATE on the parent', () => sql`update audit_events set summary = 'rewritten' where chain_seq = 2`],
    ['DELETE on the parent', () => sql`delete from audit_events where chain_seq = 3`],
    ['TRUNCATE on the parent', () => sql`truncate audit_events`],
    ['UPDATE on the monthly partition', () => sql`update ${sql.table(partition)} set summary = 'rewritten' where chain_seq = 2`],
    ['DELETE on the monthly partition', () => sql`delete from ${sql.table(partition)} where chain_seq = 3`],
    ['TRUNCATE on the monthly partition', () => sql`truncate ${sql.table(partition)}`],
    ['TRUNCATE on the default partition', () => sql`truncate audit_events_default`],
  ])('refuses %s, even to the table owner', async (_name, statement) => {
    const before = await snapshot();
    await expect(statement().execute(db())).rejects.toThrow(/audit_events is append-only: (UPDATE|DELETE|TRUNCATE) is not allowed/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses rewriting, removing or truncating a signed checkpoint, even to the table owner', async () => {
    const own = await createTestDatabase();
    try {
      await own.db.insertInto('audit_checkpoints').values({ chain_seq: '3', hash: 'h', signed_at: new Date(), key_id: 'k', scheme: 'hmac-sha256-v2', signature: 's' }).execute();
      await expect(sql`update audit_checkpoints set hash = 'x'`.execute(own.db)).rejects.toThrow(/append-only: UPDATE/);
      await expect(sql`delete from audit_checkpoints`.execute(own.db)).rejects.toThrow(/append-only: DELETE/);
      await expect(sql`truncate audit_checkpoints`.execute(own.db)).rejects.toThrow(/append-only: TRUNCATE/);
      expect(await own.db.selectFrom('audit_checkpoints').select('hash').execute()).toEqual([{ hash: 'h' }]);
    } finally {
      await own.destroy();
    }
  });
});

describe('the application role warden_app', () => {
  const privilege = async (table: string, what: string) =>
    (await sql<{ ok: boolean }>`select has_table_privilege('warden_app', ${table}, ${what}) as ok`.execute(db())).rows[0]?.ok;

  it('may INSERT and SELECT on audit_events and nothing else', async () => {
    expect(await privilege('audit_events', 'INSERT')).toBe(true);
    expect(await privilege('audit_events', 'SELECT')).toBe(true);
    for (const what of ['UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) {
      expect({ what, granted: await privilege('audit_events', what) }).toEqual({ what, granted: false });
    }
    for (const what of ['UPDATE', 'DELETE', 'TRUNCATE']) {
      expect({ what, granted: await privilege('audit_checkpoints', what) }).toEqual({ what, granted: false });
    }
  });

  it('owns neither the audit table, its partitions, nor anything else', async () => {
    const { rows } = await sql<{ relname: string; owner: string }>`
      select c.relname, pg_get_userbyid(c.relowner) as owner from pg_class c
       where c.relname like 'audit%' and c.relkind in ('r', 'p')`.execute(db());
    expect(rows.map((r) => r.relname)).toEqual(expect.arrayContaining(['audit_events', 'audit_events_default', partition, 'audit_chain_heads', 'audit_checkpoints']));
    expect(rows.filter((r) => r.owner === 'warden_app')).toEqual([]);
    const owned = await sql<{ n: number }>`select count(*)::int as n from pg_class where relowner = 'warden_app'::regrole`.execute(db());
    expect(owned.rows[0]?.n).toBe(0);
    const superuser = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`select rolsuper, rolbypassrls from pg_roles where rolname = 'warden_app'`.execute(db());
    expect(superuser.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('appends to the chain, but cannot update, truncate or switch the guard off', async () => {
    await db().transaction().execute(async (trx) => {
      await sql`set local role warden_app`.execute(trx);
      await appendAuditRows(trx, [row('written by the app role')]);
    });
    expect((await snapshot()).at(-1)?.summary).toBe('written by the app role');
    expect(await verifyAuditChain(db(), KEY)).toMatchObject({ problem: null });
    // The one-message COPY append holds the head it left through a function: the role may call it.
    await db().transaction().execute(async (trx) => {
      await sql`set local role warden_app`.execute(trx);
      const head = await trx.selectFrom('audit_chain_heads').selectAll().where('chain_id', '=', 0).executeTakeFirstOrThrow();
      await sql`select audit_hold_chain_head(0::smallint, ${head.last_seq}::bigint, ${head.last_hash})`.execute(trx);
    });

    const asApp = (statement: ReturnType<typeof sql>) =>
      db().transaction().execute(async (trx) => {
        await sql`set local role warden_app`.execute(trx);
        await statement.execute(trx);
      });
    await expect(asApp(sql`update audit_events set summary = 'x' where chain_seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`delete from audit_events where chain_seq = 1`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`truncate audit_events`)).rejects.toThrow(/permission denied/);
    await expect(asApp(sql`alter table audit_events disable trigger audit_events_no_update_delete`)).rejects.toThrow(/must be owner/);
    await expect(asApp(sql`set session_replication_role = replica`)).rejects.toThrow(/permission denied/);
  });
});
