import { Kind, type DefinitionNode, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { recordDenial } from '../audit/record-denial.js';
import { wardenError, type ErrorCode } from '../errors/index.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';
import { RISK_EXTENSION } from '../policy/plugin/index.js';
import type { MutationRisk } from '../policy/plugin/types.js';
import { consumeMutationApproval } from './approvals.repository.js';
import { canonicalMutationHash } from './canonical-hash.js';
import { rootMutationCalls } from './mutation-arguments.js';

/**
 * During an impersonation session, before any resolver runs, every root mutation must pass:
 * - `never-during-impersonation`: refused;
 * - read-only session: everything but `session-control` needs approval (refused);
 * - `routine`: runs in a read-write session;
 * - `risky` (and untagged): needs a manager's approval for this exact call (mutation and
 *   coerced arguments, hashed canonically), unexpired and unused; running it uses it up.
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

      // Variables that do not fit: execution refuses them before any resolver runs.
      const found = rootMutationCalls(args.schema, args.document, operation, args.variableValues ?? {});
      if (!found.ok) return;
      for (const call of found.calls) {
        const risk = (call.field.extensions[RISK_EXTENSION] as MutationRisk | undefined) ?? 'risky';
        const refusal = await judge(context, risk, call.field.name, call.args);
        if (refusal) {
          const typeField = `Mutation.${call.field.name}`;
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
      }
    },
  };
}

interface Refusal {
  code: ErrorCode;
  why: string;
  hash?: string;
}

async function judge(context: GatewayContext, risk: MutationRisk, field: string, args: Record<string, unknown>): Promise<Refusal | null> {
  const session = context.access.session;
  if (!session || risk === 'session-control') return null;
  if (risk === 'never-during-impersonation') {
    return { code: 'FORBIDDEN', why: `${field} is never run during impersonation (exports and bulk downloads stay with the customer).` };
  }
  if (session.mode === 'read_only') {
    return { code: 'APPROVAL_REQUIRED', why: `This session is read-only, so ${field} cannot run; start a read-write session (a manager approves it) to make changes.` };
  }
  if (risk === 'routine') return null;
  const hash = canonicalMutationHash(field, args);
  const used = await consumeMutationApproval(context.db, session.id, hash);
  if (used) return null;
  return {
    code: 'APPROVAL_REQUIRED',
    why: `${field} is a risky change: ask a manager to approve this exact call (requestMutationApproval with the same document and variables), then send it again.`,
    hash,
  };
}
