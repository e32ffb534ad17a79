import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { createAuditWriter } from '../../src/audit/audit-writer.js';
import { newHeadSql } from '../../src/audit/chain-heads.js';
import { copyAuditRows, INSERT_ROWS_MAX } from '../../src/audit/copy-audit-rows.js';
import { groupCommitThrough } from '../../src/audit/left-heads.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEY = 'audit-writers-test-key-0123456789abcdef';

/** Text COPY must escape (tab, newline, carriage return, backslash), quotes, unicode, JSON escapes. */
const AWKWARD = 'tab\there\nnew line\r\\back\\slash "quoted" \\N é 日本 👩‍💻 \\t';

function row(i: number, extra: Partial<AuditRowInput> = {}): AuditRowInput {
  return {
    kind: 'field_read',
    actor_kind: 'staff',
    actor_id: 'stf_sarah',
    actor_name: `Sarah ${AWKWARD}`,
    account_id: 'acc_acme',
    session_id: i % 2 ? 'ses_writers' : null,
    request_id: `req_writers_${i}`,
    type_field: 'User.phone',
    data_class: 'pii',
    decision: 'masked',
    policy_version: 3,
    path: null,
    details: { count: i, objectIds: [`usr_${i}`, AWKWARD], nested: { z: AWKWARD, a: [1, null, true, { b: '\u0000'.length }] } },
    summary: `row ${i}: ${AWKWARD}`,
    ...extra,
  };
}

