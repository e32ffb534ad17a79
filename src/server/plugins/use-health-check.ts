import type { Plugin } from 'graphql-yoga';

export interface HealthCheckOptions {
  /** Answers true when the database takes a query. */
  isDatabaseReachable: () => Promise<boolean>;
  /** @default '/health' */
  endpoint?: string;
}

/** `GET /health`: 200 when the database answers, 503 when it does not. No auth, no details. */
export function useHealthCheck(options: HealthCheckOptions): Plugin {
  const endpoint = options.endpoint ?? '/health';
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const ok = await options.isDatabaseReachable().catch(() => false);
      endResponse(
        fetchAPI.Response.json(
          { status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' },
          { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
        ),
      );
    },
  };
}
