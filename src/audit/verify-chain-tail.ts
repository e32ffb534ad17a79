import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { hashAuditRow } from './audit-hash.js';
import { describeChainProblem, type ChainProblem } from './chain-report.js';
import { checkpointVerifier } from './checkpoint-signature.js';
import { inSnapshot, judgeSignature, unsignedTooLong, verifyAuditChain, DEFAULT_CHECKPOINT_TOLERANCE_MS } from './verify-chain.js';

export interface ChainTailOptions {
  /** @default 3 minutes, as `audit:verify` */
  toleranceMs?: number;
  /** @default the current time */
  now?: Date;
  /**
   * Rows walked at most. A longer tail (or, with no signed checkpoint yet, a longer chain) is
   * left to `npm run audit:verify`, and the status says it was not checked. @default 100000
   */
  maxRows?: number;
  /** @default 20 */
  maxProblems?: number;
}

/** How the trail stands, from the newest signed checkpoint to the head. */
export interface ChainTailStatus {
  /** True: the tail verifies; false: a problem was found; null: too long to check here. */
  intact: boolean | null;
  /** The checkpoint the walk started from; null when none verified (the walk then starts at the chain's start). */
  checkpoint: { seq: string; signedAt: Date | null; keyId: string | null } | null;
  /** The first row walked ("0" when nothing was). */
  fromSeq: string;
  /** The head: the newest row the chain claims. */
  headSeq: string;
  rowsChecked: number;
  checkedAt: Date;
  problems: ChainProblem[];
  truncated: boolean;
}

const PAGE = 5000;
const NEWEST_CHECKPOINTS = 20;

/**
 * The cheap check behind the console's status line: the newest checkpoint whose signature holds
 * is the anchor, its row must still carry the hash it signed, and every row from there to the
 * head must follow the one before and match its own hash; the head must name the last, and no
 * row may have waited longer than the tolerance for a checkpoint. Newer checkpoints whose
 * signature fails are reported. Rows before the anchor are vouched for by its signature alone:
 * only the full walk (`verifyAuditChain`, `npm run audit:verify`) re-reads them. Without any
 * signed checkpoint the full walk runs, when the chain is short enough.
 */
export function verifyChainTail(db: Db, keys: readonly string[], options: ChainTailOptions = {}): Promise<ChainTailStatus> {
  return inSnapshot(db, (snapshot) => walkChainTail(snapshot, keys, options));
}

