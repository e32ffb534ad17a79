import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { createWardenBuilder } from '../../src/graphql/warden-types.js';
import type { Callers, FiltersBy } from '../../src/policy/plugin/types.js';

/**
 * An application's part of a schema built on a Warden builder, found from the schema itself:
 * its root fields (by who may call them) and the arguments its fields declare (`filtersBy`),
 * with values to send. What the canary and oracle checks run against a domain they do not know.
 */

/** Every `Type.field` Warden's own types and operations bring to any schema. */
export function wardenOwnFields(): ReadonlySet<string> {
  const schema = createWardenBuilder().toSchema();
  const own = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (isObjectType(type)) for (const name of Object.keys(type.getFields())) own.add(`${type.name}.${name}`);
  }
  return own;
}

/** Values for arguments: the id of a row of a type (the canary account's), text to search with. */
export interface ArgumentValues {
  /** The id of `type`'s row an argument reading `type.id` is sent, as a GraphQL literal's content. */
  idOf(type: string): string | undefined;
  /** The id an ID argument declared to read nothing (`false`, as an upstream's `node(id:)` may be) is sent. */
  anyId?: string;
  /** What a text argument is sent (a search). */
  text: string;
}

/** A literal of `type` for an argument that reads `reads` (`Type.field`, or null for none). */
export function literalFor(type: GraphQLInputType, reads: string | null, values: ArgumentValues): string {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name ?? '';
  switch (named.name) {
    case 'ID': {
      const id = reads === null ? values.anyId : reads.endsWith('.id') ? values.idOf(reads.slice(0, -'.id'.length)) : undefined;
      if (id === undefined) throw new Error(`No id to send for an ID argument reading ${reads ?? 'nothing'}`);
      return JSON.stringify(id);
    }
    case 'String':
      return JSON.stringify(values.text);
    case 'Int':
    case 'Float':
      return '1';
    case 'Boolean':
      return 'true';
    case 'DateTime':
      return JSON.stringify(new Date().toISOString());
    case 'Date':
      return JSON.stringify(new Date().toISOString().slice(0, 10));
    default:
      throw new Error(`No literal for an argument of type ${named.name}`);
  }
}

function filtersByOf(input: GraphQLArgument | GraphQLInputField): FiltersBy | undefined {
  return input.extensions.wardenFiltersBy;
}

const required = (arg: GraphQLArgument) => isNonNullType(arg.type) && arg.defaultValue === undefined;

/** `(a: 1, b: "x")` for the arguments of `field` it cannot go without. */
export function requiredArguments(field: GraphQLField<unknown, unknown>, values: ArgumentValues): string {
  const args = field.args.filter(required).map((arg) => `${arg.name}: ${literalFor(arg.type, declaredRead(arg), values)}`);
  return args.length ? `(${args.join(', ')})` : '';
}

/** The application's root queries that `callers` may call, with the arguments they require. */
export function applicationRoots(schema: GraphQLSchema, callers: readonly Callers[], values: ArgumentValues): Array<[root: string, args: string]> {
  const own = wardenOwnFields();
  return Object.values(schema.getQueryType()?.getFields() ?? {})
    .filter((field) => !own.has(`Query.${field.name}`))
    .filter((field) => {
      const who = field.extensions.wardenCallers;
      return who !== undefined && callers.includes(who);
    })
    .map((field) => [field.name, requiredArguments(field, values)]);
}

/** One use of one argument (or input field) that reads a field: a document sending it. */
export interface ArgumentUse {
  /** `Practice.patients(search:)`, `Practice.patients(orderBy: NAME)`. */
  argument: string;
  /** The `Type.field` it reads. */
  reads: string;
  query: string;
}

/**
 * Every use of an argument the application declares as reading a field, reached from `roots`
 * (their own arguments included) by the shortest path of selections: one document each, with
 * one value per enum value that reads something. Arguments that read nothing
 * (`filtersBy: false`) are left out, and so are mutations' (the same check refuses them).
 */
