import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { hashAuditRow } from './audit-hash.js';
import type { ChainProblem, ChainReport, TrustedCheckpoint } from './chain-report.js';

const PAGE = 5000;

/** Where the walk of one chain begins. */
export interface RowWalkStart {
  chain: number;
  /** Rows from this number on are read; null: from the lowest there is, so rows before `startSeq` are reported, not skipped. */
  from: bigint | null;
  /** The first row the chain should have: lower ones are `row-before-start`. */
  startSeq: bigint;
  /** The hash the first row must follow; null when it is taken as it is (after retention, or from an anchor). */
  prev: string | null;
  /**
   * False when the walk starts at a checkpoint (the chain-status check): a first row past it is
   * the checkpoint's missing row, not a gap.
   */
  gapBeforeFirst: boolean;
}

/** Where the walk of one chain ended. */
export interface RowWalkEnd {
  /** Rows read, those before the start included. */
  rows: number;
  /** The last row in sequence ("0", or one before the start, when none was). */
  lastSeq: string;
  /** Its hash; `start.prev` when no row followed the start. */
  lastHash: string | null;
}

/**
 * Walks one chain's rows in sequence: each row's number follows the last, its prev_hash is the
 * last row's hash, and its hash matches its content (its chain included, when not 0). Every
 * problem found is pushed to `problems`, in chain order; `checkpoints` are settled against the
 * rows as the walk reaches them. The full verify and the chain-status check both walk with this.
 */
export async function walkChainRows(db: Db, start: RowWalkStart, checkpoints: CheckpointCursor, problems: ChainProblem[]): Promise<RowWalkEnd> {
  let expectedSeq = start.startSeq;
  let prev = start.prev;
  let rows = 0;
  let first = true;
  // Paged by (chain_seq, occurred_at), the key within a chain, to the microsecond: a second row
  // under one number is read even when its time differs from the first's by less than a millisecond.
  let after: { seq: string; at: string } | null = null;
  for (;;) {
    let query = db
      .selectFrom('audit_events')
      .selectAll()
      .select(sql<string>`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('page_at'))
      .where('chain_id', '=', start.chain)
      .orderBy('chain_seq')
      .orderBy('occurred_at')
      .limit(PAGE);
    if (start.from !== null) query = query.where('chain_seq', '>=', start.from.toString());
    if (after) {
      const { seq, at } = after;
      query = query.where('chain_seq', '>=', seq).where(sql<boolean>`(chain_seq, occurred_at) > (${seq}::bigint, ${at}::timestamptz)`);
    }
    const page = await query.execute();
    // Rows are read as they come, never copied without a column (`{ page_at, ...row }`): V8
    // copies such a rest object property by property, about 9 µs a row of this width, as much
    // as hashing it; on a trail of ten million rows, minutes. The hash reads its columns by name.
    for (const row of page) {
      const seq = BigInt(row.chain_seq);
      after = { seq: row.chain_seq, at: row.page_at };
      rows += 1;
      if (seq < start.startSeq) {
        problems.push({ kind: 'row-before-start', seq: row.chain_seq, startSeq: start.startSeq.toString() });
        continue;
      }
      const hash = row.hash;
      const altered = hashAuditRow(row) !== hash;
      if (seq < expectedSeq) {
        // A second row under a number already walked: which of the two is genuine is for a person to judge.
        problems.push({ kind: 'repeated-row', seq: row.chain_seq });
        if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
        continue;
      }
      // A gap begins before any checkpoint it swallowed: it is listed first.
      if (seq > expectedSeq && (start.gapBeforeFirst || !first)) problems.push({ kind: 'gap', expectedSeq: expectedSeq.toString(), foundSeq: row.chain_seq });
      checkpoints.settleUpTo(seq, hash);
      if (seq === expectedSeq && prev !== null && row.prev_hash !== prev) problems.push({ kind: 'broken-link', seq: row.chain_seq });
      if (altered) problems.push({ kind: 'altered-row', seq: row.chain_seq });
      prev = hash;
      expectedSeq = seq + 1n;
      first = false;
    }
    if (page.length < PAGE) break;
  }
  checkpoints.settleRest();
  return { rows, lastSeq: (expectedSeq - 1n).toString(), lastHash: prev };
}

/**
 * Checks one chain's trusted checkpoints, in sequence order, against the rows as the walk
 * reaches them: a checkpoint whose number the walk passed without a row finds no row.
 */
export class CheckpointCursor {
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

/** `problems` as they read among several chains: each names its chain, unless that is chain 0. */
export function onChain(chain: number, problems: readonly ChainProblem[]): ChainProblem[] {
  return chain === 0 ? [...problems] : problems.map((problem) => ({ ...problem, chain }));
}

/** The chains that have rows, in order: one index probe each (a loose scan of (chain_id, chain_seq)). */
export async function chainsWithRows(db: Db): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    with recursive chains (id) as (
      select min(chain_id) from audit_events
      union all
      select (select min(chain_id) from audit_events where chain_id > chains.id) from chains where chains.id is not null
    ) select id from chains where id is not null`.execute(db);
  return rows.map((row) => Number(row.id));
}
