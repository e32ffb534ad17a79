import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  GraphQLList,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  valueFromASTUntyped,
  type GraphQLFieldConfig,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { GatewayContext } from '../graphql/context.js';
import { argumentInventory, argumentProblems } from '../policy/argument-inventory.js';
import { isDataClass, isMaskName } from '../policy/data-class.js';
import { fieldInventory } from '../policy/field-inventory.js';
import { guardResolver } from '../policy/guard-field.js';
import { planProblems } from '../policy/plugin/field-plan.js';
import { CALLERS_EXTENSION, FILTERS_BY_EXTENSION, PLAN_EXTENSION, RISK_EXTENSION, type FieldPlan } from '../policy/plugin/types.js';
import type { FieldClass, UpstreamClassification } from './classification.js';
import { recordUpstreamMutation } from './upstream-mutation.js';
import { DATA_CLASS_DIRECTIVE } from './upstream-schema.js';

/** What the start says about the upstream beside serving it: what is hidden until someone classifies it. */
export interface UpstreamReport {
  /** Fields nobody classified: served as `secret` (hidden from everyone the policy hides secrets from). */
  unclassified: string[];
  /** Arguments and input fields that do not say what they read: refused during impersonation. */
  undeclared: string[];
  /** Entries of the classification naming what the upstream no longer has. */
  stale: string[];
}

/**
 * The upstream's schema (already delegating to it) with Warden's plan on every field, as
 * the policy plugin gives a schema built on Warden's builder: the class from the classification
 * document (or the SDL's `@dataClass`), the same guard on each resolver, the mutation risks, what
 * each argument reads, and `callers: customer` on every root field: the upstream is called as a
 * customer, so only a customer, or support acting as one, can reach it.
 *
 * A field the policy may deny or null is served nullable (the upstream's non-null cannot hold a
 * denial); its values are unchanged. Fields get decision slots from `firstIndex` on, after the
 * slots of the schema it joins. Problems that would leave a field less protected than written
 * (a mask on an object, a string mask on a number, two sources disagreeing) stop the start.
 */
export function guardUpstreamSchema(
  delegating: GraphQLSchema,
  classification: UpstreamClassification,
  firstIndex: number,
  directives: ReadonlyMap<string, FieldClass> = new Map(),
): { schema: GraphQLSchema; report: UpstreamReport } {
  const problems: string[] = [];
  const classes = new Map(directives);
  for (const [coordinate, declared] of classification.fields) {
    const written = directives.get(coordinate);
    if (written && (written.classification !== declared.classification || (written.mask ?? null) !== (declared.mask ?? null))) {
      problems.push(`${coordinate} is ${describe(declared)} in ${classification.source} but ${describe(written)} in the upstream's SDL (@${DATA_CLASS_DIRECTIVE}): make them agree, or keep one.`);
    }
    classes.set(coordinate, declared);
  }

  const roots = new Set([delegating.getQueryType()?.name, delegating.getMutationType()?.name, delegating.getSubscriptionType()?.name].filter((name) => name !== undefined));
  const mutationType = delegating.getMutationType()?.name;
  const subscriptionType = delegating.getSubscriptionType()?.name;
  const unclassified: string[] = [];
  let nextIndex = firstIndex;
  const requestPolicy = (context: GatewayContext) => context.policy;

  const planOf = (typeName: string, fieldName: string, config: GraphQLFieldConfig<unknown, unknown>, resolves: boolean): FieldPlan => {
    const coordinate = `${typeName}.${fieldName}`;
    const declared = classes.get(coordinate) ?? null;
    if (!declared) unclassified.push(coordinate);
    const classification = declared?.classification ?? null;
    const named = getNamedType(config.type);
    return {
      coordinate,
      classification,
      mask: declared?.mask ?? null,
      index: !resolves || classification === 'public' ? -1 : nextIndex++,
      nullable: classification === 'public' ? !isNonNullType(config.type) : true,
      leaf: isLeafType(named),
      stringLike: isScalarType(named) && (named.name === 'String' || named.name === 'ID'),
      nonNullItems: classification === 'public' && hasNonNullItems(config.type),
    };
  };

  const isPublic = (coordinate: string) => classes.get(coordinate)?.classification === 'public';
  const publicEverywhere = (interfaceName: string, fieldName: string): boolean => {
    const type = delegating.getType(interfaceName);
    return isPublic(`${interfaceName}.${fieldName}`) && isInterfaceType(type) && delegating.getPossibleTypes(type).every((object) => isPublic(`${object.name}.${fieldName}`));
  };

  const guarded = mapSchema(delegating, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      if (typeName === subscriptionType) {
        problems.push(`${coordinate} is a subscription: Warden does not proxy subscriptions yet; hide it ("hidden") or serve it elsewhere.`);
        return config;
      }
      const plan = planOf(typeName, fieldName, config, true);
      problems.push(...planProblems(plan));
      const root = roots.has(typeName);
      const risk = typeName === mutationType ? classification.mutations.get(coordinate) : undefined;
      const delegate = (config.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, GatewayContext, object>;
      // A mutation is recorded (and its approval used) after its guard let it through, before it is sent.
      const resolve = guardResolver<GatewayContext>(plan, typeName === mutationType ? recordUpstreamMutation(coordinate, delegate) : delegate, {
        requestPolicy,
        holdsSubjects: false,
        // Nested values are read from the upstream's answer, where an upstream error on this
        // path surfaces as the resolver's throw (`readAnswer`): watched, so a read that failed
        // is taken back.
        readsProperty: false,
      });
      return {
        ...config,
        args: withArgumentReads(config, coordinate, classification),
        type: plan.classification === 'public' ? config.type : relaxed(config.type),
        resolve,
        extensions: {
          ...config.extensions,
          [PLAN_EXTENSION]: plan,
          ...(root ? { [CALLERS_EXTENSION]: 'customer' } : {}),
          ...(risk ? { [RISK_EXTENSION]: risk } : {}),
        },
      };
    },
    // An interface's fields never resolve (its objects' do); served nullable so an object's
    // relaxed field still implements it. A field public here and on every object keeps its
    // type: relaxed on the interface alone, `{ node { id ... on Tenant { id } } }` (valid
    // upstream, as Relay clients write it) would no longer validate (`ID` and `ID!` conflict).
    [MapperKind.INTERFACE_FIELD]: (config, fieldName, typeName) => ({
      ...config,
      args: withArgumentReads(config, `${typeName}.${fieldName}`, classification),
      type: publicEverywhere(typeName, fieldName) ? config.type : relaxed(config.type),
      extensions: { ...config.extensions, [PLAN_EXTENSION]: planOf(typeName, fieldName, config, false) },
    }),
    [MapperKind.INPUT_OBJECT_FIELD]: (config, fieldName, typeName) => {
      const reads = classification.arguments.get(`${typeName}.${fieldName}`);
      return reads === undefined ? config : { ...config, extensions: { ...config.extensions, [FILTERS_BY_EXTENSION]: reads } };
    },
  });

  const fields = fieldInventory(guarded);
  const args = argumentInventory(guarded);
  const undeclared = [...args.values()].filter((arg) => arg.reads === null).map((arg) => arg.coordinate);
  problems.push(...argumentProblems(args, fields, false));
  const stale = [
    ...[...classification.fields.keys()].filter((coordinate) => !fields.has(coordinate) && !isInterfaceField(delegating, coordinate)),
    ...[...classification.arguments.keys()].filter((coordinate) => !args.has(coordinate)),
    ...[...classification.mutations.keys()].filter((coordinate) => !fields.has(coordinate) || !coordinate.startsWith(`${mutationType}.`)),
  ];
  if (problems.length > 0) {
    throw new Error(`The upstream's fields need attention before Warden can serve them:\n  - ${[...new Set(problems)].join('\n  - ')}`);
  }
  return { schema: guarded, report: { unclassified: [...new Set(unclassified)].sort(), undeclared, stale } };
}

