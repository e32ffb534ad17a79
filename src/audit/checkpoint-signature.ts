import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { CheckpointScheme } from '../db/tables/audit-checkpoint.js';

export type { CheckpointScheme };

/** What a checkpoint asserts: row `seq` of the chain had `hash` at `signedAt`. */
export interface CheckpointClaim {
  seq: string;
  hash: string;
  signedAt: Date;
}

/** Signs new checkpoints with the gateway's key. */
export interface CheckpointSigner {
  keyId: string;
  scheme: Exclude<CheckpointScheme, 'hmac-sha256-v1'>;
  sign(claim: CheckpointClaim): string;
  /**
   * Signs another statement made with the same key (a stream segment's seal). Statements begin
   * with a name of their own (`warden-audit-segment-v1\n…`), never with a digit, so no signed
   * statement can pass for a checkpoint, nor a checkpoint for one.
   */
  signStatement(statement: string): string;
}

/** Checks checkpoints signed with one key (the current one, or one rotated out). */
export interface CheckpointVerifier {
  keyId: string;
  verify(scheme: string, claim: CheckpointClaim, signature: string): boolean;
  /** Checks a statement signed with `signStatement`. */
  verifyStatement(scheme: string, statement: string, signature: string): boolean;
}

export class CheckpointKeyError extends Error {}

/**
 * A checkpoint key as configured: an Ed25519 key (PEM, or the base64 DER that
 * `npm run audit:keygen` prints) or any other string of 32+ characters, an HMAC secret.
 * With Ed25519 the gateway holds the private key and verifiers only the public one, so a
 * verifier cannot forge checkpoints; with HMAC whoever can verify can also sign.
 */
type ParsedKey = { kind: 'ed25519-private'; key: KeyObject } | { kind: 'ed25519-public'; key: KeyObject } | { kind: 'hmac'; secret: string };

