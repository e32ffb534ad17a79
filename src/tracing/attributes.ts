/**
 * Every attribute Warden puts on a span. Each holds a count, a fixed word, a code or the name
 * an operation was given: never a value read or sent (masked or not, variables, arguments,
 * results), never a token, never a person's, account's or session's id. docs/operations.md#traces
 * lists them; keep the two in step.
 */
export const ATTR = {
  httpMethod: 'http.request.method',
  httpRoute: 'http.route',
  httpStatus: 'http.response.status_code',
  /** The request's id (`X-Request-Id`): the same as its audit rows' `request_id` and its log lines'. */
  requestId: 'warden.request.id',
  operationName: 'graphql.operation.name',
  operationType: 'graphql.operation.type',
  /** How many errors the response carries, and their distinct `extensions.code`s. */
  errorCount: 'warden.errors',
  errorCodes: 'warden.error.codes',
  /** Why a request without a valid token was refused (`no-token`, `expired`…). */
  unauthenticatedBecause: 'warden.unauthenticated.because',
  principalKind: 'warden.principal.kind',
  /** The policy column the request was decided under (`customer`, `staff`, `impersonation_read_only`…). */
  policyColumn: 'warden.policy.column',
  policyVersion: 'warden.policy.version',
  sessionOutcome: 'warden.session.outcome',
  sessionMode: 'warden.session.mode',
  /** Reads of classified fields by the policy's decision, as `warden_field_decisions_total` counts them. */
  fieldsAllowed: 'warden.fields.allowed',
  fieldsMasked: 'warden.fields.masked',
  fieldsDenied: 'warden.fields.denied',
  validationErrors: 'warden.validation.errors',
  /** The rows one request asked the audit trail to keep. */
  auditRows: 'warden.audit.rows',
  /** One group commit: the rows it appended, how many requests' rows it held, how, and how it ended. */
  auditRowsAppended: 'warden.audit.rows_appended',
  auditRequests: 'warden.audit.requests',
  auditMethod: 'warden.audit.method',
  auditOutcome: 'warden.audit.outcome',
  /** Where a call to another service went (proxy mode's upstream): the configured host and port. */
  serverAddress: 'server.address',
  serverPort: 'server.port',
  /** PostgreSQL's SQLSTATE for a failed append (never its message, which can quote a value). */
  dbStatus: 'db.response.status_code',
} as const;

/** An error code as Warden writes them: a code from code, not text from a caller. */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The distinct codes of `errors` that look like codes; anything else is left out. */
export function errorCodesOf(errors: ReadonlyArray<{ extensions?: Record<string, unknown> | undefined }>): string[] {
  const codes = new Set<string>();
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code === 'string' && CODE.test(code)) codes.add(code);
  }
  return [...codes];
}

/** Counts by decision of what a request read, classified fields only (as the metric counts them). */
export function fieldDecisionAttributes(
  groups: ReadonlyArray<{ dataClass: string | null; decision: 'allowed' | 'masked' | 'denied'; count: number }>,
): Record<string, number> {
  const counts = { allowed: 0, masked: 0, denied: 0 };
  for (const group of groups) if (group.dataClass !== 'public') counts[group.decision] += group.count;
  return { [ATTR.fieldsAllowed]: counts.allowed, [ATTR.fieldsMasked]: counts.masked, [ATTR.fieldsDenied]: counts.denied };
}
