import type { ExecutionRequest } from '@graphql-tools/utils';
import { Kind, TypeInfo, visit, visitWithTypeInfo, type FieldNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { GatewayContext } from '../graphql/context.js';
import { effectiveDecision } from '../policy/decide.js';
import { DENY, type FieldPlan } from '../policy/plugin/types.js';

/** What a delegation hands a request transform (the part of `@graphql-tools/delegate`'s context used here). */
interface Delegation {
  context?: unknown;
  targetSchema: GraphQLSchema;
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/**
 * A request transform for the upstream: a field this request's policy denies is not asked for at
 * all. Its guard refuses it (FIELD_DENIED, recorded) without reading a value, so the value need
 * not cross the wire: what the caller may not see is not fetched on their behalf. Masked fields
 * are asked for (the mask needs the value). `plans` is filled once the served schema is built.
 */
export function askOnlyShown(plans: ReadonlyMap<string, FieldPlan>) {
  return {
    transformRequest(request: ExecutionRequest, delegation: Delegation): ExecutionRequest {
      const policy = (delegation.context as GatewayContext | undefined)?.policy;
      if (!policy || plans.size === 0) return request;
      const typeInfo = new TypeInfo(delegation.targetSchema);
      const document = visit(
        request.document,
        visitWithTypeInfo(typeInfo, {
          Field(node) {
            const parent = typeInfo.getParentType();
            const plan = parent ? plans.get(`${parent.name}.${node.name.value}`) : undefined;
            return plan && effectiveDecision(plan, policy) === DENY ? null : undefined;
          },
          SelectionSet: {
            // A selection left empty would be invalid: ask for the type's name instead.
            leave(node: SelectionSetNode): SelectionSetNode | undefined {
              return node.selections.length === 0 ? { ...node, selections: [TYPENAME] } : undefined;
            },
          },
        }),
      );
      return document === request.document ? request : { ...request, document };
    },
  };
}
