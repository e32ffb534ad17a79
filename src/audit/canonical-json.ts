/**
 * JSON with keys sorted at every level and `undefined` dropped, so equal values serialise alike
 * whatever order their keys were written in: the basis of every hash Warden keeps. Written as a
 * loop over strings rather than maps and joins: it runs for every audit row on the write path.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // bigint throws here as it does in JSON.stringify; functions and symbols serialise as null.
      return JSON.stringify(value) ?? 'null';
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    // Lists of ids and paths: serialised natively in one call, the same text as item by item.
    if (value.every((item) => typeof item === 'string')) return JSON.stringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
