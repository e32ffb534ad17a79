import { GraphQLError } from 'graphql';
import { ERROR_CODES, type ErrorCode } from '../errors/index.js';

/** Failures, of Warden's or of the application's identity hook: nobody was refused anything. */
const FAILURE_CODES: readonly ErrorCode[] = ['INTERNAL_SERVER_ERROR', 'AUDIT_UNAVAILABLE', 'IDENTITY_UNAVAILABLE'];

/** Every code of ours but the failures: each says the caller was refused something. */
const REFUSAL_CODES: ReadonlySet<string> = new Set(ERROR_CODES.filter((code) => !FAILURE_CODES.includes(code)));

/**
 * Refusals that are denials: what someone was not allowed to see or do. They count towards the
 * repeated-denials alert; the other refusals (a typo in the input, a vague reason, a sign-in
 * too old to start a session) page nobody.
 */
export const DENIAL_CODES: readonly ErrorCode[] = ['FORBIDDEN', 'APPROVAL_REQUIRED', 'FIELD_DENIED', 'NOT_FOUND', 'SESSION_EXPIRED', 'ASSISTANT_NOT_PERMITTED', 'DELEGATION_TOO_DEEP', 'DELEGATION_REVOKED', 'DELEGATION_ENDED'];
const DENIALS: ReadonlySet<string> = new Set(DENIAL_CODES);

/** The code of an error that refused the caller something (ours, not a failure); else null. */
export function refusalCodeOf(error: unknown): string | null {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  return typeof code === 'string' && REFUSAL_CODES.has(code) ? code : null;
}

export function isDenialCode(code: string | null | undefined): boolean {
  return code != null && DENIALS.has(code);
}
