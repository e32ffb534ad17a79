import {
  getArgumentValues,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { FILTERS_BY_EXTENSION, type FiltersBy } from './plugin/types.js';

/**
 * One argument (or input field) with a value in an operation, and the field that value reads:
 * `field: null` when the argument declares nothing, so nobody knows what it reads.
 */
export interface ArgumentRead {
  argument: string;
  field: string | null;
}

/** A field in an operation (or a fragment it may spread) that takes arguments, and its definition. */
interface FieldWithArguments {
  node: FieldNode;
  field: GraphQLField<unknown, unknown>;
  parent: string;
}

/**
 * Where an operation's arguments are, found once per schema and operation (yoga's
 * parse cache hands each request that sends the same text the same document): the walk with
 * type information is most of the work, and the values each request sends are read on their own.
 */
const argumentSites = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, FieldWithArguments[]>>();

function fieldsWithArguments(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): FieldWithArguments[] {
  let byOperation = argumentSites.get(schema);
  if (!byOperation) argumentSites.set(schema, (byOperation = new WeakMap()));
  const known = byOperation.get(operation);
  if (known) return known;
  const sites: FieldWithArguments[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      const parent = typeInfo.getParentType();
      if (field && parent && field.args.length > 0) sites.push({ node, field, parent: parent.name });
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit<FragmentDefinitionNode>(definition, visitor);
  }
  byOperation.set(operation, sites);
  return sites;
}

/**
 * What the operation's arguments read, by their *effective* values: the value in the document,
 * a variable's value or default, or else the schema's default for the argument or input field
 * (`orderBy: UserOrder = EMAIL` sorts by email even when the document leaves it out). Fragments
 * are searched too. A value that is null or absent with no default reads nothing.
 */
export function argumentReads(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): ArgumentRead[] {
  const reads: ArgumentRead[] = [];
  for (const { node, field, parent } of fieldsWithArguments(schema, document, operation)) {
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, variables);
    } catch {
      // Execution fails this field with the same error before its resolver runs.
      continue;
    }
    for (const arg of field.args) {
      collect(`${parent}.${field.name}(${arg.name}:)`, arg.extensions[FILTERS_BY_EXTENSION], arg.type, values[arg.name], reads);
    }
  }
  return reads;
}

function collect(coordinate: string, filtersBy: FiltersBy | undefined, type: GraphQLInputType, value: unknown, reads: ArgumentRead[]): void {
  if (value === null || value === undefined) return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    for (const item of Array.isArray(value) ? value : [value]) collect(coordinate, filtersBy, inner.ofType, item, reads);
    return;
  }
  const named = getNamedType(inner);
  if (typeof filtersBy === 'string') reads.push({ argument: coordinate, field: filtersBy });
  if (isLeafType(named)) {
    if (filtersBy === undefined) {
      reads.push({ argument: coordinate, field: null });
    } else if (typeof filtersBy === 'object') {
      const entry = filtersBy[isEnumType(named) ? String(named.serialize(value)) : String(value)];
      // A value the map leaves out is as unknown as an undeclared argument: fail closed.
      if (entry !== false) reads.push({ argument: coordinate, field: entry ?? null });
    }
    return;
  }
  if (isInputObjectType(named) && isRecord(value)) {
    for (const [name, field] of Object.entries(named.getFields())) {
      collect(`${named.name}.${name}`, field.extensions[FILTERS_BY_EXTENSION], field.type, value[name], reads);
    }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
