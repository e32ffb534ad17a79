import { getNamedType, isEnumType, isInputObjectType, isNonNullType, type GraphQLField, type GraphQLInputType } from 'graphql';
import { listed, says, shown, type ApprovalEffect, type EffectScope, type EffectText } from '../policy/plugin/effect-text.js';
import { EFFECT_EXTENSION, FILTERS_BY_EXTENSION, type FiltersBy } from '../policy/plugin/types.js';

/**
 * What one call of a root mutation would do now, for whoever approves it: its `effect` describer
 * (null when the target does not exist), else the mutation named with its arguments. An argument
 * that reads a field (`filtersBy: 'Invoice.id'`) is shown as that field is; a value to write, or
 * anything else no field classifies, is named and not shown. Such a description has no target
 * state (null): only what a describer states can be found changed when the call runs.
 */
export function describeMutationCall(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, scope: EffectScope): Promise<ApprovalEffect | null> {
  const describer = field.extensions[EFFECT_EXTENSION];
  if (describer) return describer(args, scope);
  const named = field.args.flatMap((arg) => argumentParts(arg.name, arg.type, arg.extensions[FILTERS_BY_EXTENSION], args[arg.name]));
  return Promise.resolve({ says: named.length === 0 ? says`run ${field.name}` : says`run ${field.name} with ${listed(named)}`, state: null });
}

/** One description per argument given, input objects field by field (`input.invoiceId`). */
function argumentParts(name: string, type: GraphQLInputType, filtersBy: FiltersBy | undefined, value: unknown): EffectText[] {
  if (value === null || value === undefined) return [];
  const named = getNamedType(isNonNullType(type) ? type.ofType : type);
  if (isInputObjectType(named)) {
    if (typeof value !== 'object' || Array.isArray(value)) return [];
    const fields = Object.values(named.getFields());
    return fields.flatMap((field) => argumentParts(`${name}.${field.name}`, field.type, field.extensions[FILTERS_BY_EXTENSION], Reflect.get(value, field.name)));
  }
  const items = (Array.isArray(value) ? value : [value]).map(text);
  // An enum value says which field a list is sorted by, not what any field holds.
  if (isEnumType(named) && typeof filtersBy === 'object') return [says`${name} ${items.join(', ')}`];
  if (typeof filtersBy !== 'string') return [says`${name} (not shown)`];
  return [says`${name} ${listed(items.map((item) => [shown(filtersBy, item)]))}`];
}

function text(value: unknown): string {
  return value instanceof Date ? value.toISOString() : String(value);
}
