import type { Db } from '../db/database.js';
import { GENESIS_HASH } from './audit-hash.js';
import { parseSealStatement, sealStatement, type SealedHead } from './audit-seal.js';
import { readChainHeads, type ChainHead } from './chain-heads.js';
import type { ChainProblem, ChainReport, ChainSummary, CheckpointSource, ExternalCheckpoint, ExternalSeal, TrustedCheckpoint } from './chain-report.js';
import { chainsWithRows, CheckpointCursor, onChain, walkChainRows } from './chain-walk.js';
import { checkpointVerifier, type CheckpointVerifier } from './checkpoint-signature.js';
import { judgeRetention } from './retention-boundary.js';

export interface VerifyOptions {
  /** Checkpoints and seals kept outside the database: each chain must still reach and agree with each. */
  external?: readonly (ExternalCheckpoint | ExternalSeal)[];
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

export const DEFAULT_CHECKPOINT_TOLERANCE_MS = 3 * 60_000;
const V1_SCHEMES = new Set(['hmac-sha256-v1']);
const V2_SCHEMES = ['hmac-sha256-v2', 'ed25519-v2'];

/**
 * Walks every chain from its start (row 1, or the first row retention kept, see
 * retention-boundary.ts), each on its own (`walkChainRows`): its rows follow one another and
 * match their hashes, and a row numbered before the start is reported. Each chain's head must
 * name its last row; a chain with rows but no head is reported. Every checkpoint and seal, in
 * the tables or kept outside, has its signature checked once, and each head it names must still
 * find its row on that chain with the same hash; no row may have gone unsigned longer than the
 * tolerance. Every problem is listed (up to `maxProblems`), the first first. `keys` are those
 * checkpoints may be signed with: the current one and any rotated out (HMAC secrets, or Ed25519
 * public keys); a bad key throws CheckpointKeyError.
 */
export function verifyAuditChain(db: Db, keys: string | readonly string[], options: VerifyOptions = {}): Promise<ChainReport> {
  return inSnapshot(db, (snapshot) => walkAuditChains(snapshot, keys, options));
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

async function walkAuditChains(db: Db, keys: string | readonly string[], options: VerifyOptions): Promise<ChainReport> {
  const verifiers = (typeof keys === 'string' ? [keys] : keys).map(checkpointVerifier);
  const problems: ChainProblem[] = [];
  const trusted = new Map<number, TrustedCheckpoint[]>();
  const trust = (chain: number, checkpoint: TrustedCheckpoint) => trusted.set(chain, [...(trusted.get(chain) ?? []), checkpoint]);

  // Single-chain checkpoints: chain 0's, as they always were.
  const stored = await db.selectFrom('audit_checkpoints').selectAll().orderBy('chain_seq').execute();
  const external = options.external ?? [];
  const candidates = [
    ...stored.map((c) => ({
      source: 'database' as const,
      seq: c.chain_seq,
      hash: c.hash,
      signed: { signedAt: c.signed_at, signature: c.signature, keyId: c.key_id, scheme: c.scheme },
    })),
    ...external.filter((c): c is ExternalCheckpoint => !('heads' in c)),
  ];
  for (const candidate of candidates) {
    const judged = judgeSignature(candidate, verifiers);
    if ('kind' in judged) problems.push(judged);
    else trust(0, judged);
  }
  // Seals: each signature checked once, then each head it names stands as that chain's checkpoint.
  const seals = [...(await storedSeals(db)), ...external.filter((c): c is ExternalSeal => 'heads' in c).map(externalSeal)];
  for (const seal of seals) {
    const judged = judgeSeal(seal, verifiers);
    if ('kind' in judged) problems.push(judged);
    else for (const head of judged.heads) trust(head.chain, { source: seal.source, seq: BigInt(head.seq), hash: head.hash, signedAt: judged.signedAt });
  }

  const heads = new Map((await readChainHeads(db)).map((head) => [head.chain_id, head]));
  const chains = [...new Set([0, ...heads.keys(), ...(await chainsWithRows(db)), ...trusted.keys()])].sort((a, b) => a - b);
  const summaries: ChainSummary[] = [];
  for (const chain of chains) {
    const walked = await walkOneChain(db, chain, trusted.get(chain) ?? [], heads.get(chain), options);
    summaries.push(walked.summary);
    problems.push(...onChain(chain, walked.problems));
  }

  const max = options.maxProblems ?? 20;
  const first = summaries.find((summary) => summary.chain === 0);
  if (!first) throw new Error('chain 0 is always walked');
  return {
    rows: summaries.reduce((sum, summary) => sum + summary.rows, 0),
    checkpoints: candidates.length + seals.length,
    start: first.start,
    lastSeq: first.lastSeq,
    newestExternal: first.newestExternal,
    chains: summaries,
    problems: problems.slice(0, max),
    truncated: problems.length > max,
    problem: problems[0] ?? null,
  };
}

/** One chain, on its own: its start, its rows, its checkpoints, its head, how long it has gone unsigned. */
async function walkOneChain(
  db: Db,
  chain: number,
  checkpoints: TrustedCheckpoint[],
  head: ChainHead | undefined,
  options: VerifyOptions,
): Promise<{ summary: ChainSummary; problems: ChainProblem[] }> {
  const problems: ChainProblem[] = [];
  const trusted = [...checkpoints].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  const retention = await judgeRetention(db, trusted, chain);
  problems.push(...retention.problems);
  const { start, startSeq } = retention;
  // Checkpoints of detached rows have no row to find; retention-boundary.ts judged them.
  const cursor = new CheckpointCursor(
    trusted.filter((c) => start.reason === 'first-row' || c.seq >= startSeq),
    problems,
  );
  // After retention the first kept row's link points at a detached row: it is taken as it is
  // (retention-boundary.ts checks it against what is left of the detached rows).
  const end = await walkChainRows(db, { chain, from: null, startSeq, prev: start.reason === 'first-row' ? GENESIS_HASH : null, gapBeforeFirst: true }, cursor, problems);
  if (!head) {
    if (end.rows > 0) problems.push({ kind: 'chain-without-head', lastSeq: end.lastSeq });
  } else if (head.last_seq !== end.lastSeq || head.last_hash !== end.lastHash) {
    problems.push({ kind: 'head-mismatch', headSeq: head.last_seq, lastSeq: end.lastSeq });
  }
  const stale = await unsignedTooLong(db, cursor.newestSigned ?? startSeq - 1n, options, chain);
  if (stale) problems.push(stale);
  return {
    summary: { chain, rows: end.rows, start, lastSeq: end.lastSeq, headSeq: head?.last_seq ?? null, newestExternal: cursor.newestExternal },
    problems,
  };
}

/** A seal to judge: the exact statement its signature should cover, or bare heads taken on the keeper's word. */
export type SealCandidate =
  | { source: CheckpointSource; statement: string; signed: { signedAt: Date; signature: string; keyId?: string | undefined; scheme?: string | undefined } }
  | { source: CheckpointSource; heads: SealedHead[] };

/** The seals in the table, each with the statement as it was signed. */
export async function storedSeals(db: Db, newest?: number): Promise<SealCandidate[]> {
  let query = db.selectFrom('audit_seals').selectAll().orderBy('seal_id', newest === undefined ? 'asc' : 'desc');
  if (newest !== undefined) query = query.limit(newest);
  return (await query.execute()).map((seal) => ({
    source: 'database' as const,
    statement: seal.statement,
    signed: { signedAt: seal.signed_at, signature: seal.signature, keyId: seal.key_id, scheme: seal.scheme },
  }));
}

function externalSeal(seal: ExternalSeal): SealCandidate {
  if (!seal.signed) return { source: seal.source, heads: seal.heads };
  return { source: seal.source, statement: sealStatement({ heads: seal.heads, signedAt: seal.signed.signedAt }), signed: seal.signed };
}

/**
 * A seal's signature against the keys given: the heads it vouches for, and when (null for bare
 * heads kept outside), or why it cannot be believed. The statement, not any column beside it, is
 * what is read: a head added, removed or changed fails the signature.
 */
export function judgeSeal(seal: SealCandidate, verifiers: readonly CheckpointVerifier[]): { heads: SealedHead[]; signedAt: Date | null } | ChainProblem {
  if (!('statement' in seal)) return { heads: seal.heads, signedAt: null };
  const { signed, source, statement } = seal;
  const signedAt = signed.signedAt.toISOString();
  if (signed.keyId !== undefined && !verifiers.some((v) => v.keyId === signed.keyId)) return { kind: 'seal-unknown-key', signedAt, keyId: signed.keyId, source };
  const candidates = verifiers.filter((v) => signed.keyId === undefined || v.keyId === signed.keyId);
  const schemes = signed.scheme ? [signed.scheme] : V2_SCHEMES;
  const verified = schemes.some((scheme) => candidates.some((v) => v.verifyStatement(scheme, statement, signed.signature)));
  const claim = verified ? parseSealStatement(statement) : null;
  if (!claim) return { kind: 'seal-bad-signature', signedAt, source };
  return claim;
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

/** The first row of `chain` after the newest checkpoint that vouches for its time, if it has waited too long. */
export async function unsignedTooLong(db: Db, signedUpTo: bigint, options: Pick<VerifyOptions, 'toleranceMs' | 'now'>, chain = 0): Promise<ChainProblem | null> {
  const tolerance = options.toleranceMs ?? DEFAULT_CHECKPOINT_TOLERANCE_MS;
  const first = await db
    .selectFrom('audit_events')
    .select(['chain_seq', 'occurred_at'])
    .where('chain_id', '=', chain)
    .where('chain_seq', '>', signedUpTo.toString())
    .orderBy('chain_seq')
    .limit(1)
    .executeTakeFirst();
  if (!first || (options.now ?? new Date()).getTime() - first.occurred_at.getTime() <= tolerance) return null;
  return {
    kind: 'checkpoints-stale',
    checkpointSeq: signedUpTo > 0n ? signedUpTo.toString() : null,
    firstUnsignedSeq: first.chain_seq,
    unsignedSince: first.occurred_at.toISOString(),
    toleranceMinutes: tolerance / 60_000,
  };
}