async function walkChainTail(db: Db, keys: readonly string[], options: ChainTailOptions): Promise<ChainTailStatus> {
  const checkedAt = options.now ?? new Date();
  const maxRows = options.maxRows ?? 100_000;
  const maxProblems = options.maxProblems ?? 20;
  const toleranceMs = options.toleranceMs ?? DEFAULT_CHECKPOINT_TOLERANCE_MS;
  const verifiers = keys.map(checkpointVerifier);
  const problems: ChainProblem[] = [];
  const head = await db.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
  /** The status; `checked` false when the walk was left to `audit:verify` (a problem found before that still counts). */
  const finish = (walk: Pick<ChainTailStatus, 'checkpoint' | 'fromSeq' | 'rowsChecked'>, checked = true): ChainTailStatus => ({
    intact: problems.length > 0 ? false : checked ? true : null,
    ...walk,
    headSeq: head.last_seq,
    checkedAt,
    problems: problems.slice(0, maxProblems),
    truncated: problems.length > maxProblems,
  });

  const newest = await db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_seq', 'desc').limit(NEWEST_CHECKPOINTS).execute();
  let anchor: { seq: bigint; hash: string; signedAt: Date | null; keyId: string | null } | null = null;
  for (const c of newest) {
    const judged = judgeSignature(
      { source: 'database', seq: c.chain_seq, hash: c.hash, signed: { signedAt: c.signed_at, signature: c.signature, keyId: c.key_id, scheme: c.scheme } },
      verifiers,
    );
    if ('kind' in judged) problems.push(judged);
    else {
      anchor = { seq: judged.seq, hash: judged.hash, signedAt: judged.signedAt, keyId: c.key_id };
      break;
    }
  }

  if (!anchor) {
    if (BigInt(head.last_seq) > BigInt(maxRows)) return finish({ checkpoint: null, fromSeq: '0', rowsChecked: 0 }, false);
    const full = await verifyAuditChain(db, keys, { toleranceMs, now: checkedAt, maxProblems });
    problems.push(...full.problems);
    return finish({ checkpoint: null, fromSeq: full.rows > 0 ? full.start.seq : '0', rowsChecked: full.rows });
  }
  if (BigInt(head.last_seq) - anchor.seq >= BigInt(maxRows)) {
    return finish({ checkpoint: { seq: anchor.seq.toString(), signedAt: anchor.signedAt, keyId: anchor.keyId }, fromSeq: anchor.seq.toString(), rowsChecked: 0 }, false);
  }

  let expectedSeq = anchor.seq;
  let prev: string | null = null;
  let rows = 0;
  let after: { seq: string; at: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .select(sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('page_at'))
      .where('chain_seq', '>=', anchor.seq.toString())
      .orderBy('chain_seq')
      .orderBy('occurred_at')
      .limit(PAGE);
    if (after) {
      const { seq, at } = after;
      query = query.where('chain_seq', '>=', seq).where(sql<boolean>`(chain_seq, occurred_at) > (${seq}::bigint, ${at}::timestamptz)`);
    }
    const page = await query.execute();
    for (const { page_at, ...row } of page) {
      const seq = BigInt(row.chain_seq);
      after = { seq: row.chain_seq, at: page_at };
      rows += 1;
      const { hash, ...content } = row;
      const altered = hashAuditRow(content) !== hash;
      if (seq < expectedSeq) {
        problems.push({ kind: 'repeated-row', seq: row.chain_seq });
        if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
        continue;
      }
      if (prev === null) {
        // The anchor's own row: it must be there, with the hash the checkpoint signed.
        if (seq !== anchor.seq) problems.push({ kind: 'checkpoint-missing-row', seq: anchor.seq.toString(), source: 'database' });
        else if (hash !== anchor.hash) problems.push({ kind: 'checkpoint-hash-mismatch', seq: row.chain_seq, source: 'database' });
      } else {
        if (seq > expectedSeq) problems.push({ kind: 'gap', expectedSeq: expectedSeq.toString(), foundSeq: row.chain_seq });
        else if (row.prev_hash !== prev) problems.push({ kind: 'broken-link', seq: row.chain_seq });
      }
      if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
      prev = hash;
      expectedSeq = seq + 1n;
    }
    if (page.length < PAGE) break;
  }
  if (prev === null) problems.push({ kind: 'checkpoint-missing-row', seq: anchor.seq.toString(), source: 'database' });
  const lastSeq = (expectedSeq - 1n).toString();
  if (prev !== null && (head.last_seq !== lastSeq || head.last_hash !== prev)) problems.push({ kind: 'head-mismatch', headSeq: head.last_seq, lastSeq });
  const stale = await unsignedTooLong(db, anchor.signedAt ? anchor.seq : 0n, { toleranceMs, now: checkedAt });
  if (stale) problems.push(stale);
  return finish({ checkpoint: { seq: anchor.seq.toString(), signedAt: anchor.signedAt, keyId: anchor.keyId }, fromSeq: anchor.seq.toString(), rowsChecked: rows });
}

/** The status in one sentence, for the auditor's page. */
export function describeChainTail(status: ChainTailStatus): string {
  const first = status.problems[0];
  if (status.intact === false && first) return `The trail does not verify. ${describeChainProblem(first)}`;
  if (status.intact === null) {
    return status.checkpoint
      ? `Not checked here: more rows follow the newest signed checkpoint (row ${status.checkpoint.seq}) than this check reads. Run npm run audit:verify, and see whether checkpoints are being signed (/health).`
      : `Not checked here: no checkpoint has been signed and the trail is longer than this check reads. Run npm run audit:verify, and see whether checkpoints are being signed (/health).`;
  }
  if (!status.checkpoint) {
    return status.rowsChecked === 0 ? 'The trail is empty.' : `The trail verifies: all ${status.rowsChecked} rows, from row ${status.fromSeq} to row ${status.headSeq}; no checkpoint has been signed yet.`;
  }
  const signed = status.checkpoint.signedAt ? ` signed at ${status.checkpoint.signedAt.toISOString()}` : '';
  return `The trail verifies: from the checkpoint at row ${status.checkpoint.seq}${signed} to the head, row ${status.headSeq}, ${status.rowsChecked} ${status.rowsChecked === 1 ? 'row follows' : 'rows follow'} one another and match their hashes.`;
}
