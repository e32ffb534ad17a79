import type { GatewayContext } from '../graphql/context.js';
import { MASKS } from '../policy/masks.js';
import { effectiveMask } from '../policy/plugin/field-plan.js';
import { effectiveDecision } from '../policy/decide.js';
import { ALLOW, MASK, PSEUDONYM } from '../policy/plugin/types.js';

/**
 * A value as the request's policy shows the field `coordinate`: itself, masked, or null when
 * denied (a field the schema does not have is denied). For values shown outside the data, such
 * as the banner, so they reveal no more than the field would.
 */
export function shownAs(context: GatewayContext, coordinate: string, value: string): string | null {
  const plan = context.policyCatalog.fields.get(coordinate);
  if (!plan) return null;
  if (plan.index < 0) return value;
  const decision = effectiveDecision(plan, context.policy);
  if (decision === ALLOW) return value;
  if (decision === PSEUDONYM) {
    const standIn = context.policy.pseudonyms?.(plan, value);
    return typeof standIn === 'string' ? standIn : null;
  }
  return decision === MASK ? MASKS[effectiveMask(plan)](value) : null;
}

/**
 * A value as `shownAs` gives it, but never in full where the field holds anything beyond public
 * data: shown, it is masked with the field's mask. For values a staff member reads outside the
 * session they were read in, where their own policy (made for the console's staff views) would
 * show what the session masked.
 */
export function shownMasked(context: GatewayContext, coordinate: string, value: string): string | null {
  const plan = context.policyCatalog.fields.get(coordinate);
  if (!plan) return null;
  if (plan.index < 0) return value;
  const decision = effectiveDecision(plan, context.policy);
  return decision === ALLOW ? MASKS[effectiveMask(plan)](value) : shownAs(context, coordinate, value);
}
