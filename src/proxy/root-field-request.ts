import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import type { AsksFor } from './ask-only-shown.js';

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } };

/** What one root field asks of the upstream: a document of its own and the variables it uses. */
export interface RootFieldRequest {
  document: DocumentNode;
  variables: Record<string, unknown>;
}

/**
 * One root field as the caller selected it: what a resolver's `info` holds, or what forwarding
 * reads from the document before anything executes.
 */
export interface RootFieldSelection {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  fieldNodes: readonly FieldNode[];
  returnType: GraphQLOutputType;
  /** Coerced, as execution holds them. */
  variableValues: Readonly<Record<string, unknown>>;
}

/**
 * The caller's selection of one root field, as the upstream is asked it. Aliases are kept, so
 * the upstream answers under the response keys Warden serves and a nested field reads its value
 * by its own key. Fragments are inlined (the upstream is sent no fragment it was not asked for),
 * only the variables the selection uses are declared and sent, and fields `asks` refuses are left
 * out. Every selection of an interface or union asks for `__typename`, which resolves the object's type.
 */
export function rootFieldRequest(info: RootFieldSelection, asks: AsksFor): RootFieldRequest {
  const parentType = getNamedType(info.returnType);
  const selections = info.fieldNodes.map((node): FieldNode =>
    node.selectionSet && isCompositeType(parentType) ? { ...node, selectionSet: selectionSetAsked(info, node.selectionSet, parentType, asks) } : node,
  );
  const selectionSet: SelectionSetNode = { kind: Kind.SELECTION_SET, selections };
  const used = new Set<string>();
  visit(selectionSet, { Variable: (node) => void used.add(node.name.value) });
  const variables: Record<string, unknown> = {};
  for (const name of used) if (name in info.variableValues) variables[name] = info.variableValues[name];
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: info.operation.operation,
        ...(info.operation.name ? { name: info.operation.name } : {}),
        variableDefinitions: (info.operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value)),
        selectionSet,
      },
    ],
  };
  return { document, variables };
}

function selectionSetAsked(info: RootFieldSelection, set: SelectionSetNode, parent: GraphQLCompositeType, asks: AsksFor): SelectionSetNode {
  const selections: SelectionNode[] = [];
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__typename') selections.push(selection);
      else if (asks(parent.name, name)) {
        const fieldType = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name]?.type : undefined;
        const named = fieldType ? getNamedType(fieldType) : undefined;
        selections.push(selection.selectionSet && named && isCompositeType(named) ? { ...selection, selectionSet: selectionSetAsked(info, selection.selectionSet, named, asks) } : selection);
      }
    } else {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? info.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition ? info.schema.getType(fragment.typeCondition.name.value) : parent;
      const type = condition && isCompositeType(condition) ? condition : parent;
      selections.push({
        kind: Kind.INLINE_FRAGMENT,
        ...(fragment.typeCondition ? { typeCondition: fragment.typeCondition } : {}),
        ...(selection.directives ? { directives: selection.directives } : {}),
        selectionSet: selectionSetAsked(info, fragment.selectionSet, type, asks),
      });
    }
  }
  if (isAbstractType(parent)) selections.push(TYPENAME);
  // A selection left empty would be invalid: ask for the type's name instead.
  return { kind: Kind.SELECTION_SET, selections: selections.length > 0 ? selections : [TYPENAME] };
}
