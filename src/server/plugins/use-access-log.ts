import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../log/logger.js';

export interface AccessLogOptions {
  logger: Logger;
}

/**
 * One structured line per request: method, path, status, duration, request id. Deliberately no
 * headers, query text or variables: those carry tokens and customer data.
 */
export function useAccessLog(options: AccessLogOptions): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const start = started.get(request);
      options.logger.info(
        {
          method: request.method,
          path: new URL(request.url).pathname,
          status: response.status,
          ms: start === undefined ? undefined : Math.round((performance.now() - start) * 10) / 10,
          requestId: response.headers.get('x-request-id') ?? undefined,
        },
        'request',
      );
    },
  };
}
