import type { PothosOutputFieldConfig, PothosOutputFieldType, SchemaTypes } from '@pothos/core';
import { DATA_CLASSES, isDataClass, isMaskName, MASK_NAMES, type MaskName } from '../data-class.js';
import type { FieldPlan } from './types.js';

const STRING_SCALARS = new Set(['String', 'ID']);

/** The named type under any lists, with its nullability there (a list's items, for a list). */
function namedType<Types extends SchemaTypes>(
  type: PothosOutputFieldType<Types>,
): Exclude<PothosOutputFieldType<Types>, { kind: 'List' }> {
  return type.kind === 'List' ? namedType(type.type) : type;
}

/** Reads the plan for one field from its options and type; the index is assigned by the caller. */
export function planField<Types extends SchemaTypes>(
  config: PothosOutputFieldConfig<Types>,
  index: number,
): FieldPlan {
  const named = namedType(config.type);
  const leaf = named.kind === 'Scalar' || named.kind === 'Enum';
  const refName = typeof named.ref === 'string' ? named.ref : (named.ref as { name?: string }).name;
  const stringLike = named.kind === 'Scalar' && STRING_SCALARS.has(String(refName));
  const classification = config.pothosOptions.classification ?? null;
  return {
    coordinate: `${config.parentType}.${config.name}`,
    classification,
    mask: config.pothosOptions.mask ?? null,
    index,
    nullable: config.type.nullable,
    leaf,
    stringLike,
    nonNullItems: config.type.kind === 'List' && !named.nullable,
  };
}

/** The mask a field uses when the policy says `mask` and the field named none. */
export function effectiveMask(plan: FieldPlan): MaskName {
  return plan.mask ?? (plan.stringLike ? 'redact' : 'null');
}

/**
 * Build-time problems with a plan. Every non-public field must be nullable, because a denial
 * (or a `null` mask) resolves it to null; a non-null field would instead null its parent. For
 * the same reason a list masked to null items (`null` mask, the default for non-strings) must
 * allow null items: masking `[Int!]` would otherwise be an error, not a value of its type.
 * A class or mask Warden does not know (a JavaScript caller, a cast) and a mask on a public
 * field (never applied: public fields are always shown) would each leave the field less
 * protected than its author wrote, so they fail the build too.
 */
export function planProblems(plan: FieldPlan): string[] {
  const problems: string[] = [];
  const cls = plan.classification;
  if (cls !== null && !isDataClass(cls)) {
    problems.push(`${plan.coordinate} has classification "${String(cls)}", which is not a data class: use one of ${DATA_CLASSES.join(', ')}.`);
  }
  if (cls !== null && cls !== 'public' && !plan.nullable) {
    problems.push(`${plan.coordinate} is ${cls} but non-null: make it nullable so a denial can null it alone.`);
  }
  if (plan.mask !== null && !isMaskName(plan.mask)) {
    problems.push(`${plan.coordinate} has mask "${String(plan.mask)}", which is not a mask Warden has: use one of ${MASK_NAMES.join(', ')}.`);
    return problems;
  }
  if (plan.mask !== null && cls === 'public') {
    problems.push(
      `${plan.coordinate} is public, so it is shown to everyone who can reach it and its mask "${plan.mask}" never applies: give it the class its values need (pii, or secret), or drop the mask.`,
    );
  }
  if (plan.mask !== null && plan.mask !== 'null' && plan.leaf && !plan.stringLike) {
    problems.push(
      `${plan.coordinate} has mask "${plan.mask}", which returns a string, but the field is not a String or ID: give it mask "null" (masked, it reads null), or leave the mask out for that default.`,
    );
  }
  if (plan.mask !== null && !plan.leaf) {
    problems.push(`${plan.coordinate} has a mask but returns objects: classify its fields instead.`);
  }
  // Public fields are never masked; a field nobody classified is masked like a secret.
  if (cls !== 'public' && plan.leaf && plan.nonNullItems && effectiveMask(plan) === 'null') {
    const which = plan.mask === null ? 'the default mask for a field that is not a String or ID, "null"' : 'mask "null"';
    problems.push(
      `${plan.coordinate} is a list of non-null items with ${which}: masking would put null items in it, which its type forbids. Make its items nullable, or give it a String or ID type and a mask that returns a value.`,
    );
  }
  return problems;
}
