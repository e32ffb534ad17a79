import type { Db } from '../db/database.js';
import { checkpointSignatureValid, GENESIS_HASH, hashAuditRow, keyId } from './audit-hash.js';

export type ChainProblem =
  | { kind: 'gap'; expectedSeq: string; foundSeq: string }
  | { kind: 'broken-link'; seq: string }
  | { kind: 'altered-row'; seq: string }
  | { kind: 'head-mismatch'; headSeq: string; lastSeq: string }
  | { kind: 'checkpoint-missing-row'; seq: string }
  | { kind: 'checkpoint-hash-mismatch'; seq: string }
  | { kind: 'checkpoint-bad-signature'; seq: string }
  | { kind: 'checkpoint-unknown-key'; seq: string; keyId: string };

export interface ChainReport {
  rows: number;
  checkpoints: number;
  /** The first problem found, in chain order; null when the chain is whole. */
  problem: ChainProblem | null;
}

const PAGE = 5000;

/**
 * Walks the chain from the first row: each row's sequence follows the last, its prev_hash is
 * the last row's hash, and its hash matches its content. Then the head must name the last row
 * (rows removed from the end while the head was left), and every signed checkpoint must still
 * find its row with the same hash (rows removed from the end with the head rewritten too).
 */
export async function verifyAuditChain(db: Db, checkpointKey: string): Promise<ChainReport> {
  const start = await chainStart(db);
  let expectedSeq = start.seq;
  let prev = start.prevHash;
  let rows = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_seq', '>=', expectedSeq.toString())
      .orderBy('chain_seq')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      if (BigInt(row.chain_seq) !== expectedSeq) return report(rows, 0, { kind: 'gap', expectedSeq: expectedSeq.toString(), foundSeq: row.chain_seq });
      if (row.prev_hash !== prev) return report(rows, 0, { kind: 'broken-link', seq: row.chain_seq });
      const { hash, ...content } = row;
      if (hashAuditRow(content) !== hash) return report(rows, 0, { kind: 'altered-row', seq: row.chain_seq });
      prev = hash;
      expectedSeq += 1n;
      rows += 1;
    }
    if (page.length < PAGE) break;
  }
  const lastSeq = (expectedSeq - 1n).toString();
  const head = await db.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
  if (head.last_seq !== lastSeq || head.last_hash !== prev) {
    return report(rows, 0, { kind: 'head-mismatch', headSeq: head.last_seq, lastSeq });
  }
  const checkpoints = await db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_seq').execute();
  const ourKey = keyId(checkpointKey);
  for (const checkpoint of checkpoints) {
    if (checkpoint.key_id !== ourKey) return report(rows, checkpoints.length, { kind: 'checkpoint-unknown-key', seq: checkpoint.chain_seq, keyId: checkpoint.key_id });
    if (!checkpointSignatureValid(checkpointKey, checkpoint.chain_seq, checkpoint.hash, checkpoint.signature)) {
      return report(rows, checkpoints.length, { kind: 'checkpoint-bad-signature', seq: checkpoint.chain_seq });
    }
    // A checkpoint of rows retention detached (declared in the chain, see chainStart) has no row to find.
    if (BigInt(checkpoint.chain_seq) < start.seq) continue;
    const row = await db.selectFrom('audit_events').select('hash').where('chain_seq', '=', checkpoint.chain_seq).executeTakeFirst();
    if (!row) return report(rows, checkpoints.length, { kind: 'checkpoint-missing-row', seq: checkpoint.chain_seq });
    if (row.hash !== checkpoint.hash) return report(rows, checkpoints.length, { kind: 'checkpoint-hash-mismatch', seq: checkpoint.chain_seq });
  }
  return report(rows, checkpoints.length, null);
}

/**
 * Where the chain begins: row 1, or (after retention detached old months) the first kept row,
 * but only if a retention event in the chain itself says rows were detached up to there.
 */
async function chainStart(db: Db): Promise<{ seq: bigint; prevHash: string }> {
  const first = await db.selectFrom('audit_events').select(['chain_seq', 'prev_hash']).orderBy('chain_seq').limit(1).executeTakeFirst();
  if (!first || first.chain_seq === '1') return { seq: 1n, prevHash: GENESIS_HASH };
  const retention = await db
    .selectFrom('audit_events')
    .select('details')
    .where('kind', '=', 'audit_retention')
    .orderBy('chain_seq', 'desc')
    .execute();
  const declared = retention.some((row) => String(row.details['keptFrom']) === first.chain_seq);
  return declared ? { seq: BigInt(first.chain_seq), prevHash: first.prev_hash } : { seq: 1n, prevHash: GENESIS_HASH };
}

function report(rows: number, checkpoints: number, problem: ChainProblem | null): ChainReport {
  return { rows, checkpoints, problem };
}

/** The sentence `npm run audit:verify` prints for a problem: which link, and what it means. */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `Row ${problem.expectedSeq} is missing (the next row is ${problem.foundSeq}): rows were removed.`;
    case 'broken-link':
      return `Row ${problem.seq} does not follow the row before it (its prev_hash differs): a row before it was changed, removed or inserted.`;
    case 'altered-row':
      return `Row ${problem.seq} was changed after it was written (its content no longer matches its hash).`;
    case 'head-mismatch':
      return `The chain ends at row ${problem.lastSeq}, but the head says row ${problem.headSeq}: the newest rows were removed or the head was altered.`;
    case 'checkpoint-missing-row':
      return `Signed checkpoint at row ${problem.seq} finds no such row: the newest rows were removed.`;
    case 'checkpoint-hash-mismatch':
      return `Signed checkpoint at row ${problem.seq} does not match the row's hash: rows up to it were rewritten.`;
    case 'checkpoint-bad-signature':
      return `Checkpoint at row ${problem.seq} has a signature that does not verify: it was forged or altered.`;
    case 'checkpoint-unknown-key':
      return `Checkpoint at row ${problem.seq} was signed with key ${problem.keyId}, not the key given: run with the key that signed it.`;
  }
}
