import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { createAuditWriter } from '../../src/audit/audit-writer.js';
import { copyAuditRows } from '../../src/audit/copy-audit-rows.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
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

  it('keep every value exactly, whichever way the rows went in, and the chain verifies across both', async () => {
    const viaInsert = Array.from({ length: 5 }, (_, i) => row(i));
    await database.db.transaction().execute((trx) => appendAuditRows(trx, viaInsert));
    const viaCopy = Array.from({ length: 5 }, (_, i) => row(100 + i));
    if (database.pool) await copyAuditRows(database.pool, viaCopy);
    else await database.db.transaction().execute((trx) => appendAuditRows(trx, viaCopy));

    const stored = await database.db
      .selectFrom('audit_events')
      .select(['request_id', 'actor_name', 'summary', 'details', 'session_id', 'path', 'policy_version'])
      .where('request_id', 'like', 'req_writers_%')
      .orderBy('chain_seq')
      .execute();
    expect(stored).toEqual(
      [...viaInsert, ...viaCopy].map((r) => ({
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

  it('COPY in binary keeps a row’s own time to the millisecond, before 2000 too, and a missing policy version', async () => {
    if (!database.pool) return; // the embedded database has no COPY from a client stream
    const times = [new Date('2026-12-06T10:11:12.345Z'), new Date('1999-12-31T23:59:59.999Z')];
    await copyAuditRows(
      database.pool,
      times.map((occurred_at, i) => row(200 + i, { occurred_at, policy_version: null, request_id: `req_binary_${i}` })),
    );
    const stored = await database.db
      .selectFrom('audit_events')
      .select(['occurred_at', 'policy_version'])
      .where('request_id', 'like', 'req_binary_%')
      .orderBy('chain_seq')
      .execute();
    expect(stored).toEqual(times.map((occurred_at) => ({ occurred_at, policy_version: null })));
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
