import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { AuditEventRow } from '../db/tables/audit-event.js';

export interface AuditFilter {
  actor?: string | null;
  user?: string | null;
  account?: string | null;
  session?: string | null;
  kinds?: readonly string[] | null;
  decisions?: readonly string[] | null;
  from?: Date | null;
  to?: Date | null;
}

/**
 * A row's name in lists, its id and cursor alike: the number alone on chain 0 (as every row was
 * named while there was one chain), `CHAIN:NUMBER` on another.
 */
export function auditEventId(row: Pick<AuditEventRow, 'chain_id' | 'chain_seq'>): string {
  return row.chain_id === 0 ? row.chain_seq : `${row.chain_id}:${row.chain_seq}`;
}

const EVENT_ID = /^(?:(\d{1,2}):)?(\d{1,19})$/;

/** An id `auditEventId` gave out, read back; null when it is not one. */
export function parseAuditEventId(text: string): { chain: number; seq: string } | null {
  const match = EVENT_ID.exec(text);
  return match ? { chain: Number(match[1] ?? '0'), seq: match[2] ?? '' } : null;
}

/**
 * Newest first, keyset-paginated on the primary key (occurred_at, chain_id, chain_seq): the one
 * order that means "newest" across chains (each chain numbers its rows on its own) and is total,
 * so no row is skipped or shown twice at a page boundary, however the writers' clocks differ.
 * The cursor names a row (`auditEventId`); the page goes on below that row's key. A time range
 * lets PostgreSQL skip whole monthly partitions; actor, account and session each have an index
 * that starts with them and goes on with the time, in the order asked for.
 */
export function findAuditEvents(db: Executor, filter: AuditFilter, limit: number, before: string | null): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.actor) query = query.where('actor_id', '=', filter.actor);
  const user = filter.user;
  // The customer of the session or request, or a user whose data was read in it (field reads'
  // `subjectIds`, under a GIN index): Jane's phone seen in a session as Tom is Jane's too.
  if (user) query = query.where((eb) => eb.or([eb('subject_user_id', '=', user), sql<boolean>`details -> 'subjectIds' @> ${JSON.stringify([user])}::jsonb`]));
  if (filter.account) query = query.where('account_id', '=', filter.account);
  if (filter.session) query = query.where('session_id', '=', filter.session);
  if (filter.kinds?.length) query = query.where('kind', 'in', [...filter.kinds]);
  if (filter.decisions?.length) query = query.where('decision', 'in', [...filter.decisions]);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  const cursor = before ? parseAuditEventId(before) : null;
  if (cursor) {
    // The cursor row's whole key, to the microsecond, found by (chain_id, chain_seq)'s index.
    query = query.where(
      sql<boolean>`(occurred_at, chain_id, chain_seq) < (select occurred_at, chain_id, chain_seq from audit_events where chain_id = ${cursor.chain} and chain_seq = ${cursor.seq} order by occurred_at desc limit 1)`,
    );
  }
  return query.orderBy('occurred_at', 'desc').orderBy('chain_id', 'desc').orderBy('chain_seq', 'desc').limit(limit).execute();
}

export interface AccessReviewRow {
  agentId: string;
  agentName: string;
  sessions: number;
  minutes: number;
  accounts: string[];
  approvalsRequested: number;
  approvalsGranted: number;
  approvalsDenied: number;
  refusals: number;
}

/**
 * Per agent over a period: sessions, time spent, accounts entered, approvals and refusals. An AI
 * assistant has a row of its own, its name reading "Assistant Triage-Bot": the sessions it
 * opened and those agents lent it (its time in a lent one runs from the loan to its revocation,
 * lapse or the session's end), and its refusals.
 */
export async function accessReview(db: Executor, from: Date, to: Date): Promise<AccessReviewRow[]> {
  const result = await sql<AccessReviewRow>`
    with worked as (
      select s.agent_id as worker_id, s.id as session_id, s.account_name,
             extract(epoch from (coalesce(s.ended_at, now()) - s.started_at)) / 60 as minutes
        from impersonation_sessions s
       where s.started_at >= ${from} and s.started_at < ${to}
      union all
      select d.assistant_id, d.session_id, s.account_name,
             greatest(extract(epoch from (least(coalesce(d.revoked_at, d.expires_at), d.expires_at, coalesce(s.ended_at, now()), now()) - d.created_at)) / 60, 0)
        from session_delegations d join impersonation_sessions s on s.id = d.session_id
       where d.created_at >= ${from} and d.created_at < ${to}),
    sessions as (
      select worker_id as agent_id, count(distinct session_id)::int as sessions,
             coalesce(sum(minutes), 0)::int as minutes,
             array_agg(distinct account_name order by account_name) as accounts
        from worked
       group by worker_id),
    events as (
      select actor_id,
             count(*) filter (where kind = 'approval_requested')::int as requested,
             count(*) filter (where kind in ('access_denied', 'mutation_refused', 'request_refused') or (kind = 'field_read' and decision = 'denied'))::int as refusals
        from audit_events where occurred_at >= ${from} and occurred_at < ${to} and actor_kind in ('staff', 'assistant')
       group by actor_id),
    decisions as (
      select r.requester_id,
             count(*) filter (where r.status in ('approved', 'used'))::int as granted,
             count(*) filter (where r.status = 'denied')::int as denied
        from approval_requests r where r.created_at >= ${from} and r.created_at < ${to}
       group by r.requester_id)
    select st.id as "agentId", case when st.kind = 'assistant' then 'Assistant ' || st.name else st.name end as "agentName",
           coalesce(s.sessions, 0) as sessions, coalesce(s.minutes, 0) as minutes, coalesce(s.accounts, '{}') as accounts,
           coalesce(e.requested, 0) as "approvalsRequested", coalesce(d.granted, 0) as "approvalsGranted",
           coalesce(d.denied, 0) as "approvalsDenied", coalesce(e.refusals, 0) as refusals
      from staff st
      left join sessions s on s.agent_id = st.id
      left join events e on e.actor_id = st.id
      left join decisions d on d.requester_id = st.id
     where s.sessions is not null or e.requested > 0 or e.refusals > 0 or d.requester_id is not null
     order by st.name`.execute(db);
  return result.rows;
}
