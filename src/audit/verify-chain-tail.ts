import type { Db } from '../db/database.js';
import { GENESIS_HASH } from './audit-hash.js';
import { readChainHeads } from './chain-heads.js';
import { describeChainProblem, type ChainProblem } from './chain-report.js';
import { chainsWithRows, CheckpointCursor, onChain, walkChainRows } from './chain-walk.js';
import { checkpointVerifier, type CheckpointVerifier } from './checkpoint-signature.js';
import { judgeRetention } from './retention-boundary.js';
import { inSnapshot, judgeSeal, judgeSignature, storedSeals, unsignedTooLong, verifyAuditChain, DEFAULT_CHECKPOINT_TOLERANCE_MS } from './verify-chain.js';

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

/** Where the check of one chain started, and how far it read. */
export interface ChainTailAnchor {
  /** The checkpoint (or seal) the walk of this chain started from; null when none vouched for it. */
  checkpoint: { seq: string; signedAt: Date | null; keyId: string | null } | null;
  fromSeq: string;
  headSeq: string;
  rowsChecked: number;
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
  /**
   * Each chain checked, in chain order. `checkpoint`, `fromSeq` and `headSeq` above are chain
   * 0's; `rowsChecked` counts every chain's.
   */
  chains: (ChainTailAnchor & { chain: number })[];
}

const NEWEST_CHECKPOINTS = 20;

/** A chain's anchor: the newest checkpoint or seal head whose signature holds. */
interface Anchor {
  seq: bigint;
  hash: string;
  signedAt: Date | null;
  keyId: string | null;
}

/**
 * The cheap check behind the console's status line, chain by chain: the newest checkpoint (or
 * seal) whose signature holds is each chain's anchor, its row must still carry the hash it
 * signed, and every row from there to the head must follow the one before and match its own
 * hash; the head must name the last, and no row may have waited longer than the tolerance for a
 * checkpoint. Newer checkpoints and seals whose signature fails are reported. Rows before the
 * anchor are vouched for by its signature alone: only the full walk (`verifyAuditChain`,
 * `npm run audit:verify`) re-reads them. A chain no seal names yet is walked from its start.
 * Without any signed checkpoint the full walk runs, when the trail is short enough.
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
  const heads = new Map((await readChainHeads(db)).map((head) => [head.chain_id, head]));
  const headSeqOf = (chain: number) => heads.get(chain)?.last_seq ?? '0';
  /** The status; `checked` false when the walk was left to `audit:verify` (a problem found before that still counts). */
  const finish = (chains: ChainTailStatus['chains'], checked = true): ChainTailStatus => {
    const zero = chains.find((c) => c.chain === 0) ?? { checkpoint: null, fromSeq: '0', headSeq: headSeqOf(0), rowsChecked: 0 };
    return {
      intact: problems.length > 0 ? false : checked ? true : null,
      checkpoint: zero.checkpoint,
      fromSeq: zero.fromSeq,
      headSeq: zero.headSeq,
      rowsChecked: chains.reduce((sum, c) => sum + c.rowsChecked, 0),
      checkedAt,
      problems: problems.slice(0, maxProblems),
      truncated: problems.length > maxProblems,
      chains,
    };
  };
  const unchecked = (anchors: ReadonlyMap<number, Anchor>) =>
    [...heads.keys()].map((chain) => {
      const anchor = anchors.get(chain);
      const checkpoint = anchor ? { seq: anchor.seq.toString(), signedAt: anchor.signedAt, keyId: anchor.keyId } : null;
      return { chain, checkpoint, fromSeq: anchor?.seq.toString() ?? '0', headSeq: headSeqOf(chain), rowsChecked: 0 };
    });

  const anchors = await newestAnchors(db, verifiers, problems);
  if (anchors.size === 0) {
    const total = [...heads.values()].reduce((sum, head) => sum + BigInt(head.last_seq), 0n);
    if (total > BigInt(maxRows)) return finish(unchecked(anchors), false);
    const full = await verifyAuditChain(db, keys, { toleranceMs, now: checkedAt, maxProblems });
    problems.push(...full.problems);
    return finish(
      full.chains.map((c) => ({ chain: c.chain, checkpoint: null, fromSeq: c.rows > 0 ? c.start.seq : '0', headSeq: c.headSeq ?? '0', rowsChecked: c.rows })),
    );
  }
  const chains = [...new Set([...heads.keys(), ...(await chainsWithRows(db)), ...anchors.keys()])].sort((a, b) => a - b);
  const ahead = chains.reduce((sum, chain) => sum + BigInt(headSeqOf(chain)) - (anchors.get(chain)?.seq ?? 0n), 0n);
  if (ahead >= BigInt(maxRows)) return finish(unchecked(anchors), false);

  const walked: ChainTailStatus['chains'] = [];
  for (const chain of chains) {
    const found: ChainProblem[] = [];
    const anchor = anchors.get(chain);
    const head = heads.get(chain);
    // A chain no seal names yet (created since) is walked from its start.
    const start = anchor ? null : await judgeRetention(db, [], chain);
    if (start) found.push(...start.problems);
    const startSeq = anchor?.seq ?? start?.startSeq ?? 1n;
    const cursor = new CheckpointCursor(anchor ? [{ source: 'database', seq: anchor.seq, hash: anchor.hash, signedAt: anchor.signedAt }] : [], found);
    const prev = anchor || start?.start.reason === 'retention' ? null : GENESIS_HASH;
    const end = await walkChainRows(db, { chain, from: startSeq, startSeq, prev, gapBeforeFirst: !anchor }, cursor, found);
    if (!head) {
      if (end.rows > 0) found.push({ kind: 'chain-without-head', lastSeq: end.lastSeq });
    } else if (head.last_seq !== end.lastSeq || head.last_hash !== end.lastHash) {
      // An empty walk ends where an empty chain's head stands (row 0, the genesis hash): a head
      // further on, over no rows, is a chain whose rows were deleted.
      found.push({ kind: 'head-mismatch', headSeq: head.last_seq, lastSeq: end.lastSeq });
    }
    const stale = await unsignedTooLong(db, anchor?.signedAt ? anchor.seq : 0n, { toleranceMs, now: checkedAt }, chain);
    if (stale) found.push(stale);
    problems.push(...onChain(chain, found));
    const checkpoint = anchor ? { seq: anchor.seq.toString(), signedAt: anchor.signedAt, keyId: anchor.keyId } : null;
    walked.push({ chain, checkpoint, fromSeq: end.rows > 0 || anchor ? startSeq.toString() : '0', headSeq: headSeqOf(chain), rowsChecked: end.rows });
  }
  return finish(walked);
}

