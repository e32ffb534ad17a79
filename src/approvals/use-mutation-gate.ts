import { GraphQLError, Kind, type DefinitionNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { recordDenial } from '../audit/record-denial.js';
import { errorCodeOf, isErrorCode, wardenError, type ErrorCode } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import type { SessionInfo } from '../policy/access.js';
import { approvalUseHook, approvedCallsOf, type ApprovedCall } from './approved-calls.js';
import { findUsableMutationApprovals } from './approvals.repository.js';
import { canonicalMutationHash } from './canonical-hash.js';
import { mutationRiskOf, neverDuringImpersonation } from './mutation-risk.js';
import { rootMutationCalls, type RootMutationCall } from './mutation-arguments.js';
import { spendForTarget, targetRefusal, type TargetRefusal } from './target-check.js';
import { assistantSessionControl, forOwnSession, opensOwnSession, ownSessionReadOnly, proposeAssistantWrite } from './assistant-writes.js';

/**
 * During an impersonation session, before any resolver runs, every root mutation must pass:
 * - `never-during-impersonation`: refused;
 * - read-only session: everything but `session-control` needs approval (refused);
 * - `routine`: runs in a read-write session;
 * - `risky` (and untagged): needs a manager's approval for this exact call (mutation and
 *   coerced arguments, hashed canonically), unexpired and unused, whose target is still as the
 *   request described it: one changed since is refused `TARGET_CHANGED`, one gone `NOT_FOUND`,
 *   and either way the approval is spent (a manager approves the state they saw).
 * Every call is judged before anything runs, and judging uses nothing up: one refused call
 * refuses the whole operation and leaves every approval as it was, but for one spent on its
 * target. An approval is used up in the transaction of the change it allowed
 * (`approvalUseHook`), so a call that fails keeps it. The target is checked once more in that
 * transaction, on the rows it locked (`targetCheckHook`): a target refused there is spent here,
 * after that transaction rolled back. Refusals are recorded. Outside sessions the gate does
 * nothing, but refuse an AI assistant's every mutation (it writes only in a delegated session),
 * except starting or ending a session of its own where the policy allows it (`opensOwnSession`).
 * An assistant's calls in a delegated session are proposals: see `proposeAssistantWrite`; in a
 * session of its own it changes nothing, and may end it.
 */
export function useMutationGate(): Plugin<GatewayContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const session = context.access?.session;
      if (!session && context.principal?.kind !== 'assistant') return;
      const operation = args.document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || operation.operation !== 'mutation') return;
      if (!session && opensOwnSession(args.schema, operation, context.policyDocument.assistantsMayOpenSessions)) return;
      if (!session) {
        // An assistant changes nothing outside a delegated session, whatever the mutation's callers.
        const why = 'An AI assistant changes data only in a session an agent delegated to it, and only with their approval.';
        const scope = { ...auditScopeOf(context), operation: operation.name?.value ?? null };
        await context.db.transaction().execute((trx) => recordDenial(trx, { kind: 'access_denied', attempted: 'run a mutation outside a delegated session', code: 'ASSISTANT_NOT_PERMITTED', why }, scope));
        const error = wardenError('ASSISTANT_NOT_PERMITTED', why);
        context.audit?.recordedErrors.add(error);
        setResultAndStopExecution({ errors: [error] });
        return;
      }

      const found = rootMutationCalls(args.schema, args.document, operation, args.variableValues ?? {});
      // Variables that do not fit: execution refuses the whole operation before any resolver runs.
      if (!found.ok && found.kind === 'variables') return;
      const verdict = found.ok ? await judgeAll(context, found.calls) : unjudgeable(found.field);
      if ('refusal' in verdict) {
        const { refusal, field } = verdict;
        const typeField = `Mutation.${field}`;
        const scope = { ...auditScopeOf(context), operation: operation.name?.value ?? null };
        const refused = { typeField, sessionId: session.id, user: session.user, account: session.account };
        if (!refusal.recorded) {
          await context.db.transaction().execute((trx) =>
            refusal.spend
              ? spendForTarget(trx, refusal.spend.approvalId, refusal.spend.target, refused, scope)
              : recordDenial(trx, { kind: 'mutation_refused', ...refused, code: refusal.code, why: refusal.why }, scope),
          );
        }
        const error = wardenError(refusal.code, refusal.why, { field: typeField, ...(refusal.hash ? { argumentsHash: refusal.hash } : {}), ...refusal.extensions });
        context.audit?.recordedErrors.add(error);
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      const approved = approvedCallsOf(context);
      for (const [responseKey, call] of verdict.approved) approved.set(responseKey, call);
      if (approved.size === 0) return;
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return;
          const usedUp = await useApprovalsOfUnrecordedChanges(context, result);
          const recorded = await spendApprovalsRefusedForTarget(context, session, operation.name?.value ?? null);
          if (!usedUp || !recorded) {
            setResult({ errors: [wardenError('AUDIT_UNAVAILABLE', 'The audit trail could not be written, so no data is returned. Try again in a moment.')] });
          }
        },
      };
    },
  };
}

