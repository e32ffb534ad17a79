import type { SealedHead } from './audit-seal.js';

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

/** A seal kept outside the database (checkpoint file, `--expect seal:…`): bare heads are taken on the keeper's word. */
export interface ExternalSeal {
  source: Exclude<CheckpointSource, 'database'>;
  heads: SealedHead[];
  signed?: { signedAt: Date; signature: string; keyId?: string; scheme?: string };
}

/** A checkpoint whose signature held (or an unsigned one kept outside): what it says is checked against the rows. */
export interface TrustedCheckpoint {
  source: CheckpointSource;
  seq: bigint;
  hash: string;
  /** Its signature covers the time, so it also says how recent the signed chain is. */
  signedAt: Date | null;
}

/**
 * Where the walk begins, and why: row 1, or the first row kept after retention detached old
 * months, as the newest `audit_retention` record in the chain says (`retentionSeq`).
 */
export type ChainStart =
  | { seq: string; reason: 'first-row' }
  | { seq: string; reason: 'retention'; retentionSeq: string; before: string; detached: string[] };

/** A problem of one chain, naming it when it is not chain 0 (as every problem did when there was one). */
export type ChainProblem = ChainProblemOfKind & { chain?: number };

type ChainProblemOfKind =
  | { kind: 'row-before-start'; seq: string; startSeq: string }
  | { kind: 'retention-malformed'; retentionSeq: string }
  | { kind: 'retention-partition-attached'; retentionSeq: string; partition: string }
  | { kind: 'retention-row-before-boundary'; retentionSeq: string; seq: string; before: string }
  | { kind: 'retention-checkpoint-after-boundary'; retentionSeq: string; seq: string; source: CheckpointSource; signedAt: string; boundary: string }
  | { kind: 'retention-link-mismatch'; retentionSeq: string; seq: string; keptFrom: string; source: CheckpointSource | 'detached-partition' }
  | { kind: 'retention-detached-overlap'; retentionSeq: string; partition: string; seq: string; keptFrom: string }
  | { kind: 'gap'; expectedSeq: string; foundSeq: string }
  | { kind: 'repeated-row'; seq: string }
  | { kind: 'broken-link'; seq: string }
  | { kind: 'altered-row'; seq: string }
  | { kind: 'head-mismatch'; headSeq: string; lastSeq: string }
  | { kind: 'checkpoint-missing-row'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-hash-mismatch'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-bad-signature'; seq: string; source: CheckpointSource }
  | { kind: 'checkpoint-unknown-key'; seq: string; keyId: string; source: CheckpointSource }
  | { kind: 'checkpoints-stale'; checkpointSeq: string | null; firstUnsignedSeq: string; unsignedSince: string; toleranceMinutes: number }
  | { kind: 'seal-bad-signature'; signedAt: string; source: CheckpointSource }
  | { kind: 'seal-unknown-key'; signedAt: string; keyId: string; source: CheckpointSource }
  | { kind: 'chain-without-head'; lastSeq: string };

/** One chain as the walk found it. */
export interface ChainSummary {
  chain: number;
  rows: number;
  start: ChainStart;
  lastSeq: string;
  /** What its head says; null when the chain has rows (or seals name it) but no head. */
  headSeq: string | null;
  newestExternal: ChainReport['newestExternal'];
}

export interface ChainReport {
  /** Rows read, on every chain, those before the start included. */
  rows: number;
  /** Checkpoints and seals checked: the tables' and the external ones. */
  checkpoints: number;
  /** Where chain 0's walk began, and why. */
  start: ChainStart;
  /** The last row chain 0's walk reached ("0" for an empty chain). */
  lastSeq: string;
  /**
   * Chain 0's newest checkpoint kept outside the database that matched its row, if any: removal
   * of rows after it, back to a checkpoint, together with the checkpoints after that, is ruled
   * out up to it and no further.
   */
  newestExternal: { seq: string; source: Exclude<CheckpointSource, 'database'>; signedAt: string | null } | null;
  /** Every chain walked (those with a head, with rows, or named by a seal), in chain order. */
  chains: ChainSummary[];
  /** The problems found: the signatures' first, then chain by chain in chain order; at most `maxProblems`. */
  problems: ChainProblem[];
  /** True when there were more problems than listed. */
  truncated: boolean;
  /** The first problem; null when the chain is whole. */
  problem: ChainProblem | null;
}

const SOURCE: Record<CheckpointSource, string> = { database: 'Signed checkpoint', file: 'Checkpoint in the checkpoint file', expected: 'Expected checkpoint' };
const SEAL_SOURCE: Record<CheckpointSource, string> = { database: 'The seal', file: 'The seal in the checkpoint file', expected: 'The expected seal' };

/** "the audit_retention record at row 57" */
const retention = (seq: string) => `the audit_retention record at row ${seq}`;

/** The sentence `npm run audit:verify` prints for a problem: which link, and what it means (and on which chain, when not 0). */
export function describeChainProblem(problem: ChainProblem): string {
  const sentence = describeProblemOfKind(problem);
  return problem.chain ? `Chain ${problem.chain}: ${sentence}` : sentence;
}

