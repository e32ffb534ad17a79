import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { hashAuditRow, type HashedAuditRow } from '../audit-hash.js';
import { checkpointVerifier, type CheckpointVerifier } from '../checkpoint-signature.js';
import { chainOfName, DEFAULT_CHAIN } from './ocsf-event.js';
import { checkSealSignature, parseSeal, SEGMENT_FILE, sha256Hex, type SegmentSeal } from './segment-seal.js';

export type SegmentProblem =
  | { kind: 'not-sealed'; file: string }
  | { kind: 'events-altered'; file: string }
  | { kind: 'unknown-key'; file: string; keyId: string }
  | { kind: 'bad-signature'; file: string }
  | { kind: 'malformed-event'; file: string; line: number }
  | { kind: 'altered-row'; file: string; seq: string }
  | { kind: 'broken-link'; file: string; seq: string }
  | { kind: 'seal-mismatch'; file: string }
  | { kind: 'gap'; file: string; expectedSeq: string; foundSeq: string }
  | { kind: 'overlap-mismatch'; file: string; seq: string };

/** One chain's segments: the rows they cover, first to last, and the last row's hash. */
export interface ChainSegments {
  chain: string;
  segments: number;
  firstSeq: string | null;
  lastSeq: string | null;
  lastHash: string | null;
}

export interface SegmentReport {
  segments: number;
  /** Chain 0's rows (`default`), first to last; null when there is none. Each chain's are in `chains`. */
  firstSeq: string | null;
  lastSeq: string | null;
  /** The last row's hash: `audit:verify --expect lastSeq:lastHash` checks the database still holds it. */
  lastHash: string | null;
  /** Temporary files of a write that never finished: not segments, ignored. */
  unfinished: string[];
  problems: SegmentProblem[];
  /** Every chain with segments, in name order. */
  chains: ChainSegments[];
}

/** A segment checked on its own: its seal, and the hashes of its rows by sequence. */
interface CheckedSegment {
  file: string;
  seal: SegmentSeal;
  hashes: Map<string, string>;
}

/**
 * Checks a directory of sealed segments offline, with no database: each seal's signature and
 * digest, each row's hash recomputed from the row, the links between rows, and continuity across
 * segments (every row from the first to the last, each segment linked to the rows before it),
 * each chain on its own (the chain is in every segment's name). Segments that overlap (one
 * written again after a crash) must agree where they do. Memory holds one segment at a time,
 * however long the archive.
 */
export async function verifySegments(directory: string, keys: readonly string[]): Promise<SegmentReport> {
  const verifiers = keys.map(checkpointVerifier);
  const names = (await readdir(directory)).sort();
  const files = names.filter((name) => SEGMENT_FILE.test(name));
  const unfinished = names.filter((name) => name.endsWith('.tmp'));
  const problems: SegmentProblem[] = [];
  const byChain = new Map<string, string[]>();
  for (const name of files) {
    const chain = SEGMENT_FILE.exec(name)?.[1] ?? '';
    byChain.set(chain, [...(byChain.get(chain) ?? []), name]);
  }
  const chains: ChainSegments[] = [];
  for (const [chain, chainFiles] of [...byChain].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    chains.push({ chain, ...(await verifyChainSegments(directory, chainFiles, verifiers, problems)) });
  }
  const zero = chains.find((c) => c.chain === DEFAULT_CHAIN);
  return { segments: files.length, firstSeq: zero?.firstSeq ?? null, lastSeq: zero?.lastSeq ?? null, lastHash: zero?.lastHash ?? null, unfinished, problems, chains };
}

