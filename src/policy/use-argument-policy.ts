import {
  getNamedType,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  valueFromAST,
  visit,
  visitWithTypeInfo,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type FragmentDefinitionNode,
  type DefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import { fieldInventory } from './field-inventory.js';
import { FILTERS_BY_EXTENSION } from './plugin/index.js';
import { ALLOW, type FieldPlan, type FiltersBy, type RequestPolicy } from './plugin/types.js';

/**
 * Arguments are classified too. Filtering, searching or sorting by a field the caller may not
 * see in full would be an oracle (ask "does the email start with a?" until it is read), so a
 * document that uses such an input is refused with FORBIDDEN before any resolver runs.
 */
export function useArgumentPolicy(): Plugin<GatewayContext> {
  let plans = new Map<string, FieldPlan>();
  return {
    onSchemaChange({ schema }) {
      plans = fieldInventory(schema);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue;
      const operation = args.document.definitions.find(
        (d: DefinitionNode): d is OperationDefinitionNode =>
          d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (!operation || !context.policy) return;
      // Coerced, not as sent: a variable left out takes its default (`$email: String = "…"`),
      // which the raw values do not show. Variables that do not coerce: execution refuses the
      // whole document with the same errors before any resolver runs.
      const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {});
      if (!variables.coerced) return;
      const readBy = filtersUsed(args.schema, operation, args.document.definitions, variables.coerced);
      const refused = [...new Set(readBy)].filter((coordinate) => !mayFilterBy(coordinate, plans, context.policy));
      if (refused.length > 0) {
        setResultAndStopExecution({
          errors: refused.map((coordinate) =>
            wardenError(
              'FORBIDDEN',
              `You may not filter, search or sort by ${coordinate}: it is not shown to you in full. Filter by a field you can see.`,
              { field: coordinate },
            ),
          ),
        });
      }
    },
  };
}

/** Allowed only where the caller sees the field in full (grants count). Unknown fields: refused. */
function mayFilterBy(coordinate: string, plans: ReadonlyMap<string, FieldPlan>, policy: RequestPolicy): boolean {
  const plan = plans.get(coordinate);
  if (!plan) return false;
  if (plan.classification === 'public') return true;
  if (policy.decisions[plan.index] === ALLOW) return true;
  return plan.classification === 'sensitive' && policy.grants.has(coordinate);
}

/** Every `Type.field` the operation's arguments filter, search or sort by. */
function filtersUsed(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  definitions: readonly DefinitionNode[],
  variables: Record<string, unknown>,
): string[] {
  const found: string[] = [];
  const typeInfo = new TypeInfo(schema);
  const fragments = definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
  const visitor = visitWithTypeInfo(typeInfo, {
    Argument(node) {
      const arg = typeInfo.getArgument();
      if (!arg) return;
      const value = valueFromAST(node.value, arg.type, variables);
      collect(arg.extensions[FILTERS_BY_EXTENSION] as FiltersBy | undefined, arg.type, value, found);
    },
  });
  visit(operation, visitor);
  for (const fragment of fragments) visit(fragment, visitor);
  return found;
}

function collect(filtersBy: FiltersBy | undefined, type: GraphQLInputType, value: unknown, found: string[]): void {
  if (value === null || value === undefined) return;
  if (filtersBy !== undefined) {
    if (typeof filtersBy === 'string') found.push(filtersBy);
    else for (const item of Array.isArray(value) ? value : [value]) {
      const coordinate = filtersBy[String(item)];
      if (coordinate) found.push(coordinate);
    }
  }
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner) && Array.isArray(value)) {
    for (const item of value) collect(undefined, inner.ofType, item, found);
    return;
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named) && typeof value === 'object') {
    for (const [name, field] of Object.entries(named.getFields())) {
      const fieldValue = (value as Record<string, unknown>)[name];
      collect(field.extensions[FILTERS_BY_EXTENSION] as FiltersBy | undefined, field.type, fieldValue, found);
    }
  }
}
