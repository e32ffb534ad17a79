import { parse, Kind, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { sql, type Transaction } from 'kysely';
import { recordAuditEvent, SYSTEM_ACTOR, type AuditScope } from '../audit/index.js';
import { requestSubject } from './request-subject.js';
import { hasRole, type CustomerPrincipal, type StaffPrincipal } from '../auth/principal.js';
import type { ImpersonationSettings } from '../config/config.js';
import type { Database, Db } from '../db/database.js';
import type { WardenIdentity } from '../identity/identity.js';
import type { ApprovalPayload, ApprovalRequestRow } from '../db/tables/approval-request.js';
import { wardenError } from '../errors/index.js';
import { refuseUnstartedSession } from '../impersonation/end-session.js';
import { lockSession } from '../impersonation/sessions.repository.js';
import { approvalStillHolds, loadStartTarget, mayImpersonate } from '../impersonation/start-checks.js';
import { newId } from '../impersonation/start-session.js';
import { checkReason } from '../impersonation/reason.js';
import type { SessionInfo } from '../policy/access.js';
import { isGrantable } from '../policy/decide.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import type { EffectText } from '../policy/plugin/effect-text.js';
import { findApprovalRequest, lockApprovalRequest } from './approvals.repository.js';
import { canonicalMutationHash, targetStateHash } from './canonical-hash.js';
import { closeApprovalRequests } from './close-approval-requests.js';
import { describeMutationCall } from './describe-call.js';
import { describeFieldGrant } from './describe-grant.js';
import { requestWhat } from './describe-request.js';
import { rootMutationCalls } from './mutation-arguments.js';
import { mutationRiskOf, neverDuringImpersonation } from './mutation-risk.js';
import { openApprovalRequest } from './open-request.js';

export interface DecisionContext {
  db: Db;
  identity: WardenIdentity;
  settings: ImpersonationSettings;
  manager: StaffPrincipal;
  /** The policy in force lets on-call engineers impersonate. */
  oncallMayImpersonate: boolean;
  scope: AuditScope;
}

/**
 * A manager decides a pending request. Nobody decides their own (the database refuses it
 * too); a lapsed request cannot be approved. Approving a session start checks the start rules
 * again, as they are now (the agent may still impersonate, the customer may still be entered,
 * the request still says why it needs approval): one that no longer holds is closed instead.
 * Approving a session start lets its agent collect the token; approving a mutation or field
 * access starts the grant's clock.
 */
export async function decideRequest(
  ctx: DecisionContext,
  id: string,
  decision: 'approved' | 'denied',
  note: string | null,
): Promise<ApprovalRequestRow> {
  const decided = await ctx.db.transaction().execute(async (trx): Promise<ApprovalRequestRow | { closed: string }> => {
    // A session before its requests, the order ending and collecting lock them in: the other
    // order could deadlock with them. A request's session never changes, so it is read unlocked.
    const sessionId = (await findApprovalRequest(trx, id))?.session_id;
    if (sessionId) await lockSession(trx, sessionId);
    const request = await lockApprovalRequest(trx, id);
    if (!request) throw wardenError('NOT_FOUND', 'No approval request has that id; list pending requests to find it.');
    if (request.requester_id === ctx.manager.id) throw wardenError('FORBIDDEN', 'Nobody decides their own request: ask another manager.');
    await mayDecide(trx, ctx.manager, request);
    if (request.status !== 'pending') throw wardenError('BAD_USER_INPUT', `This request is already ${request.status}.`);
    // Closed in a transaction that commits (throwing here would roll it back); refused below.
    if (request.expires_at.getTime() <= Date.now()) {
      const minutes = Math.round((request.expires_at.getTime() - request.created_at.getTime()) / 60_000);
      await closeRequest(trx, request, `nobody decided it within ${minutes} minutes`, { ...ctx.scope, actor: SYSTEM_ACTOR });
      return { closed: 'This request lapsed before anyone decided it; the agent must ask again.' };
    }
    if (decision === 'approved' && request.payload.kind === 'session_start') {
      const refusal = await startStillHolds(trx, ctx.identity, request, request.payload, ctx.oncallMayImpersonate);
      if (refusal) {
        await closeRequest(trx, request, `it no longer holds: ${refusal}`, { ...ctx.scope, actor: SYSTEM_ACTOR });
        return { closed: `This request can no longer be approved: ${refusal} It was closed; the agent must start again if it is still needed.` };
      }
    }
    const updated = await trx
      .updateTable('approval_requests')
      .set({
        status: decision,
        decided_by: ctx.manager.id,
        decided_at: sql<Date>`now()`,
        decision_note: note,
        grant_expires_at: decision === 'approved' ? sql<Date>`now() + make_interval(mins => ${ctx.settings.grantTtlMinutes})` : null,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (request.kind === 'session_start' && request.session_id) {
      await trx
        .updateTable('impersonation_sessions')
        .set(decision === 'approved' ? { status: 'approved' } : { status: 'refused', ended_at: sql<Date>`now()` })
        .where('id', '=', request.session_id)
        .where('status', '=', 'pending_approval')
        .execute();
    }
    const subject = await requestSubject(trx, request);
    const requester = await trx.selectFrom('staff').select('name').where('id', '=', request.requester_id).executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: decision === 'approved' ? 'approval_granted' : 'approval_denied',
        requestId: id,
        requestKind: request.kind,
        what: requestWhat(request),
        requesterName: requester.name,
        note,
        sessionId: request.session_id,
        ...subject,
      },
      { ...ctx.scope, sessionId: request.session_id },
    );
    return updated;
  });
  if ('closed' in decided) throw wardenError('BAD_USER_INPUT', decided.closed);
  return decided;
}

/**
 * Who decides: the person a request is addressed to (the agent whose assistant asks for a
 * routine write), else a support manager, and never the agent whose own assistant asks for a
 * risky one (the assistant acts for them: that would be deciding their own request).
 */
async function mayDecide(trx: Transaction<Database>, decider: StaffPrincipal, request: ApprovalRequestRow): Promise<void> {
  if (request.approver_id !== null) {
    if (request.approver_id === decider.id) return;
    const approver = await trx.selectFrom('staff').select('name').where('id', '=', request.approver_id).executeTakeFirst();
    throw wardenError('FORBIDDEN', `This request is addressed to ${approver?.name ?? 'another person'}, who delegated the session to the assistant asking; only they decide it.`);
  }
  if (!hasRole(decider, 'support_manager')) throw wardenError('FORBIDDEN', 'Only support managers decide approval requests.');
  if (request.delegation_id === null) return;
  const delegation = await trx.selectFrom('session_delegations').select('agent_id').where('id', '=', request.delegation_id).executeTakeFirst();
  if (delegation?.agent_id === decider.id) {
    throw wardenError('FORBIDDEN', 'Your own assistant asks for this: nobody decides a request made for them; ask another manager.');
  }
}

/** Closes a pending request nobody may approve any more, and the session start it was for. */
async function closeRequest(trx: Transaction<Database>, request: ApprovalRequestRow, why: string, scope: AuditScope): Promise<void> {
  const session = request.kind === 'session_start' && request.session_id ? await lockSession(trx, request.session_id) : undefined;
  if (session?.status === 'pending_approval') await refuseUnstartedSession(trx, session, why, scope);
  else await closeApprovalRequests(trx, [request], 'expired', why, scope);
}

/** Why an approved start would not hold now; null when it would. */
async function startStillHolds(
  trx: Transaction<Database>,
  identity: WardenIdentity,
  request: ApprovalRequestRow,
  payload: Extract<ApprovalPayload, { kind: 'session_start' }>,
  oncallMayImpersonate: boolean,
): Promise<string | null> {
  const agent = await trx.selectFrom('staff').select(['name', 'roles', 'active']).where('id', '=', request.requester_id).executeTakeFirstOrThrow();
  const refusal = approvalStillHolds({
    agentName: agent.name,
    agentMayImpersonate: agent.active && mayImpersonate(agent.roles, oncallMayImpersonate),
    target: await loadStartTarget(trx, identity, request.target_user_id),
    mode: payload.mode,
    approvedReasons: payload.why,
  });
  return refusal?.why ?? null;
}

export interface SessionRequestContext {
  db: Db;
  settings: ImpersonationSettings;
  agent: StaffPrincipal;
  session: SessionInfo;
  /** The customer the session acts as: whose rules describe what a request would do. */
  customer: CustomerPrincipal;
  scope: AuditScope;
}

/**
 * Break-glass: ask to see named sensitive fields in this session. Secrets (and anything not
 * sensitive) cannot be granted: what a grant reveals is bounded by the data class. The request
 * says whose values the grant would show, as the session's customer may see them.
 */
export async function requestFieldAccess(
  ctx: SessionRequestContext,
  schema: GraphQLSchema,
  fields: readonly string[],
  reasonText: string,
  plans: ReadonlyMap<string, FieldPlan>,
): Promise<ApprovalRequestRow> {
  const reason = requireReason(reasonText);
  const wanted = [...new Set(fields.map((f) => f.trim()))].sort();
  if (wanted.length === 0) throw wardenError('BAD_USER_INPUT', 'Name the fields you need, as Type.field (e.g. User.birthDate).');
  for (const field of wanted) {
    const plan = plans.get(field);
    if (!plan) throw wardenError('BAD_USER_INPUT', `There is no field ${field}; name fields as Type.field, e.g. User.birthDate.`);
    if (!isGrantable(plan)) {
      throw wardenError(
        'FORBIDDEN',
        plan.classification === 'secret' || plan.classification === null
          ? `${field} is secret and is never revealed, not even with approval.`
          : `${field} is ${plan.classification}; only sensitive fields are granted (the policy decides the rest).`,
      );
    }
  }
  const effect = await describeFieldGrant(schema, wanted, { db: ctx.db, customer: ctx.customer }, ctx.settings.grantTtlMinutes);
  return createSessionRequest(ctx, { kind: 'field_access', fields: wanted }, reason, { effect, payloadHash: null, targetStateHash: null });
}

/**
 * Ask a manager to approve one exact mutation call. The document is parsed and validated here
 * and its arguments coerced, so the hash the manager approves is the hash the gate will check.
 * The request says what the call would do to its target as it is now (`describeMutationCall`),
 * and keeps a hash of that state: a call whose target is gone is refused here, and one whose
 * target changes before it runs is refused then.
 */
export async function requestMutationApproval(
  ctx: SessionRequestContext,
  schema: GraphQLSchema,
  documentText: string,
  variables: Record<string, unknown>,
  reasonText: string,
): Promise<ApprovalRequestRow> {
  const reason = requireReason(reasonText);
  let document;
  try {
    document = parse(documentText);
  } catch {
    throw wardenError('BAD_USER_INPUT', 'The document is not valid GraphQL; paste the exact mutation you will send.');
  }
  const invalid = validate(schema, document);
  if (invalid.length > 0) throw wardenError('BAD_USER_INPUT', `The mutation is not valid against the schema: ${invalid[0]?.message ?? ''}`);
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations[0];
  if (operations.length !== 1 || !operation || operation.operation !== 'mutation') {
    throw wardenError('BAD_USER_INPUT', 'Send exactly one mutation operation, the one you will run.');
  }
  const found = rootMutationCalls(schema, document, operation, variables);
  if (!found.ok) throw wardenError('BAD_USER_INPUT', 'The variables do not fit the mutation; send the variables you will run it with.');
  const call = found.calls[0];
  if (found.calls.length !== 1 || !call) throw wardenError('BAD_USER_INPUT', 'Ask for one mutation field at a time.');
  // Nobody should approve a call that could never run.
  const risk = mutationRiskOf(call.field);
  if (risk === 'never-during-impersonation') throw wardenError('FORBIDDEN', `${neverDuringImpersonation(call.field)} No approval changes that.`);
  if (ctx.session.mode === 'read_only') {
    throw wardenError('BAD_USER_INPUT', 'This session is read-only, so no change runs in it, approved or not; start a read-write session (a manager approves it) and ask from there.');
  }
  if (risk !== 'risky') throw wardenError('BAD_USER_INPUT', `${call.field.name} needs no approval in a read-write session; send it as it is.`);
  const described = await describeMutationCall(call.field, call.args, { db: ctx.db, customer: ctx.customer });
  if (!described) {
    throw wardenError(
      'NOT_FOUND',
      `What ${call.field.name} would change does not exist in ${ctx.session.account.name} (or is not ${ctx.session.user.name}'s to see), so there is nothing a manager could approve: check the ids in the variables.`,
    );
  }
  const hash = canonicalMutationHash(call.field.name, call.args);
  return createSessionRequest(
    ctx,
    { kind: 'mutation', field: call.field.name, argumentsHash: hash, arguments: call.args },
    reason,
    { effect: described.says, payloadHash: hash, targetStateHash: targetStateHash(described.state) },
  );
}

async function createSessionRequest(
  ctx: SessionRequestContext,
  payload: ApprovalPayload,
  reason: string,
  described: { effect: EffectText; payloadHash: string | null; targetStateHash: string | null },
): Promise<ApprovalRequestRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const session = await trx.selectFrom('impersonation_sessions').select('ticket').where('id', '=', ctx.session.id).executeTakeFirstOrThrow();
    return openApprovalRequest(
      trx,
      {
        id: newId('apr'),
        kind: payload.kind,
        payload,
        ...described,
        requester: { id: ctx.agent.id, name: ctx.agent.name },
        customer: ctx.session.user,
        account: ctx.session.account,
        sessionId: ctx.session.id,
        ticket: session.ticket,
        reason,
        expiresAt: new Date(Date.now() + ctx.settings.requestTtlMinutes * 60_000),
      },
      ctx.scope,
    );
  });
}

function requireReason(text: string): string {
  const verdict = checkReason(text);
  if (!verdict.ok) throw wardenError('REASON_TOO_VAGUE', `The reason is too vague. ${verdict.problem}`);
  return verdict.reason;
}
