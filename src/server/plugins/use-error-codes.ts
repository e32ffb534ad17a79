import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { shownMessage } from '../../errors/index.js';
import { isSingleResult } from '../../graphql/result-kinds.js';

export interface ErrorCodesOptions {
  /** Keep `extensions.originalError` (development only: it can echo request content). */
  development: boolean;
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
 * get one from what they are, and yoga's refusals of unreadable requests a sentence and a 4xx.
 */
export function useErrorCodes(options: ErrorCodesOptions): Plugin {
  return {
    onResultProcess({ result }) {
      if (!isSingleResult(result)) return;
      for (const error of result.errors ?? []) normalize(error, options);
    },
  };
}


/**
 * Edits the error in place: yoga reads the HTTP status from these same objects after this hook,
 * and each error belongs to this one response.
 */
function normalize(error: GraphQLError, options: ErrorCodesOptions): void {
  const extensions = error.extensions as Record<string, unknown>;
  if (!options.development) delete extensions['originalError'];
  if (options.cleanMessages !== false) error.message = shownMessage(error.message);
  if (typeof extensions['code'] !== 'string') extensions['code'] = inferCode(error, error.message);
  explainRequestError(error);
}

/** yoga's messages for requests it cannot read, and what to tell the caller instead. */
const REQUEST_SENTENCES: ReadonlyArray<[RegExp, string]> = [
  [/^POST body sent invalid JSON\.$/, 'The request body is not valid JSON; send {"query": "…", "variables": {…}} with "Content-Type: application/json".'],
  [/^Must provide query string\.$/, 'The request has no "query"; send the GraphQL document as {"query": "…"}.'],
  [/^Expected "query" param to be a string/, 'The "query" of the request must be a string holding the GraphQL document.'],
  [/^Expected "variables" param to be empty or an object/, 'The "variables" of the request must be an object (or left out).'],
  [/^Expected "extensions" param to be empty or an object/, 'The "extensions" of the request must be an object (or left out).'],
  [/^Unexpected parameter "[^"]*" in the request body\.$/, 'The request body may hold only "query", "variables", "operationName" and "extensions".'],
  [/^(POST body is expected to be object|Expected params to be an object)/, 'The request body must be one JSON object: {"query": "…", "variables": {…}}.'],
  [/^GraphQL only supports GET and POST requests\.$/, 'Send GraphQL requests with POST (or GET for queries); no other method is served.'],
];

/**
 * yoga's own refusals of a request it cannot read (malformed JSON, no query, a body that is not
 * an object, another HTTP method) leave with a sentence that says what to send, without the
 * detail behind it in any mode (it can quote the body), and with their 4xx status whatever the
 * client accepts: GraphQL over HTTP lets `application/json` clients get 200 for these (yoga's
 * `spec` flag), which would make one mistake answer differently by `Accept`.
 */
function explainRequestError(error: GraphQLError): void {
  const http: unknown = error.extensions['http'];
  if (typeof http !== 'object' || http === null) return;
  const status: unknown = Reflect.get(http, 'status');
  if (typeof status !== 'number' || status < 400 || status >= 500) return;
  Reflect.deleteProperty(http, 'spec');
  // Development's detail for these is the JSON parser's message, which quotes the body sent.
  delete error.extensions['originalError'];
  const sentence = REQUEST_SENTENCES.find(([pattern]) => pattern.test(error.message))?.[1];
  if (sentence) error.message = sentence;
}

function inferCode(error: GraphQLError, message: string): string {
  const status = (error.extensions['http'] as { status?: number } | undefined)?.status;
  if (message.startsWith('Variable "$')) return 'BAD_USER_INPUT';
  if (/limit of \d+ exceeded/.test(message)) return 'QUERY_TOO_COMPLEX';
  if (status !== undefined && status >= 400 && status < 500) return 'BAD_REQUEST';
  if (error.path === undefined && error.locations !== undefined) return 'GRAPHQL_VALIDATION_FAILED';
  return 'INTERNAL_SERVER_ERROR';
}
