import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { readClaims, type TokenClaims } from './token-claims.js';

export interface TokenVerifierOptions {
  /** HS256 shared secret (`WARDEN_JWT_SECRET`). */
  secret?: string | undefined;
  /** An identity provider's key set (`WARDEN_JWKS_URL`); takes precedence over `secret`. */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Leeway for clock skew between Warden and the issuer. @default 5 */
  clockToleranceSeconds?: number;
}

export type TokenRejection =
  | { kind: 'keys-unavailable' }
  | { kind: 'malformed' }
  | { kind: 'expired' }
  | { kind: 'bad-signature' }
  | { kind: 'invalid-claims'; reason: string };

export type VerifiedToken = { kind: 'verified'; claims: TokenClaims };

export type VerifyToken = (token: string) => Promise<VerifiedToken | TokenRejection>;

const ASYMMETRIC_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/**
 * Built once at start: the key (or remote key set, with its cache) is shared by all requests.
 * The shared secret is imported as a key once, here: handed the bytes, jose would import them
 * again for every token (about 0.1 ms of CPU a request).
 */
export function createTokenVerifier(options: TokenVerifierOptions): VerifyToken {
  let key: Promise<CryptoKey> | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.jwksUrl) {
    key = createRemoteJWKSet(new URL(options.jwksUrl));
    algorithms = ASYMMETRIC_ALGORITHMS;
  } else if (options.secret) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(options.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    algorithms = ['HS256'];
  } else {
    throw new Error('A token verifier needs a secret or a JWKS URL.');
  }
  const clockTolerance = options.clockToleranceSeconds ?? 5;
  const verifyOptions = { algorithms, issuer: options.issuer, audience: options.audience, clockTolerance, requiredClaims: ['sub', 'exp'] };

  return async (token) => {
    try {
      const { payload } = await (typeof key === 'function'
        ? jwtVerify(token, key, verifyOptions)
        : jwtVerify(token, await key, verifyOptions));
      const claims = readClaims(payload);
      if ('reason' in claims) return claims;
      // A sign-in dated ahead would count as recent for ever (starting a session needs a recent one).
      if (claims.auth_time > Date.now() / 1000 + clockTolerance) {
        return { kind: 'invalid-claims', reason: '`auth_time` is in the future' };
      }
      return { kind: 'verified', claims };
    } catch (error) {
      return classify(error, typeof key === 'function');
    }
  };
}

function classify(error: unknown, remoteKeys: boolean): TokenRejection {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  // The key set could not be fetched or read: the token may be fine, so it is not called malformed.
  // jose's own errors carry an ERR_J… code; a failed fetch (refused, DNS, TLS) is a plain error.
  // jose answers a key set that came back as anything but 200 and JSON (a 503, an HTML page, a
  // redirect) with its generic error: the provider's trouble, not the token's.
  if (remoteKeys && (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JWKS_INVALID' || code === 'ERR_JOSE_GENERIC' || typeof code !== 'string' || !code.startsWith('ERR_J'))) {
    return { kind: 'keys-unavailable' };
  }
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return { kind: 'expired' };
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return { kind: 'bad-signature' };
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return { kind: 'invalid-claims', reason: error instanceof Error ? error.message : 'a claim is invalid' };
    default:
      return { kind: 'malformed' };
  }
}