/** One chain's segments, in chain order. */
async function verifyChainSegments(
  directory: string,
  files: readonly string[],
  verifiers: readonly CheckpointVerifier[],
  problems: SegmentProblem[],
): Promise<Omit<ChainSegments, 'chain'>> {
  // Chain order: by first row, the longer first where two start together.
  const ordered = files
    .map((name) => ({ name, match: SEGMENT_FILE.exec(name) }))
    .map(({ name, match }) => ({ name, first: BigInt(match?.[2] ?? '0'), last: BigInt(match?.[3] ?? '0') }))
    .sort((a, b) => (a.first !== b.first ? (a.first < b.first ? -1 : 1) : a.last > b.last ? -1 : a.last < b.last ? 1 : 0));

  let current: CheckedSegment | null = null;
  let firstSeq: bigint | null = null;
  for (const { name } of ordered) {
    const checked = await checkSegment(path.join(directory, name), name, verifiers, problems);
    if (!checked) continue;
    const first = BigInt(checked.seal.firstSeq);
    const last = BigInt(checked.seal.lastSeq);
    firstSeq ??= first;
    if (current) {
      const coveredTo = BigInt(current.seal.lastSeq);
      if (first > coveredTo + 1n) {
        problems.push({ kind: 'gap', file: name, expectedSeq: (coveredTo + 1n).toString(), foundSeq: checked.seal.firstSeq });
      } else {
        // The row before this segment's first is in the current one (or it starts where that starts).
        const before = first === BigInt(current.seal.firstSeq) ? current.seal.firstPrevHash : current.hashes.get((first - 1n).toString());
        if (before !== checked.seal.firstPrevHash) problems.push({ kind: 'broken-link', file: name, seq: checked.seal.firstSeq });
        // Where they overlap, both must hold the same rows: they agree at the overlap's end.
        const overlapEnd = last < coveredTo ? last : coveredTo;
        if (overlapEnd >= first && checked.hashes.get(overlapEnd.toString()) !== current.hashes.get(overlapEnd.toString())) {
          problems.push({ kind: 'overlap-mismatch', file: name, seq: overlapEnd.toString() });
        }
      }
      if (last <= coveredTo) continue;
    }
    current = checked;
  }
  return {
    segments: files.length,
    firstSeq: firstSeq?.toString() ?? null,
    lastSeq: current?.seal.lastSeq ?? null,
    lastHash: current?.seal.lastHash ?? null,
  };
}

async function checkSegment(file: string, name: string, verifiers: readonly CheckpointVerifier[], problems: SegmentProblem[]): Promise<CheckedSegment | null> {
  const text = await readFile(file, 'utf8');
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = body.lastIndexOf('\n');
  const seal = parseSeal(body.slice(cut + 1));
  if (!seal) {
    problems.push({ kind: 'not-sealed', file: name });
    return null;
  }
  const events = cut < 0 ? '' : body.slice(0, cut + 1);
  if (sha256Hex(events) !== seal.eventsSha256) problems.push({ kind: 'events-altered', file: name });
  const signature = checkSealSignature(seal, verifiers);
  if (signature === 'unknown-key') problems.push({ kind: 'unknown-key', file: name, keyId: seal.keyId });
  if (signature === 'bad-signature') problems.push({ kind: 'bad-signature', file: name });

  const hashes = new Map<string, string>();
  let expected: { seq: bigint; prev: string } = { seq: BigInt(seal.firstSeq), prev: seal.firstPrevHash };
  let count = 0;
  let otherChain = false;
  const lines = events === '' ? [] : events.slice(0, -1).split('\n');
  for (const [index, line] of lines.entries()) {
    const row = rowOf(line);
    if (!row) {
      problems.push({ kind: 'malformed-event', file: name, line: index + 1 });
      continue;
    }
    const { hash, ...content } = row;
    if (hashAuditRow(content) !== hash) problems.push({ kind: 'altered-row', file: name, seq: row.chain_seq });
    if (BigInt(row.chain_seq) !== expected.seq || row.prev_hash !== expected.prev) problems.push({ kind: 'broken-link', file: name, seq: row.chain_seq });
    // A row of another chain hashes alike wherever it is put: it must be in its own chain's segments.
    if (row.chain_id !== chainOfName(seal.chain)) otherChain = true;
    hashes.set(row.chain_seq, hash);
    expected = { seq: BigInt(row.chain_seq) + 1n, prev: hash };
    count += 1;
  }
  const match = SEGMENT_FILE.exec(name);
  const named = match && BigInt(match[2] ?? '0') === BigInt(seal.firstSeq) && BigInt(match[3] ?? '0') === BigInt(seal.lastSeq) && match[1] === seal.chain;
  if (!named || otherChain || count !== seal.count || expected.seq - 1n !== BigInt(seal.lastSeq) || expected.prev !== seal.lastHash) problems.push({ kind: 'seal-mismatch', file: name });
  return { file: name, seal, hashes };
}

