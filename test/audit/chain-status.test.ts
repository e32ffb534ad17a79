import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { writeCheckpoint, type PublishedCheckpoint } from '../../src/audit/checkpoints.js';
import { verifyChainTail } from '../../src/audit/verify-chain-tail.js';
import type { Db } from '../../src/db/database.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codeOf, newRequestId } from './audit-support.js';

const KEY = 'chain-status-test-checkpoint-key-0123456789';

const AuditChainStatusQuery = graphql(`
  query AuditChainStatusQuery {
    auditChainStatus {
      intact
      summary
      problems
      checkpointSeq
      checkpointSignedAt
      fromSeq
      headSeq
      rowsChecked
      checkedAt
    }
  }
`);

const ChainStatusTraffic = graphql(`
  query ChainStatusTraffic {
    account {
      users {
        name
        phone
      }
    }
  }
`);

/** Owner-only: runs a statement with the append-only triggers off (replica mode), as a tamperer would. */
async function bypassingTriggers(db: Db, statement: ReturnType<typeof sql>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await statement.execute(trx);
  });
}

async function traffic(t: TestGateway, requests = 3): Promise<void> {
  for (let i = 0; i < requests; i++) expect((await t.execute(ChainStatusTraffic, { as: 'agent', actAs: 'usr_jane read_only' })).status).toBe(200);
}

async function checkpoint(db: Db): Promise<PublishedCheckpoint> {
  const written = await writeCheckpoint(db, checkpointSigner(KEY));
  if (!written) throw new Error('no checkpoint was written');
  return written;
}

const headSeq = async (db: Db) => BigInt((await db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select('last_seq').executeTakeFirstOrThrow()).last_seq);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
});
afterAll(async () => {
  await t?.close();
});

