import type { Plugin } from 'graphql-yoga';
import { mintDevToken, type DevTokenSubject } from '../auth/mint-token.js';
import { CSRF_HEADER } from '../server/gateway.js';
import type { Config } from '../config/config.js';

export interface DevSignInOptions {
  /** Production refuses to build this plugin; the JWT secret signs the tokens it mints. */
  config: Pick<Config, 'production' | 'jwt'>;
  /** Who the sign-in page offers, by a short name (`agent`, `manager`…): the application's demo people. */
  principals: Record<string, DevTokenSubject>;
  /** Where the page asks. @default '/console/dev-token' */
  path?: string;
  /** Lifetime of a minted token. @default 60 */
  tokenMinutes?: number;
}

/**
 * Development sign-in for the console: `GET` lists the demo principals, `POST {"who":"agent"}`
 * mints a token for one, signed with the development secret, its `auth_time` now (so an agent
 * may start a session at once). It stands in for an identity provider on a laptop and must never
 * run anywhere else: building it in production throws, and without an HS256 secret (a JWKS
 * setup) there is nothing to sign with. A `POST` must be JSON and carry `x-warden-csrf`, so no
 * page on another site can make a browser mint one.
 */
export function useDevSignIn(options: DevSignInOptions): Plugin {
  const { config } = options;
  if (config.production) throw new Error('useDevSignIn mints a token for anyone who asks: it is for development only, never production.');
  const secret = config.jwt.secret;
  if (!secret) throw new Error('useDevSignIn needs the HS256 secret (WARDEN_JWT_SECRET) to sign with; with WARDEN_JWKS_URL, sign in through the identity provider.');
  const path = options.path ?? '/console/dev-token';
  const minutes = options.tokenMinutes ?? 60;
  const listing = JSON.stringify({
    principals: Object.entries(options.principals).map(([who, subject]) => ({ who, id: subject.sub, name: subject.name, kind: subject.kind, roles: [...(subject.roles ?? [])] })),
  });
  // A new object per response: the Response constructors may write content-length into the one they are given.
  const noStore = () => ({ 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });

  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      const refuse = (status: number, message: string, extra: Record<string, string> = {}) =>
        endResponse(fetchAPI.Response.json({ error: message }, { status, headers: { ...noStore(), ...extra } }));
      if (request.method === 'GET' || request.method === 'HEAD') {
        endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : listing, { headers: { ...noStore(), 'content-type': 'application/json' } }));
        return;
      }
      if (request.method !== 'POST') return refuse(405, 'Use GET to list the demo principals, POST to sign in as one.', { allow: 'GET, HEAD, POST' });
      if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) return refuse(415, 'Post JSON: {"who": "agent"}.');
      if (!request.headers.has(CSRF_HEADER)) return refuse(403, `Send the "${CSRF_HEADER}" header (any value).`);
      const body: unknown = await request.json().catch(() => null);
      const who = typeof body === 'object' && body !== null && 'who' in body && typeof body.who === 'string' ? body.who : null;
      const subject = who !== null && Object.hasOwn(options.principals, who) ? options.principals[who] : undefined;
      if (!subject) return refuse(400, `Say who to sign in as: one of ${Object.keys(options.principals).join(', ')}.`);
      const token = await mintDevToken(secret, subject, { expiresInSeconds: minutes * 60, issuer: config.jwt.issuer, audience: config.jwt.audience });
      endResponse(fetchAPI.Response.json({ token, who, name: subject.name, kind: subject.kind, roles: [...(subject.roles ?? [])] }, { headers: noStore() }));
    },
  };
}
