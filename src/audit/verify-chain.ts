import type { Db } from '../db/database.js';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.js';
import { checkpointVerifier, type CheckpointVerifier } from './checkpoint-signature.js';

/** Where a checkpoint came from: the table, the checkpoint file, or `--expect` on the command line. */
export type CheckpointSource = 'database' | 'file' | 'expected';

/**
 * A checkpoint kept outside the database. A bare `seq:hash` (no signature) is taken on the
 * word of whoever kept it; a signed one must verify with one of the keys given.
 */
export interface ExternalCheckpoint {
  source: Exclude<CheckpointSource, 'database'>;
  seq: string;
  hash: string;
  signed?: { signedAt: Date; signature: string; keyId?: string; scheme?: string };
}

export type ChainProblem =
  | { kind: 'gap'; expectedSeq: string; foundSeq: string }
  | { kind: 'repeated-row'; seq: string }
  | { kind: 'broken-link'; seq: string }
  | { kind: 'altered-row'; seq: string }
  | { kind: 'head-mismatch'; headSeq: string; lastSeq: string }
  | { kind: 'checkpoint-missing-row'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-hash-mismatch'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-bad-signature'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-unknown-key'; seq: string; keyId: string; source: CheckpointSource }
  | { kind: 'checkpoints-stale'; checkpointSeq: string | null; firstUnsignedSeq: string; unsignedSince: string; toleranceMinutes: number };

export interface VerifyOptions {
  /** Checkpoints kept outside the database: the chain must still reach and agree with each. */
  external?: readonly ExternalCheckpoint[];
  /**
   * Rows may go this long without a signed checkpoint covering them. Longer means the newest
   * checkpoints were removed, or no gateway is signing. @default 3 minutes
   */
  toleranceMs?: number;
  /** @default the current time */
  now?: Date;
  /** Problems listed at most; more are counted in `truncated`. @default 20 */
  maxProblems?: number;
}

export interface ChainReport {
  /** Rows walked. */
  rows: number;
  /** Checkpoints checked: the table's and the external ones. */
  checkpoints: number;
  /** The problems found, in chain order, at most `maxProblems`. */
  problems: ChainProblem[];
  /** True when there were more problems than listed. */
  truncated: boolean;
  /** The first problem; null when the chain is whole. */
  problem: ChainProblem | null;
}

const PAGE = 5000;
export const DEFAULT_CHECKPOINT_TOLERANCE_MS = 3 * 60_000;
const V1_SCHEMES = new Set(['hmac-sha256-v1']);
const V2_SCHEMES = ['hmac-sha256-v2', 'ed25519-v2'];

/** A checkpoint whose signature held (or an unsigned one kept outside): what it says is checked against the rows. */
interface TrustedCheckpoint {
  source: CheckpointSource;
  seq: bigint;
  hash: string;
  /** Its signature covers the time, so it also says how recent the signed chain is. */
  signedAt: Date | null;
}

/**
 * Walks the chain from its first row: each row's sequence follows the last, its prev_hash is
 * the last row's hash, and its hash matches its content. The head must name the last row;
 * every checkpoint, in the table or kept outside, must still find its row with the same hash;
 * and no row may have gone unsigned longer than the tolerance. Every problem is listed (up to
 * `maxProblems`), the first first. `keys` are those checkpoints may be signed with: the current
 * one and any rotated out (HMAC secrets, or Ed25519 public keys); a bad key throws
 * CheckpointKeyError.
 */
export async function verifyAuditChain(db: Db, keys: string | readonly string[], options: VerifyOptions = {}): Promise<ChainReport> {
  const verifiers = (typeof keys === 'string' ? [keys] : keys).map(checkpointVerifier);
  const problems: ChainProblem[] = [];
  const start = await chainStart(db);
  const stored = await db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_seq').execute();
  const candidates = [
    ...stored.map((c) => ({
      source: 'database' as const,
      seq: c.chain_seq,
      hash: c.hash,
      signed: { signedAt: c.signed_at, signature: c.signature, keyId: c.key_id, scheme: c.scheme },
    })),
    ...(options.external ?? []),
  ];
  const trusted: TrustedCheckpoint[] = [];
  for (const candidate of candidates) {
    const judged = judgeSignature(candidate, verifiers);
    if ('kind' in judged) problems.push(judged);
    // A checkpoint of rows retention detached (declared in the chain, see chainStart) has no row to find.
    else if (BigInt(candidate.seq) >= start.seq) trusted.push(judged);
  }
  trusted.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));

  let expectedSeq = start.seq;
  let prev = start.prevHash;
  let rows = 0;
  const checkpoints = new CheckpointCursor(trusted, problems);
  // Paged by number, inclusively: a second row under the number a page ended with is on the next page.
  let last: { seq: bigint; at: number } | null = null;
  for (;;) {
    const from: bigint = last?.seq ?? start.seq;
    const page = await db.selectFrom('audit_events').selectAll().where('chain_seq', '>=', from.toString()).orderBy('chain_seq').orderBy('occurred_at').limit(PAGE).execute();
    let walked = 0;
    for (const row of page) {
      const seq: bigint = BigInt(row.chain_seq);
      if (last && seq === last.seq && row.occurred_at.getTime() <= last.at) continue;
      last = { seq, at: row.occurred_at.getTime() };
      walked += 1;
      const { hash, ...content } = row;
      const altered = hashAuditRow(content) !== hash;
      rows += 1;
      if (seq < expectedSeq) {
        // A second row under a number already walked: which of the two is genuine is for a person to judge.
        problems.push({ kind: 'repeated-row', seq: row.chain_seq });
        if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
        continue;
      }
      // A gap begins before any checkpoint it swallowed: it is listed first.
      if (seq > expectedSeq) problems.push({ kind: 'gap', expectedSeq: expectedSeq.toString(), foundSeq: row.chain_seq });
      checkpoints.settleUpTo(seq, row.hash);
      if (seq === expectedSeq && row.prev_hash !== prev) problems.push({ kind: 'broken-link', seq: row.chain_seq });
      if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
      prev = hash;
      expectedSeq = seq + 1n;
    }
    if (page.length < PAGE) break;
    // A whole page under one number (thousands of repeats) moves on rather than reading it forever.
    if (walked === 0 && last) last = { seq: last.seq + 1n, at: Number.NEGATIVE_INFINITY };
  }
  const lastSeq = (expectedSeq - 1n).toString();
  checkpoints.settleRest();

  const head = await db.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
  if (head.last_seq !== lastSeq || head.last_hash !== prev) problems.push({ kind: 'head-mismatch', headSeq: head.last_seq, lastSeq });

  const stale = await unsignedTooLong(db, checkpoints.newestSigned ?? start.seq - 1n, options);
  if (stale) problems.push(stale);

  const max = options.maxProblems ?? 20;
  return { rows, checkpoints: candidates.length, problems: problems.slice(0, max), truncated: problems.length > max, problem: problems[0] ?? null };
}

