import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type {
  ImpersonationSessionRow,
  ImpersonationSessionUpdate,
  NewImpersonationSessionRow,
  SessionEndReason,
} from '../db/tables/impersonation-session.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { OpenSessionOfAgent } from './start-checks.js';

export function insertSession(db: Executor, row: NewImpersonationSessionRow): Promise<ImpersonationSessionRow> {
  return db.insertInto('impersonation_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findSession(db: Executor, id: string): Promise<ImpersonationSessionRow | undefined> {
  return db.selectFrom('impersonation_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockSession(db: Executor, id: string): Promise<ImpersonationSessionRow | undefined> {
  return db.selectFrom('impersonation_sessions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findSessionByTokenHash(db: Executor, tokenHash: string): Promise<ImpersonationSessionRow | undefined> {
  return db.selectFrom('impersonation_sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export function findOpenSessionOfAgent(db: Executor, agentId: string): Promise<ImpersonationSessionRow | undefined> {
  return db
    .selectFrom('impersonation_sessions')
    .selectAll()
    .where('agent_id', '=', agentId)
    .where('status', 'in', ['pending_approval', 'approved', 'active'])
    .executeTakeFirst();
}

/** The agent's open session with the customer and account it is for, for a refusal to name it. */
export function findOpenSessionOfAgentNamed(db: Executor, agentId: string): Promise<OpenSessionOfAgent | undefined> {
  return db
    .selectFrom('impersonation_sessions')
    .select(['id', 'status', 'user_id as userId', 'user_name as userName', 'account_id as accountId', 'account_name as accountName'])
    .where('agent_id', '=', agentId)
    .where('status', 'in', ['pending_approval', 'approved', 'active'])
    .executeTakeFirst();
}

export function updateSession(db: Executor, id: string, changes: ImpersonationSessionUpdate): Promise<ImpersonationSessionRow> {
  return db.updateTable('impersonation_sessions').set(changes).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** What Warden knows of a request's session, read while refreshing the idle timer; the customer's standing comes from the identity hook. */
export interface TouchedSession extends ImpersonationSessionRow {
  agent_name: string;
  grants: string[] | null;
}

/**
 * How far behind the idle limit may fall before a use moves it: a sixtieth of the idle time, at
 * most 30 seconds (15 s at the default 15 minutes). Within it a request reads its session and
 * writes nothing; the session may then close up to this much before a full idle time after its
 * last use, never after.
 */
function idleRefreshSlackSeconds(idleMinutes: number): number {
  return Math.min(30, idleMinutes);
}

/**
 * The agent's own active, unexpired session for a request, with its agent's name and live field
 * grants, its idle timer pushed back. No row: the token is unknown, someone else's, or the
 * session has ended or timed out.
 *
 * One round trip a request: a read. The idle timer is written only when it has fallen more than
 * `idleRefreshSlackSeconds` behind, or lies beyond where it would now be set (the idle time was
 * lowered since, or the session's end brought forward), then by an UPDATE that checks again that
 * the session is still active (one ended meanwhile answers no row). Writing it on every request
 * made each one replace the session's row and its index entries (the sweeper's index holds the
 * idle limit), and made a session's concurrent requests queue on that row's lock.
 */
export async function touchActiveSession(
  db: Executor,
  tokenHash: string,
  agentId: string,
  idleMinutes: number,
): Promise<TouchedSession | undefined> {
  const idleLimit = sql`least(now() + make_interval(mins => ${idleMinutes}), s.expires_at)`;
  const found = await sql<TouchedSession & { idle_limit_off: boolean }>`
    select s.*,
      st.name as agent_name,
      (select array_agg(distinct f.field)
         from approval_requests r, jsonb_array_elements_text(r.payload -> 'fields') as f(field)
        where r.session_id = s.id and r.kind = 'field_access' and r.status = 'approved'
          and r.grant_expires_at > now()) as grants,
      (s.idle_expires_at < ${idleLimit} - make_interval(secs => ${idleRefreshSlackSeconds(idleMinutes)})
        or s.idle_expires_at > ${idleLimit}) as idle_limit_off
      from impersonation_sessions s
      join staff st on st.id = s.agent_id
     where s.token_hash = ${tokenHash}
       and s.agent_id = ${agentId}
       and s.status = 'active'
       and s.expires_at > now()
       and s.idle_expires_at > now()`.execute(db);
  const row = found.rows[0];
  if (!row) return undefined;
  const { idle_limit_off: off, ...session } = row;
  if (!off) return session;
  const touched = await sql<Pick<TouchedSession, 'last_seen_at' | 'idle_expires_at'>>`
    update impersonation_sessions s
       set last_seen_at = now(),
           idle_expires_at = ${idleLimit}
     where s.id = ${session.id}
       and s.status = 'active'
       and s.expires_at > now()
       and s.idle_expires_at > now()
    returning s.last_seen_at, s.idle_expires_at`.execute(db);
  const moved = touched.rows[0];
  return moved && { ...session, ...moved };
}

/**
 * Active sessions past their hard or idle expiry, locked for this sweeper only: another
 * instance's sweeper skips them (`SKIP LOCKED`) instead of ending them twice.
 */
export function lockTimedOutSessions(db: Executor, limit: number): Promise<ImpersonationSessionRow[]> {
  return db
    .selectFrom('impersonation_sessions')
    .selectAll()
    .where('status', '=', 'active')
    .where((eb) => eb.or([eb('expires_at', '<=', sql<Date>`now()`), eb('idle_expires_at', '<=', sql<Date>`now()`)]))
    .orderBy('idle_expires_at')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function markSessionEnded(
  db: Executor,
  id: string,
  reason: SessionEndReason,
  endedBy: string | null,
  note: string | null,
): Promise<ImpersonationSessionRow> {
  return db
    .updateTable('impersonation_sessions')
    .set({ status: 'ended', end_reason: reason, ended_by: endedBy, ended_at: sql<Date>`now()`, closed_because: note })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An active session with its agent's standing now; the customer's comes from the identity hook. */
export interface SessionWithAgent extends ImpersonationSessionRow {
  agent_active: boolean;
  agent_roles: StaffRole[];
  /** A person, or an AI assistant holding a session of its own. */
  agent_kind: 'person' | 'assistant';
}

/**
 * Active sessions, oldest id first from `afterId` on, locked for this sweeper only (`SKIP
 * LOCKED`), with their agent's record: the sweeper asks about each customer and decides each
 * with `sessionBrokenBecause`, the rule a request applies too.
 */
export function lockActiveSessions(db: Executor, limit: number, afterId: string): Promise<SessionWithAgent[]> {
  return db
    .selectFrom('impersonation_sessions as s')
    .innerJoin('staff as st', 'st.id', 's.agent_id')
    .selectAll('s')
    .select(['st.active as agent_active', 'st.roles as agent_roles', 'st.kind as agent_kind'])
    .where('s.status', '=', 'active')
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(limit)
    .forUpdate('s')
    .skipLocked()
    .execute();
}