describe('the audit writers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('keep every value exactly, whichever way the rows went in, and the chain verifies across all three', async () => {
    const viaInsert = Array.from({ length: 5 }, (_, i) => row(i));
    await database.db.transaction().execute((trx) => appendAuditRows(trx, viaInsert));
    // A request's few rows go as a prepared INSERT in one pipeline; more than that as a COPY.
    const viaPipeline = Array.from({ length: 5 }, (_, i) => row(100 + i));
    const viaCopy = Array.from({ length: INSERT_ROWS_MAX + 1 }, (_, i) => row(150 + i));
    for (const rows of [viaPipeline, viaCopy]) {
      if (database.pool) await copyAuditRows(database.pool, rows);
      else await database.db.transaction().execute((trx) => appendAuditRows(trx, rows));
    }

    const stored = await database.db
      .selectFrom('audit_events')
      .select(['request_id', 'actor_name', 'summary', 'details', 'session_id', 'path', 'policy_version'])
      .where('request_id', 'like', 'req_writers_%')
      .orderBy('chain_seq')
      .execute();
    expect(stored).toEqual(
      [...viaInsert, ...viaPipeline, ...viaCopy].map((r) => ({
        request_id: r.request_id,
        actor_name: r.actor_name,
        summary: r.summary,
        details: r.details,
        session_id: r.session_id,
        path: null,
        policy_version: 3,
      })),
    );
    const report = await verifyAuditChain(database.db, KEY);
    expect(report.problem).toBeNull();
  });

  it.each([
    ['a prepared INSERT', 0],
    ['COPY', INSERT_ROWS_MAX],
  ])('in binary, %s keeps a row’s own time to the millisecond, before 2000 too, and a missing policy version', async (way, padding) => {
    if (!database.pool) return; // the embedded database has no client connection to bind or COPY over
    const times = [new Date('2026-12-06T10:11:12.345Z'), new Date('1999-12-31T23:59:59.999Z')];
    const tag = `req_binary_${padding}_`;
    await copyAuditRows(database.pool, [
      ...times.map((occurred_at, i) => row(200 + i, { occurred_at, policy_version: null, request_id: `${tag}${i}` })),
      ...Array.from({ length: padding }, (_, i) => row(300 + i, { request_id: `req_padding_${padding}_${i}` })),
    ]);
    const stored = await database.db
      .selectFrom('audit_events')
      .select(['occurred_at', 'policy_version'])
      .where('request_id', 'like', `${tag}%`)
      .orderBy('chain_seq')
      .execute();
    expect(stored, way).toEqual(times.map((occurred_at) => ({ occurred_at, policy_version: null })));
    expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
  });

  it.skipIf(inject('databaseUrl') === null)('a row the table refuses in a prepared INSERT leaves nothing behind, and the head where it was', async () => {
    if (!database.pool) throw new Error('needs a PostgreSQL server');
    const before = await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).selectAll().executeTakeFirstOrThrow();
    const broken = [row(400, { request_id: 'req_refused_0' }), row(401, { request_id: 'req_refused_1', actor_kind: 'robot' as AuditRowInput['actor_kind'] })];
    const refused = await copyAuditRows(database.pool, broken).catch((e: unknown) => e);
    expect(String(refused)).toMatch(/actor_kind/);
    expect(await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).selectAll().executeTakeFirstOrThrow()).toEqual(before);
    expect(await database.db.selectFrom('audit_events').select('chain_seq').where('request_id', 'like', 'req_refused_%').execute()).toEqual([]);
    // The pool goes on appending after the head as it is.
    await copyAuditRows(database.pool, [row(402, { request_id: 'req_refused_2' })]);
    expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
  });

  it('append batches over PostgreSQL’s 65,535 bind parameters (a busy group commit) in one transaction', async () => {
    const many = Array.from({ length: 3_500 }, (_, i) => row(1_000 + i, { request_id: `req_many_${i}` }));
    await database.db.transaction().execute((trx) => appendAuditRows(trx, many));
    const counted = await database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('request_id', 'like', 'req_many_%')
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(3_500);
    expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
  });

  // A real server's path: the embedded database has no COPY from a client and always inserts.
  it.skipIf(inject('databaseUrl') === null)('COPY streams a batch of many chunks as it hashes, and a row refused mid-stream leaves nothing behind', async () => {
    if (!database.pool) throw new Error('needs a PostgreSQL server');
    const before = await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).selectAll().executeTakeFirstOrThrow();
    const fat = (i: number, extra: Partial<AuditRowInput> = {}) =>
      row(50_000 + i, { request_id: `req_fat_${i}`, details: { objectIds: Array.from({ length: 200 }, (_, j) => `inv_${i}_${j}`), note: AWKWARD }, ...extra });
    // Row 1,500 breaks a check constraint: the server refuses the COPY after many chunks were sent.
    const broken = Array.from({ length: 2_000 }, (_, i) => fat(i, i === 1_500 ? { actor_kind: 'robot' as AuditRowInput['actor_kind'] } : {}));
    const refused = await copyAuditRows(database.pool, broken).catch((e: unknown) => e);
    expect(String(refused)).toMatch(/actor_kind/);
    const after = await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).selectAll().executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const leftovers = await database.db.selectFrom('audit_events').select('chain_seq').where('request_id', 'like', 'req_fat_%').execute();
    expect(leftovers).toEqual([]);

    const whole = Array.from({ length: 2_000 }, (_, i) => fat(i));
    await copyAuditRows(database.pool, whole);
    const stored = await database.db.selectFrom('audit_events').select(['request_id', 'details']).where('request_id', 'like', 'req_fat_%').orderBy('chain_seq').execute();
    expect(stored.map((r) => r.request_id)).toEqual(whole.map((r) => r.request_id));
    expect(stored[1_999]?.details).toEqual(whole[1_999]?.details);
    expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
  });

  // The one-message append: a pool's next COPY holds the head its last one left, in one round trip.
  describe.skipIf(inject('databaseUrl') === null)('COPY after a head this pool left', () => {
    // Each test its own pool: a pool remembers the head its appends left.
    const pools: pg.Pool[] = [];
    const freshPool = () => {
      const pool = new pg.Pool({ connectionString: database.url!, max: 2 });
      pools.push(pool);
      return pool;
    };
    afterAll(async () => {
      await Promise.all(pools.map((pool) => pool.end()));
    });

    /** The queries a pool's clients send while `run` runs: one per round trip. */
    async function queriesDuring(pool: pg.Pool, run: () => Promise<void>): Promise<number> {
      let sent = 0;
      const count = (client: pg.PoolClient) => {
        const query = client.query.bind(client) as (...args: unknown[]) => unknown;
        Reflect.set(client, 'query', (...args: unknown[]) => {
          sent += 1;
          return query(...args);
        });
      };
      pool.on('acquire', count);
      try {
        await run();
      } finally {
        pool.off('acquire', count);
      }
      return sent;
    }

    /** A request's few rows (a prepared INSERT) or more than those (COPY). */
    const BATCHES = [
      ['a few rows', 2],
      ['more rows than a prepared INSERT takes', INSERT_ROWS_MAX + 1],
    ] as const;
    const batch = (first: number, count: number, tag: string) => Array.from({ length: count }, (_, i) => row(first + i, { request_id: `${tag}${i}` }));

    it.each(BATCHES)('sends the whole append in one round trip, and the rows follow their predecessors: %s', async (_, count) => {
      const pool = freshPool();
      const tag = `req_one_trip_${count}_`;
      await copyAuditRows(pool, [row(30_000, { request_id: `${tag}first` })]);
      const rows = batch(30_001, count, tag);
      const trips = await queriesDuring(pool, () => copyAuditRows(pool, rows));
      expect(trips).toBe(1);
      const head = await database.db.selectFrom('audit_chain_heads').selectAll().where('chain_id', '=', 0).executeTakeFirstOrThrow();
      const last = await database.db.selectFrom('audit_events').select(['chain_seq', 'hash', 'request_id']).where('chain_id', '=', 0).orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
      expect(last.request_id).toBe(rows.at(-1)?.request_id);
      expect({ last_seq: head.last_seq, last_hash: head.last_hash }).toEqual({ last_seq: last.chain_seq, last_hash: last.hash });
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it.each(BATCHES)('never chains rows after a head another writer has moved since: they go after the head as it is: %s', async (_, count) => {
      const pool = freshPool();
      const tag = `req_moved_${count}_`;
      await copyAuditRows(pool, [row(31_000, { request_id: `${tag}0` })]);
      // Another writer (here the INSERT path, as another process's would) moves the head.
      await database.db.transaction().execute((trx) => appendAuditRows(trx, [row(31_001, { request_id: `${tag}1` })]));
      const rows = batch(31_002, count, `${tag}2_`);
      const trips = await queriesDuring(pool, () => copyAuditRows(pool, rows));
      // The head it left is refused (a COPY's transaction is then rolled back; a pipeline's ended
      // with the refusal); then a head is taken (here the same: one chain) and the rows appended
      // after it as it is.
      expect(trips).toBe(count > INSERT_ROWS_MAX ? 4 : 3);
      const order = await database.db.selectFrom('audit_events').select('request_id').where('request_id', 'like', `${tag}%`).orderBy('chain_seq').execute();
      expect(order.map((r) => r.request_id)).toEqual([`${tag}0`, `${tag}1`, ...rows.map((r) => r.request_id)]);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
      // With nowhere else to go, the next appends take the head first rather than be refused again.
      expect(await queriesDuring(pool, () => copyAuditRows(pool, [row(31_003, { request_id: `${tag}3` })]))).toBe(2);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it('a pool whose connections lose the prepared statements (a pooler, a DEALLOCATE) keeps every row, appending by COPY from then on', async () => {
      const pool = new pg.Pool({ connectionString: database.url!, max: 1 });
      pools.push(pool);
      const statementsOnConnection = async () => {
        const { rows } = await pool.query<{ n: string }>("select count(*) as n from pg_prepared_statements where name like 'warden_audit_%'");
        return Number(rows[0]?.n);
      };
      await copyAuditRows(pool, [row(36_000, { request_id: 'req_lost_0' })]);
      expect(await statementsOnConnection()).toBeGreaterThan(0);
      // As a pooler handing the next transaction another server session would look.
      await pool.query('deallocate all');
      await copyAuditRows(pool, [row(36_001, { request_id: 'req_lost_1' }), row(36_002, { request_id: 'req_lost_2' })]);
      // The connection that lost them was dropped; the new one was never asked to prepare any.
      await copyAuditRows(pool, [row(36_003, { request_id: 'req_lost_3' })]);
      expect(await statementsOnConnection()).toBe(0);
      const stored = await database.db.selectFrom('audit_events').select('request_id').where('request_id', 'like', 'req_lost_%').orderBy('chain_seq').execute();
      expect(stored.map((r) => r.request_id)).toEqual(['req_lost_0', 'req_lost_1', 'req_lost_2', 'req_lost_3']);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it('says once, in the log, that the writer fell back to COPY', async () => {
      const pool = new pg.Pool({ connectionString: database.url!, max: 1 });
      pools.push(pool);
      const { logger, lines } = capturingLogger('warn');
      const writer = createAuditWriter(database.db, pool, null, null, 1, logger);
      await writer.write([row(37_000, { request_id: 'req_told_copy_0' })]);
      expect(lines).toEqual([]);
      await pool.query('deallocate all');
      await writer.write([row(37_001, { request_id: 'req_told_copy_1' })]);
      await writer.write([row(37_002, { request_id: 'req_told_copy_2' })]);
      const warnings = lines.map((line) => JSON.parse(line) as { msg: string });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]?.msg).toMatch(/prepared statements.*COPY/);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it('does not wait on the head it left while another transaction holds it: it takes another chain', async () => {
      const pool = freshPool();
      await copyAuditRows(pool, [row(32_000, { request_id: 'req_held_0' })], 2);
      const left = await database.db.selectFrom('audit_events').select('chain_id').where('request_id', '=', 'req_held_0').executeTakeFirstOrThrow();
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let held!: () => void;
      const holding = new Promise<void>((resolve) => (held = resolve));
      const holder = database.db.transaction().execute(async (trx) => {
        await sql`select 1 from audit_chain_heads where chain_id = ${left.chain_id} for update`.execute(trx);
        held();
        await released;
      });
      await holding;
      try {
        await copyAuditRows(pool, [row(32_001, { request_id: 'req_held_1' })], 2);
      } finally {
        release();
        await holder;
      }
      const other = await database.db.selectFrom('audit_events').select('chain_id').where('request_id', '=', 'req_held_1').executeTakeFirstOrThrow();
      expect(other.chain_id).not.toBe(left.chain_id);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it('once refused, goes to the highest free head, away from the lowest, where appends inside transactions start', async () => {
      const pool = freshPool();
      for (let i = 0; i < 3; i++) await sql.raw(newHeadSql(3)).execute(database.db);
      const [highest] = await database.db.selectFrom('audit_chain_heads').select('chain_id').orderBy('chain_id', 'desc').limit(1).execute();
      expect(highest?.chain_id).toBeGreaterThanOrEqual(2);
      const chainOf = async (requestId: string) => (await database.db.selectFrom('audit_events').select('chain_id').where('request_id', '=', requestId).executeTakeFirstOrThrow()).chain_id;
      await copyAuditRows(pool, [row(33_000, { request_id: 'req_far_0' })], 3);
      expect(await chainOf('req_far_0')).toBe(0);
      // A mutation's own audit event, in its transaction: on the lowest free head, the one this writer left.
      await database.db.transaction().execute((trx) => appendAuditRows(trx, [row(33_001, { request_id: 'req_far_1' })], 3));
      expect(await chainOf('req_far_1')).toBe(0);
      await copyAuditRows(pool, [row(33_002, { request_id: 'req_far_2' })], 3);
      // Not chain 1, the next such append's first choice once chain 0 is busy.
      expect(await chainOf('req_far_2')).toBe(highest?.chain_id);
      // And it stays there: the next append is one round trip.
      expect(await queriesDuring(pool, () => copyAuditRows(pool, [row(33_003, { request_id: 'req_far_3' })], 3))).toBe(1);
      expect(await chainOf('req_far_3')).toBe(highest?.chain_id);
      expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
    });

    it("after a mutation's own event moves the head it left, the next append is still one round trip, on the same chain", async () => {
      // A database of its own, with only chain 0, as a new deployment has; its group commit on this pool.
      const own = await createTestDatabase();
      const pool = new pg.Pool({ connectionString: own.url!, max: 2 });
      try {
        groupCommitThrough(own.db, pool);
        const mutation = (i: number) => own.db.transaction().execute((trx) => appendAuditRows(trx, [row(i, { request_id: `req_told_${i}` })]));
        const trail = async () =>
          (await own.db.selectFrom('audit_events').select(['chain_id', 'request_id']).where('request_id', 'like', 'req_told_%').orderBy('chain_seq').execute()).map(
            (r) => `${r.chain_id}:${r.request_id}`,
          );
        await copyAuditRows(pool, [row(35_000, { request_id: 'req_told_35000' })]);
        await mutation(35_001);
        expect(await queriesDuring(pool, () => copyAuditRows(pool, [row(35_002, { request_id: 'req_told_35002' })]))).toBe(1);
        expect(await trail()).toEqual(['0:req_told_35000', '0:req_told_35001', '0:req_told_35002']);
        // A mutation that rolls back after its event told where the head would be: the next
        // append is refused, and goes after the head as it is, as when another process moved it.
        const rolledBack = own.db.transaction().execute(async (trx) => {
          await appendAuditRows(trx, [row(35_003, { request_id: 'req_told_35003' })]);
          throw new Error('the change failed');
        });
        await expect(rolledBack).rejects.toThrow('the change failed');
        expect(await queriesDuring(pool, () => copyAuditRows(pool, [row(35_004, { request_id: 'req_told_35004' })]))).toBe(3);
        expect(await trail()).toEqual(['0:req_told_35000', '0:req_told_35001', '0:req_told_35002', '0:req_told_35004']);
        expect((await verifyAuditChain(own.db, KEY)).problem).toBeNull();
      } finally {
        await pool.end();
        await own.destroy();
      }
    });

    it('audit_hold_chain_head refuses a head that is not where the caller says, with serialization_failure', async () => {
      const head = await database.db.selectFrom('audit_chain_heads').selectAll().where('chain_id', '=', 0).executeTakeFirstOrThrow();
      const hold = (seq: string, hash: string) => database.db.transaction().execute((trx) => sql`select audit_hold_chain_head(0::smallint, ${seq}::bigint, ${hash})`.execute(trx));
      await expect(hold(head.last_seq, head.last_hash)).resolves.toBeDefined();
      await expect(hold(String(BigInt(head.last_seq) - 1n), head.last_hash)).rejects.toMatchObject({ code: '40001' });
      await expect(hold(head.last_seq, '0'.repeat(64))).rejects.toMatchObject({ code: '40001' });
    });
  });

  it('group commit: concurrent writers each learn of their own commit, and the chain stays gapless', async () => {
    const writer = createAuditWriter(database.db, database.pool);
    await Promise.all(Array.from({ length: 40 }, (_, i) => writer.write([row(10_000 + i, { request_id: `req_group_${i}` }), row(20_000 + i, { request_id: `req_group_${i}` })])));
    const counted = await database.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('request_id', 'like', 'req_group_%')
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(80);
    expect((await verifyAuditChain(database.db, KEY)).problem).toBeNull();
  });
});
