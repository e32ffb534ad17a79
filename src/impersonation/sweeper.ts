import { sql, type Transaction } from 'kysely';
import { closeApprovalRequests } from '../approvals/close-approval-requests.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import type { Database, Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { PolicySource } from '../policy/policy-source.js';
import { endSession, refuseUnstartedSession } from './end-session.js';
import type { WardenIdentity } from '../identity/identity.js';
import { lockActiveSessions, lockTimedOutSessions } from './sessions.repository.js';
import { holderMayImpersonate } from './session-holder.js';
import { sessionBrokenBecause, standingOf } from './start-checks.js';
import { minutesBetween, uncollectedLapse, undecidedLapse } from './start-lapses.js';

const BATCH = 100;
const SWEEPER = { actor: SYSTEM_ACTOR };

export interface SweepOptions {
  /** How Warden learns whether a session's customer changed (opted out, turned sensitive, became privileged). */
  identity: WardenIdentity;
  /** The policy in force lets on-call engineers impersonate. @default false */
  oncallMayImpersonate?: boolean;
  /** The policy in force lets AI assistants hold sessions of their own; while it does not, theirs end. @default false */
  assistantsMayOpenSessions?: boolean;
}

/**
 * Closes what nobody closed, each with its audit record: sessions past their time limits (the
 * tab was shut, the laptop slept), sessions whose agent lost the role or whose customer changed
 * (nobody used them since), requests nobody decided, starts nobody collected and approved
 * mutations nobody ran in time. Safe on every instance at once: rows are claimed with SKIP
 * LOCKED. Returns how many sessions it ended.
 */
export async function sweepSessions(db: Db, options: SweepOptions): Promise<number> {
  const policy = { oncallMayImpersonate: options.oncallMayImpersonate ?? false, assistantsMayOpenSessions: options.assistantsMayOpenSessions ?? false };
  const timedOut = await inBatches(db, async (trx) => {
    const sessions = await lockTimedOutSessions(trx, BATCH);
    for (const session of sessions) {
      const hardExpired = session.expires_at !== null && session.expires_at.getTime() <= Date.now();
      await endSession(trx, session, hardExpired ? 'expired' : 'idle_timeout', SWEEPER);
    }
    return sessions.length;
  });
  // Every active session is judged, a page at a time: whether its customer changed is the
  // application's to say (the identity hook), so no query can narrow them first.
  let broken = 0;
  let afterId = '';
  for (;;) {
    const page = await db.transaction().execute(async (trx) => {
      const sessions = await lockActiveSessions(trx, BATCH, afterId);
      for (const session of sessions) {
        const customer = await options.identity.customer(session.user_id, trx);
        const holder = { kind: session.agent_kind, active: session.agent_active, roles: session.agent_roles };
        const reason = sessionBrokenBecause(standingOf(session, customer, holderMayImpersonate(holder, policy)));
        if (!reason) continue;
        await endSession(trx, session, reason, SWEEPER);
        broken++;
      }
      return sessions;
    });
    const last = page.at(-1);
    if (!last || page.length < BATCH) break;
    afterId = last.id;
  }
  await inBatches(db, lapseUndecidedRequests);
  await inBatches(db, lapseUncollectedStarts);
  await inBatches(db, lapseUnusedMutationApprovals);
  return timedOut + broken;
}

/** Runs `step` in its own transaction until it handles fewer rows than a batch. */
async function inBatches(db: Db, step: (trx: Transaction<Database>) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const count = await db.transaction().execute(step);
    total += count;
    if (count < BATCH) return total;
  }
}

/** Pending requests past their lifetime; a session start waiting on one is refused with it. */
async function lapseUndecidedRequests(trx: Transaction<Database>): Promise<number> {
  const requests = await trx
    .selectFrom('approval_requests')
    .selectAll()
    .where('status', '=', 'pending')
    .where('expires_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  let lapsed = 0;
  for (const request of requests) {
    const why = undecidedLapse(request.created_at, request.expires_at);
    // Everyone else locks a session before its requests; waiting here for a session while holding
    // its request could deadlock with them, so a session in use is left for the next sweep.
    const session = request.kind === 'session_start' && request.session_id
      ? await trx.selectFrom('impersonation_sessions').selectAll().where('id', '=', request.session_id).forUpdate().skipLocked().executeTakeFirst()
      : null;
    if (session === undefined) continue;
    if (session?.status === 'pending_approval') await refuseUnstartedSession(trx, session, why, SWEEPER);
    else await closeApprovalRequests(trx, [request], 'expired', why, SWEEPER);
    lapsed += 1;
  }
  return lapsed;
}

/** Approved starts whose agent did not collect the token before the approval lapsed: the agent's slot frees. */
async function lapseUncollectedStarts(trx: Transaction<Database>): Promise<number> {
  const rows = await trx
    .selectFrom('impersonation_sessions as s')
    .innerJoin('approval_requests as r', 'r.id', 's.approval_request_id')
    .selectAll('s')
    .select(['r.decided_at as approved_at', 'r.grant_expires_at as approval_expires_at'])
    .where('s.status', '=', 'approved')
    .where('r.grant_expires_at', '<=', sql<Date>`now()`)
    .orderBy('s.id')
    .limit(BATCH)
    .forUpdate('s')
    .skipLocked()
    .execute();
  for (const { approved_at, approval_expires_at, ...session } of rows) {
    await refuseUnstartedSession(trx, session, uncollectedLapse(approved_at, approval_expires_at), SWEEPER);
  }
  return rows.length;
}

/** Approved mutations nobody ran before the approval lapsed. */
async function lapseUnusedMutationApprovals(trx: Transaction<Database>): Promise<number> {
  const approvals = await trx
    .selectFrom('approval_requests')
    .selectAll()
    .where('kind', '=', 'mutation')
    .where('status', '=', 'approved')
    .where('grant_expires_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(BATCH)
    .forUpdate()
    .skipLocked()
    .execute();
  for (const approval of approvals) {
    const minutes = approval.decided_at && approval.grant_expires_at ? minutesBetween(approval.decided_at, approval.grant_expires_at) : null;
    await closeApprovalRequests(trx, [approval], 'expired', `the approved call was not run${minutes === null ? ' in time' : ` within ${minutes} minutes`}`, SWEEPER);
  }
  return approvals.length;
}

export interface SweeperOptions {
  db: Db;
  identity: WardenIdentity;
  logger: Logger;
  /** The policy in force, for whether on-call engineers and AI assistants may hold sessions. @default they may not */
  policy?: PolicySource;
  /** @default 15000 */
  intervalMs?: number;
}

/** Runs the sweep on a timer; `stop()` waits for a sweep in progress. */
export function startSessionSweeper(options: SweeperOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    const document = options.policy?.current().document;
    const policy = { oncallMayImpersonate: document?.oncallMayImpersonate ?? false, assistantsMayOpenSessions: document?.assistantsMayOpenSessions ?? false };
    running = sweepSessions(options.db, { identity: options.identity, ...policy }).then(
      (n) => n > 0 && options.logger.info({ sessions: n }, 'sessions closed'),
      (error: unknown) => options.logger.error({ err: error }, 'session sweep failed'),
    );
  }, options.intervalMs ?? 15_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