/**
 * Checks the trusted checkpoints, in sequence order, against the rows as the walk reaches them:
 * a checkpoint whose number the walk passed without a row finds no row.
 */
class CheckpointCursor {
  #next = 0;
  /** The newest checkpoint that vouches for its time and matched its row. */
  newestSigned: bigint | null = null;

  constructor(
    private readonly checkpoints: readonly TrustedCheckpoint[],
    private readonly problems: ChainProblem[],
  ) {}

  /** Every checkpoint up to `seq`, the row there having `hash`. */
  settleUpTo(seq: bigint, hash: string): void {
    for (let c = this.checkpoints[this.#next]; c && c.seq <= seq; c = this.checkpoints[++this.#next]) {
      const at = { seq: c.seq.toString(), source: c.source };
      if (c.seq < seq) this.problems.push({ kind: 'checkpoint-missing-row', ...at });
      else if (c.hash !== hash) this.problems.push({ kind: 'checkpoint-hash-mismatch', ...at });
      else if (c.signedAt) this.newestSigned = c.seq;
    }
  }

  /** The checkpoints beyond the last row: the chain no longer reaches them. */
  settleRest(): void {
    for (const c of this.checkpoints.slice(this.#next)) this.problems.push({ kind: 'checkpoint-missing-row', seq: c.seq.toString(), source: c.source });
    this.#next = this.checkpoints.length;
  }
}

/** A checkpoint's signature against the keys given: what it can be trusted for, or why not. */
function judgeSignature(
  candidate: { source: CheckpointSource; seq: string; hash: string; signed?: ExternalCheckpoint['signed'] },
  verifiers: readonly CheckpointVerifier[],
): TrustedCheckpoint | ChainProblem {
  const { source, seq, hash, signed } = candidate;
  const trusted = { source, seq: BigInt(seq), hash };
  if (!signed) return { ...trusted, signedAt: null };
  const claim = { seq, hash, signedAt: signed.signedAt };
  if (signed.keyId !== undefined && !verifiers.some((v) => v.keyId === signed.keyId)) {
    return { kind: 'checkpoint-unknown-key', seq, keyId: signed.keyId, source };
  }
  const candidates = verifiers.filter((v) => signed.keyId === undefined || v.keyId === signed.keyId);
  const schemes = signed.scheme ? [signed.scheme] : V2_SCHEMES;
  const scheme = schemes.find((s) => candidates.some((v) => v.verify(s, claim, signed.signature)));
  if (!scheme) return { kind: 'checkpoint-bad-signature', seq, source };
  // A v1 signature does not cover its time, so it proves the hash but not how recent it is.
  return { ...trusted, signedAt: V1_SCHEMES.has(scheme) ? null : signed.signedAt };
}

/** The first row after the newest checkpoint that vouches for its time, if it has waited too long. */
async function unsignedTooLong(db: Db, signedUpTo: bigint, options: VerifyOptions): Promise<ChainProblem | null> {
  const tolerance = options.toleranceMs ?? DEFAULT_CHECKPOINT_TOLERANCE_MS;
  const first = await db.selectFrom('audit_events').select(['chain_seq', 'occurred_at']).where('chain_seq', '>', signedUpTo.toString()).orderBy('chain_seq').limit(1).executeTakeFirst();
  if (!first || (options.now ?? new Date()).getTime() - first.occurred_at.getTime() <= tolerance) return null;
  return {
    kind: 'checkpoints-stale',
    checkpointSeq: signedUpTo > 0n ? signedUpTo.toString() : null,
    firstUnsignedSeq: first.chain_seq,
    unsignedSince: first.occurred_at.toISOString(),
    toleranceMinutes: tolerance / 60_000,
  };
}

/**
 * Where the chain begins: row 1, or (after retention detached old months) the first kept row,
 * but only if a retention event in the chain itself says rows were detached up to there.
 */
async function chainStart(db: Db): Promise<{ seq: bigint; prevHash: string }> {
  const first = await db.selectFrom('audit_events').select(['chain_seq', 'prev_hash']).orderBy('chain_seq').limit(1).executeTakeFirst();
  if (!first || first.chain_seq === '1') return { seq: 1n, prevHash: GENESIS_HASH };
  const retention = await db.selectFrom('audit_events').select('details').where('kind', '=', 'audit_retention').execute();
  const declared = retention.some((row) => String(row.details['keptFrom']) === first.chain_seq);
  return declared ? { seq: BigInt(first.chain_seq), prevHash: first.prev_hash } : { seq: 1n, prevHash: GENESIS_HASH };
}

const SOURCE: Record<CheckpointSource, string> = { database: 'Signed checkpoint', file: 'Checkpoint in the checkpoint file', expected: 'Expected checkpoint' };

/** The sentence `npm run audit:verify` prints for a problem: which link, and what it means. */
export function describeChainProblem(problem: ChainProblem): string {
  switch (problem.kind) {
    case 'gap':
      return `Row ${problem.expectedSeq} is missing (the next row is ${problem.foundSeq}): rows were removed.`;
    case 'repeated-row':
      return `Row ${problem.seq} appears more than once: a row was inserted with a number already taken.`;
    case 'broken-link':
      return `Row ${problem.seq} does not follow the row before it (its prev_hash differs): a row before it was changed, removed or inserted.`;
    case 'altered-row':
      return `Row ${problem.seq} was changed after it was written (its content no longer matches its hash).`;
    case 'head-mismatch':
      return `The chain ends at row ${problem.lastSeq}, but the head says row ${problem.headSeq}: the newest rows were removed or the head was altered.`;
    case 'checkpoint-missing-row':
      return `${SOURCE[problem.source]} at row ${problem.seq} finds no such row: rows up to it were removed.`;
    case 'checkpoint-hash-mismatch':
      return `${SOURCE[problem.source]} at row ${problem.seq} does not match the row's hash: rows up to it were rewritten.`;
    case 'checkpoint-bad-signature':
      return `${SOURCE[problem.source]} at row ${problem.seq} has a signature that does not verify with the keys given: it was forged or altered.`;
    case 'checkpoint-unknown-key':
      return `${SOURCE[problem.source]} at row ${problem.seq} was signed with key ${problem.keyId}, which is not among the keys given: add it (WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS or --key).`;
    case 'checkpoints-stale':
      return (
        `Rows from ${problem.firstUnsignedSeq} on (since ${problem.unsignedSince}) are covered by no signed checkpoint ` +
        `${problem.checkpointSeq ? `(the newest covers row ${problem.checkpointSeq})` : '(there is none)'}, longer than the ${problem.toleranceMinutes} minutes allowed: ` +
        'the newest checkpoints were removed, or no gateway has been signing. Compare with the checkpoints published outside the database (log, checkpoint file).'
      );
  }
}
