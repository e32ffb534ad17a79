import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { ApprovalKind } from '../db/tables/approval-request.js';
import type { SessionEndReason, SessionMode } from '../db/tables/impersonation-session.js';

// What the metrics read from the database at scrape time: state every instance shares, so each
// reports the same numbers. One grouped query each; labels are values the tables' check
// constraints allow, never ids. Each known value is reported, at 0 when no row has it.

export const SESSION_MODES: readonly SessionMode[] = ['read_only', 'read_write'];
export const SESSION_END_REASONS: readonly SessionEndReason[] = ['ended', 'idle_timeout', 'expired', 'revoked', 'role_lost', 'target_changed'];
export const APPROVAL_KINDS: readonly ApprovalKind[] = ['session_start', 'mutation', 'field_access'];
export const OUTBOX_STATES = ['waiting', 'retrying'] as const;

export interface SessionCounts {
  /** Sessions running now, by mode. */
  active: Map<string, number>;
  /** Sessions that ever started, by mode. */
  started: Map<string, number>;
  /** Sessions that started and have ended, by why. */
  ended: Map<string, number>;
}

/** One pass over the sessions table (starts that never ran are left out: they neither started nor ended). */
export async function readSessionCounts(db: Db): Promise<SessionCounts> {
  const rows = await db
    .selectFrom('impersonation_sessions')
    .select((eb) => ['mode', 'status', 'end_reason', eb.fn.countAll<string>().as('n')])
    .where('started_at', 'is not', null)
    .groupBy(['mode', 'status', 'end_reason'])
    .execute();
  const counts: SessionCounts = { active: zeros(SESSION_MODES), started: zeros(SESSION_MODES), ended: zeros(SESSION_END_REASONS) };
  for (const row of rows) {
    const n = Number(row.n);
    add(counts.started, row.mode, n);
    if (row.status === 'active') add(counts.active, row.mode, n);
    if (row.end_reason !== null) add(counts.ended, row.end_reason, n);
  }
  return counts;
}

export interface Backlog {
  count: number;
  /** Seconds since the oldest was created, by the database's clock; 0 when there is none. */
  oldestAgeSeconds: number;
}

/** Approval requests a manager can still decide (pending, not lapsed), by kind. */
export async function readPendingApprovals(db: Db): Promise<Map<string, Backlog>> {
  const rows = await db
    .selectFrom('approval_requests')
    .select((eb) => ['kind', eb.fn.countAll<string>().as('n'), sql<number>`extract(epoch from now() - min(created_at))::float8`.as('oldest')])
    .where('status', '=', 'pending')
    .where('expires_at', '>', sql<Date>`now()`)
    .groupBy('kind')
    .execute();
  const backlog = new Map<string, Backlog>(APPROVAL_KINDS.map((kind) => [kind, { count: 0, oldestAgeSeconds: 0 }]));
  for (const row of rows) backlog.set(row.kind, { count: Number(row.n), oldestAgeSeconds: Math.max(0, Number(row.oldest)) });
  return backlog;
}

/** Undelivered notifications: `waiting` for a first attempt, or `retrying` after a failed one. */
export async function readOutboxBacklog(db: Db): Promise<Map<string, Backlog>> {
  const rows = await db
    .selectFrom('notification_outbox')
    .select((eb) => [sql<boolean>`attempts > 0`.as('retrying'), eb.fn.countAll<string>().as('n'), sql<number>`extract(epoch from now() - min(created_at))::float8`.as('oldest')])
    .where('delivered_at', 'is', null)
    .groupBy(sql`attempts > 0`)
    .execute();
  const backlog = new Map<string, Backlog>(OUTBOX_STATES.map((state) => [state, { count: 0, oldestAgeSeconds: 0 }]));
  for (const row of rows) backlog.set(row.retrying ? 'retrying' : 'waiting', { count: Number(row.n), oldestAgeSeconds: Math.max(0, Number(row.oldest)) });
  return backlog;
}

function zeros(keys: readonly string[]): Map<string, number> {
  return new Map(keys.map((key) => [key, 0]));
}

function add(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}
