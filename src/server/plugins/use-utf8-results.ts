import { processRegularResult, type Plugin } from 'graphql-yoga';

/**
 * How many levels of plain objects are written key by key (the result, `data`, its root fields,
 * theirs); below that every value is serialised natively, in one call.
 */
const SPLIT_DEPTH = 4;

/** A value shorter than this is kept in the text being gathered rather than encoded on its own. */
const OWN_PIECE_CHARS = 512;

/**
 * A JSON answer (`application/json`, `application/graphql-response+json`) serialised straight to
 * UTF-8 in pieces rather than as one string. V8 holds a string two bytes a character once one of
 * its characters is outside Latin-1, and a mask's is (`•`, U+2022): one masked email in the
 * account's users made a whole 1,000-invoice answer a two-byte string, twice the memory, every
 * character of it measured and transcoded again on the way to the socket (about 0.4 ms a list
 * request, docs/performance.md). In pieces, only the pieces that hold such a character are
 * two-byte. The bytes are JSON.stringify's, encoded as UTF-8, exactly.
 *
 * yoga's regular result processor serialises with `result.stringify` when a result has one (as
 * envelop's graphql-jit plugin sets it), and hands what it returns to the `Response`: bytes are a
 * body as a string is, and their length is the answer's length without counting it again. Set
 * only where that processor was chosen: event streams and multipart answers stay as they are.
 * Last among the plugins that answer results, so it serialises the answer as they left it.
 */
export function useUtf8Results(): Plugin {
  return {
    onResultProcess({ result, resultProcessor }) {
      // On the result itself, not a copy: hooks before may know it by its identity.
      if (resultProcessor === processRegularResult && isPlainObject(result)) Reflect.set(result, 'stringify', jsonUtf8);
    },
  };
}

/**
 * `value` as JSON in UTF-8: the same bytes as `Buffer.from(JSON.stringify(value))`. Plain objects
 * down to `SPLIT_DEPTH` levels are written key by key, each larger value encoded as a piece of
 * its own; anything else (arrays, objects with `toJSON`, class instances) goes to JSON.stringify
 * whole, so its rules hold unchanged.
 */
export function jsonUtf8(value: unknown): Buffer {
  const pieces: Buffer[] = [];
  let text = '';
  const putJson = (json: string): void => {
    if (json.length < OWN_PIECE_CHARS) {
      text += json;
      return;
    }
    if (text) pieces.push(Buffer.from(text));
    text = '';
    pieces.push(Buffer.from(json));
  };
  const putObject = (object: Record<string, unknown>, depth: number): void => {
    text += '{';
    let first = true;
    for (const key of Object.keys(object)) {
      const field = object[key];
      const split = depth > 1 && splits(field);
      // What JSON.stringify leaves out of an object: undefined, functions, symbols, and
      // whatever a toJSON turns into one of them.
      const json = split ? null : fieldJson(key, field);
      if (json === undefined) continue;
      text += first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`;
      first = false;
      if (json === null) putObject(field as Record<string, unknown>, depth - 1);
      else putJson(json);
    }
    text += '}';
  };
  if (splits(value)) putObject(value, SPLIT_DEPTH);
  else putJson((JSON.stringify(value) as string | undefined) ?? 'null');
  if (text) pieces.push(Buffer.from(text));
  return pieces.length === 1 ? (pieces[0] as Buffer) : Buffer.concat(pieces);
}

/**
 * What JSON.stringify writes for `object[key]`, or undefined where it leaves the key out. A
 * toJSON is called with the key, as JSON.stringify calls it on a property: so that value is
 * written as a property of a one-key object, and taken out of it.
 */
function fieldJson(key: string, field: unknown): string | undefined {
  if (typeof field !== 'object' || field === null || typeof (field as { toJSON?: unknown }).toJSON !== 'function') return JSON.stringify(field) as string | undefined;
  const holder = JSON.stringify({ [key]: field });
  return holder === '{}' ? undefined : holder.slice(JSON.stringify(key).length + 2, -1);
}

/** A plain object whose JSON is its keys' (no toJSON of its own): written key by key. */
function splits(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && typeof value.toJSON !== 'function';
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
