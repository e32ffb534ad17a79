import {
  getArgumentValues,
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
  /** Coerced argument values: what the resolver will receive, whatever way they were written. */
  args: Record<string, unknown>;
}

/**
 * The root mutation fields an operation will run, with their coerced arguments. Fragments on
 * Mutation are followed, so a fragment cannot hide a mutation from the gate.
 */
export function rootMutationCalls(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): RootMutationCall[] {
  const mutationType = schema.getMutationType();
  if (!mutationType || operation.operation !== 'mutation') return [];
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const calls: RootMutationCall[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = mutationType.getFields()[selection.name.value];
        if (field) calls.push({ field, node: selection, args: getArgumentValues(field, selection, variables) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seen);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) visit(fragment.selectionSet, new Set([...seen, fragment.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return calls;
}