function parseKey(text: string): ParsedKey {
  const trimmed = text.trim();
  const pem = /^-----BEGIN (PRIVATE|PUBLIC) KEY-----/.exec(trimmed);
  if (pem) {
    try {
      const key = pem[1] === 'PRIVATE' ? createPrivateKey(trimmed) : createPublicKey(trimmed);
      return ed25519(key);
    } catch (error) {
      if (error instanceof CheckpointKeyError) throw error;
      throw new CheckpointKeyError('The checkpoint key looks like a PEM key but does not parse: paste the whole key, header and footer included.');
    }
  }
  const der = /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : null;
  if (der && der.subarray(0, ED25519_PKCS8_PREFIX.length).equals(ED25519_PKCS8_PREFIX)) {
    return ed25519(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
  }
  if (der && der.subarray(0, ED25519_SPKI_PREFIX.length).equals(ED25519_SPKI_PREFIX)) {
    return ed25519(createPublicKey({ key: der, format: 'der', type: 'spki' }));
  }
  if (trimmed.length < 32) throw new CheckpointKeyError('A checkpoint key must be an Ed25519 key (npm run audit:keygen makes one) or a secret of at least 32 characters.');
  return { kind: 'hmac', secret: text };
}

/** The DER headers of an Ed25519 private key (PKCS#8) and public key (SPKI). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

function ed25519(key: KeyObject): ParsedKey {
  if (key.asymmetricKeyType !== 'ed25519') throw new CheckpointKeyError(`Checkpoint keys are Ed25519 (got ${key.asymmetricKeyType ?? 'an unknown type'}): make one with npm run audit:keygen.`);
  return key.type === 'private' ? { kind: 'ed25519-private', key } : { kind: 'ed25519-public', key };
}

function payload(scheme: string, claim: CheckpointClaim): string {
  return scheme === 'hmac-sha256-v1' ? `${claim.seq}:${claim.hash}` : `${claim.seq}:${claim.hash}:${claim.signedAt.toISOString()}`;
}

function hmac(secret: string, scheme: string, claim: CheckpointClaim): string {
  return hmacOf(secret, payload(scheme, claim));
}

function hmacOf(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('hex');
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'hex');
  const b = Buffer.from(expected, 'hex');
  return a.length === b.length && a.length > 0 && timingSafeEqual(a, b);
}

/** A statement signed with `signStatement` must not begin like a checkpoint's payload (digits). */
function checkedStatement(statement: string): string {
  if (/^\d/.test(statement)) throw new Error('a signed statement must begin with its name, not a digit: it could pass for a checkpoint');
  return statement;
}

/** Names an HMAC key without revealing it (the same id checkpoints have always carried). */
function hmacKeyId(secret: string): string {
  return createHash('sha256').update(`warden-audit-key:${secret}`).digest('hex').slice(0, 12);
}

/** Names an Ed25519 key by its public half, so the gateway and verifiers agree on it. */
function ed25519KeyId(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex').slice(0, 12);
}

/** The gateway's signer. Throws CheckpointKeyError, with what to do, for a key it cannot use. */
export function checkpointSigner(keyText: string): CheckpointSigner {
  const parsed = parseKey(keyText);
  switch (parsed.kind) {
    case 'ed25519-public':
      throw new CheckpointKeyError('WARDEN_AUDIT_CHECKPOINT_KEY holds a public key: the gateway signs with the private key (give verifiers the public one).');
    case 'ed25519-private': {
      const key = parsed.key;
      return {
        keyId: ed25519KeyId(createPublicKey(key)),
        scheme: 'ed25519-v2',
        sign: (claim) => sign(null, Buffer.from(payload('ed25519-v2', claim)), key).toString('hex'),
        signStatement: (statement) => sign(null, Buffer.from(checkedStatement(statement)), key).toString('hex'),
      };
    }
    case 'hmac':
      return {
        keyId: hmacKeyId(parsed.secret),
        scheme: 'hmac-sha256-v2',
        sign: (claim) => hmac(parsed.secret, 'hmac-sha256-v2', claim),
        signStatement: (statement) => hmacOf(parsed.secret, checkedStatement(statement)),
      };
  }
}

/** A verifier for one key: an HMAC secret, or an Ed25519 public (or private) key. */
export function checkpointVerifier(keyText: string): CheckpointVerifier {
  const parsed = parseKey(keyText);
  if (parsed.kind === 'hmac') {
    return {
      keyId: hmacKeyId(parsed.secret),
      verify(scheme, claim, signature) {
        if (scheme !== 'hmac-sha256-v1' && scheme !== 'hmac-sha256-v2') return false;
        const expected = Buffer.from(hmac(parsed.secret, scheme, claim), 'hex');
        const given = Buffer.from(signature, 'hex');
        return given.length === expected.length && timingSafeEqual(given, expected);
      },
      verifyStatement: (scheme, statement, signature) => scheme === 'hmac-sha256-v2' && !/^\d/.test(statement) && sameHex(signature, hmacOf(parsed.secret, statement)),
    };
  }
  const publicKey = parsed.kind === 'ed25519-private' ? createPublicKey(parsed.key) : parsed.key;
  return {
    keyId: ed25519KeyId(publicKey),
    verify: (scheme, claim, signature) =>
      scheme === 'ed25519-v2' && /^[0-9a-f]{128}$/.test(signature) && verify(null, Buffer.from(payload(scheme, claim)), publicKey, Buffer.from(signature, 'hex')),
    verifyStatement: (scheme, statement, signature) =>
      scheme === 'ed25519-v2' && !/^\d/.test(statement) && /^[0-9a-f]{128}$/.test(signature) && verify(null, Buffer.from(statement), publicKey, Buffer.from(signature, 'hex')),
  };
}

/** A new Ed25519 key pair, as base64 DER: the private key for the gateway, the public one for verifiers. */
export function generateCheckpointKeyPair(): { privateKey: string; publicKey: string } {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
  };
}

/**
 * The keys checkpoints are verified with: the gateway's own and those rotated out. The
 * development key is public, so it is trusted only when no other key is configured.
 */
export function checkpointVerifyKeys(audit: { checkpointKey: string; usingDevelopmentCheckpointKey: boolean; verifyKeys: readonly string[] }, extra: readonly string[] = []): string[] {
  const given = [...(audit.usingDevelopmentCheckpointKey ? [] : [audit.checkpointKey]), ...audit.verifyKeys, ...extra];
  return given.length > 0 ? given : [audit.checkpointKey];
}
