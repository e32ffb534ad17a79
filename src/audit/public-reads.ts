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
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { FieldPlan } from '../policy/plugin/types.js';
import { AUDIT_SUBJECT_EXTENSION } from './audit-subject.js';

export interface PublicRead {
  typeField: string;
  count: number;
  paths: string[];
  /** Of objects whose type says whose data they hold (`auditSubjectFrom`): their ids, and their users'. */
  objectIds: Set<string>;
  subjectIds: Set<string>;
}

const MAX_PATHS = 20;

/** The root fields through which a caller reads the schema. */
const INTROSPECTION = new Set(['__schema', '__type', '__typename']);

/**
 * A field of a selection, resolved once per (selection set, type) of an operation and reused for
 * every object, and by every request that sends the same document.
 */
interface FieldStep {
  key: string;
  typeField: string;
  /**
   * Where a request's reads of it are counted (public fields, or any field under an abstract
   * type whose concrete type is unknown): the index of its `typeField` in the operation's
   * `typeFields`; -1 where it is not counted here.
   */
  slot: number;
  childType: GraphQLNamedType | null;
  childSelections: SelectionSetNode[];
  /** Its objects may say whose data they hold: the objects the resolver returned are looked up. */
  childHoldsSubjects: boolean;
}

/** One selection set's fields for one (type, concrete type); `id` indexes a request's `opened`. */
interface StepList {
  id: number;
  steps: FieldStep[];
}

/**
 * An operation's selections resolved against one schema and one catalog, kept while its document
 * is. By operation, not document: which root field reads the schema depends on the operation's
 * root type, and two operations may share a fragment.
 */
interface CompiledOperation {
  fragments: Map<string, FragmentDefinitionNode>;
  steps: Map<SelectionSetNode, Map<GraphQLNamedType, Map<GraphQLObjectType | undefined, StepList>>>;
  lists: number;
  /** The counted fields' coordinates, by slot. */
  typeFields: string[];
  slots: Map<string, number>;
}

/**
 * By schema, catalog and operation (yoga's parse cache hands a request the same document as the
 * last that sent the same text). Weak at each level: a catalog or a document no longer in use
 * takes its entries with it.
 */
const compiledOperations = new WeakMap<GraphQLSchema, WeakMap<ReadonlyMap<string, FieldPlan>, WeakMap<OperationDefinitionNode, CompiledOperation>>>();

function compiledOperation(schema: GraphQLSchema, plans: ReadonlyMap<string, FieldPlan>, document: DocumentNode, operation: OperationDefinitionNode): CompiledOperation {
  let byCatalog = compiledOperations.get(schema);
  if (!byCatalog) compiledOperations.set(schema, (byCatalog = new WeakMap()));
  let byOperation = byCatalog.get(plans);
  if (!byOperation) byCatalog.set(plans, (byOperation = new WeakMap()));
  let compiled = byOperation.get(operation);
  if (!compiled) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    byOperation.set(operation, (compiled = { fragments, steps: new Map(), lists: 0, typeFields: [], slots: new Map() }));
  }
  return compiled;
}

/**
 * A response path as a linked list: a string is built only when one is kept or compared, once
 * per link, from its parent's (a list's items' paths share the list's).
 */
interface PathLink {
  prev: PathLink | undefined;
  key: string | number;
  text: string | undefined;
}

/**
 * Public fields are never wrapped (that is what keeps lists fast), so their reads are counted
 * here from the result, after execution. Where the concrete type of an object is unknown (an
 * interface or union without `__typename` in the result), reads are counted under the
 * abstract type's name. A field that raised an error (a firewall refusal, say) was not read:
 * its null is not counted. A field selected twice under one response key is read once.
 * Introspection at the root (`__schema`, `__type`, `__typename`) is a read of the schema, and
 * counted as one.
 *
 * The result holds no ids it was not asked for, so whose data an object of a type that says so
 * (`auditSubjectFrom`) held is read from the object its field's resolver returned (`returned`,
 * by response path): the reads of its public fields then carry its id and its user's, as the
 * policy wrapper's do. Other types' objects cost nothing more.
 *
 * The selection is resolved against the schema once per selection set and type (fragments
 * flattened, field definitions and policy looked up), so a list of a thousand objects costs a
 * thousand passes over a short array, not a thousand walks of the document; and it is kept with
 * the operation, so the next request sending the same text resolves nothing again.
 */
