import type { ExecutionResult, GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/** yoga's messages for requests it cannot read, and what to tell the caller instead. */
const SENTENCES: ReadonlyArray<[RegExp, string]> = [
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
 * an object, another HTTP method) leave with a sentence that says what to send, and with their
 * 4xx status whatever the client accepts: GraphQL over HTTP lets `application/json` clients get
 * 200 for these, which would make the same mistake answer differently by `Accept` header.
 */
export function useRequestErrors(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Array.isArray(result) || !isExecutionResult(result)) return;
      for (const error of result.errors ?? []) explain(error);
    },
  };
}

function isExecutionResult(value: unknown): value is ExecutionResult {
  return typeof value === 'object' && value !== null && !(Symbol.asyncIterator in value);
}

/** Edits the error in place, before yoga reads the status from it. */
function explain(error: GraphQLError): void {
  const http: unknown = error.extensions['http'];
  if (typeof http !== 'object' || http === null) return;
  const status: unknown = Reflect.get(http, 'status');
  if (typeof status !== 'number' || status < 400 || status >= 500) return;
  Reflect.deleteProperty(http, 'spec');
  const sentence = SENTENCES.find(([pattern]) => pattern.test(error.message))?.[1];
  if (sentence) error.message = sentence;
}
