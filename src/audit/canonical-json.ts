/**
 * JSON with keys sorted at every level and `undefined` dropped, so equal values serialise alike
 * whatever order their keys were written in: the basis of every hash Warden keeps.
 *
 * A value whose objects already have their keys in that order (the audit trail builds its rows'
 * details so) is written by the native serialiser, which then writes the same text about twice
 * as fast; anything else is sorted here, level by level.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  return inCanonicalOrder(value) ? JSON.stringify(value) : sortedJson(value);
}

/**
 * Whether `JSON.stringify(value)` is already `value`'s canonical JSON: nothing in it but plain
 * objects whose keys are in sorted order, arrays, strings, numbers, booleans, null and undefined.
 * Dates, functions and anything with a `toJSON` of its own are left to the sorting path, where
 * they are written as they always were.
 */
function inCanonicalOrder(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (typeof item !== 'string' && !inCanonicalOrder(item)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const record = value as Record<string, unknown>;
  // Object.keys lists integer-like keys first, in numeric order ("9" before "10"): sorted as text
  // they come the other way round, and the check below sends such an object down the sorting path.
  const keys = Object.keys(record);
  for (let i = 1; i < keys.length; i += 1) if (!(keys[i - 1]! < keys[i]!)) return false;
  for (const key of keys) if (!inCanonicalOrder(record[key])) return false;
  return true;
}

/** Keys sorted here, each value written by `canonicalJson` (so a part already in order goes native). */
function sortedJson(value: unknown): string {
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

/** NUL or a surrogate: the only characters `storableText` may have to replace. */
const SUSPECT = /[\u0000\ud800-\udfff]/;
/** NUL, and surrogates not part of a pair (well-formed pairs, emoji, are kept). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const EVERY_UNSTORABLE = new RegExp(UNSTORABLE.source, 'g');
/** How JSON.stringify writes those: `\u0000`, and a lone surrogate as `\ud800`. */
const ESCAPED_UNSTORABLE = /\\u0000|\\ud[89a-f]/;

/**
 * Text PostgreSQL will store: NUL (which no text column takes) and lone surrogates (not
 * Unicode; the driver would silently replace them, and the stored row would then no longer
 * match its hash) become U+FFFD. Whatever a caller sent, the audit row can be written.
 */
export function storableText(text: string): string {
  return SUSPECT.test(text) ? text.replace(EVERY_UNSTORABLE, '\ufffd') : text;
}

/** True when `storableText` would leave `text` as it is. */
export function isStorableText(text: string): boolean {
  return !SUSPECT.test(text) || !UNSTORABLE.test(text);
}

/** `canonicalJson` of `value` with `storableText` applied to every string in it, keys included: what jsonb accepts. */
export function storableJson(value: unknown): string {
  const json = canonicalJson(value);
  // Nearly always clean: the walk below runs only when the text shows an escape that could be one.
  return ESCAPED_UNSTORABLE.test(json) ? canonicalJson(storableValue(value)) : json;
}

function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableText(key), storableValue(item)]));
}
