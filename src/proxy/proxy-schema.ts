import type { Executor } from '@graphql-tools/utils';
import { MapperKind, mapSchema, pruneSchema, rewireTypes } from '@graphql-tools/utils';
import { GraphQLObjectType, GraphQLScalarType, GraphQLSchema, isScalarType, isSpecifiedScalarType, type GraphQLNamedType } from 'graphql';
import { createWardenBuilder } from '../graphql/warden-types.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import { fieldInventory } from '../policy/field-inventory.js';
import { wardenSchemaOf, type WardenSchema, type WardenSchemaOptions } from '../server/warden-schema.js';
import type { UpstreamClassification } from './classification.js';
import { directiveClasses, guardUpstreamSchema, type UpstreamReport } from './guard-upstream.js';
import { PrefetchedAnswers } from './prefetched-answers.js';
import { delegatingSchema } from './upstream-delegation.js';
import { useUpstreamIdAlias } from './use-upstream-id-alias.js';
import { useUpstreamForwarding } from './use-upstream-forwarding.js';

export interface ProxySchemaOptions extends WardenSchemaOptions {
  /** The upstream's schema, from its SDL or its introspection (`loadUpstreamSchema`). */
  upstream: GraphQLSchema;
  /** Calls the upstream as the request's customer (`upstreamExecutor`). */
  executor: Executor;
  classification: UpstreamClassification;
  /**
   * Serve queries of the upstream's root fields by walking the upstream's answer once
   * (`useUpstreamForwarding`) instead of executing it again. Off, every operation executes
   * field by field; the two serve and record the same. @default true
   */
  forwardAnswers?: boolean;
}

export interface ProxySchema extends WardenSchema {
  /** What is hidden until someone classifies or declares it, and what the classification names in vain. */
  report: UpstreamReport;
}

/**
 * The schema a proxy serves: Warden's own types and operations (sessions, approvals, field
 * grants, policy versions, the audit trail, the access history) beside the upstream's, every
 * upstream field guarded as a native one is, its execution delegated to the upstream.
 * Names the two share stop the start, listed: a type or root field of the upstream named like
 * one of Warden's would otherwise shadow it.
 */
export function proxySchemaOf(options: ProxySchemaOptions): ProxySchema {
  const own = createWardenBuilder().toSchema();
  const firstIndex = [...fieldInventory(own).values()].reduce((max, plan) => Math.max(max, plan.index + 1), 0);
  const written = directiveClasses(options.upstream);
  if (written.problems.length > 0) throw new Error(`The upstream's SDL classifies fields Warden cannot use:\n  - ${written.problems.join('\n  - ')}`);
  const served = withoutHiddenRoots(options.upstream, options.classification.hidden);
  const plans = new Map<string, FieldPlan>();
  const prefetched = new PrefetchedAnswers();
  const delegating = delegatingSchema(served, options.executor, plans, prefetched);
  const { schema: upstream, report } = guardUpstreamSchema(delegating, options.classification, firstIndex, written.classes);
  for (const [coordinate, plan] of fieldInventory(upstream)) plans.set(coordinate, plan);
  const schema = joinSchemas(own, upstream, options.classification.hidden);
  const roots = [options.upstream.getQueryType(), options.upstream.getMutationType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));
  const staleHidden = [...options.classification.hidden].filter((coordinate) => !roots.includes(coordinate));
  const names = { ...options.classification.names, ...options.names };
  const upstreamTypes = new Set(Object.keys(served.getTypeMap()).filter((name) => !name.startsWith('__')));
  const plugins = [
    useUpstreamIdAlias(upstreamTypes),
    ...(options.forwardAnswers === false ? [] : [useUpstreamForwarding({ plans, executor: options.executor, prefetched })]),
  ];
  return { ...wardenSchemaOf(schema, { ...options, names }), plugins, report: { ...report, stale: [...report.stale, ...staleHidden] } };
}

/** The upstream's schema without the root fields served to nobody, nor the types only they reached. */
function withoutHiddenRoots(upstream: GraphQLSchema, hidden: ReadonlySet<string>): GraphQLSchema {
  if (hidden.size === 0) return upstream;
  return pruneSchema(
    mapSchema(upstream, {
      [MapperKind.ROOT_FIELD]: (config, fieldName, typeName) => (hidden.has(`${typeName}.${fieldName}`) ? null : config),
    }),
  );
}

/**
 * Warden's own schema with the upstream's types and root fields added; hidden root fields left
 * out. A scalar both name (`DateTime`, `Date`) is served once, as Warden's, passing on the
 * upstream's strings as they are; any other shared name stops the start. Types are rewired by
 * name, so each field of either side points at the one type the joined schema serves.
 */
function joinSchemas(own: GraphQLSchema, upstream: GraphQLSchema, hidden: ReadonlySet<string>): GraphQLSchema {
  const clashes: string[] = [];
  const ownRoots = new Set<GraphQLNamedType>([own.getQueryType(), own.getMutationType()].filter((type) => type != null));
  const upstreamRoots = new Set<GraphQLNamedType>([upstream.getQueryType(), upstream.getMutationType(), upstream.getSubscriptionType()].filter((type) => type != null));
  const typeMap: Record<string, GraphQLNamedType> = {};
  for (const type of Object.values(own.getTypeMap())) if (!type.name.startsWith('__') && !ownRoots.has(type)) typeMap[type.name] = type;
  for (const type of Object.values(upstream.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type) || upstreamRoots.has(type)) continue;
    const mine = typeMap[type.name];
    if (!mine) typeMap[type.name] = type;
    else if (isScalarType(mine) && isScalarType(type)) typeMap[type.name] = passingStringsOn(mine);
    else clashes.push(`type ${type.name}`);
  }
  const root = (mine: GraphQLObjectType | null | undefined, theirs: GraphQLObjectType | null | undefined, name: string): GraphQLObjectType | undefined => {
    if (!theirs) return mine ?? undefined;
    const ownFields = mine?.toConfig().fields ?? {};
    const added = Object.fromEntries(Object.entries(theirs.toConfig().fields).filter(([field]) => !hidden.has(`${theirs.name}.${field}`)));
    for (const field of Object.keys(added)) if (field in ownFields) clashes.push(`${name}.${field}`);
    return new GraphQLObjectType({ ...(mine?.toConfig() ?? { name }), name, fields: { ...ownFields, ...added } });
  };
  const query = root(own.getQueryType(), upstream.getQueryType(), 'Query');
  const mutation = root(own.getMutationType(), upstream.getMutationType(), 'Mutation');
  if (clashes.length > 0) {
    throw new Error(
      `The upstream has names Warden's own schema uses, which it would shadow: ${clashes.join(', ')}. Rename them upstream, or hide the root fields ("hidden" in the classification).`,
    );
  }
  if (query) typeMap['Query'] = query;
  if (mutation) typeMap['Mutation'] = mutation;
  const rewired = rewireTypes(typeMap, own.getDirectives());
  return new GraphQLSchema({
    query: rewired.typeMap['Query'] as GraphQLObjectType,
    ...(mutation ? { mutation: rewired.typeMap['Mutation'] as GraphQLObjectType } : {}),
    types: Object.values(rewired.typeMap),
    directives: rewired.directives,
    extensions: own.extensions,
  });
}

/** Warden's scalar, serving the upstream's values too: those arrive already serialized, as strings. */
function passingStringsOn(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  return new GraphQLScalarType({ ...config, serialize: (value) => (typeof value === 'string' ? value : config.serialize(value)) });
}