export interface Refusal {
  code: ErrorCode;
  why: string;
  hash?: string;
  /** Already on the trail (an assistant's proposal is recorded as the request it opened). */
  recorded?: boolean;
  /** More for the caller: the request an assistant's proposal opened. */
  extensions?: Record<string, unknown>;
  /** The approval found for the call, spent because its target changed or is gone. */
  spend?: { approvalId: string; target: TargetRefusal };
}

type Verdict = { refusal: Refusal; field: string } | { approved: Map<string, ApprovedCall> };

/**
 * A call whose arguments do not coerce cannot be judged. Execution would fail only that field
 * and run the rest of the operation, unjudged, so the whole operation is refused instead.
 */
function unjudgeable(field: string): Verdict {
  return {
    refusal: {
      code: 'BAD_USER_INPUT',
      why: `The arguments of ${field} do not fit its types, so nothing in this operation ran: correct them (a null for a required argument, say) and send it again.`,
    },
    field,
  };
}

/** Judges every call, in order, using nothing up; the first refusal refuses the operation. */
async function judgeAll(context: GatewayContext, calls: readonly RootMutationCall[]): Promise<Verdict> {
  const approved = new Map<string, ApprovedCall>();
  const taken = new Set<string>();
  for (const call of calls) {
    // Fields that share a response key are merged by execution and run once.
    if (approved.has(call.responseKey)) continue;
    const judged = await judge(context, call, taken);
    if (judged && 'code' in judged) return { refusal: judged, field: call.field.name };
    if (judged) {
      approved.set(call.responseKey, { ...judged, field: call.field, args: call.args, usedIn: null, refusedForTarget: null });
    }
  }
  return { approved };
}

/**
 * Null: the call may run as it is. An approval: it may run on that approval (no other call of
 * the operation counts on the same one, so two equal refunds need two approvals), its target
 * still as described.
 */
async function judge(
  context: GatewayContext,
  call: RootMutationCall,
  taken: Set<string>,
): Promise<Refusal | { approvalId: string; targetStateHash: string | null } | null> {
  const risk = mutationRiskOf(call.field);
  const field = call.field.name;
  const session = context.access.session;
  const assistant = context.principal.kind === 'assistant' ? context.principal : null;
  if (!session) return null;
  // An assistant's own session: no agent delegated it (its holder is the assistant itself).
  const ownSession = assistant !== null && !context.access.delegation;
  if (risk === 'session-control') return assistant && !(ownSession && forOwnSession(call.field)) ? assistantSessionControl(field) : null;
  if (risk === 'never-during-impersonation') {
    return { code: 'FORBIDDEN', why: neverDuringImpersonation(call.field) };
  }
  if (ownSession) return ownSessionReadOnly(field);
  if (session.mode === 'read_only') {
    return { code: 'APPROVAL_REQUIRED', why: `This session is read-only, so ${field} cannot run; start a read-write session (a manager approves it) to make changes.` };
  }
  // An assistant's every write waits for a person, routine ones too.
  if (risk === 'routine' && !assistant) return null;
  const hash = canonicalMutationHash(field, call.args);
  const asker = { requesterId: assistant?.id ?? session.agent.id, delegationId: context.access.delegation?.id ?? null };
  const approval = (await findUsableMutationApprovals(context.db, session.id, hash, asker)).find(({ id }) => !taken.has(id));
  if (approval) {
    taken.add(approval.id);
    const refused = await refusedForTarget(context, call, approval.target_state_hash);
    // Told without the target's values when the caller sees people's data only as stand-ins; recorded with them.
    if (refused && 'target' in refused) return { code: refused.target.code, why: assistant ? refused.target.whyWithoutValues : refused.target.why, spend: { approvalId: approval.id, target: refused.target } };
    if (refused) return refused;
    return { approvalId: approval.id, targetStateHash: approval.target_state_hash };
  }
  if (assistant) return proposeAssistantWrite(context, assistant, call);
  return {
    code: 'APPROVAL_REQUIRED',
    why: `${field} is a risky change: ask a manager to approve this exact call (requestMutationApproval with the same document and variables), then send it again.`,
    hash,
  };
}

