import SchemaBuilder, {
  BasePlugin,
  type PothosInputFieldConfig,
  type PothosOutputFieldConfig,
  type SchemaTypes,
} from '@pothos/core';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { MASKS, applyMask } from '../masks.js';
import './global-types.js';
import { fieldDenied } from './field-denied.js';
import { effectiveMask, planField, planProblems } from './field-plan.js';
import { ALLOW, DENY, type FieldPlan } from './types.js';

const pluginName = 'wardenPolicy';

export default pluginName;

/** Where a field's plan is kept in the built schema: `field.extensions.warden`. */
export const PLAN_EXTENSION = 'warden';
/** Where an input's `filtersBy` is kept: `arg.extensions.wardenFiltersBy`. */
export const FILTERS_BY_EXTENSION = 'wardenFiltersBy';
/** Where a mutation's risk tag is kept: `field.extensions.wardenRisk`. */
export const RISK_EXTENSION = 'wardenRisk';

/**
 * Data classes on every output field, decided once at build time:
 * - public fields keep their original resolver (nothing to enforce, nothing added);
 * - every other field gets one wrapper that looks its decision up by index in the request's
 *   policy and returns the value, a masked value, or a FIELD_DENIED error without calling the
 *   resolver. Sync resolvers stay sync: only a promise is awaited, and only to mask it.
 */
export class WardenPolicyPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  private readonly plans = new Map<string, FieldPlan>();
  private nextIndex = 0;

  private get policyOptions() {
    return this.builder.options.wardenPolicy;
  }

  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const coordinate = `${fieldConfig.parentType}.${fieldConfig.name}`;
    let plan = this.plans.get(coordinate);
    if (!plan) {
      // An interface's own field never resolves; the copy each object inherits does, and keeps
      // `kind: 'Interface'` (with `declaringType` set), so test the owner, not the kind.
      const resolves = fieldConfig.kind !== 'Interface' || fieldConfig.declaringType !== undefined;
      const isPublic = fieldConfig.pothosOptions.classification === 'public';
      plan = planField(fieldConfig, resolves && !isPublic ? this.nextIndex++ : -1);
      this.plans.set(coordinate, plan);
    }
    const risk = fieldConfig.pothosOptions.risk;
    return {
      ...fieldConfig,
      extensions: { ...fieldConfig.extensions, [PLAN_EXTENSION]: plan, ...(risk ? { [RISK_EXTENSION]: risk } : {}) },
    };
  }

  override onInputFieldConfig(fieldConfig: PothosInputFieldConfig<Types>): PothosInputFieldConfig<Types> {
    const filtersBy = fieldConfig.pothosOptions.filtersBy;
    if (!filtersBy) return fieldConfig;
    return { ...fieldConfig, extensions: { ...fieldConfig.extensions, [FILTERS_BY_EXTENSION]: filtersBy } };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    const plan = this.plans.get(`${fieldConfig.parentType}.${fieldConfig.name}`);
    if (this.policyOptions.enabled === false || !plan || plan.index < 0) return resolver;

    const { index, coordinate, classification } = plan;
    const grantable = plan.classification === 'sensitive';
    const mask = MASKS[effectiveMask(plan)];
    const requestPolicy = this.policyOptions.requestPolicy;

    return (parent, args, context, info) => {
      const policy = requestPolicy(context);
      // A missing entry (a field the policy was not compiled for) is denied: fail closed.
      let decision = policy.decisions[index] ?? DENY;
      if (decision === DENY && grantable && policy.grants.size > 0 && policy.grants.has(coordinate)) {
        decision = ALLOW;
      }
      const recorder = policy.recorder;
      if (decision === ALLOW) {
        recorder?.read(coordinate, classification, 'allowed', parent, info);
        return resolver(parent, args, context, info);
      }
      if (decision === DENY) {
        recorder?.read(coordinate, classification, 'denied', parent, info);
        throw fieldDenied(coordinate, info);
      }
      recorder?.read(coordinate, classification, 'masked', parent, info);
      const value: unknown = resolver(parent, args, context, info);
      return isPromiseLike(value) ? Promise.resolve(value).then((v) => applyMask(mask, v)) : applyMask(mask, value);
    };
  }

  override afterBuild(schema: GraphQLSchema): GraphQLSchema {
    const plans = [...this.plans.values()];
    const problems = plans.flatMap(planProblems);
    if (this.policyOptions.onUnclassified === 'error') {
      const unclassified = plans.filter((p) => p.classification === null).map((p) => p.coordinate);
      if (unclassified.length > 0) {
        problems.unshift(
          `These fields have no data class; give each a \`classification\` (public, internal, pii, sensitive or secret):\n    ${unclassified.join('\n    ')}`,
        );
      }
    }
    if (problems.length > 0) {
      throw new Error(`The schema's data classes need attention:\n  - ${problems.join('\n  - ')}`);
    }
    return schema;
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

SchemaBuilder.registerPlugin(pluginName, WardenPolicyPlugin);
