import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface ErrorCodesOptions {
  /** Keep `extensions.originalError` (development only: it can echo request content). */
  development: boolean;
  /** The request body limit, named in the error for a body over it. */
  maxBodyBytes: number;
  /**
   * Rewrite messages that echo values and drop suggestions. Only a control run turns this off,
   * to show that a test looking for echoed values can fail. @default true
   */
  cleanMessages?: boolean;
}

/**
 * Every error leaves with a stable `extensions.code`, and none echoes a value back.
 *
 * graphql-js writes input values into some messages ("Variable "$input" got invalid value
 * "…"", "String cannot represent value: …"); a value sent in may be a secret copied from
 * somewhere, and messages end up in logs and screenshots. Those sentences are rewritten
 * without the value. No message suggests a name ("Did you mean …?"): suggestions would map a
 * schema that introspection keeps closed in production. Errors that reach here without a code
 * get one from what they are.
 */
export function useErrorCodes(options: ErrorCodesOptions): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !isExecutionResult(result)) return;
      for (const error of result.errors ?? []) normalize(error, options);
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}

/**
 * Edits the error in place: yoga reads the HTTP status from these same objects after this hook,
 * and each error belongs to this one response.
 */
function normalize(error: GraphQLError, options: ErrorCodesOptions): void {
  const extensions = error.extensions as Record<string, unknown>;
  if (!options.development) delete extensions['originalError'];
  if (options.cleanMessages !== false) error.message = withoutSuggestions(withoutEchoedValues(error.message));
  if (extensions['code'] === 'REQUEST_ENTITY_TOO_LARGE') {
    // yoga's "Request body too large", for a body over `maxRequestBodySize`; the status stays 413.
    extensions['code'] = 'BAD_REQUEST';
    error.message = `The request body is over ${options.maxBodyBytes} bytes; send a shorter query or smaller variables.`;
  }
  if (typeof extensions['code'] !== 'string') extensions['code'] = inferCode(error, error.message);
}

function inferCode(error: GraphQLError, message: string): string {
  const status = (error.extensions['http'] as { status?: number } | undefined)?.status;
  if (message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  if (/limit of \d+ exceeded/.test(message)) return 'QUERY_TOO_COMPLEX';
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_REQUEST';
  if (error.path === undefined && error.locations !== undefined) return 'GRAPHQL_VALIDATION_FAILED';
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * Removes echoed values from graphql-js messages; keeps where (the error's `locations` and
 * `path` stay) and what kind of thing it was: a type, a kind of token.
 *
 * - coercion of input and of results: `… cannot represent value: …`, `Variable "$x" got invalid
 *   value …`, `Expected value of type "T", found …`, `Value "…" does not exist in "E" enum`;
 * - results of the wrong shape: `Expected value of type "User" but got: { …, password_hash: … }`
 *   (a whole row, printed by `inspect`), and `Expected \`Date.serialize(…)\` to return
 *   non-nullable value, returned: …`;
 * - syntax errors, which name the token they stopped at with its text: `Expected Name, found
 *   Int "4000123456789010"`, `Unexpected String "…"` (a value pasted where a name goes).
 */
export function withoutEchoedValues(message: string): string {
  // A variable's message is rebuilt whole: the value it quotes may itself contain "; " or ": ".
  const variable = /^Variable "\$([^"]+)" got invalid value/.exec(message);
  if (variable) return `Variable "$${variable[1]}" got an invalid value; check it against the variable's type in the schema.`;
  // The token's text runs to the end (it may hold quotes, newlines, ", found"): rebuilt whole too.
  const token = /^(Syntax Error: (?:Expected [^\n]*?, found|Unexpected)) (Name|Int|Float|String|BlockString) "/.exec(message);
  if (token) return `${token[1]} ${token[2]} (its text is not shown).`;
  const serialize = /^Expected `([^`(]+)\.serialize\(/.exec(message);
  if (serialize) return `Expected \`${serialize[1]}.serialize\` to return a non-null value (value not shown).`;
  return message
    .replace(/(cannot represent [^:]*?value): .*$/s, '$1 (value not shown)')
    .replace(/(Expected value of type "[^"]+", found) .*?(?=;|$)/s, '$1 a value that does not fit')
    .replace(/^(Expected value of type "[^"]+") but got: .*$/s, '$1 but got a value of another type (value not shown).')
    .replace(/(Value) ".*?" (does not exist in "[^"]+" enum)/s, '$1 $2');
}

/** Drops graphql-js's "Did you mean …?" hints: for fields, arguments, types and enum values alike. */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}
