import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { GENESIS_HASH, hashAuditRow } from './audit-hash.js';
import type { ChainProblem, ChainReport, CheckpointSource, ExternalCheckpoint, TrustedCheckpoint } from './chain-report.js';
import { checkpointVerifier, type CheckpointVerifier } from './checkpoint-signature.js';
import { judgeRetention } from './retention-boundary.js';

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

const PAGE = 5000;
export const DEFAULT_CHECKPOINT_TOLERANCE_MS = 3 * 60_000;
const V1_SCHEMES = new Set(['hmac-sha256-v1']);
const V2_SCHEMES = ['hmac-sha256-v2', 'ed25519-v2'];

/**
 * Walks the chain from its start (row 1, or the first row retention kept, see
 * retention-boundary.ts): each row's sequence follows the last, its prev_hash is the last row's
 * hash, and its hash matches its content; a row numbered before the start is reported. The
 * head must name the last row; every checkpoint, in the table or kept outside, must still find
 * its row with the same hash; and no row may have gone unsigned longer than the tolerance. Every problem is listed (up to
 * `maxProblems`), the first first. `keys` are those checkpoints may be signed with: the current
 * one and any rotated out (HMAC secrets, or Ed25519 public keys); a bad key throws
 * CheckpointKeyError.
 */
export function verifyAuditChain(db: Db, keys: string | readonly string[], options: VerifyOptions = {}): Promise<ChainReport> {
  return inSnapshot(db, (snapshot) => walkAuditChain(snapshot, keys, options));
}

/**
 * Runs `read` in one read-only, repeatable-read snapshot (or in the transaction `db` already
 * is): rows appended while the trail is walked are neither half-seen nor make the head look
 * ahead of the rows, so a live trail verifies as it stood at one instant.
 */
export function inSnapshot<T>(db: Db, read: (snapshot: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return read(db);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
}

async function walkAuditChain(db: Db, keys: string | readonly string[], options: VerifyOptions): Promise<ChainReport> {
  const verifiers = (typeof keys === 'string' ? [keys] : keys).map(checkpointVerifier);
  const problems: ChainProblem[] = [];
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
    else trusted.push(judged);
  }
  trusted.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  const retention = await judgeRetention(db, trusted);
  problems.push(...retention.problems);
  const { start, startSeq } = retention;

  let expectedSeq = startSeq;
  // After retention the first kept row's link points at a detached row: it is taken as it is
  // (retention-boundary.ts checks it against what is left of the detached rows).
  let prev: string | null = start.reason === 'first-row' ? GENESIS_HASH : null;
  let rows = 0;
  // Checkpoints of detached rows have no row to find; retention-boundary.ts judged them.
  const checkpoints = new CheckpointCursor(
    trusted.filter((c) => start.reason === 'first-row' || c.seq >= startSeq),
    problems,
  );
  // From the lowest number there is, so that a row numbered before the start is reported, not
  // skipped. Paged by (chain_seq, occurred_at), the key, to the microsecond: a second row under
  // one number is read even when its time differs from the first's by less than a millisecond.
  let after: { seq: string; at: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .select(sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('page_at'))
      .orderBy('chain_seq')
      .orderBy('occurred_at')
      .limit(PAGE);
    if (after) {
      const { seq, at } = after;
      query = query.where('chain_seq', '>=', seq).where(sql<boolean>`(chain_seq, occurred_at) > (${seq}::bigint, ${at}::timestamptz)`);
    }
    const page = await query.execute();
    for (const { page_at, ...row } of page) {
      const seq: bigint = BigInt(row.chain_seq);
      after = { seq: row.chain_seq, at: page_at };
      rows += 1;
      if (seq < startSeq) {
        problems.push({ kind: 'row-before-start', seq: row.chain_seq, startSeq: start.seq });
        continue;
      }
      const { hash, ...content } = row;
      const altered = hashAuditRow(content) !== hash;
      if (seq < expectedSeq) {
        // A second row under a number already walked: which of the two is genuine is for a person to judge.
        problems.push({ kind: 'repeated-row', seq: row.chain_seq });
        if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
        continue;
      }
      // A gap begins before any checkpoint it swallowed: it is listed first.
      if (seq > expectedSeq) problems.push({ kind: 'gap', expectedSeq: expectedSeq.toString(), foundSeq: row.chain_seq });
      checkpoints.settleUpTo(seq, row.hash);
      if (seq === expectedSeq && prev !== null && row.prev_hash !== prev) problems.push({ kind: 'broken-link', seq: row.chain_seq });
      if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
      prev = hash;
      expectedSeq = seq + 1n;
    }
    if (page.length < PAGE) break;
  }
  const lastSeq = (expectedSeq - 1n).toString();
  checkpoints.settleRest();

  const head = await db.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).executeTakeFirstOrThrow();
  if (head.last_seq !== lastSeq || head.last_hash !== prev) problems.push({ kind: 'head-mismatch', headSeq: head.last_seq, lastSeq });

  const stale = await unsignedTooLong(db, checkpoints.newestSigned ?? startSeq - 1n, options);
  if (stale) problems.push(stale);

  const max = options.maxProblems ?? 20;
  return {
    rows,
    checkpoints: candidates.length,
    start,
    lastSeq,
    newestExternal: checkpoints.newestExternal,
    problems: problems.slice(0, max),
    truncated: problems.length > max,
    problem: problems[0] ?? null,
  };
}

/**
 * Checks the trusted checkpoints, in sequence order, against the rows as the walk reaches them:
 * a checkpoint whose number the walk passed without a row finds no row.
 */
class CheckpointCursor {
  #next = 0;
  /** The newest checkpoint that vouches for its time and matched its row. */
  newestSigned: bigint | null = null;
  /** The newest checkpoint kept outside the database that matched its row. */
  newestExternal: ChainReport['newestExternal'] = null;

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
      else {
        if (c.signedAt) this.newestSigned = c.seq;
        if (c.source !== 'database') this.newestExternal = { seq: at.seq, source: c.source, signedAt: c.signedAt?.toISOString() ?? null };
      }
    }
  }

  /** The checkpoints beyond the last row: the chain no longer reaches them. */
  settleRest(): void {
    for (const c of this.checkpoints.slice(this.#next)) this.problems.push({ kind: 'checkpoint-missing-row', seq: c.seq.toString(), source: c.source });
    this.#next = this.checkpoints.length;
  }
}

/** A checkpoint's signature against the keys given: what it can be trusted for, or why not. */
export function judgeSignature(
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
export async function unsignedTooLong(db: Db, signedUpTo: bigint, options: Pick<VerifyOptions, 'toleranceMs' | 'now'>): Promise<ChainProblem | null> {
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
