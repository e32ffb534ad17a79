import { createHmac } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { hashAuditRow } from '../../src/audit/audit-hash.js';
import { checkpointSigner, CheckpointKeyError, generateCheckpointKeyPair } from '../../src/audit/checkpoint-signature.js';
import { checkpointToken, parseCheckpointToken, readCheckpointFile, startCheckpointer, writeCheckpoint, type PublishedCheckpoint } from '../../src/audit/checkpoints.js';
import { describeChainProblem, type ExternalCheckpoint } from '../../src/audit/chain-report.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Db } from '../../src/db/database.js';
import { graphql } from '../gql/index.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { chainSeqs, newRequestId } from './audit-support.js';

const KEY = 'tamper-test-checkpoint-key-0123456789abcdef';
const SIGNER = checkpointSigner(KEY);
/** Verification long after the rows were written: whatever is unsigned by then has waited too long. */
const TEN_MINUTES_ON = () => ({ now: new Date(Date.now() + 10 * 60_000) });

const AuditTamperPeople = graphql(`
  query AuditTamperPeople {
    account {
      id
      users {
        id
        name
        phone
      }
    }
  }
`);

const AuditTamperTaxRate = graphql(`
  mutation AuditTamperTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

/** Owner-only: runs statements with the append-only triggers off for this transaction (replica mode). */
async function asOwnerBypassingTriggers(db: Db, ...statements: Array<ReturnType<typeof sql>>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

/** Owner-only: removes the rows after `seq` and points the head at row `seq`, as if they had never been written. */
async function cutChainAfter(db: Db, seq: number): Promise<void> {
  const keep = await db.selectFrom('audit_events').select(['chain_seq', 'hash']).where('chain_seq', '=', String(seq)).executeTakeFirstOrThrow();
  await asOwnerBypassingTriggers(
    db,
    sql`delete from audit_events where chain_seq > ${seq}`,
    sql`update audit_chain_heads set last_seq = ${keep.chain_seq}, last_hash = ${keep.hash} where chain_id = 0`,
  );
}

async function traffic(t: TestGateway, requests = 4): Promise<void> {
  for (let i = 0; i < requests; i++) {
    const read = await t.execute(AuditTamperPeople, { as: 'agent', actAs: 'usr_jane read_only', headers: { 'x-request-id': newRequestId('tamper') } });
    expect(read.status).toBe(200);
  }
  const changed = await t.execute(AuditTamperTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 + requests } } });
  expect(changed.body.errors).toBeUndefined();
}

const lastSeq = async (db: Db) => (await chainSeqs(db)).at(-1) ?? 0;

async function checkpoint(db: Db, file?: string): Promise<PublishedCheckpoint> {
  const written = await writeCheckpoint(db, SIGNER, { file });
  if (!written) throw new Error('no checkpoint was written');
  return written;
}

let t: TestGateway;
let dir: string;
let file: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'warden-checkpoints-'));
  file = path.join(dir, 'checkpoints.jsonl');
  t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
  await traffic(t);
});
afterEach(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

const fromFile = async (): Promise<ExternalCheckpoint[]> => (await readCheckpointFile(file)).checkpoints;

describe('the hash chain over a gateway’s traffic', () => {
  it('verifies intact, with the signed checkpoint', async () => {
    const checkpointed = await checkpoint(t.db);
    expect(checkpointed.seq).toBe(String(await lastSeq(t.db)));
    await traffic(t, 2);
    const report = await verifyAuditChain(t.db, KEY);
    expect(report).toEqual({
      rows: (await chainSeqs(t.db)).length,
      checkpoints: 1,
      start: { seq: '1', reason: 'first-row' },
      lastSeq: String(await lastSeq(t.db)),
      newestExternal: null,
      chains: [{ chain: 0, rows: report.rows, start: { seq: '1', reason: 'first-row' }, lastSeq: String(await lastSeq(t.db)), headSeq: String(await lastSeq(t.db)), newestExternal: null }],
      problems: [],
      truncated: false,
      problem: null,
    });
    expect(report.rows).toBeGreaterThan(20);
  });

  it('catches a row the table owner changed with the triggers off, naming its chain_seq', async () => {
    const target = await t.db
      .selectFrom('audit_events')
      .select('chain_seq')
      .where('type_field', '=', 'User.phone')
      .orderBy('chain_seq')
      .executeTakeFirstOrThrow();
    await asOwnerBypassingTriggers(t.db, sql`update audit_events set summary = 'Agent Sarah Lee read nothing' where chain_seq = ${target.chain_seq}`);
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.problems).toEqual([{ kind: 'altered-row', seq: target.chain_seq }]);
    expect(describeChainProblem(report.problem!)).toBe(`Row ${target.chain_seq} was changed after it was written (its content no longer matches its hash).`);
  });

  it('catches a change made by disabling the trigger on the table', async () => {
    const target = await t.db.selectFrom('audit_events').select('chain_seq').where('kind', '=', 'mutation_executed').executeTakeFirstOrThrow();
    await sql`alter table audit_events disable trigger audit_events_no_update_delete`.execute(t.db);
    try {
      const { numAffectedRows } = await sql`update audit_events set summary = summary || ' (corrected)' where chain_seq = ${target.chain_seq}`.execute(t.db);
      expect(numAffectedRows).toBe(1n);
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_update_delete`.execute(t.db);
    }
    expect((await verifyAuditChain(t.db, KEY)).problem).toEqual({ kind: 'altered-row', seq: target.chain_seq });
    // The trigger is back on.
    await expect(sql`update audit_events set summary = 'x' where chain_seq = 1`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('catches a changed row whose hash was recomputed, at the next link', async () => {
    const target = await t.db.selectFrom('audit_events').selectAll().where('type_field', '=', 'User.phone').orderBy('chain_seq').executeTakeFirstOrThrow();
    const { hash: _old, ...content } = target;
    const forged = { ...content, summary: 'Agent Sarah Lee read nothing' };
    await asOwnerBypassingTriggers(t.db, sql`update audit_events set summary = ${forged.summary}, hash = ${hashAuditRow(forged)} where chain_seq = ${target.chain_seq}`);
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'broken-link', seq: String(Number(target.chain_seq) + 1) }]);
  });

  it('catches a rewrite re-hashed to the end, head included, by the signed checkpoint', async () => {
    const { seq } = await checkpoint(t.db);
    await rewriteAndRehash(t.db);
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'checkpoint-hash-mismatch', seq, source: 'database' }]);
  });

  it('catches the newest rows removed while the head was left alone', async () => {
    await checkpoint(t.db);
    const last = await lastSeq(t.db);
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_events where chain_seq > ${last - 3}`);
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([
      { kind: 'checkpoint-missing-row', seq: String(last), source: 'database' },
      { kind: 'head-mismatch', headSeq: String(last), lastSeq: String(last - 3) },
    ]);
  });

  it('catches the newest rows removed with the head rewritten to match, by the signed checkpoint', async () => {
    await checkpoint(t.db);
    const last = await lastSeq(t.db);
    await cutChainAfter(t.db, last - 3);
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.problems).toEqual([{ kind: 'checkpoint-missing-row', seq: String(last), source: 'database' }]);
    expect(report.rows).toBe(last - 3);
  });

  it('catches a forged checkpoint signature, and one signed with another key', async () => {
    const last = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
    const signedAt = new Date();
    const forger = checkpointSigner('not-the-key-but-just-as-long-0123456789');
    await t.db
      .insertInto('audit_checkpoints')
      .values({ chain_seq: last.chain_seq, hash: last.hash, signed_at: signedAt, key_id: SIGNER.keyId, scheme: 'hmac-sha256-v2', signature: forger.sign({ seq: last.chain_seq, hash: last.hash, signedAt }) })
      .execute();
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'checkpoint-bad-signature', seq: last.chain_seq, source: 'database' }]);

    await traffic(t, 1);
    const attacker = checkpointSigner('an-attacker-key-that-is-long-enough-0123');
    const written = await writeCheckpoint(t.db, attacker);
    expect((await verifyAuditChain(t.db, KEY)).problems).toContainEqual({ kind: 'checkpoint-unknown-key', seq: written?.seq, keyId: attacker.keyId, source: 'database' });
  });

  it('lists every break in chain order, names the first, and bounds the list', async () => {
    const targets = await t.db.selectFrom('audit_events').select('chain_seq').where('type_field', '=', 'User.phone').orderBy('chain_seq').limit(3).execute();
    expect(targets).toHaveLength(3);
    for (const { chain_seq } of targets) {
      await asOwnerBypassingTriggers(t.db, sql`update audit_events set summary = 'rewritten' where chain_seq = ${chain_seq}`);
    }
    const altered = targets.map(({ chain_seq }) => ({ kind: 'altered-row', seq: chain_seq }));
    expect(await verifyAuditChain(t.db, KEY)).toMatchObject({ problems: altered, problem: altered[0], truncated: false });
    expect(await verifyAuditChain(t.db, KEY, { maxProblems: 2 })).toMatchObject({ problems: altered.slice(0, 2), problem: altered[0], truncated: true });
  });
});

/** A row a gateway never wrote, numbered `seq`, as whoever holds INSERT can add one: Leo "read" Jane's national id. */
function forgedRow(seq: number) {
  return sql`insert into audit_events (chain_seq, occurred_at, kind, actor_kind, actor_id, actor_name, summary, prev_hash, hash)
    values (${seq}, now(), 'field_read', 'staff', 'stf_leo', 'Leo Park', 'Agent Leo Park read User.nationalId of Jane Doe (allowed)', 'x', 'y')`;
}

/** As the application role: INSERT and SELECT on audit_events, nothing more. */
async function asApplicationRole(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local role warden_app`.execute(trx);
    await statement.execute(trx);
  });
}

