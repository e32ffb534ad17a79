import { GraphQLError } from 'graphql';

/**
 * Codes a client may rely on (see the contract in DESIGN.md); add around them, never rename.
 * `TARGET_CHANGED`: an approved call's target is no longer as the manager was asked to approve it.
 * `IDENTITY_UNAVAILABLE`: the application's identity hook failed, so Warden could not say who a
 * customer is (unlike `IDENTITY_PROVIDER_UNAVAILABLE`, the token issuer's keys).
 * `UPSTREAM_UNAVAILABLE`: in proxy mode, the API Warden stands in front of could not be reached
 * or refused Warden itself; `UPSTREAM_ERROR`: it answered with an error, passed on without its
 * message (which may echo a value the caller must not see).
 * `QUERY_TOO_COMPLEX`, `GRAPHQL_PARSE_FAILED`, `GRAPHQL_VALIDATION_FAILED` and `BAD_REQUEST`
 * cover documents over a limit, malformed documents and requests, `INTERNAL_SERVER_ERROR`
 * everything unexpected (its detail is masked).
 * `TOOL_NOT_OFFERED`: an MCP tool call named a tool that is not among the caller's tools (one
 * that does not exist and one the caller's policy never allows are refused alike).
 * AI assistants (docs/ai-assistants.md): `ASSISTANT_NOT_PERMITTED`, something no assistant may
 * do (start, extend, approve or delegate a session; reach staff tools); `DELEGATION_TOO_DEEP`, a
 * delegation token whose `act` chain is longer than the policy allows; `DELEGATION_REVOKED`, a
 * delegated session the agent took back; `DELEGATION_ENDED`, one that lapsed or whose session
 * ended.
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
  'TARGET_CHANGED',
  'IDENTITY_PROVIDER_UNAVAILABLE',
  'IDENTITY_UNAVAILABLE',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_ERROR',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'INTERNAL_SERVER_ERROR',
  'TOOL_NOT_OFFERED',
  'ASSISTANT_NOT_PERMITTED',
  'DELEGATION_TOO_DEEP',
  'DELEGATION_REVOKED',
  'DELEGATION_ENDED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** What yoga answers these codes with. A 401 names the scheme to use (RFC 6750). */
const HTTP: Partial<Record<ErrorCode, { status: number; headers?: Record<string, string> }>> = {
  UNAUTHENTICATED: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
  AUDIT_UNAVAILABLE: { status: 503 },
  IDENTITY_PROVIDER_UNAVAILABLE: { status: 503 },
  IDENTITY_UNAVAILABLE: { status: 503 },
  UPSTREAM_UNAVAILABLE: { status: 503 },
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
  const http = HTTP[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(http ? { http: { ...http } } : {}) },
  });
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return ERROR_CODES.some((known) => known === code);
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