function describeProblemOfKind(problem: ChainProblemOfKind): string {
  switch (problem.kind) {
    case 'row-before-start':
      return (
        `Row ${problem.seq} lies before the row the chain starts at (${problem.startSeq}), so no link vouches for it: it was inserted behind the gateway's back` +
        `${problem.startSeq === '1' ? '' : ', or retention did not detach it as its record says'}.`
      );
    case 'retention-malformed':
      return `${capitalised(retention(problem.retentionSeq))} does not say consistently which months it detached, before which month and from which row the chain goes on: Warden's retention did not write it.`;
    case 'retention-partition-attached':
      return `${capitalised(retention(problem.retentionSeq))} says ${problem.partition} was detached, but it is still attached: the record was forged to explain rows removed.`;
    case 'retention-row-before-boundary':
      return `Row ${problem.seq} was written before ${problem.before}, yet ${retention(problem.retentionSeq)} says every month before then was detached: the record was forged to explain rows removed.`;
    case 'retention-checkpoint-after-boundary':
      return (
        `${SOURCE[problem.source]} at row ${problem.seq} was signed at ${problem.signedAt}, after ${problem.boundary}, when the month of the first kept row began; ` +
        `so rows after row ${problem.seq} were written in a month that was kept, yet they are gone, and ${retention(problem.retentionSeq)} explains them away: rows were removed and the record forged.`
      );
    case 'retention-link-mismatch':
      return (
        `${problem.source === 'detached-partition' ? 'The last detached row' : SOURCE[problem.source]} at row ${problem.seq} is not the row the first kept row (${problem.keptFrom}) follows: ` +
        `the chain does not start where ${retention(problem.retentionSeq)} says a detached month ended.`
      );
    case 'retention-detached-overlap':
      return `${problem.partition}, which ${retention(problem.retentionSeq)} says was detached, holds row ${problem.seq}, at or after the row the chain is said to go on from (${problem.keptFrom}): the record does not describe that detach.`;
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
    case 'seal-bad-signature':
      return `${SEAL_SOURCE[problem.source]} signed at ${problem.signedAt} has a signature that does not verify with the keys given: it was forged or altered (a chain's head added, removed or changed).`;
    case 'seal-unknown-key':
      return `${SEAL_SOURCE[problem.source]} signed at ${problem.signedAt} was signed with key ${problem.keyId}, which is not among the keys given: add it (WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS or --key).`;
    case 'chain-without-head':
      return `Rows up to ${problem.lastSeq} are on a chain that has no head in audit_chain_heads: the head was removed, or the rows were inserted behind the gateway's back.`;
    case 'checkpoints-stale':
      return (
        `Rows from ${problem.firstUnsignedSeq} on (since ${problem.unsignedSince}) are covered by no signed checkpoint ` +
        `${problem.checkpointSeq ? `(the newest covers row ${problem.checkpointSeq})` : '(there is none)'}, longer than the ${problem.toleranceMinutes} minutes allowed: ` +
        'the newest checkpoints were removed, or no gateway has been signing. Compare with the checkpoints published outside the database (log, checkpoint file).'
      );
  }
}

/** Where the chain starts and why, for `npm run audit:verify`. */
export function describeChainStart(start: ChainStart): string {
  if (start.reason === 'first-row') return 'The chain starts at row 1: no retention record says older rows were detached.';
  return (
    `The chain starts at row ${start.seq}: ${retention(start.retentionSeq)} says the months before ${start.before.slice(0, 7)} ` +
    `(${start.detached.join(', ')}) were detached under the retention policy.`
  );
}

/**
 * What the checkpoints kept outside the database rule out, for `npm run audit:verify`. Only they
 * show the newest rows removed back to a checkpoint together with every checkpoint after it:
 * whoever owns the database can do that and leave the chain whole.
 */
export function describeOutsideCheckpoints(report: Pick<ChainReport, 'newestExternal' | 'lastSeq'>): string {
  const how =
    'Give the newest checkpoint kept outside: --expect with the "expect" field of the newest "audit checkpoint signed" log line, ' +
    'or --checkpoint-file PATH (WARDEN_AUDIT_CHECKPOINT_FILE).';
  const external = report.newestExternal;
  if (!external) {
    return (
      'NOT RULED OUT: the newest rows removed back to a checkpoint, with every checkpoint after it. No check inside the database can show that; ' +
      `no checkpoint kept outside it was given. ${how}`
    );
  }
  const from = `${external.source === 'file' ? 'the checkpoint file' : '--expect'}${external.signedAt ? `, signed at ${external.signedAt}` : ''}`;
  if (external.seq === report.lastSeq) return `The newest row, ${external.seq}, is vouched for by a checkpoint kept outside the database (${from}).`;
  return (
    `Rows up to ${external.seq} are vouched for by a checkpoint kept outside the database (${from}). ` +
    `NOT RULED OUT: rows after it removed back to a later checkpoint, with every checkpoint after that. ${how}`
  );
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
