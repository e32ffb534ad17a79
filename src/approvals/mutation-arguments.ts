import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export interface RootMutationCall {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
  /** The key the call answers under (its alias, else its name); calls with one key run once. */
  responseKey: string;
  /** Coerced argument values: what the resolver will receive, whatever way they were written. */
  args: Record<string, unknown>;
}

/**
 * `variables`: the request's variables do not fit the operation (execution refuses it whole).
 * `arguments`: a root field's arguments do not coerce. Execution would fail that one field and
 * run the others, so the gate must refuse the operation itself: otherwise the others run unjudged.
 */
export type RootMutationCalls = { ok: true; calls: RootMutationCall[] } | { ok: false; kind: 'variables' } | { ok: false; kind: 'arguments'; field: string };

/**
 * The root mutation fields an operation will run, with their arguments coerced as execution
 * will coerce them: the request's variables first (defaults applied, values converted), then
 * each field's arguments. Fragments on Mutation are followed, so a fragment cannot hide a
 * mutation from the gate, and `@skip` / `@include` are ignored: a call that may be skipped is
 * judged as if it ran, which can only refuse more.
 */
export function rootMutationCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Readonly<Record<string, unknown>>,
): RootMutationCalls {
  const mutationType = schema.getMutationType();
  if (!mutationType || operation.operation !== 'mutation') return { ok: true, calls: [] };
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (variables.errors) return { ok: false, kind: 'variables' };
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const calls: RootMutationCall[] = [];
  let current = '';
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = mutationType.getFields()[selection.name.value];
        const responseKey = selection.alias?.value ?? selection.name.value;
        if (!field) continue;
        current = field.name;
        calls.push({ field, node: selection, responseKey, args: getArgumentValues(field, selection, variables.coerced) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  try {
    visit(operation.selectionSet, new Set());
  } catch (error) {
    if (error instanceof GraphQLError) return { ok: false, kind: 'arguments', field: current };
    throw error;
  }
  return { ok: true, calls };
}
