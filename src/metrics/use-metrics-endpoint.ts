import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Registry } from 'prom-client';
import type { Logger } from '../log/logger.js';

export interface MetricsEndpointOptions {
  registry: Registry;
  /**
   * What a scraper must send as `Authorization: Bearer <token>`. Unset, anyone who reaches the
   * port reads the metrics. @default none
   */
  token?: string | undefined;
  /** Where a scrape failed (it should not: database gauges report their own failures). */
  logger: Logger;
  /** @default '/metrics' */
  endpoint?: string;
}

const BEARER = /^Bearer +(\S+)$/i;

/**
 * `GET /metrics`: the registry in Prometheus's text format, answered before any caller is
 * authenticated (scrapers have no JWT). With a token, a scrape without it, or with another,
 * is answered 401; the comparison takes the same time whatever the token sent. Installed only
 * when metrics are on: otherwise /metrics is an unknown path, 404.
 */
export function useMetricsEndpoint(options: MetricsEndpointOptions): Plugin {
  const endpoint = options.endpoint ?? '/metrics';
  if (options.token === '') throw new Error('The metrics token is empty: leave it unset for an open endpoint, or set one of 32+ characters.');
  const expected = options.token === undefined ? null : digest(options.token);
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint || request.method !== 'GET') return;
      if (expected && !presents(request.headers.get('authorization'), expected)) {
        endResponse(
          new fetchAPI.Response('Send the metrics token as "Authorization: Bearer <token>" (WARDEN_METRICS_TOKEN).\n', {
            status: 401,
            headers: { 'www-authenticate': 'Bearer realm="metrics"', 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      try {
        const text = await options.registry.metrics();
        endResponse(new fetchAPI.Response(text, { status: 200, headers: { 'content-type': options.registry.contentType, 'cache-control': 'no-store' } }));
      } catch (error) {
        options.logger.error({ err: error }, 'metrics scrape failed');
        endResponse(new fetchAPI.Response('The metrics could not be collected; the log says why.\n', { status: 500, headers: { 'cache-control': 'no-store' } }));
      }
    },
  };
}

/** Digests of equal length, so comparing them neither fails early nor tells the token's length. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function presents(header: string | null, expected: Buffer): boolean {
  const given = header ? BEARER.exec(header.trim())?.[1] : undefined;
  // No token sent tells nothing about the one expected: only a comparison must not.
  return given !== undefined && timingSafeEqual(digest(given), expected);
}
