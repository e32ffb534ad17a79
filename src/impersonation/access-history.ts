import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SessionEndReason } from '../db/tables/impersonation-session.js';
import { wardenError } from '../errors/index.js';
import { holderLabel } from './session-holder.js';

export interface AccessHistoryEntry {
  sessionId: string;
  agentName: string;
  /** The user of the account the agent entered as: whose view of the account support took. */
  userId: string;
  /** That user's name as the reader's policy shows `User.name`; null where it hides it. */
  userName: string | null;
  reason: string;
  ticket: string;
  mode: 'read_only' | 'read_write';
  startedAt: Date;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
  /** How the visit ended, in words a customer reads: "the visit closed by itself after the agent was idle". */
  howItEnded: string | null;
  minutes: number | null;
  changes: string[];
  cursor: string;
}

export function encodeCursor(startedAt: Date, id: string): string {
  return Buffer.from(`${startedAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): { startedAt: Date; id: string } {
  const [time = '', id = ''] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const startedAt = new Date(time);
  if (!id || Number.isNaN(startedAt.getTime())) throw wardenError('BAD_USER_INPUT', 'That cursor is not one this list gave out; start from the first page.');
  return { startedAt, id };
}

const HOW_IT_ENDED: Record<SessionEndReason, string> = {
  ended: 'the agent ended the visit',
  idle_timeout: 'the visit closed by itself after the agent was idle',
  expired: 'the visit closed by itself at its time limit',
  revoked: 'a support manager ended the visit',
  role_lost: 'the visit closed because the agent may no longer enter accounts',
  target_changed: "the visit closed because your account's settings changed",
};

/**
 * Who from support entered an account, as which of its users, newest first, with what each
 * session changed (the summaries of its mutation events). Keyset pagination on (started_at, id).
 * `showUserName` shows a user's name as the reader may see it (the reader's policy for `User.name`).
 */
export async function listAccessHistory(
  db: Executor,
  accountId: string,
  first: number,
  after: string | null,
  showUserName: (name: string) => string | null,
): Promise<AccessHistoryEntry[]> {
  let query = db
    .selectFrom('impersonation_sessions as s')
    .innerJoin('staff', 'staff.id', 's.agent_id')
    .select(['s.id', 's.user_id', 's.reason', 's.ticket', 's.mode', 's.started_at', 's.ended_at', 's.end_reason', 'staff.name as agent_name', 'staff.kind as agent_kind', 's.user_name'])
    .where('s.account_id', '=', accountId)
    .where('s.started_at', 'is not', null)
    .orderBy('s.started_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(first);
  if (after) {
    const { startedAt, id } = decodeCursor(after);
    query = query.where(sql<boolean>`(s.started_at, s.id) < (${startedAt}, ${id})`);
  }
  const sessions = await query.execute();
  if (sessions.length === 0) return [];
  const events = await db
    .selectFrom('audit_events')
    .select(['session_id', 'summary'])
    .where('session_id', 'in', sessions.map((s) => s.id))
    .where('kind', '=', 'mutation_executed')
    .orderBy('occurred_at')
    .execute();
  return sessions.map((s) => {
    const startedAt = s.started_at ?? new Date(0);
    return {
      sessionId: s.id,
      agentName: holderLabel({ kind: s.agent_kind, name: s.agent_name }),
      userId: s.user_id,
      userName: showUserName(s.user_name),
      reason: s.reason,
      ticket: s.ticket,
      mode: s.mode,
      startedAt,
      endedAt: s.ended_at,
      endReason: s.end_reason,
      howItEnded: s.end_reason ? HOW_IT_ENDED[s.end_reason] : null,
      minutes: s.ended_at ? Math.round((s.ended_at.getTime() - startedAt.getTime()) / 60_000) : null,
      changes: events.filter((e) => e.session_id === s.id).map((e) => e.summary),
      cursor: encodeCursor(startedAt, s.id),
    };
  });
}

/** One sentence per visit, for a customer who does not read audit logs: who came, as whom, when, why, and what they changed. */
export function describeVisit(entry: AccessHistoryEntry): string {
  const when = `${entry.startedAt.toISOString().slice(0, 10)} at ${entry.startedAt.toISOString().slice(11, 16)} UTC`;
  const stay =
    entry.minutes === null
      ? 'and is still there'
      : `and stayed ${entry.minutes} minute${entry.minutes === 1 ? '' : 's'}${entry.howItEnded ? ` (${entry.howItEnded})` : ''}`;
  const mode = entry.mode === 'read_only' ? 'read-only' : 'able to make approved changes';
  const changed = entry.changes.length === 0 ? 'Nothing was changed.' : `Changes: ${entry.changes.join('; ')}.`;
  const whom = entry.userName ?? "one of your account's users";
  return `${entry.agentName} from support entered as ${whom} on ${when} (${mode}) for ticket ${entry.ticket} — "${entry.reason}" — ${stay}. ${changed}`;
}
