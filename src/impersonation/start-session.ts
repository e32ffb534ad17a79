import { randomBytes } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import type { AuditScope } from '../audit/index.js';
import { describeSessionStart } from '../approvals/describe-session-start.js';
import { openApprovalRequest } from '../approvals/open-request.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { ApprovalRequestRow } from '../db/tables/approval-request.js';
import type { ImpersonationSessionRow, SessionMode } from '../db/tables/impersonation-session.js';
import { wardenError, type ErrorCode } from '../errors/index.js';
import { activateSession } from './activate-session.js';
import { checkReason } from './reason.js';
import { findOpenSessionOfAgentNamed, insertSession } from './sessions.repository.js';
import { approvalRefusal, holderRefusal, modeRefusal, type HolderPolicy, type SessionHolder } from './session-holder.js';
import { approvalReasons, loadStartTarget, oneOpenSessionRefusal, takeAccountTurn, targetRefusal, type OpenSessionOfAgent, type StartRefusal } from './start-checks.js';
import { recordDenial } from '../audit/record-denial.js';

export interface StartSessionInput {
  userId: string;
  reason: string;
  ticket: string;
  mode?: SessionMode | null;
  minutes?: number | null;
}

export interface StartSessionContext {
  db: Db;
  identity: WardenIdentity;
  settings: ImpersonationSettings;
  /** A support agent, or an AI assistant opening a read-only session of its own. */
  agent: SessionHolder;
  /** The caller is already in a session (sent an impersonation token). */
  inSession: boolean;
  policy: HolderPolicy;
  scope: AuditScope;
  /** Told of each refusal this function recorded itself, so the audit trail does not record it again. */
  markRecorded: (error: GraphQLError) => void;
}

