import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql, type Transaction } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { appendAuditRows, appendToChain, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { parseSealStatement, parseSealToken, sealToken, type PublishedSeal } from '../../src/audit/audit-seal.js';
import { formatAuditExport } from '../../src/audit/audit-export.js';
import { findAuditEvents } from '../../src/audit/audit-queries.js';
import { createAuditWriter } from '../../src/audit/audit-writer.js';
import { describeChainProblem } from '../../src/audit/chain-report.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { parseExpectToken, readCheckpointFile, sealAuditChains, writeCheckpoint } from '../../src/audit/checkpoints.js';
import { detachAuditPartitionsBefore, ensureAuditPartitions, partitionName } from '../../src/audit/partitions.js';
import { segmentSink, startAuditStream, verifySegments, type OcsfApiActivity } from '../../src/audit/stream/index.js';
import { createLogger } from '../../src/log/logger.js';
import { waitUntil } from '../notify/wait-until.js';
import { verifyChainTail } from '../../src/audit/verify-chain-tail.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import type { Database, Db } from '../../src/db/database.js';
import type { ChainsAuditEventsQuery } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { startTestGateway } from '../support/gateway.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { seqsByChain } from './audit-support.js';

const KEY = 'chains-test-checkpoint-key-0123456789abcdef';
const SIGNER = checkpointSigner(KEY);

const row = (summary: string): AuditRowInput => ({ kind: 'test_event', actor_kind: 'system', actor_name: 'Chains test', details: { summary }, summary });
const rows = (label: string, n: number) => Array.from({ length: n }, (_, i) => row(`${label} ${i + 1}`));

/** Appends on chain `chain` exactly, creating the heads up to it: what busy writers would have made. */
async function appendOn(db: Db, chain: number, count: number | AuditRowInput[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let id = 1; id <= chain; id++) {
      await sql`insert into audit_chain_heads (chain_id, last_seq, last_hash) values (${id}, 0, ${'0'.repeat(64)}) on conflict do nothing`.execute(trx);
    }
    const head = await trx.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).where('chain_id', '=', chain).forUpdate().executeTakeFirstOrThrow();
    await appendToChain(trx, head, typeof count === 'number' ? rows(`chain ${chain}`, count) : count);
  });
}

