import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ChainProblem, ChainStart, TrustedCheckpoint } from './chain-report.js';

/**
 * Gateways' clocks may differ this much. A checkpoint (or seal) at row s is signed as soon as it
 * has read the head, so row s+1 is no older than the checkpoint, give or take this (and the
 * milliseconds between reading the heads and signing them).
 */
const CLOCK_SKEW_MS = 5 * 60_000;

const PARTITION = /^audit_events_y(\d{4})m(\d{2})$/;

/** An `audit_retention` record as `detachAuditPartitionsBefore` writes it. */
interface RetentionRecord {
  seq: bigint;
  keptFrom: bigint;
  before: Date;
  detached: string[];
}

/** The chain's start, and what contradicts the retention record it rests on. */
export interface RetentionVerdict {
  start: ChainStart;
  startSeq: bigint;
  problems: ChainProblem[];
}

/**
 * Where chain `chain`'s walk starts: row 1, or the row the newest well-formed `audit_retention`
 * record on that chain says its kept rows begin at (retention writes one on every chain). A record is only believed as far as the database bears it out:
 * every partition it lists is detached, no row written before it is older than its cutoff,
 * and what remains of the detached rows (their checkpoints, the detached tables kept for the
 * archive) ends where the kept rows begin: `checkpoints` (those whose signature held) of rows
 * before the start are checked against it. Each contradiction is a problem.
 */
export async function judgeRetention(db: Db, checkpoints: readonly TrustedCheckpoint[], chain = 0): Promise<RetentionVerdict> {
  const problems: ChainProblem[] = [];
  const rows = await db
    .selectFrom('audit_events')
    .select(['chain_seq', 'details'])
    .where('kind', '=', 'audit_retention')
    .where('chain_id', '=', chain)
    .orderBy('chain_seq')
    .execute();
  const records: RetentionRecord[] = [];
  for (const row of rows) {
    const record = retentionRecord(BigInt(row.chain_seq), row.details);
    if (record) records.push(record);
    else problems.push({ kind: 'retention-malformed', retentionSeq: row.chain_seq });
  }
  const newest = records.at(-1);
  if (!newest) return { start: { seq: '1', reason: 'first-row' }, startSeq: 1n, problems };

  const attached = new Set(await attachedPartitions(db));
  for (const record of records) {
    for (const partition of record.detached) {
      if (attached.has(partition)) problems.push({ kind: 'retention-partition-attached', retentionSeq: record.seq.toString(), partition });
    }
  }
  problems.push(...(await contradictions(db, chain, newest, attached, checkpoints.filter((checkpoint) => checkpoint.seq < newest.keptFrom))));
  const start: ChainStart = {
    seq: newest.keptFrom.toString(),
    reason: 'retention',
    retentionSeq: newest.seq.toString(),
    before: newest.before.toISOString(),
    detached: newest.detached,
  };
  return { start, startSeq: newest.keptFrom, problems };
}

