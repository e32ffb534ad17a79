import type { Executor } from '../db/database.js';
import type { AuditEventRow } from '../db/tables/audit-event.js';
import { readDetailsOf, sessionStory, type StoryLabels } from './session-story.js';
import type { WardenIdentity } from '../identity/identity.js';

export interface SessionTimeline {
  sessionId: string;
  agentName: string;
  userName: string;
  accountName: string;
  reason: string;
  ticket: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
  story: string[];
  events: AuditEventRow[];
}

export interface SessionTimelineFilter {
  agent: string | null;
  user: string | null;
  account: string | null;
  from: Date | null;
  to: Date | null;
}

/** Each session with its events in chain order, told as a story (`sessionStory`). */
export async function sessionTimelines(db: Executor, identity: WardenIdentity, filter: SessionTimelineFilter, limit: number, labels: StoryLabels): Promise<SessionTimeline[]> {
  let query = db
    .selectFrom('impersonation_sessions as s')
    .innerJoin('staff', 'staff.id', 's.agent_id')
    .select(['s.id', 's.reason', 's.ticket', 's.status', 's.started_at', 's.ended_at', 's.created_at', 'staff.name as agentName', 'staff.kind as holderKind', 's.user_name as userName', 's.account_name as accountName']);
  if (filter.agent) query = query.where('s.agent_id', '=', filter.agent);
  if (filter.user) query = query.where('s.user_id', '=', filter.user);
  if (filter.account) query = query.where('s.account_id', '=', filter.account);
  if (filter.from) query = query.where('s.created_at', '>=', filter.from);
  if (filter.to) query = query.where('s.created_at', '<', filter.to);
  const sessions = await query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
  if (sessions.length === 0) return [];
  const events = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('session_id', 'in', sessions.map((s) => s.id))
    .orderBy('occurred_at')
    .orderBy('chain_id')
    .orderBy('chain_seq')
    .execute();
  const names = await namesOf(identity, events);
  return sessions.map((s) => {
    const own = events.filter((e) => e.session_id === s.id);
    return {
      sessionId: s.id,
      agentName: s.agentName,
      userName: s.userName,
      accountName: s.accountName,
      reason: s.reason,
      ticket: s.ticket,
      status: s.status,
      startedAt: s.started_at,
      endedAt: s.ended_at,
      story: sessionStory(own, s.agentName, names, labels, s.holderKind),
      events: own,
    };
  });
}

/** The names of the users whose data the events read, as the identity hook names them now. */
async function namesOf(identity: WardenIdentity, events: readonly AuditEventRow[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const event of events) {
    for (const id of readDetailsOf(event.details).subjectIds) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const users = await Promise.all([...ids].map((id) => identity.customer(id)));
  return new Map(users.flatMap((user) => (user ? [[user.id, user.name] as const] : [])));
}