describe('rows numbered outside the chain', () => {
  it('the database refuses a row numbered 0 or below, even from the application role, which may INSERT', async () => {
    for (const seq of [0, -5]) {
      await expect(asApplicationRole(t.db, forgedRow(seq))).rejects.toThrow(/audit_events_chain_seq_positive/);
    }
    // Control: the same role may append a row numbered as the chain goes on (verify then reports its bad link).
    await asApplicationRole(t.db, forgedRow((await lastSeq(t.db)) + 1));
  });

  it('verify reports every row numbered before the chain starts, repeats included, though auditors would read them as real', async () => {
    // A database forged before the check existed (or by an owner who dropped it).
    await sql`alter table audit_events drop constraint audit_events_chain_seq_positive`.execute(t.db);
    for (const seq of [0, 0, -3]) await asApplicationRole(t.db, forgedRow(seq));
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.problems).toEqual([
      { kind: 'row-before-start', seq: '-3', startSeq: '1' },
      { kind: 'row-before-start', seq: '0', startSeq: '1' },
      { kind: 'row-before-start', seq: '0', startSeq: '1' },
    ]);
    expect(describeChainProblem(report.problem!)).toBe(
      "Row -3 lies before the row the chain starts at (1), so no link vouches for it: it was inserted behind the gateway's back.",
    );
    expect(report.rows).toBe((await chainSeqs(t.db)).length);
  });
});

