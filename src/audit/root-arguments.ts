import {
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { FILTERS_BY_EXTENSION, type FieldPlan, type FiltersBy } from '../policy/plugin/types.js';

/** By `Type.field` of a root field, then by response key: the arguments that chose its data. */
export type RootArguments = ReadonlyMap<string, Readonly<Record<string, Record<string, unknown>>>>;

/** What is kept of a value that searches by a field the audit may not hold (sensitive, secret, unclassified). */
export const WITHHELD = '(withheld)';

/**
 * What each root field was asked for, where its arguments choose the data it returns: every
 * argument or input field that searches, filters or sorts by stored data (`filtersBy` other
 * than false: the directory's search text, a user id, an audit filter). Page sizes, cursors,
 * reasons and values to write are left out. A value searching by a sensitive, secret or
 * unclassified field is withheld: the audit never holds those.
 *
 * Run after execution, for staff only, over the root selection: a few fields, not per object.
 */
export function rootArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  plans: ReadonlyMap<string, FieldPlan>,
): RootArguments {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  const found = new Map<string, Record<string, Record<string, unknown>>>();
  if (!root) return found;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);

  const fieldsOf = (set: SelectionSetNode, seen: Set<string>): FieldNode[] =>
    set.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldsOf(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return [];
      return fieldsOf(fragment.selectionSet, new Set([...seen, fragment.name.value]));
    });

  for (const node of fieldsOf(operation.selectionSet, new Set())) {
    const field = root.getFields()[node.name.value];
    if (!field || field.args.length === 0) continue;
    let values: Record<string, unknown>;
    try {
      values = getArgumentValues(field, node, variables);
    } catch {
      continue; // execution refused the field before its resolver ran
    }
    const chosen: Record<string, unknown> = {};
    for (const arg of field.args) {
      const kept = choosing(arg.type, arg.extensions[FILTERS_BY_EXTENSION], values[arg.name], plans);
      if (kept !== undefined) chosen[arg.name] = kept;
    }
    if (Object.keys(chosen).length === 0) continue;
    const typeField = `${root.name}.${field.name}`;
    found.set(typeField, { ...found.get(typeField), [node.alias?.value ?? node.name.value]: chosen });
  }
  return found;
}

/** The part of a value that chooses data, as the audit may keep it; undefined for none. */
function choosing(type: GraphQLInputType, filtersBy: FiltersBy | undefined, value: unknown, plans: ReadonlyMap<string, FieldPlan>): unknown {
  if (value === null || value === undefined || filtersBy === false) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = (Array.isArray(value) ? value : [value]).map((item) => choosing(inner.ofType, filtersBy, item, plans)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  const named = getNamedType(inner);
  if (isInputObjectType(named)) {
    if (typeof value !== 'object' || Array.isArray(value)) return undefined;
    const kept: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(named.getFields())) {
      const part = choosing(field.type, field.extensions[FILTERS_BY_EXTENSION], (value as Record<string, unknown>)[name], plans);
      if (part !== undefined) kept[name] = part;
    }
    return Object.keys(kept).length > 0 ? kept : undefined;
  }
  // An enum's map names what each value sorts by: the value itself says nothing more.
  if (typeof filtersBy === 'object') return value;
  const dataClass = filtersBy === undefined ? null : (plans.get(filtersBy)?.classification ?? null);
  return dataClass === 'public' || dataClass === 'internal' || dataClass === 'pii' ? value : WITHHELD;
}
