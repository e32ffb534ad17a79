import { BREAK, Kind, visit, type DocumentNode } from 'graphql';
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
      const what =
        (params.operationName != null && !isStorableText(params.operationName) ? 'The operation name' : null) ??
        (params.query != null && !isStorableText(params.query) ? 'The document' : null) ??
        variableAt(unstorableAt(params.variables, '$'));
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

function variableAt(path: string | null): string | null {
  return path === null ? null : `The variable ${path}`;
}

function refusal(what: string) {
  return wardenError('BAD_USER_INPUT', `${what} contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored: remove it and send the request again.`);
}

/** Where in `value` (a variable path such as `$input.reason`) an unstorable string is, or null. */
function unstorableAt(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const at = `${path}${Array.isArray(value) ? `[${key}]` : path === '$' ? key : `.${key}`}`;
    if (!isStorableText(key)) return at;
    const found = unstorableAt(item, at);
    if (found) return found;
  }
  return null;
}

function isDocument(result: unknown): result is DocumentNode {
  return typeof result === 'object' && result !== null && 'kind' in result && result.kind === Kind.DOCUMENT;
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
