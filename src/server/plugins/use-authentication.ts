import type { Plugin } from 'graphql-yoga';
import { Unauthenticated } from '../../auth/unauthenticated.js';
import type { Logger } from '../../log/logger.js';
import type { GatewayMetrics } from '../../metrics/gateway-metrics.js';

export interface AuthenticationOptions {
  /**
   * The request's context, built once per request: it verifies the token, loads the person and
   * their impersonation session, and rejects when any of that fails (recording the refusals of
   * known callers itself). Asked again later (by yoga, the audit trail, the banner), it answers
   * with the same context or the same refusal.
   */
  contextOf: (request: Request) => Promise<unknown>;
  requestIdOf: (request: Request) => string;
  logger: Logger;
  metrics: Pick<GatewayMetrics, 'unauthenticatedRequests'>;
}

/**
 * Authenticates every GraphQL request before its body is read: no document is parsed,
 * validated or even looked at for a caller without a valid token, so the answer (401
 * `UNAUTHENTICATED`) is the same whatever the document holds, and nobody maps the schema field
 * by field through validation errors. It must come first among the plugins that refuse
 * requests (CSRF, media type), so those refusals are a known caller's, and recorded.
 *
 * Strangers' refusals are logged and counted, never written to the audit table.
 */
export function useAuthentication(options: AuthenticationOptions): Plugin {
  return {
    async onRequestParse({ request }) {
      try {
        await options.contextOf(request);
      } catch (error) {
        if (error instanceof Unauthenticated) {
          options.metrics.unauthenticatedRequests.inc({ because: error.because });
          options.logger.info({ requestId: options.requestIdOf(request), because: error.because }, 'request refused: no valid token');
        }
        throw error;
      }
    },
  };
}
