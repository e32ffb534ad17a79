import { GraphQLError } from 'graphql';

/**
 * Codes a client may rely on (see the contract in DESIGN.md); add around them, never rename.
 * `GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED` and `BAD_REQUEST` cover malformed
 * documents and requests, `INTERNAL_SERVER_ERROR` everything unexpected (its detail is masked).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'FIELD_DENIED'
  | 'APPROVAL_REQUIRED'
  | 'SESSION_EXPIRED'
  | 'REASON_TOO_VAGUE'
  | 'BAD_USER_INPUT'
  | 'AUDIT_UNAVAILABLE'
  | 'NOT_FOUND'
  | 'IDENTITY_PROVIDER_UNAVAILABLE'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  AUDIT_UNAVAILABLE: 503,
  IDENTITY_PROVIDER_UNAVAILABLE: 503,
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
