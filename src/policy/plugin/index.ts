import SchemaBuilder, {
  BasePlugin,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
// Only the audit's extension name, from a module that imports nothing: no cycle through the audit.
import { AUDIT_SUBJECT_EXTENSION } from '../../audit/audit-subject.js';
import { argumentInventory, argumentProblems } from '../argument-inventory.js';
import { DATA_CLASSES } from '../data-class.js';
import { fieldInventory } from '../field-inventory.js';
import { guardResolver } from '../guard-field.js';
import './global-types.js';
import { planField, planProblems } from './field-plan.js';
import {
  ALLOW,
  CALLERS,
  CALLERS_EXTENSION,
  DENY,
  EFFECT_EXTENSION,
  FILTERS_BY_EXTENSION,
  MUTATION_RISKS,
  PLAN_EXTENSION,
  REVEALS_EXTENSION,
  RISK_EXTENSION,
  type FieldPlan,
  type FieldReadSink,
} from './types.js';

const pluginName = 'wardenPolicy';

export default pluginName;

export { CALLERS_EXTENSION, EFFECT_EXTENSION, FILTERS_BY_EXTENSION, PLAN_EXTENSION, REVEALS_EXTENSION, RISK_EXTENSION };

/**
 * Data classes on every output field, decided once at build time:
 * - public fields keep their original resolver (nothing to enforce, nothing added), but for
 *   those returning objects that say whose data they hold: one call hands the audit what they
 *   returned (`returned`), once per field, not per object;
 * - every other field gets one wrapper that looks its decision up by index in the request's
 *   policy and returns the value, a masked value, or a FIELD_DENIED error without calling the
 *   resolver. Sync resolvers stay sync: only a promise is awaited, and only to mask it;
 * - a read is recorded as its decision said, and taken back when the resolver throws or its
 *   promise rejects (the sink's `failed`): a value the resolver refused was not shown.
 *
 * An object that redeclares a field of its interface is served by its own declaration, so its
 * own class and mask decide. If the two classes differ the build fails (`onUnclassified:
 * 'error'`), naming both; in production (`'secret'`) the stricter class of the two is used.
 */
export class WardenPolicyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  /** The plan each `Type.field` resolves with: the owner's own declaration once it is seen. */
  private readonly plans = new Map<string, FieldPlan>();
  /** Coordinates whose plan came from the owner's own declaration, not an interface's copy. */
  private readonly declared = new Set<string>();
  /** For a field an object inherits: the interface it comes from. */
  private readonly inheritedFrom = new Map<string, string>();
  /** Objects and interfaces that disagree about a field's class. */
  private readonly conflicts: string[] = [];
  /** Describers on fields that never use them (an `effect` off the mutation root, `reveals` off a sensitive field). */
  private readonly misplaced: string[] = [];
  /** Root fields that do not say who may call them: refused to everyone by the firewall. */
  private readonly unguarded: string[] = [];
  private nextIndex = 0;

  private get policyOptions() {
    return this.builder.options.wardenPolicy;
  }

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const coordinate = `${fieldConfig.parentType}.${fieldConfig.name}`;
    // Pothos hands an object the fields of its interfaces first (with `declaringType` set),
    // then the object's own: an own declaration replaces an inherited plan, never the reverse.
    const own = fieldConfig.declaringType === undefined;
    const existing = this.plans.get(coordinate);
    let plan = existing;
    if (!existing || (own && !this.declared.has(coordinate))) {
      plan = this.decidePlan(fieldConfig, existing, own);
      this.plans.set(coordinate, plan);
      if (own) this.declared.add(coordinate);
      else if (fieldConfig.declaringType) this.inheritedFrom.set(coordinate, fieldConfig.declaringType);
    }
    const { risk, effect, reveals, callers } = fieldConfig.pothosOptions;
    const parentKind = this.buildCache.getTypeConfig(fieldConfig.parentType).kind;
    const root = parentKind === 'Query' || parentKind === 'Mutation' || parentKind === 'Subscription';
    if (root && !callers) this.unguarded.push(coordinate);
    if (callers && !root) this.misplaced.push(`${coordinate} has \`callers\`, which only root fields take (it says who may call an operation).`);
    if (callers && !CALLERS.includes(callers)) this.misplaced.push(`${coordinate} has callers "${String(callers)}", which is not one Warden knows: use one of ${CALLERS.join(', ')}.`);
    // The mutation gate reads `risk` on root mutations only: anywhere else it would gate nothing.
    if (risk && parentKind !== 'Mutation') {
      this.misplaced.push(
        `${coordinate} has \`risk\`, which only root mutation fields take: the mutation gate reads it there and nowhere else, so here it gates nothing. Remove it (what a read shows is decided by the \`classification\` of the fields it returns); if this field changes data, make it a mutation.`,
      );
    }
    if (risk && !MUTATION_RISKS.includes(risk)) this.misplaced.push(`${coordinate} has risk "${String(risk)}", which is not one Warden knows: use one of ${MUTATION_RISKS.join(', ')}.`);
    if (effect && parentKind !== 'Mutation') {
      this.misplaced.push(`${coordinate} has an \`effect\`, which only root mutation fields take (it describes a call for approval).`);
    }
    if (reveals && plan?.classification !== 'sensitive') {
      this.misplaced.push(`${coordinate} has \`reveals\` but is not sensitive: only sensitive fields are ever granted.`);
    }
    return {
      ...fieldConfig,
      extensions: {
        ...fieldConfig.extensions,
        [PLAN_EXTENSION]: plan,
        ...(risk ? { [RISK_EXTENSION]: risk } : {}),
        ...(callers && root ? { [CALLERS_EXTENSION]: callers } : {}),
        ...(effect ? { [EFFECT_EXTENSION]: effect } : {}),
        ...(reveals ? { [REVEALS_EXTENSION]: reveals } : {}),
      },
    };
  }

  /** The plan for a field declaration; `inherited` is the plan its interface's copy got, if any. */
  private decidePlan(fieldConfig: PothosOutputFieldConfig<Types>, inherited: FieldPlan | undefined, own: boolean): FieldPlan {
    // An interface's own fields never resolve; the copies its objects get do.
    const resolves = this.buildCache.getTypeConfig(fieldConfig.parentType).kind !== 'Interface';
    const index = (candidate: FieldPlan) =>
      !resolves || candidate.classification === 'public' ? -1 : inherited && inherited.index >= 0 ? inherited.index : this.nextIndex++;
    const plan = planField(fieldConfig, 0);
    if (!own || !inherited || plan.classification === null || inherited.classification === null) {
      return { ...plan, index: index(plan) };
    }
    if (plan.classification === inherited.classification) return { ...plan, index: index(plan) };
    const from = this.inheritedFrom.get(plan.coordinate) ?? 'its interface';
    this.conflicts.push(
      `${fieldConfig.parentType}.${fieldConfig.name} is ${plan.classification} but the same field of interface ${from} (${from}.${fieldConfig.name}) is ${inherited.classification}: give both one class.`,
    );
    const stricter = rank(plan) >= rank(inherited) ? plan : inherited;
    return { ...stricter, index: index(stricter) };
  }

  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const filtersBy = fieldConfig.pothosOptions.filtersBy;
    if (filtersBy === undefined) return fieldConfig;
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, [FILTERS_BY_EXTENSION]: filtersBy } };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const plan = this.plans.get(`${fieldConfig.parentType}.${fieldConfig.name}`);
    if (this.policyOptions.enabled === false || !plan) return resolver;
    // A property read (Pothos's own `t.expose…` resolver, wrapped by no other plugin) refuses
    // nothing; any other resolver may refuse or fail (a colleague's birth date, say), and a
    // read whose value was not shown is taken back.
    const exposed = typeof fieldConfig.extensions?.['pothosExposedField'] === 'string';
    return guardResolver(plan, resolver, {
      requestPolicy: this.policyOptions.requestPolicy,
      holdsSubjects: this.returnsAuditSubjects(fieldConfig),
      readsProperty: resolver === defaultFieldResolver || (exposed && resolver === fieldConfig.resolve),
    });
  }

  /**
   * Whether a field returns objects whose type says whose data they hold (`auditSubjectFrom`),
   * or may (an interface or union: the concrete type is known only at run time).
   */
  private returnsAuditSubjects(fieldConfig: PothosOutputFieldConfig<Types>): boolean {
    let type = fieldConfig.type;
    while (type.kind === 'List') type = type.type;
    if (type.kind === 'Interface' || type.kind === 'Union') return true;
    if (type.kind !== 'Object') return false;
    return this.buildCache.getTypeConfig(type.ref).extensions?.[AUDIT_SUBJECT_EXTENSION] !== undefined;
  }

  override afterBuild(schema: GraphQLSchema): GraphQLSchema {
    const plans = [...this.plans.values()];
    const strict = this.policyOptions.onUnclassified === 'error';
    const problems = [...plans.flatMap(planProblems), ...this.misplaced];
    if (strict) {
      problems.unshift(...this.conflicts);
      if (this.unguarded.length > 0) {
        problems.unshift(
          `These root fields do not say who may call them, so nobody can; give each \`callers\` (${CALLERS.join(', ')}):\n    ${this.unguarded.join('\n    ')}`,
        );
      }
      const unclassified = plans.filter((p) => p.classification === null).map((p) => p.coordinate);
      if (unclassified.length > 0) {
        problems.unshift(
          `These fields have no data class; give each a \`classification\` (public, internal, pii, sensitive or secret):\n    ${unclassified.join('\n    ')}`,
        );
      }
    }
    problems.push(...argumentProblems(argumentInventory(schema), fieldInventory(schema), strict));
    if (problems.length > 0) {
      throw new Error(`The schema's data classes need attention:\n  - ${problems.join('\n  - ')}`);
    }
    return schema;
  }
}

/** How strict a plan's class is; unclassified counts as secret. */
function rank(plan: FieldPlan): number {
  return DATA_CLASSES.indexOf(plan.classification ?? 'secret');
}

SchemaBuilder.registerPlugin(pluginName, WardenPolicyPlugin);