export function argumentUses(schema: GraphQLSchema, roots: ReadonlyArray<[root: string, args: string]>, values: ArgumentValues): ArgumentUse[] {
  const own = wardenOwnFields();
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  // Each field to look at, with the selections that lead to its parent: the roots at the top.
  const reached: Array<{ owner: string; field: GraphQLField<unknown, unknown>; path: string[] }> = [];
  for (const [root] of roots) {
    const field = queryFields[root];
    if (field) reached.push({ owner: 'Query', field, path: [] });
  }
  for (const [typeName, path] of shortestPaths(schema, roots, values)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (!own.has(`${typeName}.${field.name}`)) reached.push({ owner: typeName, field, path });
    }
  }
  const uses: ArgumentUse[] = [];
  for (const { owner, field, path } of reached) {
    for (const arg of field.args) {
      for (const { label, reads, literal } of readsOf(arg, values)) {
        const others = field.args.filter((other) => other !== arg && required(other)).map((other) => `${other.name}: ${literalFor(other.type, declaredRead(other), values)}`);
        const selection = `${field.name}(${[`${arg.name}: ${literal}`, ...others].join(', ')})${isLeafType(getNamedType(field.type)) ? '' : ' { __typename }'}`;
        const query = `query Oracle { ${path.reduceRight((inner, step) => `${step} { ${inner} }`, selection)} }`;
        uses.push({ argument: `${owner}.${field.name}(${label})`, reads, query });
      }
    }
  }
  return uses;
}

/** The field an argument declares it reads, when it declares one (not per enum value). */
function declaredRead(input: GraphQLArgument | GraphQLInputField): string | null {
  const filtersBy = filtersByOf(input);
  return typeof filtersBy === 'string' ? filtersBy : null;
}

/** What one argument can be sent to read: per enum value, per input field, or the one field it declares. */
function readsOf(arg: GraphQLArgument | GraphQLInputField, values: ArgumentValues): Array<{ label: string; reads: string; literal: string }> {
  const named = getNamedType(arg.type);
  if (isInputObjectType(named)) {
    return Object.values(named.getFields()).flatMap((field) =>
      readsOf(field, values).map(({ label, reads, literal }) => ({ label: `${arg.name}.${label}`, reads, literal: `{ ${field.name}: ${literal} }` })),
    );
  }
  const filtersBy = filtersByOf(arg);
  if (typeof filtersBy === 'string') return [{ label: `${arg.name}:`, reads: filtersBy, literal: literalFor(arg.type, filtersBy, values) }];
  if (filtersBy && typeof filtersBy === 'object') {
    return Object.entries(filtersBy).flatMap(([value, reads]) => (typeof reads === 'string' ? [{ label: `${arg.name}: ${value}`, reads, literal: value }] : []));
  }
  return [];
}

/**
 * For each object type reachable from `roots`, the shortest chain of selections to it (`['practice(…)', 'patients']`),
 * through fields that need no argument beyond the roots' own.
 */
function shortestPaths(schema: GraphQLSchema, roots: ReadonlyArray<[root: string, args: string]>, values: ArgumentValues): Map<string, string[]> {
  const paths = new Map<string, string[]>();
  const queue: Array<[GraphQLObjectType, string[]]> = [];
  for (const [root, args] of roots) {
    const field = schema.getQueryType()?.getFields()[root];
    const type = field && getNamedType(field.type);
    if (isObjectType(type) && !paths.has(type.name)) {
      paths.set(type.name, [`${root}${args}`]);
      queue.push([type, [`${root}${args}`]]);
    }
  }
  for (let next = queue.shift(); next; next = queue.shift()) {
    const [type, path] = next;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target) || paths.has(target.name) || field.args.some(required)) continue;
      const step = `${field.name}${requiredArguments(field, values)}`;
      paths.set(target.name, [...path, step]);
      queue.push([target, [...path, step]]);
    }
  }
  return paths;
}