describe('a retention record forged to hide the oldest rows removed', () => {
  it('does not move the chain’s start when it is not what retention writes: the rows removed are a gap', async () => {
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_events where chain_seq <= 10`);
    await t.db.transaction().execute((trx) =>
      appendAuditRows(trx, [{ kind: 'audit_retention', actor_kind: 'system', actor_name: 'Warden', details: { keptFrom: '11' }, summary: 'Warden detached old audit months' }]),
    );
    const forged = String(await lastSeq(t.db));
    const report = await verifyAuditChain(t.db, KEY);
    expect(report.start).toEqual({ seq: '1', reason: 'first-row' });
    expect(report.problems).toEqual([
      { kind: 'retention-malformed', retentionSeq: forged },
      { kind: 'gap', expectedSeq: '1', foundSeq: '11' },
    ]);
  });
});

/**
 * Whoever owns the database can switch every trigger off and rewrite rows, head and checkpoints
 * alike. What they cannot reach is the checkpoints published outside it (the checkpoint file,
 * the log line an operator keeps), nor the key, nor the clock.
 */
describe('checkpoints against the table owner', () => {
  it('a checkpoint replayed under a newer time fails its signature (the signature covers signed_at)', async () => {
    const { seq, hash, signature, keyId } = await checkpoint(t.db);
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_checkpoints`);
    await t.db.insertInto('audit_checkpoints').values({ chain_seq: seq, hash, signed_at: new Date(Date.now() + 3_600_000), key_id: keyId, scheme: 'hmac-sha256-v2', signature }).execute();
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'checkpoint-bad-signature', seq, source: 'database' }]);
  });

  it('truncate-and-replay: the checkpoints truncated, old ones put back and the newest rows removed are caught by the file and by --expect', async () => {
    const first = await checkpoint(t.db, file);
    await traffic(t, 2);
    const second = await checkpoint(t.db, file);
    // TRUNCATE is refused even to the owner, until they switch its trigger off.
    await expect(sql`truncate audit_checkpoints`.execute(t.db)).rejects.toThrow(/append-only: TRUNCATE/);
    await sql`alter table audit_checkpoints disable trigger audit_checkpoints_no_truncate`.execute(t.db);
    await sql`truncate audit_checkpoints`.execute(t.db);
    await sql`alter table audit_checkpoints enable trigger audit_checkpoints_no_truncate`.execute(t.db);
    await t.db
      .insertInto('audit_checkpoints')
      .values({ chain_seq: first.seq, hash: first.hash, signed_at: new Date(first.signedAt), key_id: first.keyId, scheme: first.scheme, signature: first.signature })
      .execute();
    await cutChainAfter(t.db, Number(first.seq));

    expect((await verifyAuditChain(t.db, KEY, { external: await fromFile() })).problems).toEqual([{ kind: 'checkpoint-missing-row', seq: second.seq, source: 'file' }]);
    const expected = parseCheckpointToken(checkpointToken(second));
    expect((await verifyAuditChain(t.db, KEY, { external: [expected!] })).problems).toEqual([{ kind: 'checkpoint-missing-row', seq: second.seq, source: 'expected' }]);
    // A bare seq:hash, as copied from anywhere, is enough to show the chain no longer reaches it.
    const bare = parseCheckpointToken(`${second.seq}:${second.hash}`);
    expect((await verifyAuditChain(t.db, KEY, { external: [bare!] })).problem).toEqual({ kind: 'checkpoint-missing-row', seq: second.seq, source: 'expected' });
  });

  it('rewrite-and-rehash with the checkpoints removed: the file contradicts it, and the rows go unsigned', async () => {
    const { seq } = await checkpoint(t.db, file);
    await rewriteAndRehash(t.db);
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_checkpoints`);
    expect((await verifyAuditChain(t.db, KEY, { external: await fromFile() })).problems).toEqual([{ kind: 'checkpoint-hash-mismatch', seq, source: 'file' }]);
    // Without the file: no checkpoint vouches for any row any more, which verify reports once the tolerance has passed.
    expect((await verifyAuditChain(t.db, KEY, TEN_MINUTES_ON())).problems).toEqual([
      { kind: 'checkpoints-stale', checkpointSeq: null, firstUnsignedSeq: '1', unsignedSince: expect.any(String), toleranceMinutes: 3 },
    ]);
  });

  it('tail deletion with the checkpoints removed: rows left after the newest checkpoint go stale, and the file still names the removed one', async () => {
    const first = await checkpoint(t.db, file);
    await traffic(t, 2);
    const second = await checkpoint(t.db, file);
    await cutChainAfter(t.db, Number(first.seq) + 2);
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_checkpoints where chain_seq > ${first.seq}`);

    const firstUnsigned = String(Number(first.seq) + 1);
    expect((await verifyAuditChain(t.db, KEY, TEN_MINUTES_ON())).problems).toEqual([
      { kind: 'checkpoints-stale', checkpointSeq: first.seq, firstUnsignedSeq: firstUnsigned, unsignedSince: expect.any(String), toleranceMinutes: 3 },
    ]);
    // Control: rows written moments ago are within the tolerance (a checkpointer signs each minute).
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([]);
    expect((await verifyAuditChain(t.db, KEY, { external: await fromFile() })).problems).toEqual([{ kind: 'checkpoint-missing-row', seq: second.seq, source: 'file' }]);
  });

  it('tail removal back to a checkpoint, with the gateway signing new rows on top: only the checkpoint it logged shows it', async () => {
    const kept = await checkpoint(t.db);
    await traffic(t, 2);
    // The gateway's checkpointer signs (here: as it stops) and logs the checkpoint, for a log pipeline to keep.
    const { logger, lines } = capturingLogger();
    await startCheckpointer({ db: t.db, signer: SIGNER, logger, intervalMs: 3_600_000 }).stop();
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; auditCheckpoint?: PublishedCheckpoint & { expect: string } }).find((line) => line.msg === 'audit checkpoint signed');
    const removed = logged?.auditCheckpoint;
    expect(removed).toMatchObject({ seq: String(await lastSeq(t.db)), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    await cutChainAfter(t.db, Number(kept.seq));
    await asOwnerBypassingTriggers(t.db, sql`delete from audit_checkpoints where chain_seq > ${kept.seq}`);
    await traffic(t, 3);
    await checkpoint(t.db);
    expect(await lastSeq(t.db)).toBeGreaterThan(Number(removed!.seq));

    // Control: inside the database the chain is whole, signed and fresh.
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([]);
    const report = await verifyAuditChain(t.db, KEY, { external: [parseCheckpointToken(removed!.expect)!] });
    expect(report.problems).toEqual([{ kind: 'checkpoint-hash-mismatch', seq: removed!.seq, source: 'expected' }]);
  });

  it('reports a checkpoint file line that was edited', async () => {
    await checkpoint(t.db, file);
    appendFileSync(file, '{"seq":"1","hash":"not a hash"}\n');
    expect(await readCheckpointFile(file)).toMatchObject({ malformedLines: [2] });
  });
});

