import { createHash } from 'node:crypto';

/**
 * A stable hash of a mutation and its arguments: keys sorted at every level, so `{a,b}` and
 * `{b,a}` hash alike, while any changed value, added argument or other mutation does not.
 */
export function canonicalMutationHash(field: string, args: Record<string, unknown>): string {
  return createHash('sha256').update(`${field}\n${canonicalJson(args)}`).digest('hex');
}

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