export interface StartedSession {
  session: ImpersonationSessionRow;
  token: string | null;
  approvalRequest: ApprovalRequestRow | null;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** The agent's open session, found inside the start's transaction: refused, and recorded, after it rolls back. */
class SessionAlreadyOpen extends Error {
  constructor(readonly session: OpenSessionOfAgent) {
    super('session already open');
  }
}

/** The input fields of `startImpersonation` a refusal may name in `extensions.field`. */
export type StartInputField = 'userId' | 'reason' | 'ticket' | 'mode' | 'minutes';

const NO_SUCH_CUSTOMER: StartRefusal = { code: 'NOT_FOUND', why: 'No customer user has that id; find them in the directory first.' };

/** The target, read under lock inside the start's transaction, may not be entered (now). */
class TargetRefusedNow extends Error {
  constructor(readonly refusal: StartRefusal) {
    super('target refused');
  }
}

/**
 * Starts a session, or asks a manager first. Every refusal is itself recorded (who tried to
 * enter which account, and why not) before the error is returned. An AI assistant starts one
 * only where the policy lets it, read-only, and never one that would wait for a manager; its
 * reason, ticket, target and length are checked as a person's are.
 */
export async function startSession(ctx: StartSessionContext, input: StartSessionInput): Promise<StartedSession> {
  const { db, settings, agent } = ctx;
  const target = await loadStartTarget(db, ctx.identity, input.userId);
  const subject = target ? { user: { id: target.userId, name: target.userName }, account: { id: target.accountId, name: target.accountName } } : null;
  // `field` names the input a refusal is about, so a form can show it next to that field.
  const refuse = async (code: ErrorCode, why: string, field?: StartInputField) => {
    await db.transaction().execute((trx) =>
      recordDenial(trx, { kind: 'access_denied', attempted: `start a session as ${target?.userName ?? input.userId}`, code, why, subject, typeField: 'Mutation.startImpersonation' }, ctx.scope),
    );
    const error = wardenError(code, why, field ? { field } : {});
    ctx.markRecorded(error);
    return error;
  };

  if (ctx.inSession) throw await refuse('FORBIDDEN', 'Sessions cannot nest: end the session you are in before starting another.');
  const notHolder = holderRefusal(agent, ctx.policy);
  if (notHolder) throw await refuse(notHolder.code, notHolder.why);
  const ageMinutes = (Date.now() - agent.authTime.getTime()) / 60_000;
  if (ageMinutes > settings.authMaxAgeMinutes) {
    const again = agent.kind === 'assistant' ? 'get a new token, signed in' : 'sign in again';
    throw await refuse('UNAUTHENTICATED', `You signed in ${Math.floor(ageMinutes)} minutes ago; ${again} (within ${settings.authMaxAgeMinutes} minutes) to start a session.`);
  }
  const reason = checkReason(input.reason);
  if (!reason.ok) throw await refuse('REASON_TOO_VAGUE', `The reason is too vague. ${reason.problem}`, 'reason');
  const ticket = input.ticket.trim();
  if (!settings.ticketPattern.test(ticket)) {
    throw await refuse('BAD_USER_INPUT', `"${ticket.slice(0, 40)}" is not a ticket reference; use the ticket's id, e.g. SUP-1234.`, 'ticket');
  }
  const minutes = input.minutes ?? settings.defaultMinutes;
  if (!Number.isInteger(minutes) || minutes < settings.minMinutes || minutes > settings.maxMinutes) {
    throw await refuse('BAD_USER_INPUT', `A session lasts from ${settings.minMinutes} to ${settings.maxMinutes} minutes (default ${settings.defaultMinutes}).`, 'minutes');
  }
  const mode = input.mode ?? 'read_only';
  const badMode = modeRefusal(agent, mode);
  if (badMode) throw await refuse(badMode.code, badMode.why, 'mode');

  try {
    return await db.transaction().execute(async (trx) => {
      // The target is judged as read after taking the account's turn, not as first read (that
      // read only names it in a refusal's record): the customer may have opted out meanwhile.
      if (!target) throw new TargetRefusedNow(NO_SUCH_CUSTOMER);
      await takeAccountTurn(trx, target.accountId);
      const locked = await loadStartTarget(trx, ctx.identity, input.userId);
      if (!locked) throw new TargetRefusedNow(NO_SUCH_CUSTOMER);
      const refusedNow = targetRefusal(locked);
      if (refusedNow) throw new TargetRefusedNow(refusedNow);
      const open = await findOpenSessionOfAgentNamed(trx, agent.id);
      if (open) throw new SessionAlreadyOpen(open);
      const needsApproval = approvalReasons(locked, mode);
      const waitsInVain = approvalRefusal(agent, locked, needsApproval);
      if (waitsInVain) throw new TargetRefusedNow(waitsInVain);
      const session = await insertSession(trx, {
        id: newId('ses'),
        agent_id: agent.id,
        user_id: locked.userId,
        account_id: locked.accountId,
        reason: reason.reason,
        ticket,
        mode,
        minutes,
        status: needsApproval.length > 0 ? 'pending_approval' : 'approved',
        target_role_at_start: locked.role,
        target_privileged_at_start: locked.privileged,
        account_sensitive_at_start: locked.sensitive,
        user_name: locked.userName,
        account_name: locked.accountName,
      });
      if (needsApproval.length === 0) {
        const { session: active, token } = await activateSession(trx, session, settings, ctx.scope);
        return { session: active, token, approvalRequest: null };
      }
      const request = await openApprovalRequest(
        trx,
        {
          id: newId('apr'),
          kind: 'session_start',
          payload: { kind: 'session_start', mode, minutes, why: needsApproval },
          payloadHash: null,
          effect: describeSessionStart({ mode, minutes, why: needsApproval }),
          targetStateHash: null,
          requester: { id: agent.id, name: agent.name },
          customer: { id: locked.userId, name: locked.userName },
          account: { id: locked.accountId, name: locked.accountName },
          sessionId: session.id,
          ticket,
          reason: reason.reason,
          expiresAt: new Date(Date.now() + settings.requestTtlMinutes * 60_000),
        },
        ctx.scope,
      );
      await trx.updateTable('impersonation_sessions').set({ approval_request_id: request.id }).where('id', '=', session.id).execute();
      return { session: { ...session, approval_request_id: request.id }, token: null, approvalRequest: request };
    });
  } catch (error) {
    if (error instanceof TargetRefusedNow) throw await refuse(error.refusal.code, error.refusal.why, 'userId');
    // The unique index is the backstop for two starts racing on two instances.
    const raced = (error as { code?: string }).code === '23505';
    if (error instanceof SessionAlreadyOpen || raced) {
      // Raced: the start that got there first has committed; name it if it is still open.
      const open = error instanceof SessionAlreadyOpen ? error.session : ((await findOpenSessionOfAgentNamed(db, agent.id)) ?? null);
      const refusal = oneOpenSessionRefusal(open, agent.kind === 'assistant' ? 'assistant' : 'person');
      throw await refuse(refusal.code, refusal.why);
    }
    throw error;
  }
}
