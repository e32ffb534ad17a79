import type { CORSOptions } from 'graphql-yoga';

export interface CorsAllowlistOptions {
  /**
   * Origins (`scheme://host[:port]`, as browsers send `Origin`) whose pages may call the gateway
   * with credentials. Compared exactly, never as patterns. Empty: same-origin only, no CORS
   * headers for anyone.
   */
  origins: readonly string[];
  /** Request headers a listed origin's page may send: the bearer token, the CSRF header… */
  allowedHeaders: readonly string[];
  /** Response headers a listed origin's page may read besides the CORS-safelisted ones. @default [] */
  exposedHeaders?: readonly string[];
  /** Seconds a browser may keep an approved preflight. @default 600 */
  maxAgeSeconds?: number;
}

/** What a listed origin may use; mutations are POSTs and queries GETs or POSTs, nothing else is served. */
const METHODS = ['GET', 'POST'];

/**
 * yoga's `cors` option: `false` (no CORS at all) unless origins are listed, and then an answer
 * per request: CORS headers for a listed origin, none at all for any other.
 *
 * yoga's own handling is not enough on its own: given no origins it reflects whichever origin
 * asks, with credentials and every header the preflight names (the CSRF header included); given
 * one, it sends that origin to everyone; given several, it answers an unlisted one with
 * `Access-Control-Allow-Origin: null` plus credentials and the allowed headers. An unlisted
 * origin's preflight still gets yoga's empty 204, which a browser reads as a refusal.
 *
 * yoga adds no `Vary: Origin` to an answer naming one origin; `/graphql` answers are `no-store`
 * (`useNoStore`), so no cache hands one origin's answer to another.
 */
export function corsAllowlist(options: CorsAllowlistOptions): false | ((request: Request) => CORSOptions) {
  if (options.origins.length === 0) return false;
  const listed = new Set(options.origins);
  const exposedHeaders = options.exposedHeaders ?? [];
  const approved = {
    credentials: true,
    methods: METHODS,
    allowedHeaders: [...options.allowedHeaders],
    // yoga would send an empty Access-Control-Expose-Headers for an empty list.
    ...(exposedHeaders.length > 0 ? { exposedHeaders: [...exposedHeaders] } : {}),
    maxAge: options.maxAgeSeconds ?? 600,
  };
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null || !listed.has(origin)) return false;
    return { ...approved, origin };
  };
}
