import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';

/**
 * A stable hash of a mutation and its arguments: keys sorted at every level, so `{a,b}` and
 * `{b,a}` hash alike, while any changed value, added argument or other mutation does not.
 */
export function canonicalMutationHash(field: string, args: Record<string, unknown>): string {
  return createHash('sha256').update(`${field}\n${canonicalJson(args)}`).digest('hex');
}