/**
 * `@dataClass(class:, mask:)` on the fields of an upstream's SDL, by `Type.field`. Entries that
 * are no class or mask Warden knows are problems, never ignored.
 */
export function directiveClasses(upstream: GraphQLSchema): { classes: Map<string, FieldClass>; problems: string[] } {
  const classes = new Map<string, FieldClass>();
  const problems: string[] = [];
  for (const type of Object.values(upstream.getTypeMap())) {
    if (!(isObjectType(type) || isInterfaceType(type)) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const directive = field.astNode?.directives?.find((d) => d.name.value === DATA_CLASS_DIRECTIVE);
      if (!directive) continue;
      const values = Object.fromEntries((directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]));
      const coordinate = `${type.name}.${field.name}`;
      const mask = values['mask'] ?? null;
      if (!isDataClass(values['class'])) problems.push(`${coordinate} has @${DATA_CLASS_DIRECTIVE}(class: ${JSON.stringify(values['class'])}), which is not a data class.`);
      else if (mask !== null && !isMaskName(mask)) problems.push(`${coordinate} has @${DATA_CLASS_DIRECTIVE}(mask: ${JSON.stringify(mask)}), which is not a mask Warden has.`);
      else classes.set(coordinate, { classification: values['class'], mask });
    }
  }
  return { classes, problems };
}

/** The type with every non-null removed, lists kept: a denial or a null mask can then stand anywhere in it. */
function relaxed(type: GraphQLOutputType): GraphQLOutputType {
  const nullable = getNullableType(type);
  return isListType(nullable) ? new GraphQLList(relaxed(nullable.ofType)) : nullable;
}

function hasNonNullItems(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  if (!isListType(nullable)) return false;
  const item = nullable.ofType;
  return isNonNullType(item) || hasNonNullItems(item);
}

function isInterfaceField(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, fieldName] = coordinate.split('.');
  const type = typeName ? schema.getType(typeName) : undefined;
  return isInterfaceType(type) && fieldName !== undefined && fieldName in type.getFields();
}

/** A field's arguments, each with what the classification says it reads (`Type.field(arg:)`). */
function withArgumentReads(config: GraphQLFieldConfig<unknown, unknown>, coordinate: string, classification: UpstreamClassification): GraphQLFieldConfig<unknown, unknown>['args'] {
  if (!config.args) return config.args;
  return Object.fromEntries(
    Object.entries(config.args).map(([name, arg]) => {
      const reads = classification.arguments.get(`${coordinate}(${name}:)`);
      return [name, reads === undefined ? arg : { ...arg, extensions: { ...arg.extensions, [FILTERS_BY_EXTENSION]: reads } }];
    }),
  );
}

function describe(entry: FieldClass): string {
  return entry.mask ? `${entry.classification} (mask ${entry.mask})` : entry.classification;
}
