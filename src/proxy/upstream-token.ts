import { createPrivateKey, createPublicKey, randomUUID, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, CompactSign, compactVerify, exportJWK, exportPKCS8, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { SessionMode } from '../db/tables/impersonation-session.js';

export interface UpstreamSignerOptions {
  /**
   * The signing key (`WARDEN_UPSTREAM_SIGNING_KEY`): a PKCS#8 PEM private key or a private JWK as
   * JSON, ES256 (P-256), Ed25519 or RSA of 2048 bits or more; the algorithm follows from the key.
   * @default an ephemeral ES256 key, made at creation: development only, as the upstream loses
   * trust in every token at each restart (the signer says `ephemeral: true` so the caller can warn).
   */
  privateKey?: string;
  /** The `iss` claim: the upstream checks it. */
  issuer: string;
  /** The `aud` claim: the upstream API's identifier, so a token made for it is no good elsewhere. */
  audience: string;
  /** Lifetime of each token. @default 60 */
  ttlSeconds?: number;
  /** The `kid` header and JWKS entry. @default the private JWK's `kid`, else its RFC 7638 thumbprint */
  keyId?: string;
}

export type UpstreamAlgorithm = 'ES256' | 'EdDSA' | 'RS256';

/** Who the upstream should see: the customer, and during a session the agent acting as them. */
export interface UpstreamTokenSubject {
  customerId: string;
  actor?: { id: string; name?: string };
  sessionId?: string;
  mode?: SessionMode;
}

export interface UpstreamSigner {
  algorithm: UpstreamAlgorithm;
  keyId: string;
  ephemeral: boolean;
  /** The public key set to serve (see `useJwks`): no private members, with `kid`, `alg` and `use`. */
  jwks: { keys: JWK[] };
  /** A fresh token for each call (its own `jti`): never cached, so never shared between customers or sessions. */
  forCustomer(subject: UpstreamTokenSubject): Promise<string>;
  /** A token for Warden's own calls (schema introspection, health): `sub` is `warden`, no customer. */
  forService(scope: string): Promise<string>;
}

/** What a bad key is thrown as: the message says what is wrong and what to give, never the key. */
export class UpstreamKeyError extends Error {}

const VARIABLE = 'WARDEN_UPSTREAM_SIGNING_KEY';
const WANTED = 'give an ES256 (P-256), Ed25519 or RS256 (2048 bits or more) private key, as PKCS#8 PEM or a private JWK';

function keyError(problem: string): UpstreamKeyError {
  return new UpstreamKeyError(`${VARIABLE} ${problem}`);
}

const PUBLIC_KEY = `is a public key: give the private key (PKCS#8 PEM or a private JWK); its public half is served at /.well-known/jwks.json.`;
const SHARED_SECRET = `is a shared secret, and the upstream must be able to check tokens without being able to make them: ${WANTED}.`;

/**
 * Signs the tokens Warden calls the upstream API with (RFC 8693 style: the customer as `sub`, the
 * agent as `act`), so the upstream's own authorization still decides. Asymmetric keys only: the
 * upstream checks tokens against the public key set and cannot forge one. The key is read,
 * checked and imported once here; each token then costs one signature.
 */
export async function createUpstreamSigner(options: UpstreamSignerOptions): Promise<UpstreamSigner> {
  const ttl = options.ttlSeconds ?? 60;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new Error('ttlSeconds must be a whole number of seconds above 0.');
  if (!options.issuer || !options.audience) throw new Error('Upstream tokens need an issuer and an audience: the upstream checks both.');
  const ephemeral = options.privateKey === undefined;
  const { key, kid } = readKey(options.privateKey ?? (await generateSigningKeyPem()));
  const algorithm = algorithmOf(key);
  const publicJwk = await exportJWK(createPublicKey(key));
  const keyId = options.keyId ?? kid ?? (await calculateJwkThumbprint(publicJwk));
  const signingKey = await importSigningKey(key, algorithm, publicJwk);
  // Frozen: served as it is, so nothing may slip a member into it.
  const jwks = { keys: [Object.freeze({ ...publicJwk, kid: keyId, alg: algorithm, use: 'sig' })] };
  Object.freeze(jwks.keys);

  function sign(subject: string, claims: JWTPayload): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: algorithm, kid: keyId, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setSubject(subject)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .setJti(randomUUID())
      .sign(signingKey);
  }

  return {
    algorithm,
    keyId,
    ephemeral,
    jwks: Object.freeze(jwks),
    async forCustomer({ customerId, actor, sessionId, mode }) {
      if (!customerId) throw new Error('An upstream token needs the id of the customer it acts as.');
      if (actor && !actor.id) throw new Error("An upstream token's actor needs an id.");
      const claims: JWTPayload = {};
      // RFC 8693 §4.1: `act.sub` is who really acts; `name` is ours, for the upstream's own logs.
      if (actor) claims['act'] = actor.name === undefined ? { sub: actor.id } : { sub: actor.id, name: actor.name };
      if (sessionId !== undefined) claims['sid'] = sessionId;
      if (mode !== undefined) claims['warden_mode'] = mode;
      return sign(customerId, claims);
    },
    async forService(scope) {
      if (!scope) throw new Error('A service token needs a scope.');
      return sign('warden', { scope });
    },
  };
}

