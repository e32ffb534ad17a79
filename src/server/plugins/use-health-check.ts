import type { Plugin } from 'graphql-yoga';

export interface HealthCheckOptions {
  /** Answers true when the database takes a query. */
  isDatabaseReachable: () => Promise<boolean>;
  /**
   * What keeps the instance from full health while it still serves (audit checkpoints failing,
   * partitions missing): reported as status "degraded", still 200. @default none
   */
  problems?: (() => string[]) | undefined;
  /** @default '/health' */
  endpoint?: string;
}

/**
 * `GET /health`: 200 when the database answers, 503 when it does not. No auth, no details: a
 * degraded instance says what to fix, never why it failed (that is in the log).
 */
export function useHealthCheck(options: HealthCheckOptions): Plugin {
  const endpoint = options.endpoint ?? '/health';
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const ok = await options.isDatabaseReachable().catch(() => false);
      const problems = options.problems?.() ?? [];
      endResponse(
        fetchAPI.Response.json(
          {
            status: !ok ? 'unavailable' : problems.length ? 'degraded' : 'ok',
            database: ok ? 'reachable' : 'unreachable',
            ...(problems.length ? { problems } : {}),
          },
          { status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } },
        ),
      );
    },
  };
}

/** The liveness probe's path: the process serves HTTP (nothing else is checked). */
export const LIVENESS_PATH = '/.well-known/yoga-liveness';

/**
 * `GET` or `HEAD` of exactly `LIVENESS_PATH`: 200, no body. yoga's own probe answers any URL
 * that merely ends with its endpoint (`/graphql?x=/.well-known/yoga-liveness`, any method),
 * before every other plugin; it is given an endpoint no URL can end with (see gateway.ts) and
 * this one answers the one path instead.
 */
export function useLiveness(): Plugin {
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== LIVENESS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(new fetchAPI.Response(null, { status: 200, headers: { 'cache-control': 'no-store' } }));
    },
  };
}
