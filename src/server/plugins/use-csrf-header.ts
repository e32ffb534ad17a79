import type { Plugin } from 'graphql-yoga';
import { wardenError } from '../../errors/index.js';

export interface CsrfHeaderOptions {
  /** The header a request must carry when a browser could have sent it cross-site. */
  header: string;
}

/** Content types a browser posts cross-site without a CORS preflight (and GET, which has none). */
const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * CSRF prevention: a request a page on another site could make the browser send (a GET, a form
 * post, a text/plain post) must carry a custom header, which no such page can add without a
 * preflight the gateway approves only for the origins in WARDEN_CORS_ORIGINS (see `corsAllowlist`).
 * JSON posts are preflighted anyway and pass as they are.
 */
export function useCsrfHeader(options: CsrfHeaderOptions): Plugin {
  return {
    onRequestParse({ request }) {
      // Other methods are refused as such (405) further on; a browser cannot send them cross-site unasked.
      if (request.method !== 'GET' && request.method !== 'POST') return;
      const contentType = request.headers.get('content-type')?.toLowerCase();
      const preflighted = contentType !== undefined && !SIMPLE_CONTENT_TYPES.some((simple) => contentType.startsWith(simple));
      if (preflighted || request.headers.has(options.header)) return;
      throw wardenError(
        'BAD_REQUEST',
        `GET requests and form or text/plain posts must carry the "${options.header}" header (any value); add it, or post JSON with "Content-Type: application/json".`,
        { http: { status: 403 } },
      );
    },
  };
}
