import { createContextCache } from '@pothos/core';
import type { GraphQLField } from 'graphql';
import type { Transaction } from 'kysely';
import type { ChangeHook } from '../audit/index.js';
import type { Database } from '../db/database.js';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import { closeApprovalRequests } from './close-approval-requests.js';
import { targetRefusal, type TargetRefusal } from './target-check.js';

/** An approval the gate found for one root mutation call of this request, not used yet. */
export interface ApprovedCall {
  approvalId: string;
  field: GraphQLField<unknown, unknown>;
  /** The call's coerced arguments, as its resolver receives them. */
  args: Record<string, unknown>;
  /** The hash of the target's state the approval was asked for; null for requests that kept none. */
  targetStateHash: string | null;
  /** The transaction that used it up, once the call's change was recorded. */
  usedIn: Transaction<Database> | null;
  /** Set when the change's own transaction found the target changed or gone: spent after it rolls back. */
  refusedForTarget: TargetRefusal | null;
}

/**
 * The approvals the gate judged this request's calls by, keyed by the call's response key (its
 * alias, else its name). Per request: a cache keyed by the context object.
 */
export const approvedCallsOf = createContextCache((_context: object) => new Map<string, ApprovedCall>());

/**
 * What makes an approval single-use and a rollback safe: the approval is used up inside the
 * transaction of the change it allowed, when that change is recorded (`mutation_executed`). A
 * call that fails rolls its change and the use back together, so the approval stays for a
 * retry; two requests racing on one approval wait on its row lock, and the second is refused
 * (its change rolls back). Null when the root field `responseKey` has no approval to use.
 */
export function approvalUseHook(context: object, responseKey: string): ChangeHook | null {
  const call = approvedCallsOf(context).get(responseKey);
  if (!call) return null;
  return async (trx, scope) => {
    if (call.usedIn === trx) return;
    const approval = await trx.selectFrom('approval_requests').selectAll().where('id', '=', call.approvalId).forUpdate().executeTakeFirst();
    const usable = approval?.status === 'approved' && approval.grant_expires_at !== null && approval.grant_expires_at.getTime() > Date.now();
    if (!approval || !usable) {
      throw wardenError('APPROVAL_REQUIRED', `The approval for this ${call.field.name} was used or lapsed while the call ran; nothing changed. Ask a manager to approve it again.`);
    }
    const decider = approval.decided_by
      ? await trx.selectFrom('staff').select('name').where('id', '=', approval.decided_by).executeTakeFirst()
      : undefined;
    await closeApprovalRequests(trx, [approval], 'used', `approved by ${decider?.name ?? 'a manager'}`, scope);
    call.usedIn = trx;
  };
}

/**
 * Closes the window between the gate's check of an approved call's target and the change: run
 * by the service inside its transaction once it holds the lock on what it changes (see
 * `AuditScope.beforeChange`), it describes the target again from the locked rows. Changed or
 * gone, the call is refused (`TARGET_CHANGED`, `NOT_FOUND`) and its transaction rolls back; the
 * gate then spends the approval and records the refusal in a transaction of its own. Null when
 * the call runs on no approval, or one whose request kept no target state.
 */
export function targetCheckHook(context: GatewayContext, responseKey: string): ChangeHook | null {
  const call = approvedCallsOf(context).get(responseKey);
  const customer = context.access.actingAs;
  if (!call || call.targetStateHash === null || !customer) return null;
  const approvedStateHash = call.targetStateHash;
  return async (trx, scope) => {
    const refusal = await targetRefusal(call.field, call.args, approvedStateHash, { db: trx, customer }, scope.fields);
    if (!refusal) return;
    call.refusedForTarget = refusal;
    // An assistant sees people's data only as stand-ins: it is told without the target's values.
    const error = wardenError(refusal.code, context.principal.kind === 'assistant' ? refusal.whyWithoutValues : refusal.why, { field: `Mutation.${call.field.name}` });
    // Recorded by the gate with the spent approval, not a second time by the audit trail.
    context.audit?.recordedErrors.add(error);
    throw error;
  };
}