/** The row an event line carries (`unmapped.warden.row`), typed; null when the line holds none. */
function rowOf(line: string): (HashedAuditRow & { hash: string }) | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  const row: unknown = dig(value, ['unmapped', 'warden', 'row']);
  if (typeof row !== 'object' || row === null) return null;
  const text = (key: string): string | null | undefined => {
    const item: unknown = Reflect.get(row, key);
    return item === null ? null : typeof item === 'string' ? item : undefined;
  };
  const required = (key: string): string | undefined => text(key) ?? undefined;
  const nullable = (key: string): string | null => text(key) ?? null;
  const chainSeq = required('chain_seq');
  const occurredAt = required('occurred_at');
  const kind = required('kind');
  const actorKind = required('actor_kind');
  const summary = required('summary');
  const prevHash = required('prev_hash');
  const hash = required('hash');
  const policyVersion: unknown = Reflect.get(row, 'policy_version');
  // Absent from rows streamed before there were several chains: those are chain 0's.
  const chainId: unknown = Reflect.get(row, 'chain_id') ?? 0;
  const details: unknown = Reflect.get(row, 'details');
  if (!chainSeq || !/^\d+$/.test(chainSeq) || !occurredAt || !kind || !actorKind || summary === undefined || !prevHash || !hash) return null;
  if (typeof chainId !== 'number' || !Number.isInteger(chainId)) return null;
  if (!(policyVersion === null || typeof policyVersion === 'number') || typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  return {
    chain_id: chainId,
    chain_seq: chainSeq,
    occurred_at: new Date(occurredAt),
    kind,
    actor_kind: actorKind,
    actor_id: nullable('actor_id'),
    actor_name: nullable('actor_name'),
    subject_user_id: nullable('subject_user_id'),
    account_id: nullable('account_id'),
    session_id: nullable('session_id'),
    request_id: nullable('request_id'),
    reason: nullable('reason'),
    operation: nullable('operation'),
    type_field: nullable('type_field'),
    path: nullable('path'),
    data_class: nullable('data_class'),
    decision: nullable('decision'),
    policy_version: policyVersion,
    details: Object.fromEntries(Object.entries(details)),
    summary,
    prev_hash: prevHash,
    hash,
  };
}

function dig(value: unknown, keys: readonly string[]): unknown {
  let at = value;
  for (const key of keys) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}

/** The sentence `audit:verify --segments` prints for a problem. */
export function describeSegmentProblem(problem: SegmentProblem): string {
  switch (problem.kind) {
    case 'not-sealed':
      return `${problem.file} has no seal on its last line: it was cut short or edited.`;
    case 'events-altered':
      return `${problem.file} was changed after it was sealed (its events no longer match the seal's digest).`;
    case 'unknown-key':
      return `${problem.file} is sealed with key ${problem.keyId}, which is not among the keys given: add it (--key, or WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS).`;
    case 'bad-signature':
      return `${problem.file} has a seal whose signature does not verify with the keys given: it was forged or altered.`;
    case 'malformed-event':
      return `${problem.file}, line ${problem.line}, is not an audit event carrying its row: it was edited.`;
    case 'altered-row':
      return `${problem.file}: row ${problem.seq} does not match its hash: it was changed after it was written.`;
    case 'broken-link':
      return `${problem.file}: row ${problem.seq} does not follow the row before it: a row before it was changed, removed or inserted.`;
    case 'seal-mismatch':
      return `${problem.file}: its name, seal and rows disagree on which rows it holds.`;
    case 'gap':
      return `Rows ${problem.expectedSeq} to ${BigInt(problem.foundSeq) - 1n} are in no segment (${problem.file} starts at ${problem.foundSeq}): a segment is missing, or the rows were gone from the table before they were streamed.`;
    case 'overlap-mismatch':
      return `${problem.file} overlaps an earlier segment but holds another row ${problem.seq}: the two tell different histories.`;
  }
}
