import {
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { FieldPlan } from '../policy/plugin/types.js';

export interface PublicRead {
  typeField: string;
  count: number;
  paths: string[];
}

const MAX_PATHS = 20;

/**
 * Public fields are never wrapped (that is what keeps lists fast), so their reads are counted
 * here from the result, after execution. Where the concrete type of an object is unknown (an
 * interface or union without `__typename` in the result), reads are counted under the
 * abstract type's name. A field that raised an error (a firewall refusal, say) was not read:
 * its null is not counted.
 */
export function publicReads(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: unknown,
  plans: ReadonlyMap<string, FieldPlan>,
  /** Paths (`a.b[0].c`) of fields that raised an error: refused or failed, so not read. */
  erroredPaths: ReadonlySet<string> = new Set(),
): PublicRead[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const reads = new Map<string, PublicRead>();
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root || typeof data !== 'object' || data === null) return [];

  const count = (typeField: string, path: string) => {
    const read = reads.get(typeField) ?? { typeField, count: 0, paths: [] };
    read.count += 1;
    if (read.paths.length < MAX_PATHS) read.paths.push(path);
    reads.set(typeField, read);
  };

  const walk = (type: GraphQLNamedType, selectionSet: SelectionSetNode, value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(type, selectionSet, item, `${path}[${i}]`));
      return;
    }
    if (typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const typename = typeof record['__typename'] === 'string' ? schema.getType(record['__typename']) : undefined;
    const concrete = isObjectType(type) ? type : isObjectType(typename) ? typename : undefined;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const key = selection.alias?.value ?? name;
        if (name.startsWith('__') || !(key in record)) continue;
        const owner = concrete ?? type;
        const field = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[name] : undefined;
        if (!field) continue;
        const typeField = `${owner.name}.${name}`;
        const fieldPath = path ? `${path}.${key}` : key;
        if (erroredPaths.has(fieldPath)) continue;
        if (!concrete || plans.get(typeField)?.classification === 'public') count(typeField, fieldPath);
        const named = getNamedType(field.type);
        if (!isLeafType(named) && selection.selectionSet) walk(named, selection.selectionSet, record[key], fieldPath);
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : type;
        if (!isObjectType(condition) && !isAbstractType(condition)) continue;
        if (concrete && isObjectType(condition) && condition !== concrete) continue;
        walk(concrete ?? condition, fragment.selectionSet, value, path);
      }
    }
  };

  walk(root, operation.selectionSet, data, '');
  return [...reads.values()];
}

/** An error's path in the form the reads use: `account.users[0].phone`. */
export function readPathOf(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((joined, part) => (typeof part === 'number' ? `${joined}[${part}]` : joined ? `${joined}.${part}` : part), '');
}