describe('auditChainStatus', () => {
  it('walks the whole chain while no checkpoint is signed, and says so', async () => {
    await traffic(t);
    // The head as the check sees it: what was there, and the auditor's read of the status.
    const head = (await headSeq(t.db)) + 1n;
    const status = (await t.execute(AuditChainStatusQuery, { as: 'auditor' })).body.data?.auditChainStatus;
    expect(status).toMatchObject({ intact: true, checkpointSeq: null, fromSeq: '1', headSeq: String(head), problems: [] });
    expect(status?.rowsChecked).toBe(Number(head));
    expect(status?.summary).toMatch(/^The trail verifies: all \d+ rows, from row 1 to row \d+; no checkpoint has been signed yet\.$/);
  });

  it('checks only the rows from the newest signed checkpoint to the head, and says when', async () => {
    await traffic(t);
    const signed = await checkpoint(t.db);
    await traffic(t, 2);
    const requestId = newRequestId('chain-status');
    const before = Date.now();
    const head = (await headSeq(t.db)) + 1n;
    const result = await t.execute(AuditChainStatusQuery, { as: 'auditor', headers: { 'x-request-id': requestId } });
    const status = result.body.data?.auditChainStatus;
    expect(status).toMatchObject({ intact: true, checkpointSeq: signed.seq, checkpointSignedAt: signed.signedAt, fromSeq: signed.seq, headSeq: String(head), problems: [] });
    // The checkpoint's row and every row after it (its own audit read included), none before.
    expect(status?.rowsChecked).toBe(Number(head - BigInt(signed.seq) + 1n));
    expect(status?.rowsChecked).toBeLessThan(Number(head));
    expect(new Date(status!.checkedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(status?.summary).toContain(`from the checkpoint at row ${signed.seq} signed at ${signed.signedAt} to the head, row ${head}`);
    // The auditor's look is itself on the trail, before the answer left.
    const rows = await t.db.selectFrom('audit_events').select(['chain_seq', 'kind', 'actor_id', 'details']).where('request_id', '=', requestId).where('kind', '=', 'audit_read').execute();
    expect(rows).toMatchObject([{ chain_seq: String(head), actor_id: 'stf_dan', details: { what: 'auditChainStatus' } }]);
  });

  it('reports a row changed after the newest checkpoint, by its number', async () => {
    await checkpoint(t.db);
    await traffic(t, 1);
    const target = await t.db.selectFrom('audit_events').select(['chain_seq', 'summary']).where('type_field', '=', 'User.phone').orderBy('chain_seq', 'desc').limit(1).executeTakeFirstOrThrow();
    await bypassingTriggers(t.db, sql`update audit_events set summary = 'Nothing happened' where chain_seq = ${target.chain_seq}`);
    const status = (await t.execute(AuditChainStatusQuery, { as: 'auditor' })).body.data?.auditChainStatus;
    expect(status?.intact).toBe(false);
    const sentence = `Row ${target.chain_seq} was changed after it was written (its content no longer matches its hash).`;
    expect(status?.summary).toBe(`The trail does not verify. ${sentence}`);
    expect(status?.problems).toEqual([sentence]);
    // Put back as written: the control, and an intact chain for the cases after this one.
    await bypassingTriggers(t.db, sql`update audit_events set summary = ${target.summary} where chain_seq = ${target.chain_seq}`);
    expect((await t.execute(AuditChainStatusQuery, { as: 'auditor' })).body.data?.auditChainStatus.intact).toBe(true);
  });

  it('reports a newest checkpoint whose signature does not verify', async () => {
    await traffic(t, 1);
    const forged = await writeCheckpoint(t.db, checkpointSigner('an-attacker-key-that-is-not-the-gateways-0123'));
    expect(forged).not.toBeNull();
    const status = await verifyChainTail(t.db, [KEY]);
    expect(status.intact).toBe(false);
    expect(status.problems[0]).toMatchObject({ kind: 'checkpoint-unknown-key', seq: forged!.seq });
    // Found before any walk: a tail too long to walk here does not hide it.
    expect((await verifyChainTail(t.db, [KEY], { maxRows: 1 })).intact).toBe(false);
  });

  it('leaves a tail longer than it reads to audit:verify, and says it did not check', async () => {
    await traffic(t, 1);
    await checkpoint(t.db);
    await traffic(t, 1);
    expect((await verifyChainTail(t.db, [KEY])).intact).toBe(true);
    const status = await verifyChainTail(t.db, [KEY], { maxRows: 1 });
    expect(status.intact).toBeNull();
    expect(status.rowsChecked).toBe(0);
  });

  // Appended between the check's reads (after the head, after a page of rows), as a busy gateway
  // does: the check sees the trail as it stood at one instant, so nothing looks cut off or ahead.
  it.each([
    ['with no checkpoint (the whole chain)', false],
    ['from a signed checkpoint', true],
  ])('verifies a trail appended to while it is checked, %s', async (_case, anchored) => {
    if (anchored) await checkpoint(t.db);
    await traffic(t, 1);
    let appended = 0;
    const busy = t.db.withPlugin({
      transformQuery: (args) => args.node,
      async transformResult(args) {
        const first = args.result.rows[0];
        if (appended < 2 && first && typeof first === 'object' && ('last_seq' in first || 'prev_hash' in first)) {
          appended += 1;
          await traffic(t, 1);
        }
        return args.result;
      },
    });
    const status = await verifyChainTail(busy, [KEY]);
    expect(appended).toBe(2);
    expect(status.problems).toEqual([]);
    expect(status.intact).toBe(true);
    expect(BigInt(status.headSeq)).toBeLessThan(await headSeq(t.db));
  });

  // Security admins read the trail's events, but its verification is the auditors' to report.
  it.each(['agent', 'manager', 'security', 'oncall', 'customer'])('is refused to %s with FORBIDDEN, the refusal on the trail and no status returned', async (who) => {
    const requestId = newRequestId('chain-status-refused');
    const result = await t.execute(AuditChainStatusQuery, { as: who, headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('FORBIDDEN');
    expect(result.body.data ?? null).toBeNull();
    expect(result.text).not.toContain('verifies');
    const rows = await t.db.selectFrom('audit_events').select(['kind', 'type_field', 'decision']).where('request_id', '=', requestId).execute();
    expect(rows).toEqual([{ kind: 'access_denied', type_field: 'Query.auditChainStatus', decision: 'denied' }]);
  });
});
