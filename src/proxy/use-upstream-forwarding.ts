import type { ExecutionResult, Executor } from '@graphql-tools/utils';
import { getOperationAST, getVariableValues, type OperationDefinitionNode } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../graphql/context.js';
import { effectiveDecision } from '../policy/decide.js';
import { DENY, type FieldPlan, type RequestPolicy } from '../policy/plugin/types.js';
import { answerPlanOf, type AnswerPlan } from './answer-plan.js';
import { askOnlyShown } from './ask-only-shown.js';
import type { PrefetchedAnswers } from './prefetched-answers.js';
import { rootFieldRequest } from './root-field-request.js';
import { AnswerWalk, NOT_COVERED } from './walk-answer.js';

export interface UpstreamForwardingOptions {
  /** The plans of the upstream's fields, by `Type.field` (its root fields among them). */
  plans: ReadonlyMap<string, FieldPlan>;
  /** Calls the upstream as the request's customer: the executor delegation uses. */
  executor: Executor;
  /** Where answers left to execution wait for their root field's resolver. */
  prefetched: PrefetchedAnswers;
}

type ExecuteArgs = Parameters<NonNullable<Plugin<GatewayContext>['onExecute']>>[0]['args'];
type ExecuteFn = Parameters<NonNullable<Plugin<GatewayContext>['onExecute']>>[0]['executeFn'];

/**
 * Serves a query of the upstream's root fields without executing the upstream's answer a second
 * time: each root field is asked of the upstream exactly as its resolver asks it
 * (`rootFieldRequest`, denied fields left out), and the answer is walked once along a plan made
 * per document (`answerPlanOf`), each field decided, masked and recorded as its guard does
 * (`AnswerWalk`). What the walk does not cover executes as before, with the answers already
 * fetched: operations with a fragment, a directive, an interface or union, one of Warden's own
 * root fields, a field the request's policy denies, a caller the firewall refuses; answers with
 * an error or a value execution would refuse. Everything before execution (authentication,
 * limits, the argument policy, the mutation gate) and after it (the audit trail, the banner)
 * runs as for any request.
 */
export function useUpstreamForwarding(options: UpstreamForwardingOptions): Plugin<GatewayContext> {
  const { plans, executor, prefetched } = options;
  const upstreamRoots = new Set(plans.keys());
  const answerPlans = new WeakMap<OperationDefinitionNode, AnswerPlan | null>();
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue;
      const policy = context.policy;
      // The firewall's rule for the upstream's root fields (`callers: customer`): anyone else executes, and is refused there.
      if (!policy || context.access.actingAs === null) return;
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (!operation) return;
      let plan = answerPlans.get(operation);
      if (plan === undefined) answerPlans.set(operation, (plan = answerPlanOf(args.schema, operation, upstreamRoots)));
      if (!plan || plan.plans.some((field) => field.index >= 0 && effectiveDecision(field, policy) === DENY)) return;
      const answerPlan = plan;
      // Called with these same arguments (envelop passes the context it built them with).
      setExecuteFn(() => forward(args, operation, answerPlan, policy, executeFn));
    },
  };

  async function forward(args: ExecuteArgs, operation: OperationDefinitionNode, plan: AnswerPlan, policy: RequestPolicy, execute: ExecuteFn): Promise<ExecutionResult> {
    const context = args.contextValue;
    const queryType = args.schema.getQueryType();
    const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
    // Variables that do not coerce: execution refuses the document with its own errors.
    if (!variables.coerced || !queryType) return execute(args);
    const asks = askOnlyShown(plans, policy);
    const coerced = variables.coerced;
    // A call that throws rather than answering errors (the executor answers failures as
    // results): execution asks again, and fails the field as it would have.
    const answers = await Promise.all(
      plan.roots.map(async (root) => {
        const request = rootFieldRequest({ schema: args.schema, operation, fragments: {}, fieldNodes: [root.node], returnType: root.returnType, variableValues: coerced }, asks);
        return executor({ ...request, context, operationType: operation.operation });
      }),
    ).catch(() => null);
    if (answers === null) return execute(args);
    const walk = new AnswerWalk(policy);
    const data: Record<string, unknown> = {};
    let covered = true;
    for (const [index, root] of plan.roots.entries()) {
      const answer = answers[index];
      if (!isExecutionResult(answer)) return execute(args);
      prefetched.keep(context, root.key, answer);
      if (!covered || answer.errors?.length || !answer.data) {
        covered = false;
        continue;
      }
      const value = walk.root(root, args.rootValue, Reflect.get(answer.data, root.key), queryType);
      if (value === NOT_COVERED) covered = false;
      else data[root.key] = value;
    }
    if (!covered) return execute(args);
    for (const root of plan.roots) prefetched.take(context, root.key);
    if (policy.recorder) walk.record(policy.recorder);
    return { data };
  }
}

function isExecutionResult(result: unknown): result is ExecutionResult {
  return typeof result === 'object' && result !== null && !(Symbol.asyncIterator in result);
}
