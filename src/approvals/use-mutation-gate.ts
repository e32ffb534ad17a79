import { Kind, type DefinitionNode, type ExecutionResult, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { recordDenial } from '../audit/record-denial.js';
import { wardenError, type ErrorCode } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import type { MutationRisk } from '../policy/plugin/types.js';
import { approvalUseHook, approvedCallsOf, type ApprovedCall } from './approved-calls.js';
import { findUsableMutationApprovals } from './approvals.repository.js';
import { canonicalMutationHash } from './canonical-hash.js';
import { mutationRiskOf, neverDuringImpersonation } from './mutation-risk.js';
import { rootMutationCalls, type RootMutationCall } from './mutation-arguments.js';

/**
 * During an impersonation session, before any resolver runs, every root mutation must pass:
 * - `never-during-impersonation`: refused;
 * - read-only session: everything but `session-control` needs approval (refused);
 * - `routine`: runs in a read-write session;
 * - `risky` (and untagged): needs a manager's approval for this exact call (mutation and
 *   coerced arguments, hashed canonically), unexpired and unused.
 * Every call is judged before anything runs, and judging uses nothing up: one refused call
 * refuses the whole operation and leaves every approval as it was. An approval is used up in
 * the transaction of the change it allowed (`approvalUseHook`), so a call that fails keeps it.
 * Refusals are recorded. Outside sessions the gate does nothing.
 */
export function useMutationGate(): Plugin<GatewayContext> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const session = context.access?.session;
      if (!session) return;
      const operation = args.document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || operation.operation !== 'mutation') return;

      const found = rootMutationCalls(args.schema, args.document, operation, args.variableValues ?? {});
      // Variables that do not fit: execution refuses the whole operation before any resolver runs.
      if (!found.ok && found.kind === 'variables') return;
      const verdict = found.ok ? await judgeAll(context, found.calls) : unjudgeable(found.field);
      if ('refusal' in verdict) {
        const { refusal, field } = verdict;
        const typeField = `Mutation.${field}`;
        await context.db.transaction().execute((trx) =>
          recordDenial(
            trx,
            { kind: 'mutation_refused', typeField, sessionId: session.id, code: refusal.code, why: refusal.why, user: session.user, account: session.account },
            { ...auditScopeOf(context), operation: operation.name?.value ?? null },
          ),
        );
        const error = wardenError(refusal.code, refusal.why, { field: typeField, ...(refusal.hash ? { argumentsHash: refusal.hash } : {}) });
        context.audit?.recordedErrors.add(error);
        setResultAndStopExecution({ errors: [error] });
        return;
      }
      const approved = approvedCallsOf(context);
      for (const [responseKey, call] of verdict.approved) approved.set(responseKey, call);
      if (approved.size === 0) return;
      return {
        async onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          await useApprovalsOfUnrecordedChanges(context, result);
        },
      };
    },
  };
}

interface Refusal {
  code: ErrorCode;
  why: string;
  hash?: string;
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
    const judged = await judge(context, mutationRiskOf(call.field), call.field.name, call.args, taken);
    if (judged && 'code' in judged) return { refusal: judged, field: call.field.name };
    if (judged) approved.set(call.responseKey, { approvalId: judged.approvalId, field: call.field.name, usedIn: null });
  }
  return { approved };
}

/**
 * Null: the call may run as it is. An approval id: it may run on that approval (no other call
 * of the operation counts on the same one, so two equal refunds need two approvals).
 */
async function judge(
  context: GatewayContext,
  risk: MutationRisk,
  field: string,
  args: Record<string, unknown>,
  taken: Set<string>,
): Promise<Refusal | { approvalId: string } | null> {
  const session = context.access.session;
  if (!session || risk === 'session-control') return null;
  if (risk === 'never-during-impersonation') {
    return { code: 'FORBIDDEN', why: neverDuringImpersonation(field) };
  }
  if (session.mode === 'read_only') {
    return { code: 'APPROVAL_REQUIRED', why: `This session is read-only, so ${field} cannot run; start a read-write session (a manager approves it) to make changes.` };
  }
  if (risk === 'routine') return null;
  const hash = canonicalMutationHash(field, args);
  const approvalId = (await findUsableMutationApprovals(context.db, session.id, hash)).find((id) => !taken.has(id));
  if (approvalId) {
    taken.add(approvalId);
    return { approvalId };
  }
  return {
    code: 'APPROVAL_REQUIRED',
    why: `${field} is a risky change: ask a manager to approve this exact call (requestMutationApproval with the same document and variables), then send it again.`,
    hash,
  };
}

/**
 * A mutation that ran on an approval but recorded no change of its own (breaking the rule that
 * a change and its record commit together) never reached the hook that uses the approval up.
 * Used up here instead, so the approval still runs once; a call that failed keeps it.
 */
async function useApprovalsOfUnrecordedChanges(context: GatewayContext, result: ExecutionResult): Promise<void> {
  const failed = new Set((result.errors ?? []).flatMap((e) => (e.path?.length === 1 ? [String(e.path[0])] : [])));
  for (const [responseKey, call] of approvedCallsOf(context)) {
    if (call.usedIn || failed.has(responseKey)) continue;
    context.logger.error({ field: call.field }, 'a mutation ran on an approval without recording its change; the approval is used up after it');
    const useApproval = approvalUseHook(context, responseKey);
    if (!useApproval) continue;
    await context.db
      .transaction()
      .execute((trx) => useApproval(trx, auditScopeOf(context)))
      .catch((error: unknown) => context.logger.error({ err: error, field: call.field }, 'the approval could not be used up after its call'));
  }
}
