import { BREAK, visit, type DocumentNode } from 'graphql';
import { isDocument } from '../../graphql/result-kinds.js';
import type { Plugin } from 'graphql-yoga';
import { isStorableText } from '../../audit/canonical-json.js';
import { wardenError } from '../../errors/index.js';

/**
 * Refuses, before anything runs, a request with a NUL character or an unpaired UTF-16
 * surrogate in any string: in a variable (at any depth, keys too), the operation name, or a
 * string literal of the document (`"\u0000"` parses fine). PostgreSQL stores neither, so such
 * a value would fail deep inside a write with an internal error. Nothing was read, so there is
 * nothing to audit; the audit trail makes such text storable anyway (`storableText`).
 */
export function useWellFormedInput(): Plugin {
  return {
    onParams({ params, setResult }) {
      const found = unstorableAt(params.variables, undefined, 0);
      if (found === TOO_DEEP) {
        setResult({ errors: [tooDeep()] });
        return;
      }
      const what =
        (params.operationName != null && !isStorableText(params.operationName) ? 'The operation name' : null) ??
        (params.query != null && !isStorableText(params.query) ? 'The document' : null) ??
        (found ? `The variable ${variablePath(found)}` : null);
      if (what) setResult({ errors: [refusal(what)] });
    },
    onParse({ params }) {
      // Only an escape (`\u0000`, `\u{0}`) can put one in a literal: raw characters were refused above.
      const source = typeof params.source === 'string' ? params.source : params.source.body;
      if (!source.includes('\\u')) return undefined;
      return ({ result, replaceParseResult }) => {
        if (isDocument(result) && hasUnstorableLiteral(result)) replaceParseResult(refusal('A string in the document'));
      };
    },
  };
}

function refusal(what: string) {
  return wardenError('BAD_USER_INPUT', `${what} contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored: remove it and send the request again.`);
}

/** Deeper than any input of the schema: walking further would only spend the stack of whoever sent it. */
const MAX_VARIABLE_DEPTH = 64;
const TOO_DEEP = Symbol('too deep');

function tooDeep() {
  return wardenError('BAD_REQUEST', `The variables nest deeper than ${MAX_VARIABLE_DEPTH} levels, which no input of this API does; send the values the operation declares.`, {
    http: { status: 400 },
  });
}

/** A variable path as a linked list: the string is built only for the one that is reported. */
interface PathLink {
  prev: PathLink | undefined;
  key: string;
  index: boolean;
}

/** Where in `value` an unstorable string (or key) is, `TOO_DEEP` past the depth limit, or null. */
function unstorableAt(value: unknown, path: PathLink | undefined, depth: number): PathLink | typeof TOO_DEEP | null {
  if (typeof value === 'string') return isStorableText(value) ? null : (path ?? { prev: undefined, key: '', index: false });
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_VARIABLE_DEPTH) return TOO_DEEP;
  const index = Array.isArray(value);
  for (const [key, item] of Object.entries(value)) {
    const at: PathLink = { prev: path, key, index };
    if (!isStorableText(key)) return at;
    const found = unstorableAt(item, at, depth + 1);
    if (found) return found;
  }
  return null;
}

/** `$input.reason`, `$ids[2]`. */
function variablePath(link: PathLink): string {
  const parts: string[] = [];
  for (let p: PathLink | undefined = link; p; p = p.prev) parts.push(p.index ? `[${p.key}]` : p.prev ? `.${p.key}` : p.key);
  return `$${parts.reverse().join('')}`;
}


function hasUnstorableLiteral(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (isStorableText(node.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}