/** A new ES256 private key as PKCS#8 PEM, what `WARDEN_UPSTREAM_SIGNING_KEY` takes. */
export async function generateSigningKeyPem(): Promise<string> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return exportPKCS8(privateKey);
}

/**
 * Reads the key text into a private key, or says what it is instead. Underlying errors are not
 * passed on: JSON.parse quotes the text it stopped at, and that text would be the key.
 */
function readKey(text: string): { key: KeyObject; kid?: string | undefined } {
  // A PEM key in a one-line environment variable often carries "\n" for each line break.
  const trimmed = (text.includes('\n') ? text : text.replaceAll('\\n', '\n')).trim();
  if (!trimmed) throw keyError(`is empty: ${WANTED}, or leave it unset for an ephemeral development key.`);
  if (trimmed.startsWith('{')) return readJwk(trimmed);
  if (trimmed.includes('-----BEGIN ')) return { key: readPem(trimmed) };
  throw keyError(`is neither a PEM key nor a JWK (a shared secret will not do: the upstream must be able to check tokens without being able to make them): ${WANTED}.`);
}

function readPem(pem: string): KeyObject {
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem) && /-----BEGIN (?:[A-Z ]*PUBLIC KEY|CERTIFICATE)-----/.test(pem)) throw keyError(PUBLIC_KEY);
  // PKCS#8 and the older PEM encryption; Node's own error for both names neither.
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem)) {
    throw keyError('is an encrypted private key: give it unencrypted (openssl pkcs8 -topk8 -nocrypt converts it) and keep it in your secret store.');
  }
  try {
    return createPrivateKey(pem);
  } catch {
    throw keyError('looks like a PEM key but does not parse as a private key: paste the whole key, header and footer included (OpenSSH keys will not do).');
  }
}

function readJwk(json: string): { key: KeyObject; kid: string | undefined } {
  let jwk: unknown;
  try {
    jwk = JSON.parse(json);
  } catch {
    throw keyError('starts like a JWK but is not valid JSON: paste the whole key, as one JSON object.');
  }
  if (typeof jwk !== 'object' || jwk === null) throw keyError(`is not a JWK: ${WANTED}.`);
  if ('keys' in jwk) throw keyError('is a key set (JWKS): give the one private key to sign with, as a JWK on its own.');
  if (!('kty' in jwk) || typeof jwk.kty !== 'string') throw keyError(`is JSON but not a JWK (it has no "kty"): ${WANTED}.`);
  if (jwk.kty === 'oct') throw keyError(SHARED_SECRET);
  if (!('d' in jwk)) throw keyError(PUBLIC_KEY);
  const { kty, d } = jwk;
  let key: KeyObject;
  try {
    if (typeof d !== 'string') throw new TypeError('"d" is not a string');
    key = createPrivateKey({ key: { ...jwk, kty, d }, format: 'jwk' });
  } catch {
    throw keyError(`is a JWK that does not import as a private key: check that it is whole and unedited, or ${WANTED}.`);
  }
  return { key, kid: 'kid' in jwk && typeof jwk.kid === 'string' && jwk.kid ? jwk.kid : undefined };
}

/**
 * Imports the key once for signing, and proves it with one signature its published half verifies:
 * Node takes a JWK whose `d` does not belong to its `x` and `y`, and the upstream would then refuse
 * every token Warden makes.
 */
async function importSigningKey(key: KeyObject, algorithm: UpstreamAlgorithm, publicJwk: JWK) {
  try {
    const signingKey = await importJWK({ ...(await exportJWK(key)), alg: algorithm }, algorithm);
    const probe = await new CompactSign(new TextEncoder().encode('warden')).setProtectedHeader({ alg: algorithm }).sign(signingKey);
    await compactVerify(probe, await importJWK(publicJwk, algorithm));
    return signingKey;
  } catch {
    throw keyError('does not sign as its own public half verifies (its private part is damaged or belongs to another key): check that it is whole and unedited, or give a new one.');
  }
}

/** The algorithm follows from the key, so configuration cannot pair a key with the wrong one. */
function algorithmOf(key: KeyObject): UpstreamAlgorithm {
  switch (key.asymmetricKeyType) {
    case 'ed25519':
      return 'EdDSA';
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      if (curve === 'prime256v1') return 'ES256';
      throw keyError(`is an EC key on ${curve ?? 'an unknown curve'}, and Warden signs with P-256 only (ES256): ${WANTED}.`);
    }
    case 'rsa': {
      const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
      if (bits >= 2048) return 'RS256';
      throw keyError(`is a ${bits}-bit RSA key, too short to sign with: make a new one of 2048 bits or more, or use ES256.`);
    }
    default:
      throw keyError(`is a private key of type ${key.asymmetricKeyType ?? 'unknown'}, which Warden does not sign with: ${WANTED}.`);
  }
}
