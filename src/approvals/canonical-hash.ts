import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';

/**
 * A stable hash of a mutation and its arguments: keys sorted at every level, so `{a,b}` and
 * `{b,a}` hash alike, while any changed value, added argument or other mutation does not.
 */
export function canonicalMutationHash(field: string, args: Record<string, unknown>): string {
  return createHash('sha256').update(`${field}\n${canonicalJson(args)}`).digest('hex');
}

/**
 * A stable hash of a target's state as an effect describer returned it (see `ApprovalEffect`):
 * equal states hash alike whatever their key order, any changed value does not.
 */
export function targetStateHash(state: unknown): string {
  return createHash('sha256').update(canonicalJson(state)).digest('hex');
}