describe('checkpoint keys', () => {
  it('still verifies checkpoints of the old format (seq:hash), which prove the hash but not the time', async () => {
    const head = await t.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
    const signature = createHmac('sha256', KEY).update(`${head.last_seq}:${head.last_hash}`).digest('hex');
    await t.db.insertInto('audit_checkpoints').values({ chain_seq: head.last_seq, hash: head.last_hash, signed_at: new Date(), key_id: SIGNER.keyId, scheme: 'hmac-sha256-v1', signature }).execute();
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([]);
    expect((await verifyAuditChain(t.db, KEY, TEN_MINUTES_ON())).problems).toEqual([expect.objectContaining({ kind: 'checkpoints-stale', checkpointSeq: null })]);

    await asOwnerBypassingTriggers(t.db, sql`update audit_checkpoints set hash = ${'f'.repeat(64)}`);
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'checkpoint-bad-signature', seq: head.last_seq, source: 'database' }]);
  });

  it('accepts every key given: after a rotation, the old key’s checkpoints verify when it is listed', async () => {
    const oldKey = 'the-key-before-the-rotation-0123456789ab';
    const before = await writeCheckpoint(t.db, checkpointSigner(oldKey));
    await traffic(t, 1);
    await checkpoint(t.db);
    expect((await verifyAuditChain(t.db, KEY)).problems).toEqual([{ kind: 'checkpoint-unknown-key', seq: before?.seq, keyId: checkpointSigner(oldKey).keyId, source: 'database' }]);
    expect((await verifyAuditChain(t.db, [KEY, oldKey])).problems).toEqual([]);
  });

  it('Ed25519: the gateway signs with the private key, verifiers need only the public one and cannot sign with it', async () => {
    const pair = generateCheckpointKeyPair();
    const signed = await writeCheckpoint(t.db, checkpointSigner(pair.privateKey), { file });
    expect(signed?.scheme).toBe('ed25519-v2');
    expect(await verifyAuditChain(t.db, pair.publicKey, { external: await fromFile() })).toMatchObject({ checkpoints: 2, problems: [] });
    expect((await verifyAuditChain(t.db, generateCheckpointKeyPair().publicKey)).problems).toEqual([expect.objectContaining({ kind: 'checkpoint-unknown-key' })]);
    expect(() => checkpointSigner(pair.publicKey)).toThrow(CheckpointKeyError);
    expect(() => checkpointSigner('too short')).toThrow(/Ed25519 key .* or a secret of at least 32 characters/);
  });
});

/** The attacker knows the hashing (it is no secret): changes one row and re-chains everything after it, head included. */
async function rewriteAndRehash(db: Db): Promise<void> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('chain_seq').execute();
  const targetIndex = rows.findIndex((row) => row.type_field === 'User.phone');
  let prev = rows[targetIndex - 1]!.hash;
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const row of rows.slice(targetIndex)) {
      const { hash: _old, ...content } = row;
      const rewritten = { ...content, prev_hash: prev, summary: row === rows[targetIndex] ? 'Agent Sarah Lee read nothing' : row.summary };
      const hash = hashAuditRow(rewritten);
      await sql`update audit_events set summary = ${rewritten.summary}, prev_hash = ${prev}, hash = ${hash} where chain_seq = ${row.chain_seq}`.execute(trx);
      prev = hash;
    }
    await trx.updateTable('audit_chain_heads').where('chain_id', '=', 0).set({ last_hash: prev }).execute();
  });
}
