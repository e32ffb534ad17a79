import type { Db } from '../db/database.js';
import type { ChainProblem, ChainStart } from './chain-report.js';

const PARTITION = /^audit_events_y(\d{4})m(\d{2})$/;

/** An `audit_retention` record as `detachAuditPartitionsBefore` writes it. */
interface RetentionRecord {
  seq: bigint;
  keptFrom: bigint;
  before: Date;
  detached: string[];
}

/** The chain's start, and what is wrong with the retention records. */
export interface RetentionVerdict {
  start: ChainStart;
  startSeq: bigint;
  problems: ChainProblem[];
}

/**
 * Where the walk starts: row 1, or the row the newest well-formed `audit_retention` record
 * says the kept rows begin at. A record that is not what retention writes is a problem, and
 * moves nothing.
 */
export async function judgeRetention(db: Db): Promise<RetentionVerdict> {
  const problems: ChainProblem[] = [];
  const rows = await db.selectFrom('audit_events').select(['chain_seq', 'details']).where('kind', '=', 'audit_retention').orderBy('chain_seq').execute();
  const records: RetentionRecord[] = [];
  for (const row of rows) {
    const record = retentionRecord(BigInt(row.chain_seq), row.details);
    if (record) records.push(record);
    else problems.push({ kind: 'retention-malformed', retentionSeq: row.chain_seq });
  }
  const newest = records.at(-1);
  if (!newest) return { start: { seq: '1', reason: 'first-row' }, startSeq: 1n, problems };

  const start: ChainStart = {
    seq: newest.keptFrom.toString(),
    reason: 'retention',
    retentionSeq: newest.seq.toString(),
    before: newest.before.toISOString(),
    detached: newest.detached,
  };
  return { start, startSeq: newest.keptFrom, problems };
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

function monthStart(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
}
