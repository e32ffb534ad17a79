import { Kind, TypeInfo, visit, visitWithTypeInfo, type ASTNode, type DocumentNode, type GraphQLError, type GraphQLSchema } from 'graphql';

/**
 * The `Type.field` each error was raised at, found from the field node graphql-js located it
 * at: the type is the one the document selected the field on (an interface's name, where it
 * was selected on one), the field its name, not its alias. One walk of the document, and only
 * for a response with refusals in it.
 */
export function fieldCoordinatesOf(schema: GraphQLSchema, document: DocumentNode, errors: readonly GraphQLError[]): ReadonlyMap<ASTNode, string> {
  const wanted = new Set<ASTNode>();
  for (const error of errors) {
    const node = error.nodes?.[0];
    if (node?.kind === Kind.FIELD) wanted.add(node);
  }
  const found = new Map<ASTNode, string>();
  if (wanted.size === 0) return found;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = wanted.has(node) ? typeInfo.getParentType() : null;
        if (parent) found.set(node, `${parent.name}.${node.name.value}`);
      },
    }),
  );
  return found;
}
