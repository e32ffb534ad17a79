import { Counter, Registry } from 'prom-client';

/**
 * What a gateway counts, in a registry of its own (two gateways in one process, as in the
 * tests, never share a count). Refusals of strangers are counted here and logged, not written
 * to the audit table: a stranger must not be able to grow it.
 */
export interface GatewayMetrics {
  registry: Registry;
  /** Requests refused before anything was read because they carried no valid token, by cause. */
  unauthenticatedRequests: Counter<'because'>;
  /** Refusals of authenticated callers recorded before execution (`request_refused`), by code. */
  refusedRequests: Counter<'code'>;
}

export function createGatewayMetrics(registry: Registry = new Registry()): GatewayMetrics {
  return {
    registry,
    unauthenticatedRequests: new Counter({
      name: 'warden_unauthenticated_requests_total',
      help: 'GraphQL requests refused with 401/503 before the document was read: no token, a malformed, expired or foreign one, or one naming nobody Warden knows.',
      labelNames: ['because'] satisfies Array<'because'>,
      registers: [registry],
    }),
    refusedRequests: new Counter({
      name: 'warden_refused_requests_total',
      help: 'Requests of authenticated callers refused before execution (parse, validation, variables, limits, CSRF, media type), each recorded in the audit trail.',
      labelNames: ['code'] satisfies Array<'code'>,
      registers: [registry],
    }),
  };
}
