import type { Span } from '@opentelemetry/api';
import { Unauthenticated } from '../auth/unauthenticated.js';
import { errorCodeOf } from '../errors/index.js';
import type { GatewayContext } from '../graphql/context.js';
import { IMPERSONATION_HEADER } from '../impersonation/resolve-session-access.js';
import type { ResolveAccess } from '../server/context.js';
import { ATTR } from './attributes.js';
import type { RequestTraces } from './request-traces.js';

/**
 * The request's context, built in a `warden.authenticate` span: who called (their kind, never
 * their id) and the policy column and version the request is decided under, also on the
 * request's own span; or why the caller was refused.
 */
export function tracedContextOf(traces: RequestTraces, contextOf: (request: Request) => Promise<GatewayContext>): (request: Request) => Promise<GatewayContext> {
  return (request) =>
    traces.inSpan(request, 'warden.authenticate', async (span) => {
      try {
        const context = await contextOf(request);
        const who = {
          [ATTR.principalKind]: context.principal.kind,
          [ATTR.policyColumn]: context.access.column,
          [ATTR.policyVersion]: context.policy.version,
        };
        span.setAttributes(who);
        traces.annotate(request, who);
        return context;
      } catch (error) {
        if (error instanceof Unauthenticated) span.setAttribute(ATTR.unauthenticatedBecause, error.because);
        else setErrorCode(span, error);
        throw error;
      }
    });
}

/**
 * Access resolved in a `warden.session.lookup` span when the request names an impersonation
 * session: whether it opened (and its mode) or was refused (and the code). Requests without
 * a session token look nothing up and get no span.
 */
export function tracedResolveAccess(traces: RequestTraces, resolve: ResolveAccess): ResolveAccess {
  return (principal, request, requestId) => {
    if (!request.headers.has(IMPERSONATION_HEADER)) return resolve(principal, request, requestId);
    return traces.inSpan(request, 'warden.session.lookup', async (span) => {
      try {
        const access = await resolve(principal, request, requestId);
        span.setAttributes({
          [ATTR.sessionOutcome]: access.session ? 'active' : 'none',
          [ATTR.policyColumn]: access.column,
          ...(access.session ? { [ATTR.sessionMode]: access.session.mode } : {}),
        });
        return access;
      } catch (error) {
        span.setAttribute(ATTR.sessionOutcome, 'refused');
        setErrorCode(span, error);
        throw error;
      }
    });
  };
}

function setErrorCode(span: Span, error: unknown): void {
  const code = errorCodeOf(error);
  if (code) span.setAttribute(ATTR.errorCodes, [code]);
}
