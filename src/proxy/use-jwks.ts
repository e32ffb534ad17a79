import type { Plugin } from 'graphql-yoga';
import type { JWK } from 'jose';

export interface JwksOptions {
  /** Where the key set is served. @default '/.well-known/jwks.json' */
  path?: string;
  /** The public keys the upstream checks Warden's tokens with (`UpstreamSigner.jwks`). */
  jwks: { keys: JWK[] };
}

/** Long enough to spare the upstream a fetch per token, short enough that a rotation lands soon. */
const CACHE_CONTROL = 'public, max-age=300';

/** JWK members that hold private or secret key material (RFC 7518 §6). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * `GET /.well-known/jwks.json`: the public half of the upstream signing key, so the upstream can
 * check the tokens Warden calls it with. No auth: public keys are public. Answered in
 * `onRequest`, before authentication and GraphQL see the request.
 */
export function useJwks(options: JwksOptions): Plugin {
  const path = options.path ?? '/.well-known/jwks.json';
  // Fails at start rather than publish a private key handed over by mistake.
  if (options.jwks.keys.some((key) => PRIVATE_MEMBERS.some((member) => member in key))) {
    throw new Error('useJwks was given a key with private or secret members: serve only the public keys (UpstreamSigner.jwks).');
  }
  // Serialized once: the set does not change while the gateway runs.
  const body = JSON.stringify({ keys: options.jwks.keys });
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== path) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const headers = { 'content-type': 'application/jwk-set+json', 'cache-control': CACHE_CONTROL };
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : body, { status: 200, headers }));
    },
  };
}