/** What the rows, the checkpoints and the detached tables say against `record`'s boundary. */
async function contradictions(db: Db, chain: number, record: RetentionRecord, attached: ReadonlySet<string>, belowStart: readonly TrustedCheckpoint[]): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  const retentionSeq = record.seq.toString();
  const keptFrom = record.keptFrom.toString();
  // Rows the retention kept (written before its record) are all from its cutoff on. Filtering on
  // time lets PostgreSQL read only the partitions that could hold older rows.
  const older = await db
    .selectFrom('audit_events')
    .select('chain_seq')
    .where('occurred_at', '<', record.before)
    .where('chain_id', '=', chain)
    .where('chain_seq', '>=', keptFrom)
    .where('chain_seq', '<', retentionSeq)
    .orderBy('chain_seq')
    .limit(1)
    .executeTakeFirst();
  if (older) problems.push({ kind: 'retention-row-before-boundary', retentionSeq, seq: older.chain_seq, before: record.before.toISOString() });

  const first = await db
    .selectFrom('audit_events')
    .select(['prev_hash', 'occurred_at'])
    .where('chain_id', '=', chain)
    .where('chain_seq', '=', keptFrom)
    .orderBy('occurred_at')
    .limit(1)
    .executeTakeFirst();
  // The first kept row opens its month: every row before it went with a month before that.
  const opensMonth = first ? monthStart(first.occurred_at) : record.before;
  const boundary = opensMonth > record.before ? opensMonth : record.before;
  for (const checkpoint of belowStart) {
    const seq = checkpoint.seq.toString();
    if (checkpoint.seq === record.keptFrom - 1n) {
      if (first && checkpoint.hash !== first.prev_hash) problems.push({ kind: 'retention-link-mismatch', retentionSeq, seq, keptFrom, source: checkpoint.source });
    } else if (checkpoint.signedAt && checkpoint.signedAt.getTime() > boundary.getTime() + CLOCK_SKEW_MS) {
      // Row seq+1 was detached, yet written after this checkpoint: in a month that was kept.
      problems.push({ kind: 'retention-checkpoint-after-boundary', retentionSeq, seq, source: checkpoint.source, signedAt: checkpoint.signedAt.toISOString(), boundary: boundary.toISOString() });
    }
  }

  // Tables detached but not dropped are the archive: the newest detached row must be the one the
  // first kept row follows. With some of them gone (dropped, archived) that row may have gone too.
  let lastDetached: { seq: bigint; hash: string } | null = null;
  let allKept = true;
  for (const partition of record.detached) {
    if (attached.has(partition)) continue;
    if (!(await tableExists(db, partition))) {
      allKept = false;
      continue;
    }
    const last = await lastDetachedRow(db, partition, chain);
    if (!last) continue;
    if (BigInt(last.chain_seq) >= record.keptFrom) problems.push({ kind: 'retention-detached-overlap', retentionSeq, partition, seq: last.chain_seq, keptFrom });
    else if (!lastDetached || BigInt(last.chain_seq) > lastDetached.seq) lastDetached = { seq: BigInt(last.chain_seq), hash: last.hash };
  }
  const followed = record.keptFrom - 1n;
  if (first && lastDetached && (allKept || lastDetached.seq === followed) && (lastDetached.seq !== followed || lastDetached.hash !== first.prev_hash)) {
    problems.push({ kind: 'retention-link-mismatch', retentionSeq, seq: lastDetached.seq.toString(), keptFrom, source: 'detached-partition' });
  }
  return problems;
}

/**
 * The record in `details`, or null when it is not what retention writes: at least one monthly
 * partition, each ending by the cutoff; a cutoff at the start of a month; and a first kept row
 * no later than the record itself.
 */
function retentionRecord(seq: bigint, details: Record<string, unknown>): RetentionRecord | null {
  const { detached, before, keptFrom } = details;
  if (!Array.isArray(detached) || detached.length === 0 || typeof before !== 'string' || typeof keptFrom !== 'string' || !/^\d+$/.test(keptFrom)) return null;
  const cutoff = new Date(before);
  if (Number.isNaN(cutoff.getTime()) || cutoff.getTime() !== monthStart(cutoff).getTime()) return null;
  const names: string[] = [];
  for (const name of detached) {
    const match = typeof name === 'string' ? PARTITION.exec(name) : null;
    if (!match || Date.UTC(Number(match[1]), Number(match[2]), 1) > cutoff.getTime()) return null;
    names.push(match[0]);
  }
  const kept = BigInt(keptFrom);
  if (kept < 1n || kept > seq) return null;
  return { seq, keptFrom: kept, before: cutoff, detached: names };
}

/**
 * The newest row of `chain` in a detached partition. One detached before there were several
 * chains has no `chain_id` column: all its rows are chain 0's.
 */
async function lastDetachedRow(db: Db, partition: string, chain: number): Promise<{ chain_seq: string; hash: string } | undefined> {
  const { rows: columns } = await sql<{ found: boolean }>`
    select exists (select from pg_attribute where attrelid = to_regclass(${partition}) and attname = 'chain_id' and not attisdropped) as found`.execute(db);
  if (!columns[0]?.found) {
    if (chain !== 0) return undefined;
    const { rows } = await sql<{ chain_seq: string; hash: string }>`select chain_seq::text, hash from ${sql.table(partition)} order by chain_seq desc limit 1`.execute(db);
    return rows[0];
  }
  const { rows } = await sql<{ chain_seq: string; hash: string }>`select chain_seq::text, hash from ${sql.table(partition)} where chain_id = ${chain} order by chain_seq desc limit 1`.execute(db);
  return rows[0];
}

async function attachedPartitions(db: Db): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_events'::regclass`.execute(db);
  return rows.map((row) => row.name);
}

async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(db);
  return rows[0]?.found ?? false;
}

function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}
