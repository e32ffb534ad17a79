import { GraphQLError, Kind, type GraphQLField, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AssistantPrincipal } from '../auth/principal.js';
import { errorCodeOf, isErrorCode } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import { newId } from '../impersonation/start-session.js';
import { CALLERS_EXTENSION } from '../policy/plugin/types.js';
import { findPendingRequestOf } from './approvals.repository.js';
import { canonicalMutationHash, targetStateHash } from './canonical-hash.js';
import { describeMutationCall } from './describe-call.js';
import { mutationRiskOf } from './mutation-risk.js';
import type { RootMutationCall } from './mutation-arguments.js';
import { openApprovalRequest } from './open-request.js';
import type { Refusal } from './use-mutation-gate.js';

/**
 * An assistant's write that has no approval yet becomes a request, opened here, before anything
 * runs: it carries the plain-language description of the call's effect (`describeMutationCall`),
 * and goes to the agent who delegated the session for a routine write, to a manager for a risky
 * one. The same call sent again while its request waits opens no second one. Once approved, the
 * gate lets exactly that call (same mutation, same arguments) run once, under the same delegation.
 * A proposal's refusal is already on the trail (the request's own record); a waiting one's is recorded by the gate.
 */
export async function proposeAssistantWrite(context: GatewayContext, assistant: AssistantPrincipal, call: RootMutationCall): Promise<Refusal> {
  const session = context.access.session;
  const delegation = context.access.delegation;
  const customer = context.access.actingAs;
  if (!session || !delegation || !customer) throw new Error('an assistant writes only in a delegated session');
  const field = call.field.name;
  const hash = canonicalMutationHash(field, call.args);
  const routine = mutationRiskOf(call.field) === 'routine';
  const approver = routine ? `${delegation.agent.name}, who delegated this session to you,` : 'a support manager';
  const waiting = await findPendingRequestOf(context.db, { sessionId: session.id, requesterId: assistant.id, delegationId: delegation.id, payloadHash: hash });
  if (waiting) {
    return {
      code: 'APPROVAL_REQUIRED',
      why: `This ${field} already waits for ${approver} to approve it (request ${waiting.id}); send the same call again once it is approved.`,
      extensions: { approvalRequest: { id: waiting.id, status: waiting.status } },
    };
  }
  let described;
  try {
    described = await describeMutationCall(call.field, call.args, { db: context.db, customer });
  } catch (error) {
    // A describer that refuses the call itself (the customer may not do it): refused, recorded by the gate.
    const code = errorCodeOf(error);
    if (error instanceof GraphQLError && isErrorCode(code)) return { code, why: error.message };
    throw error;
  }
  if (!described) {
    return { code: 'NOT_FOUND', why: `What ${field} would change does not exist in ${session.account.name}, so there is nothing to approve: check the ids in the variables.` };
  }
  const scope = auditScopeOf(context);
  const row = await context.db.transaction().execute(async (trx) => {
    const ticket = await trx.selectFrom('impersonation_sessions').select('ticket').where('id', '=', session.id).executeTakeFirstOrThrow();
    return openApprovalRequest(
      trx,
      {
        id: newId('apr'),
        kind: 'mutation',
        payload: { kind: 'mutation', field, argumentsHash: hash, arguments: call.args },
        payloadHash: hash,
        effect: described.says,
        targetStateHash: targetStateHash(described.state),
        requester: { id: assistant.id, name: assistant.name },
        customer: session.user,
        account: session.account,
        sessionId: session.id,
        ticket: ticket.ticket,
        reason: `Assistant ${assistant.name} proposes this change in the session ${delegation.agent.name} delegated to it.`,
        expiresAt: new Date(Math.min(Date.now() + context.settings.requestTtlMinutes * 60_000, session.expiresAt.getTime())),
        approverId: routine ? delegation.agent.id : null,
        delegationId: delegation.id,
      },
      scope,
    );
  });
  return {
    code: 'APPROVAL_REQUIRED',
    why: `An assistant's changes wait for a person: ${field} was sent to ${approver} to approve (request ${row.id}). Send the same call again once it is approved; it then runs once.`,
    extensions: { approvalRequest: { id: row.id, status: row.status } },
    recorded: true,
  };
}

/** What an assistant can never run, approved or not: session control (start, extend, approve, delegate). */
export function assistantSessionControl(field: string): Refusal {
  return { code: 'ASSISTANT_NOT_PERMITTED', why: `${field} controls a session; an AI assistant never starts, extends, ends, approves or delegates one. Ask the agent you work for.` };
}

/** Whether a root field is one an assistant may call on a session of its own (start it, end it). */
export function forOwnSession(field: GraphQLField<unknown, unknown>): boolean {
  return field.extensions[CALLERS_EXTENSION] === 'staff_or_assistant';
}

/**
 * Outside a session an assistant changes nothing, but where the policy lets assistants open
 * sessions of their own it may start one, or end one it opened: an operation made only of such
 * root fields (no fragments at the root, so every field is seen here) goes on to the firewall
 * and the resolvers, which check the rest. False for anything else.
 */
export function opensOwnSession(schema: GraphQLSchema, operation: OperationDefinitionNode, assistantsMayOpenSessions: boolean): boolean {
  const fields = schema.getMutationType()?.getFields();
  if (!assistantsMayOpenSessions || !fields) return false;
  return operation.selectionSet.selections.every((selection) => {
    if (selection.kind !== Kind.FIELD) return false;
    if (selection.name.value === '__typename') return true;
    const field = fields[selection.name.value];
    return field !== undefined && forOwnSession(field);
  });
}

/**
 * In an assistant's own session nothing changes: it is read-only, and no agent delegated it, so
 * nobody is there to approve the assistant's proposals. Said in words that show the way out.
 */
export function ownSessionReadOnly(field: string): Refusal {
  return {
    code: 'APPROVAL_REQUIRED',
    why: `An assistant's own session is read-only, so ${field} cannot run in it: ask a support agent to start a read-write session and delegate it to you (your changes there wait for their approval).`,
  };
}