/**
 * A mutation that ran on an approval but recorded no change of its own (breaking the rule that
 * a change and its record commit together) never reached the hook that uses the approval up.
 * Used up here instead, so the approval still runs once; a call that failed keeps it. False
 * when one could not be used up (and recorded so): the response then carries no data, as for
 * any record that could not be written.
 */
async function useApprovalsOfUnrecordedChanges(context: GatewayContext, result: ExecutionResult): Promise<boolean> {
  const failed = new Set((result.errors ?? []).flatMap((e) => (e.path?.length === 1 ? [String(e.path[0])] : [])));
  let usedUp = true;
  for (const [responseKey, call] of approvedCallsOf(context)) {
    if (call.usedIn || failed.has(responseKey)) continue;
    context.logger.error({ field: call.field.name }, 'a mutation ran on an approval without recording its change; the approval is used up after it');
    const useApproval = approvalUseHook(context, responseKey);
    if (!useApproval) continue;
    try {
      await context.db.transaction().execute((trx) => useApproval(trx, auditScopeOf(context)));
    } catch (error) {
      context.logger.error({ err: error, field: call.field.name }, 'the approval could not be used up after its call; response withheld');
      usedUp = false;
    }
  }
  return usedUp;
}

/**
 * Whether an approved call's target is still as its request described it: null when it is (or
 * the request kept no state), the target refusal when not. A describer that refuses the call
 * itself (a Warden code: the customer may no longer do it) refuses it with that code, and the
 * approval stays, as for any call that fails.
 */
async function refusedForTarget(
  context: GatewayContext,
  call: RootMutationCall,
  approvedStateHash: string | null,
): Promise<{ target: TargetRefusal } | Refusal | null> {
  const customer = context.access.actingAs;
  if (approvedStateHash === null || !customer) return null;
  try {
    const target = await targetRefusal(call.field, call.args, approvedStateHash, { db: context.db, customer }, context.policyCatalog.fields);
    return target ? { target } : null;
  } catch (error) {
    const code = errorCodeOf(error);
    if (error instanceof GraphQLError && isErrorCode(code)) return { code, why: error.message };
    throw error;
  }
}

/**
 * Spends the approvals of calls the change's own transaction refused for their target (it rolled
 * back, use and all), and records each refusal, in a transaction that commits. False when that
 * could not be written: the response then carries no data, as for any audit failure.
 */
async function spendApprovalsRefusedForTarget(context: GatewayContext, session: SessionInfo, operation: string | null): Promise<boolean> {
  const refused = [...approvedCallsOf(context).values()].filter((call) => call.refusedForTarget !== null);
  if (refused.length === 0) return true;
  const scope = { ...auditScopeOf(context), operation };
  try {
    await context.db.transaction().execute(async (trx) => {
      for (const call of refused) {
        if (!call.refusedForTarget) continue;
        const typeField = `Mutation.${call.field.name}`;
        await spendForTarget(trx, call.approvalId, call.refusedForTarget, { typeField, sessionId: session.id, user: session.user, account: session.account }, scope);
      }
    });
    return true;
  } catch (error) {
    context.logger.error({ err: error }, 'an approval refused for its target could not be spent and recorded; response withheld');
    return false;
  }
}