export function publicReads(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  data: unknown,
  plans: ReadonlyMap<string, FieldPlan>,
  /** Paths (`a.b[0].c`) of fields that raised an error: refused or failed, so not read. */
  erroredPaths: ReadonlySet<string> = new Set(),
  /** What fields returning objects that say whose data they hold returned, by response path. */
  returned: ReadonlyMap<string, unknown> = new Map(),
): PublicRead[] {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root || typeof data !== 'object' || data === null) return [];
  const compiled = compiledOperation(schema, plans, document, operation);
  const { fragments, typeFields } = compiled;
  /** This request's reads by slot, and in the order they were opened. */
  const bySlot: Array<PublicRead | undefined> = [];
  const reads: PublicRead[] = [];
  /** The step lists this request has met (by `StepList.id`): meeting one opens its fields' reads. */
  const opened: boolean[] = [];
  const checkErrors = erroredPaths.size > 0;

  /** This request's read of a counted field, made when it first meets a step of it. */
  const open = (slot: number): void => {
    if (slot < 0 || bySlot[slot]) return;
    const read: PublicRead = { typeField: typeFields[slot]!, count: 0, paths: [], objectIds: new Set(), subjectIds: new Set() };
    bySlot[slot] = read;
    reads.push(read);
  };

  const stepsFor = (type: GraphQLNamedType, concrete: GraphQLObjectType | undefined, selectionSet: SelectionSetNode): FieldStep[] => {
    let byType = compiled.steps.get(selectionSet);
    if (!byType) compiled.steps.set(selectionSet, (byType = new Map()));
    let byConcrete = byType.get(type);
    if (!byConcrete) byType.set(type, (byConcrete = new Map()));
    let list = byConcrete.get(concrete);
    if (!list) byConcrete.set(concrete, (list = { id: compiled.lists++, steps: compile(type, concrete, selectionSet) }));
    // A list's reads open when a request first meets it, in its fields' order: the order the
    // reads are returned in, whichever request compiled it.
    if (opened[list.id] !== true) {
      opened[list.id] = true;
      for (const step of list.steps) open(step.slot);
    }
    return list.steps;
  };

  const slotOf = (typeField: string): number => {
    let slot = compiled.slots.get(typeField);
    if (slot === undefined) {
      compiled.slots.set(typeField, (slot = typeFields.length));
      typeFields.push(typeField);
    }
    return slot;
  };

  const compile = (type: GraphQLNamedType, concrete: GraphQLObjectType | undefined, selectionSet: SelectionSetNode): FieldStep[] => {
    const steps = new Map<string, FieldStep>();
    const add = (owner: GraphQLNamedType, ownerConcrete: GraphQLObjectType | undefined, set: SelectionSetNode): void => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const name = selection.name.value;
          const key = selection.alias?.value ?? name;
          if (name.startsWith('__')) {
            // Introspection at the root reads the schema itself (`Query.__schema`), counted as one
            // read; its insides are not data. Below the root, `__typename` only names a type.
            if (owner === root && INTROSPECTION.has(name) && !steps.has(`${key}\u0000${root.name}.${name}`)) {
              const typeField = `${root.name}.${name}`;
              steps.set(`${key}\u0000${typeField}`, { key, typeField, slot: slotOf(typeField), childType: null, childSelections: [], childHoldsSubjects: false });
            }
            continue;
          }
          const field = isObjectType(owner) || isInterfaceType(owner) ? owner.getFields()[name] : undefined;
          if (!field) continue;
          const typeField = `${owner.name}.${name}`;
          const stepKey = `${key}\u0000${typeField}`;
          const named = getNamedType(field.type);
          const childType = isLeafType(named) ? null : named;
          let step = steps.get(stepKey);
          if (!step) {
            const counted = !ownerConcrete || plans.get(typeField)?.classification === 'public';
            const childHoldsSubjects = childType !== null && (isAbstractType(childType) || subjectKeyOf(childType) !== null);
            step = { key, typeField, slot: counted ? slotOf(typeField) : -1, childType, childSelections: [], childHoldsSubjects };
            steps.set(stepKey, step);
          }
          if (childType && selection.selectionSet) step.childSelections.push(selection.selectionSet);
        } else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
          if (!fragment) continue;
          const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : owner;
          if (!condition || (!isObjectType(condition) && !isAbstractType(condition))) continue;
          if (ownerConcrete && isObjectType(condition) && condition !== ownerConcrete) continue;
          const next = ownerConcrete ?? condition;
          add(next, isObjectType(next) ? next : undefined, fragment.selectionSet);
        }
      }
    };
    add(concrete ?? type, concrete, selectionSet);
    return [...steps.values()];
  };

  /** As `readPathOf` writes it. */
  const pathString = (link: PathLink): string => {
    if (link.text !== undefined) return link.text;
    const parent = link.prev ? pathString(link.prev) : '';
    const { key } = link;
    link.text = typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;
    return link.text;
  };

  const lookUpReturned = returned.size > 0;
  /** `source`: what the resolver returned for this value, where the field holds people's data. */
  const walk = (type: GraphQLNamedType, selections: readonly SelectionSetNode[], value: unknown, path: PathLink | undefined, source: unknown): void => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      const sources = Array.isArray(source) ? source : undefined;
      // Objects of one type in a list all hold the same keys: counted field by field, not object by object.
      if (!checkErrors && isObjectType(type) && (sources === undefined || subjectKeyOf(type) === null) && walkList(type, selections, value, path)) return;
      for (let i = 0; i < value.length; i += 1) walk(type, selections, value[i], { prev: path, key: i, text: undefined }, sources?.[i]);
      return;
    }
    if (typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    let concrete: GraphQLObjectType | undefined;
    if (isObjectType(type)) concrete = type;
    else if (typeof record['__typename'] === 'string') {
      const named = schema.getType(record['__typename']);
      if (isObjectType(named)) concrete = named;
    }
    // Whose data this object is, and its id: only for types that say so, from what was returned.
    let objectId: string | null = null;
    let subjectId: string | null = null;
    const subjectKey = source !== undefined && concrete ? subjectKeyOf(concrete) : null;
    if (subjectKey !== null) {
      objectId = stringProperty(source, 'id');
      subjectId = stringProperty(source, subjectKey);
    }
    const whose = objectId !== null || subjectId !== null;
    for (const selectionSet of selections) {
      for (const step of stepsFor(type, concrete, selectionSet)) {
        if (!(step.key in record)) continue;
        const { childType } = step;
        // Opened when stepsFor handed this list out.
        const read = step.slot < 0 ? null : bySlot[step.slot]!;
        const descend = childType !== null && step.childSelections.length > 0;
        // A leaf that is counted with its paths already kept needs no path at all: the common case in a list.
        if (!descend && !checkErrors && (read === null || read.paths.length >= MAX_PATHS)) {
          if (read) {
            read.count += 1;
            if (whose) noteWhose(read, objectId, subjectId);
          }
          continue;
        }
        const link: PathLink = { prev: path, key: step.key, text: undefined };
        if (checkErrors && erroredPaths.has(pathString(link))) continue;
        if (read) {
          read.count += 1;
          if (read.paths.length < MAX_PATHS) read.paths.push(pathString(link));
          if (whose) noteWhose(read, objectId, subjectId);
        }
        if (descend) walk(childType, step.childSelections, record[step.key], link, step.childHoldsSubjects && lookUpReturned ? returned.get(pathString(link)) : undefined);
      }
    }
  };

  /**
   * A list of objects of one concrete type, none of which says whose data it is: each field's
   * reads are the number of objects (graphql-js writes every selected key into every object, and
   * `@skip` / `@include` decide alike for all), with the first paths in list order. Fields
   * holding objects are walked object by object. False, having counted nothing, when the list
   * holds lists.
   */
  const walkList = (type: GraphQLObjectType, selections: readonly SelectionSetNode[], list: readonly unknown[], path: PathLink | undefined): boolean => {
    let count = 0;
    let first: object | undefined;
    for (const item of list) {
      if (Array.isArray(item)) return false;
      if (item === null || typeof item !== 'object') continue;
      count += 1;
      first ??= item;
    }
    if (!first) return true;
    /** The items' links, made when a field of an item first needs its path. */
    const itemLinks: Array<PathLink | undefined> = [];
    const itemLink = (i: number): PathLink => (itemLinks[i] ??= { prev: path, key: i, text: undefined });
    for (const selectionSet of selections) {
      for (const step of stepsFor(type, type, selectionSet)) {
        if (!(step.key in first)) continue;
        const { childType } = step;
        const read = step.slot < 0 ? null : bySlot[step.slot]!;
        if (read) read.count += count;
        const descend = childType !== null && step.childSelections.length > 0;
        if (!descend && (read === null || read.paths.length >= MAX_PATHS)) continue;
        for (let i = 0; i < list.length; i += 1) {
          const item = list[i];
          if (item === null || typeof item !== 'object') continue;
          const link: PathLink = { prev: itemLink(i), key: step.key, text: undefined };
          if (read && read.paths.length < MAX_PATHS) read.paths.push(pathString(link));
          else if (!descend) break;
          if (descend) walk(childType, step.childSelections, Reflect.get(item, step.key), link, step.childHoldsSubjects && lookUpReturned ? returned.get(pathString(link)) : undefined);
        }
      }
    }
    return true;
  };

  walk(root, [operation.selectionSet], data, undefined, undefined);
  return reads.filter((read) => read.count > 0);
}

/** Which property of a type's objects holds their user's id (`auditSubjectFrom`); null if none is said. */
function subjectKeyOf(type: GraphQLNamedType): string | null {
  const key = type.extensions[AUDIT_SUBJECT_EXTENSION];
  return typeof key === 'string' ? key : null;
}

function stringProperty(value: unknown, key: string): string | null {
  const property = typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
  return typeof property === 'string' ? property : null;
}

function noteWhose(read: PublicRead, objectId: string | null, subjectId: string | null): void {
  if (objectId !== null) read.objectIds.add(objectId);
  if (subjectId !== null) read.subjectIds.add(subjectId);
}

/** An error's path in the form the reads use: `account.users[0].phone`. */
export function readPathOf(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((joined, part) => (typeof part === 'number' ? `${joined}[${part}]` : joined ? `${joined}.${part}` : part), '');
}