/** Owner-only: runs statements with the append-only triggers off (replica mode), as someone rewriting history would. */
async function bypassingTriggers(db: Db, ...statements: Array<ReturnType<typeof sql>>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

async function seal(db: Db): Promise<PublishedSeal> {
  const signed = await sealAuditChains(db, SIGNER);
  if (!signed || !('heads' in signed)) throw new Error('no seal was signed');
  return signed;
}

const ChainsStatusQuery = graphql(`
  query ChainsStatusQuery {
    auditChainStatus {
      intact
      summary
      rowsChecked
      chains {
        chain
        checkpointSeq
        fromSeq
        headSeq
        rowsChecked
      }
    }
  }
`);

const ChainsAuditEvents = graphql(`
  query ChainsAuditEvents($after: String) {
    auditEvents(filter: { actor: "stf_chains" }, first: 1, after: $after) {
      edges {
        cursor
        node {
          id
          summary
        }
      }
      hasNextPage
      endCursor
    }
  }
`);

const problemsOf = async (db: Db, options: Parameters<typeof verifyAuditChain>[2] = {}) => (await verifyAuditChain(db, KEY, options)).problems;

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(() => database.destroy());

describe('several chains', () => {
  it('a quiet deployment stays on chain 0 and signs checkpoints as before (seq:hash:signedAt, no seal)', async () => {
    const writer = createAuditWriter(database.db, database.pool, null, null, 8);
    for (let i = 0; i < 5; i++) await writer.write(rows(`quiet ${i}`, 3));
    expect([...(await seqsByChain(database.db)).keys()]).toEqual([0]);
    const signed = await sealAuditChains(database.db, SIGNER);
    expect(signed).toMatchObject({ seq: '15' });
    expect(signed && 'heads' in signed).toBe(false);
    expect(await database.db.selectFrom('audit_seals').select('seal_id').execute()).toEqual([]);
    expect(await problemsOf(database.db)).toEqual([]);
  });

  it.skipIf(inject('databaseUrl') === null)('writers at once land on several chains, each gapless and verifying; with WARDEN_AUDIT_CHAINS=1 they wait on chain 0 instead', async () => {
    // A transaction holds chain 0 (as a mutation recording its event does) while the group commit appends.
    const held = database.db.transaction().execute(async (trx) => {
      await appendAuditRows(trx, [row('held')], 8);
      await sql`select pg_sleep(0.3)`.execute(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await createAuditWriter(database.db, database.pool, null, null, 8).write(rows('beside', 4));
    await held;
    // Many at once, each holding its head a moment.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        database.db.transaction().execute(async (trx: Transaction<Database>) => {
          await appendAuditRows(trx, rows(`busy ${i}`, 2), 8);
          await sql`select pg_sleep(0.05)`.execute(trx);
        }),
      ),
    );
    const byChain = await seqsByChain(database.db);
    expect(byChain.size).toBeGreaterThanOrEqual(2);
    expect(byChain.get(1)?.slice(0, 4)).toEqual([1, 2, 3, 4]);
    for (const seqs of byChain.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect([...byChain.values()].reduce((sum, seqs) => sum + seqs.length, 0)).toBe(1 + 4 + 24);
    await seal(database.db);
    const report = await verifyAuditChain(database.db, KEY);
    expect(report.problems).toEqual([]);
    expect(report.chains.map((c) => c.chain)).toEqual([...byChain.keys()]);
    expect(report.rows).toBe(29);

    // Control: one chain allowed, the same load all waits its turn on chain 0, and nothing fails.
    const single = await createTestDatabase();
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          single.db.transaction().execute(async (trx: Transaction<Database>) => {
            await appendAuditRows(trx, rows(`one chain ${i}`, 2), 1);
            await sql`select pg_sleep(0.02)`.execute(trx);
          }),
        ),
      );
      await createAuditWriter(single.db, single.pool, null, null, 1).write(rows('copy', 3));
      expect([...(await seqsByChain(single.db)).entries()]).toEqual([[0, Array.from({ length: 19 }, (_, i) => i + 1)]]);
      expect(await single.db.selectFrom('audit_chain_heads').select('chain_id').execute()).toEqual([{ chain_id: 0 }]);
    } finally {
      await single.destroy();
    }
  });

  it.skipIf(inject('databaseUrl') === null)('a transaction that appends twice stays on the chain it took first, though a lower one came free meanwhile', async () => {
    let releaseZero: () => void = () => undefined;
    const zeroFree = new Promise<void>((resolve) => (releaseZero = resolve));
    let tookOne: () => void = () => undefined;
    const oneTaken = new Promise<void>((resolve) => (tookOne = resolve));
    // Holds chain 0 until told.
    const holder = database.db.transaction().execute(async (trx) => {
      await appendAuditRows(trx, [row('holder')], 8);
      tookOne();
      await zeroFree;
    });
    await oneTaken;
    await database.db.transaction().execute(async (trx) => {
      await appendAuditRows(trx, [row('first of two')], 8);
      releaseZero();
      await holder;
      await appendAuditRows(trx, [row('second of two')], 8);
    });
    const placed = await database.db.selectFrom('audit_events').select(['chain_id', 'chain_seq', 'summary']).orderBy('chain_id').orderBy('chain_seq').execute();
    expect(placed).toEqual([
      { chain_id: 0, chain_seq: '1', summary: 'holder' },
      { chain_id: 1, chain_seq: '1', summary: 'first of two' },
      { chain_id: 1, chain_seq: '2', summary: 'second of two' },
    ]);
    expect(await problemsOf(database.db)).toEqual([]);
  });

  it('hashes chain_id into a row only off chain 0: a row moved between chains no longer matches its hash', async () => {
    await appendOn(database.db, 0, 3);
    await appendOn(database.db, 1, 3);
    await appendOn(database.db, 2, 3);
    expect(await problemsOf(database.db)).toEqual([]);
    await bypassingTriggers(database.db, sql`update audit_events set chain_id = 2, chain_seq = 4 where chain_id = 1 and chain_seq = 3`);
    const problems = await problemsOf(database.db, { toleranceMs: 60 * 60_000 });
    expect(problems).toEqual([
      { kind: 'head-mismatch', headSeq: '3', lastSeq: '2', chain: 1 },
      { kind: 'broken-link', seq: '4', chain: 2 },
      { kind: 'altered-row', seq: '4', chain: 2 },
      { kind: 'head-mismatch', headSeq: '3', lastSeq: '4', chain: 2 },
    ]);
    expect(describeChainProblem(problems[2]!)).toBe('Chain 2: Row 4 was changed after it was written (its content no longer matches its hash).');
    // And from chain 1 onto chain 0, where no chain_id is hashed: the row still names chain 1 in its hash.
    await bypassingTriggers(database.db, sql`update audit_events set chain_id = 0, chain_seq = 4 where chain_id = 1 and chain_seq = 2`);
    expect(await problemsOf(database.db, { toleranceMs: 60 * 60_000 })).toContainEqual({ kind: 'altered-row', seq: '4' });
  });

  it('seals every head in one signed statement, which parses back from its token and its file line', async () => {
    await appendOn(database.db, 0, 2);
    await appendOn(database.db, 3, 5);
    const signed = await seal(database.db);
    // Chains 1 and 2 have heads but no rows yet: nothing of theirs to seal.
    expect(signed.heads.map((h) => [h.chain, h.seq])).toEqual([
      [0, '2'],
      [3, '5'],
    ]);
    const stored = await database.db.selectFrom('audit_seals').selectAll().executeTakeFirstOrThrow();
    expect(stored.statement.startsWith('warden-audit-seal-v1\nsigned-at ')).toBe(true);
    expect(parseSealStatement(stored.statement)?.heads).toEqual(signed.heads);
    expect(parseSealToken(sealToken(signed))).toEqual({ heads: signed.heads, signed: { signedAt: new Date(signed.signedAt), signature: signed.signature } });
    // Nothing moved: no second seal.
    expect(await sealAuditChains(database.db, SIGNER)).toBeNull();
    expect(await problemsOf(database.db)).toEqual([]);
  });

  it("a chain's tail removed and its head rewritten is caught by the seal in the table, and by one kept outside once the seals are gone too", async () => {
    await appendOn(database.db, 0, 3);
    await appendOn(database.db, 2, 6);
    const kept = await seal(database.db);
    const cut = await database.db.selectFrom('audit_events').select(['chain_seq', 'hash']).where('chain_id', '=', 2).where('chain_seq', '=', '4').executeTakeFirstOrThrow();
    expect(await problemsOf(database.db)).toEqual([]);
    await bypassingTriggers(
      database.db,
      sql`delete from audit_events where chain_id = 2 and chain_seq > 4`,
      sql`update audit_chain_heads set last_seq = 4, last_hash = ${cut.hash} where chain_id = 2`,
    );
    expect(await problemsOf(database.db)).toEqual([{ kind: 'checkpoint-missing-row', seq: '6', source: 'database', chain: 2 }]);
    const tail = await verifyChainTail(database.db, [KEY]);
    expect(tail.intact).toBe(false);
    expect(tail.problems).toContainEqual({ kind: 'checkpoint-missing-row', seq: '6', source: 'database', chain: 2 });

    // The seals removed as well: the table shows nothing, the seal kept outside does.
    await bypassingTriggers(database.db, sql`delete from audit_seal_heads`, sql`delete from audit_seals`);
    expect(await problemsOf(database.db)).toEqual([]);
    const outside = parseExpectToken(sealToken(kept));
    expect(outside).not.toBeNull();
    expect(await problemsOf(database.db, { external: [outside!] })).toEqual([{ kind: 'checkpoint-missing-row', seq: '6', source: 'expected', chain: 2 }]);
  });

  it('a whole chain removed, rows and head, is caught by the seals that name it', async () => {
    await appendOn(database.db, 0, 2);
    await appendOn(database.db, 3, 4);
    await seal(database.db);
    await bypassingTriggers(database.db, sql`delete from audit_events where chain_id = 3`, sql`delete from audit_chain_heads where chain_id = 3`);
    expect(await problemsOf(database.db)).toEqual([{ kind: 'checkpoint-missing-row', seq: '4', source: 'database', chain: 3 }]);
  });

  it("every row of a chain no seal names yet deleted, its head left: the tail check is not intact, as verify says", async () => {
    await appendOn(database.db, 0, 2);
    await appendOn(database.db, 2, 2);
    await seal(database.db);
    // Chain 5 begins after the newest seal: nothing outside the table names it yet.
    await appendOn(database.db, 5, 4);
    await bypassingTriggers(database.db, sql`delete from audit_events where chain_id = 5`);
    expect(await problemsOf(database.db)).toContainEqual(expect.objectContaining({ kind: 'head-mismatch', chain: 5 }));
    const tail = await verifyChainTail(database.db, [KEY]);
    expect(tail.intact).toBe(false);
    expect(tail.problems).toContainEqual(expect.objectContaining({ kind: 'head-mismatch', headSeq: '4', chain: 5 }));
  });

  it('a forged row on chain 3, rows of a chain without a head, and a seal edited to leave a chain out are each reported', async () => {
    await appendOn(database.db, 0, 2);
    await appendOn(database.db, 3, 3);
    await seal(database.db);
    const last = await database.db.selectFrom('audit_events').selectAll().where('chain_id', '=', 3).where('chain_seq', '=', '3').executeTakeFirstOrThrow();
    // Written behind the gateway's back, after the chain's last row: its head does not name it.
    await sql`insert into audit_events (chain_id, chain_seq, occurred_at, kind, actor_kind, summary, prev_hash, hash)
              values (3, 4, now(), 'test_event', 'system', 'forged', ${last.hash}, ${'f'.repeat(64)})`.execute(database.db);
    await sql`insert into audit_events (chain_id, chain_seq, occurred_at, kind, actor_kind, summary, prev_hash, hash)
              values (5, 1, now(), 'test_event', 'system', 'headless', ${'0'.repeat(64)}, ${'e'.repeat(64)})`.execute(database.db);
    const problems = await problemsOf(database.db);
    expect(problems).toEqual([
      { kind: 'altered-row', seq: '4', chain: 3 },
      { kind: 'head-mismatch', headSeq: '3', lastSeq: '4', chain: 3 },
      { kind: 'altered-row', seq: '1', chain: 5 },
      { kind: 'chain-without-head', lastSeq: '1', chain: 5 },
    ]);

    // A seal whose statement lost chain 3's line no longer verifies.
    const stored = await database.db.selectFrom('audit_seals').select(['seal_id', 'statement', 'signed_at']).executeTakeFirstOrThrow();
    const edited = stored.statement.split('\n').filter((line) => !line.startsWith('3 ')).join('\n');
    await bypassingTriggers(database.db, sql`update audit_seals set statement = ${edited} where seal_id = ${stored.seal_id}`);
    expect(await problemsOf(database.db)).toContainEqual({ kind: 'seal-bad-signature', signedAt: stored.signed_at.toISOString(), source: 'database' });
  });

  it('a head naming rows its chain does not have, and a chain left unsigned too long, are each reported on their chain', async () => {
    await appendOn(database.db, 0, 2);
    await appendOn(database.db, 2, 2);
    await sql`insert into audit_chain_heads (chain_id, last_seq, last_hash) values (6, 5, ${'a'.repeat(64)})`.execute(database.db);
    expect(await problemsOf(database.db)).toEqual([{ kind: 'head-mismatch', headSeq: '5', lastSeq: '0', chain: 6 }]);

    // Ten minutes on, with only chain 0's head signed (a checkpoint of chain 0 alone): chain 2's rows waited too long.
    await bypassingTriggers(database.db, sql`delete from audit_chain_heads where chain_id = 6`);
    expect(await writeCheckpoint(database.db, SIGNER)).not.toBeNull();
    const later = await problemsOf(database.db, { now: new Date(Date.now() + 10 * 60_000) });
    expect(later).toEqual([expect.objectContaining({ kind: 'checkpoints-stale', checkpointSeq: null, firstUnsignedSeq: '1', chain: 2 })]);
    // Control: a seal covers chain 2 as well, and nothing has waited.
    await seal(database.db);
    expect(await problemsOf(database.db, { now: new Date(Date.now() + 10 * 60_000) })).toEqual([]);
  });

  it('the checkpoint file holds seals, which audit:verify reads back and holds the chains to', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-seals-'));
    try {
      const file = path.join(dir, 'checkpoints.jsonl');
      await appendOn(database.db, 0, 2);
      await appendOn(database.db, 1, 3);
      const signed = await sealAuditChains(database.db, SIGNER, { file });
      const read = await readCheckpointFile(file);
      expect(read).toMatchObject({ checkpoints: [], malformedLines: [] });
      expect(read.seals).toEqual([{ source: 'file', heads: signed && 'heads' in signed ? signed.heads : [], signed: expect.objectContaining({ keyId: SIGNER.keyId, scheme: SIGNER.scheme }) }]);
      expect(await problemsOf(database.db, { external: read.seals })).toEqual([]);
      // A head changed in the file no longer matches its signature.
      writeFileSync(file, readFileSync(file, 'utf8').replace('"seq":"3"', '"seq":"2"'));
      const edited = await readCheckpointFile(file);
      expect(await problemsOf(database.db, { external: edited.seals })).toEqual([{ kind: 'seal-bad-signature', signedAt: signed?.signedAt, source: 'file' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('auditChainStatus over several chains', () => {
  it('checks each chain from the newest seal whose signature holds, and lists them', async () => {
    const t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
    try {
      await appendOn(t.db, 2, 3);
      const sealed = await seal(t.db);
      await appendOn(t.db, 2, 1);
      const zero = sealed.heads.find((head) => head.chain === 0);
      const status = (await t.execute(ChainsStatusQuery, { as: 'auditor' })).body.data?.auditChainStatus;
      expect(status?.intact).toBe(true);
      expect(status?.summary).toMatch(/^The trail verifies: on each of its 3 chains, from the newest signed seal \(or the chain's start\) to its head/);
      expect(status?.chains).toEqual([
        // Chain 0 goes on past the seal: the auditor's own read of the status is on it.
        { chain: 0, checkpointSeq: zero?.seq, fromSeq: zero?.seq, headSeq: String(BigInt(zero?.seq ?? '0') + 1n), rowsChecked: 2 },
        { chain: 1, checkpointSeq: null, fromSeq: '0', headSeq: '0', rowsChecked: 0 },
        { chain: 2, checkpointSeq: '3', fromSeq: '3', headSeq: '4', rowsChecked: 2 },
      ]);
      expect(status?.rowsChecked).toBe(4);

      // Control: chain 2's row after the seal changed, the status says so and names the chain.
      await bypassingTriggers(t.db, sql`update audit_events set summary = 'changed' where chain_id = 2 and chain_seq = 4`);
      const broken = (await t.execute(ChainsStatusQuery, { as: 'auditor' })).body.data?.auditChainStatus;
      expect(broken?.intact).toBe(false);
      expect(broken?.summary).toBe('The trail does not verify. Chain 2: Row 4 was changed after it was written (its content no longer matches its hash).');
    } finally {
      await t.close();
    }
  });
});

describe('auditEvents over several chains', () => {
  it('lists rows of every chain newest first, each named CHAIN:NUMBER off chain 0, paging without skipping or repeating one', async () => {
    const t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
    try {
      const at = (minutes: number, summary: string): AuditRowInput => ({ ...row(summary), actor_kind: 'staff', actor_id: 'stf_chains', occurred_at: new Date(Date.now() - minutes * 60_000) });
      await appendOn(t.db, 2, [at(50, 'oldest, chain 2'), at(30, 'middle, chain 2')]);
      await appendOn(t.db, 0, [at(40, 'older, chain 0'), at(10, 'newest, chain 0')]);
      const seen: { id: string; summary: string }[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const connection: ChainsAuditEventsQuery['auditEvents'] | undefined = (await t.execute(ChainsAuditEvents, { as: 'auditor', variables: { after } })).body.data?.auditEvents;
        for (const edge of connection?.edges ?? []) {
          expect(edge.cursor).toBe(edge.node.id);
          seen.push(edge.node);
        }
        if (!connection?.hasNextPage) break;
        after = connection.endCursor ?? null;
      }
      const onZero = await t.db.selectFrom('audit_events').select('chain_seq').where('chain_id', '=', 0).where('actor_id', '=', 'stf_chains').orderBy('chain_seq').execute();
      expect(seen.map((node) => node.summary)).toEqual(['newest, chain 0', 'middle, chain 2', 'older, chain 0', 'oldest, chain 2']);
      expect(seen.map((node) => node.id)).toEqual([onZero[1]?.chain_seq, '2:2', onZero[0]?.chain_seq, '2:1']);
      // The CSV export names them alike, in its chain_seq column.
      const rows = await findAuditEvents(t.db, { actor: 'stf_chains' }, 10, null);
      const csv = formatAuditExport(rows, 'csv', 10).content.split('\n').slice(1).map((line) => line.split(',')[0]);
      expect(csv).toEqual([`"${onZero[1]?.chain_seq}"`, '"2:2"', `"${onZero[0]?.chain_seq}"`, '"2:1"']);
      // And the record of an export names its first and last row the same way.
      const response = await t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor('auditor')}`, 'x-request-id': 'chains-export-sent' },
        body: JSON.stringify({ query: 'query ChainsExport { auditExport(filter: { actor: "stf_chains" }, format: CSV, limit: 10) { truncated } }' }),
      });
      expect(response.status).toBe(200);
      const read = await t.db.selectFrom('audit_events').select('details').where('kind', '=', 'audit_read').where('request_id', '=', 'chains-export-sent').executeTakeFirstOrThrow();
      expect((read.details as { sent?: unknown }).sent).toEqual({ events: 4, firstChainSeq: onZero[1]?.chain_seq, lastChainSeq: '2:1', truncated: false });
    } finally {
      await t.close();
    }
  });
});

describe('npm run audit:verify over several chains', () => {
  /** `npm run audit:verify -- …args` against the test database, as an operator runs it. */
  async function auditVerify(url: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: url, WARDEN_AUDIT_CHECKPOINT_KEY: KEY, WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS: '', WARDEN_AUDIT_CHECKPOINT_FILE: '' };
    try {
      const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'audit:verify', '--', ...args], { cwd: new URL('../../', import.meta.url), env, timeout: 60_000 });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: unknown; stdout?: string; stderr?: string };
      if (typeof failed.code !== 'number') throw error;
      return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  }

  it.skipIf(inject('databaseUrl') === null)('takes a seal from the log line as --expect, and names the chain whose tail it finds cut', async () => {
    const url = database.url ?? '';
    await appendOn(database.db, 0, 3);
    await appendOn(database.db, 2, 6);
    const kept = sealToken(await seal(database.db));
    const intact = await auditVerify(url, '--expect', kept);
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain('is intact: chains: 3, rows: 9');
    expect(intact.stdout).toContain('Chain 2: The newest row, 6, is vouched for by a checkpoint kept outside the database (--expect');

    const cut = await database.db.selectFrom('audit_events').select('hash').where('chain_id', '=', 2).where('chain_seq', '=', '4').executeTakeFirstOrThrow();
    await bypassingTriggers(
      database.db,
      sql`delete from audit_events where chain_id = 2 and chain_seq > 4`,
      sql`update audit_chain_heads set last_seq = 4, last_hash = ${cut.hash} where chain_id = 2`,
      sql`delete from audit_seal_heads`,
      sql`delete from audit_seals`,
    );
    const broken = await auditVerify(url, '--expect', kept);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('First problem: Chain 2: Expected checkpoint at row 6 finds no such row: rows up to it were removed.');
    expect((await auditVerify(url, '--expect', 'seal:2/6')).code).toBe(2);
  });
});

describe('retention over several chains', () => {
  const MARCH = new Date(Date.UTC(2025, 2, 1));
  const APRIL = new Date(Date.UTC(2025, 3, 1));
  const MAY = new Date(Date.UTC(2025, 4, 1));
  const old = (month: Date, n: number): AuditRowInput => ({ ...row(`old ${n}`), occurred_at: new Date(month.getTime() + n * 3_600_000) });
  /** Rows from 2025 were never signed in this test: only the chains are judged here. */
  const LONG_AGO = { toleranceMs: 10 * 366 * 86_400_000 };

  it('records where each chain now starts, on that chain, and each verifies from there', async () => {
    const db = database.db;
    await ensureAuditPartitions(db, MARCH, 1);
    await ensureAuditPartitions(db);
    await appendOn(db, 0, [old(MARCH, 1), old(APRIL, 2)]);
    await appendOn(db, 2, [old(MARCH, 3), old(MARCH, 4), old(APRIL, 5)]);
    await appendOn(db, 0, 2);
    await appendOn(db, 2, 1);
    expect(await problemsOf(db, LONG_AGO)).toEqual([]);
    // Retention removes only rows a seal covers.
    expect(await sealAuditChains(db, SIGNER)).not.toBeNull();
    expect(await detachAuditPartitionsBefore(db, MAY, false)).toEqual([partitionName(MARCH), partitionName(APRIL)]);

    const records = await db.selectFrom('audit_events').select(['chain_id', 'chain_seq', 'details']).where('kind', '=', 'audit_retention').orderBy('chain_id').execute();
    expect(records.map((r) => [r.chain_id, r.chain_seq, (r.details as { keptFrom?: string }).keptFrom])).toEqual([
      [0, '5', '3'],
      [1, '1', '1'],
      [2, '5', '4'],
    ]);
    const report = await verifyAuditChain(db, KEY, LONG_AGO);
    expect(report.problems).toEqual([]);
    expect(report.chains.map((c) => [c.chain, c.start.seq, c.start.reason])).toEqual([
      [0, '3', 'retention'],
      [1, '1', 'retention'],
      [2, '4', 'retention'],
    ]);
  });
});

describe('streaming several chains', () => {
  it('streams each chain with a cursor of its own, in its order, into segments that verify per chain', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-chain-segments-'));
    const logger = createLogger('silent');
    const stream = startAuditStream({
      db: database.db,
      sinks: [segmentSink({ directory: dir, signer: SIGNER, segmentRows: 4, segmentMaxAgeMs: 0 })],
      logger,
      pollMs: 20,
    });
    try {
      await appendOn(database.db, 0, 5);
      await appendOn(database.db, 2, 6);
      await seal(database.db);
      const cursors = async () => (await database.db.selectFrom('audit_stream_cursors').select(['chain', 'last_seq']).orderBy('chain').execute()).filter((c) => c.last_seq !== '0');
      await waitUntil(async () => JSON.stringify(await cursors()) === JSON.stringify([{ chain: 'chain-2', last_seq: '6' }, { chain: 'default', last_seq: '5' }]));
      const names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
      expect(names.filter((name) => name.startsWith('warden-audit-chain-2-'))).not.toEqual([]);
      const report = await verifySegments(dir, [KEY]);
      expect(report.problems).toEqual([]);
      expect(report.chains.map((c) => [c.chain, c.firstSeq, c.lastSeq])).toEqual([
        ['chain-2', '1', '6'],
        ['default', '1', '5'],
      ]);
      // Chain 2's events carry their chain in the row (it is hashed) and in their ids.
      const chain2 = names.filter((name) => name.startsWith('warden-audit-chain-2-')).sort()[0] ?? '';
      const first = JSON.parse(readFileSync(path.join(dir, chain2), 'utf8').split('\n')[0] ?? '') as OcsfApiActivity;
      expect(first.unmapped.warden.row.chain_id).toBe(2);
      expect(first.metadata.uid).toMatch(/^chain-2:1:/);

      // A row moved into another chain's segment (name and seal rewritten to match) is caught.
      const original = readFileSync(path.join(dir, chain2), 'utf8');
      writeFileSync(path.join(dir, chain2), original.replace('"chain_id":2', '"chain_id":0'));
      expect((await verifySegments(dir, [KEY])).problems.map((p) => p.kind)).toContain('altered-row');
    } finally {
      await stream.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with WARDEN_AUDIT_STREAM_START=next, a chain created after the first start is sent whole, and the rows before the start are not', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'warden-chain-next-'));
    await appendOn(database.db, 0, 3);
    const stream = startAuditStream({
      db: database.db,
      sinks: [segmentSink({ directory: dir, signer: SIGNER, segmentRows: 100, segmentMaxAgeMs: 0 })],
      logger: createLogger('silent'),
      pollMs: 20,
      start: 'next',
    });
    try {
      await waitUntil(async () => (await database.db.selectFrom('audit_stream_cursors').select('chain').execute()).length === 1);
      await appendOn(database.db, 0, 2);
      await appendOn(database.db, 4, 3);
      await waitUntil(async () => {
        const cursors = await database.db.selectFrom('audit_stream_cursors').select(['chain', 'last_seq']).where('chain', 'in', ['default', 'chain-4']).orderBy('chain').execute();
        return JSON.stringify(cursors) === JSON.stringify([{ chain: 'chain-4', last_seq: '3' }, { chain: 'default', last_seq: '5' }]);
      });
      expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl')).sort()).toEqual([
        'warden-audit-chain-4-00000000000000000001-00000000000000000003.jsonl',
        'warden-audit-default-00000000000000000004-00000000000000000005.jsonl',
      ]);
    } finally {
      await stream.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
