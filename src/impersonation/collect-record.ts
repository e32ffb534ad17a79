import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { CollectRecord } from './collect-refusal.js';

/**
 * A session as collecting it needs the record: its status and how it closed, who ended it, and
 * the approval it waited for with the manager who decided it. Undefined when there is none.
 */
export async function loadCollectRecord(db: Executor, sessionId: string): Promise<CollectRecord | undefined> {
  const row = await db
    .selectFrom('impersonation_sessions as s')
    .leftJoin('staff as closer', 'closer.id', 's.ended_by')
    .leftJoin('approval_requests as r', 'r.id', 's.approval_request_id')
    .leftJoin('staff as decider', 'decider.id', 'r.decided_by')
    .select([
      's.id',
      's.status',
      's.minutes',
      's.started_at',
      's.expires_at',
      's.idle_expires_at',
      's.ended_at',
      's.end_reason',
      's.closed_because',
      'closer.name as ended_by_name',
      'r.status as approval_status',
      'r.created_at as approval_created_at',
      'r.expires_at as approval_expires_at',
      'r.decided_at',
      'r.decision_note',
      'r.grant_expires_at',
      'r.payload',
      'decider.name as decider_name',
      sql<Date>`now()`.as('read_at'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const approval =
    row.approval_status && row.approval_created_at && row.approval_expires_at
      ? {
          status: row.approval_status,
          createdAt: row.approval_created_at,
          expiresAt: row.approval_expires_at,
          deciderName: row.decider_name,
          decidedAt: row.decided_at,
          note: row.decision_note,
          grantExpiresAt: row.grant_expires_at,
          why: row.payload?.kind === 'session_start' ? row.payload.why : [],
        }
      : null;
  return {
    id: row.id,
    status: row.status,
    minutes: row.minutes,
    startedAt: row.started_at,
    expiresAt: row.expires_at,
    idleExpiresAt: row.idle_expires_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    endedByName: row.ended_by_name,
    closedBecause: row.closed_because,
    approval,
    readAt: row.read_at,
  };
}