/**
 * Each chain's anchor: the newest single-chain checkpoint (chain 0's) and the newest seal whose
 * signatures hold, the further one winning for chain 0. Newer ones that fail are problems.
 */
async function newestAnchors(db: Db, verifiers: readonly CheckpointVerifier[], problems: ChainProblem[]): Promise<Map<number, Anchor>> {
  const anchors = new Map<number, Anchor>();
  const newest = await db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_seq', 'desc').limit(NEWEST_CHECKPOINTS).execute();
  for (const c of newest) {
    const judged = judgeSignature(
      { source: 'database', seq: c.chain_seq, hash: c.hash, signed: { signedAt: c.signed_at, signature: c.signature, keyId: c.key_id, scheme: c.scheme } },
      verifiers,
    );
    if ('kind' in judged) problems.push(judged);
    else {
      anchors.set(0, { seq: judged.seq, hash: judged.hash, signedAt: judged.signedAt, keyId: c.key_id });
      break;
    }
  }
  for (const seal of await storedSeals(db, NEWEST_CHECKPOINTS)) {
    const judged = judgeSeal(seal, verifiers);
    if ('kind' in judged) {
      problems.push(judged);
      continue;
    }
    const keyId = 'signed' in seal ? (seal.signed.keyId ?? null) : null;
    for (const head of judged.heads) {
      const known = anchors.get(head.chain);
      if (!known || known.seq < BigInt(head.seq)) anchors.set(head.chain, { seq: BigInt(head.seq), hash: head.hash, signedAt: judged.signedAt, keyId });
    }
    break;
  }
  return anchors;
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
  if (status.chains.length > 1) {
    const rows = `${status.rowsChecked} ${status.rowsChecked === 1 ? 'row follows' : 'rows follow'}`;
    return `The trail verifies: on each of its ${status.chains.length} chains, from the newest signed seal (or the chain's start) to its head, ${rows} one another and match their hashes.`;
  }
  if (!status.checkpoint) {
    return status.rowsChecked === 0 ? 'The trail is empty.' : `The trail verifies: all ${status.rowsChecked} rows, from row ${status.fromSeq} to row ${status.headSeq}; no checkpoint has been signed yet.`;
  }
  const signed = status.checkpoint.signedAt ? ` signed at ${status.checkpoint.signedAt.toISOString()}` : '';
  return `The trail verifies: from the checkpoint at row ${status.checkpoint.seq}${signed} to the head, row ${status.headSeq}, ${status.rowsChecked} ${status.rowsChecked === 1 ? 'row follows' : 'rows follow'} one another and match their hashes.`;
}
