import { GraphQLError } from 'graphql';

/**
 * Codes a client may rely on (see the contract in DESIGN.md); add around them, never rename.
 * `GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED` and `BAD_REQUEST` cover malformed
 * documents and requests, `INTERNAL_SERVER_ERROR` everything unexpected (its detail is masked).
 */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FIELD_DENIED',
  'APPROVAL_REQUIRED',
  'SESSION_EXPIRED',
  'REASON_TOO_VAGUE',
  'BAD_USER_INPUT',
  'AUDIT_UNAVAILABLE',
  'NOT_FOUND',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  AUDIT_UNAVAILABLE: 503,
};

/**
 * An error the caller can act on: a stable `extensions.code` and a sentence that says what to do.
 * Yoga shows these as they are and reads `extensions.http` for the status (then drops it).
 */
export function wardenError(
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  const status = HTTP_STATUS[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export function errorCodeOf(error: unknown): string | undefined {
  if (error instanceof GraphQLError) {
    const code = error.extensions['code'];
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** The `code` of a Node.js system error (`EADDRINUSE`, `EEXIST`…), if it is one. */
export function systemErrorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A message as it may leave the gateway, in a response, a log line or the audit trail: no input
 * value echoed back, no name suggested (see `useErrorCodes`).
 */
export function shownMessage(message: string): string {
  return withoutSuggestions(withoutEchoedValues(message));
}

/** Removes the echoed input from graphql-js coercion messages; keeps where and what type. */
export function withoutEchoedValues(message: string): string {
  // A variable's message is rebuilt whole: the value it quotes may itself contain "; " or ": ".
  const variable = /^Variable "\$([^"]+)" got invalid value/.exec(message);
  if (variable) return `Variable "$${variable[1]}" got an invalid value; check it against the variable's type in the schema.`;
  return message
    .replace(/(cannot represent [^:]*?value): .*$/s, '$1 (value not shown)')
    .replace(/(Expected value of type "[^"]+", found) .*?(?=;|$)/s, '$1 a value that does not fit')
    .replace(/(Value) ".*?" (does not exist in "[^"]+" enum)/s, '$1 $2');
}

/** Drops graphql-js's "Did you mean …?" hints: for fields, arguments, types and enum values alike. */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}
