import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { createUpstreamSigner, generateSigningKeyPem, UpstreamKeyError, type UpstreamSigner } from '../../src/proxy/upstream-token.js';

/**
 * The tokens Warden calls an upstream API with, as the customer: the upstream checks them
 * against Warden's public key set and must be able to trust `sub` (who it acts as), `act.sub`
 * (who really acts) and `aud` (that the token was made for it).
 */
const ISSUER = 'https://warden.example';
const AUDIENCE = 'https://api.example';

const pem = (key: KeyObject) => key.export({ format: 'pem', type: 'pkcs8' }).toString();
const es256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed25519 = generateKeyPairSync('ed25519');
const rsa2048 = generateKeyPairSync('rsa', { modulusLength: 2048 });

const signerWith = (privateKey?: string, more: { ttlSeconds?: number; keyId?: string } = {}) =>
  createUpstreamSigner({ ...(privateKey === undefined ? {} : { privateKey }), issuer: ISSUER, audience: AUDIENCE, ...more });

function verify(signer: UpstreamSigner, token: string, options: { subject?: string; currentDate?: Date } = {}) {
  return jwtVerify(token, createLocalJWKSet(signer.jwks), { issuer: ISSUER, audience: AUDIENCE, algorithms: [signer.algorithm], ...options });
}

const SESSION = { customerId: 'usr_jane', actor: { id: 'stf_alex' }, sessionId: 'ses_1', mode: 'read_only' } as const;

describe('a token for a customer', () => {
  it('carries the customer as sub and, during a session, the agent as act.sub with the session and its mode', async () => {
    const signer = await signerWith(pem(es256.privateKey), { ttlSeconds: 90 });
    const { payload, protectedHeader } = await verify(signer, await signer.forCustomer(SESSION));
    expect(protectedHeader).toEqual({ alg: 'ES256', kid: signer.keyId, typ: 'JWT' });
    expect(payload).toEqual({
      iss: ISSUER,
      aud: AUDIENCE,
      sub: 'usr_jane',
      act: { sub: 'stf_alex' },
      sid: 'ses_1',
      warden_mode: 'read_only',
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.any(String),
    });
    expect(payload.exp! - payload.iat!).toBe(90);
  });

  it('lives 60 seconds unless told otherwise, and is refused once it has expired', async () => {
    const signer = await signerWith(pem(es256.privateKey));
    const token = await signer.forCustomer(SESSION);
    const { iat, exp } = decodeJwt(token);
    expect(exp! - iat!).toBe(60);
    await expect(verify(signer, token, { currentDate: new Date((exp! + 1) * 1000) })).rejects.toMatchObject({ code: 'ERR_JWT_EXPIRED' });
  });

  it("puts the agent's name in act only when it is given", async () => {
    const signer = await signerWith(pem(es256.privateKey));
    const named = decodeJwt(await signer.forCustomer({ ...SESSION, actor: { id: 'stf_alex', name: 'Alex Agent' } }));
    expect(named['act']).toEqual({ sub: 'stf_alex', name: 'Alex Agent' });
    expect(decodeJwt(await signer.forCustomer(SESSION))['act']).toEqual({ sub: 'stf_alex' });
  });

  it('has no act, sid or mode outside a session: the customer acting for themselves', async () => {
    const signer = await signerWith(pem(es256.privateKey));
    const { payload } = await verify(signer, await signer.forCustomer({ customerId: 'usr_jane' }));
    expect(Object.keys(payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'sub']);
  });

  it('made for customer A is not a token for customer B', async () => {
    const signer = await signerWith(pem(es256.privateKey));
    const token = await signer.forCustomer({ ...SESSION, customerId: 'usr_a' });
    await expect(verify(signer, token, { subject: 'usr_a' })).resolves.toBeDefined();
    await expect(verify(signer, token, { subject: 'usr_b' })).rejects.toMatchObject({ code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'sub' });
  });

  it('is made afresh for every call: never reused across customers, sessions or calls', async () => {
    const signer = await signerWith(pem(es256.privateKey));
    const tokens = await Promise.all([
      signer.forCustomer(SESSION),
      signer.forCustomer(SESSION),
      signer.forCustomer({ ...SESSION, customerId: 'usr_john' }),
      signer.forCustomer({ ...SESSION, sessionId: 'ses_2' }),
      signer.forCustomer({ ...SESSION, mode: 'read_write' }),
    ]);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(new Set(tokens.map((token) => decodeJwt(token).jti)).size).toBe(tokens.length);
    expect(tokens.map((token) => [decodeJwt(token).sub, decodeJwt(token)['sid'], decodeJwt(token)['warden_mode']])).toEqual([
      ['usr_jane', 'ses_1', 'read_only'],
      ['usr_jane', 'ses_1', 'read_only'],
      ['usr_john', 'ses_1', 'read_only'],
      ['usr_jane', 'ses_2', 'read_only'],
      ['usr_jane', 'ses_1', 'read_write'],
    ]);
  });

  it("is refused against another signer's key set (control: the key is what makes it verify)", async () => {
    const [ours, theirs] = await Promise.all([signerWith(pem(es256.privateKey)), signerWith()]);
    await expect(verify(ours, await theirs.forCustomer(SESSION))).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
  });
});

describe("a token for Warden's own calls", () => {
  it('names warden as sub with the scope, and no customer or actor', async () => {
    const signer = await signerWith(pem(ed25519.privateKey));
    const { payload } = await verify(signer, await signer.forService('schema:read'));
    expect(payload).toEqual({ iss: ISSUER, aud: AUDIENCE, sub: 'warden', scope: 'schema:read', iat: expect.any(Number), exp: expect.any(Number), jti: expect.any(String) });
  });
});

describe('the signing key', () => {
  it.each([
    ['an ES256 PKCS#8 PEM', pem(es256.privateKey), 'ES256'],
    ['an Ed25519 PKCS#8 PEM', pem(ed25519.privateKey), 'EdDSA'],
    ['an RSA 2048 PKCS#8 PEM', pem(rsa2048.privateKey), 'RS256'],
    ['an ES256 private JWK', JSON.stringify(es256.privateKey.export({ format: 'jwk' })), 'ES256'],
    ['an Ed25519 private JWK', JSON.stringify(ed25519.privateKey.export({ format: 'jwk' })), 'EdDSA'],
    ['a PEM with its line breaks written as \\n, as in a one-line variable', pem(es256.privateKey).replaceAll('\n', '\\n'), 'ES256'],
  ])('signs with %s, the algorithm read from the key', async (_name, key, algorithm) => {
    const signer = await signerWith(key);
    expect(signer.algorithm).toBe(algorithm);
    expect(signer.ephemeral).toBe(false);
    expect(decodeProtectedHeader(await signer.forCustomer(SESSION)).alg).toBe(algorithm);
    await expect(verify(signer, await signer.forCustomer(SESSION))).resolves.toBeDefined();
  });

  it.each([
    ['ES256', es256.privateKey, ['kty', 'crv', 'x', 'y']],
    ['EdDSA', ed25519.privateKey, ['kty', 'crv', 'x']],
    ['RS256', rsa2048.privateKey, ['kty', 'n', 'e']],
  ])('is published for %s as its public half only, with kid, alg and use', async (algorithm, key, members) => {
    const signer = await signerWith(pem(key));
    expect(signer.jwks.keys).toHaveLength(1);
    const [jwk] = signer.jwks.keys;
    expect(Object.keys(jwk!).sort()).toEqual([...members, 'kid', 'alg', 'use'].sort());
    expect(jwk).toMatchObject({ kid: signer.keyId, alg: algorithm, use: 'sig' });
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) expect(jwk).not.toHaveProperty(member);
  });

  it("is named by its public half's thumbprint, the same at every start, unless a key id is given", async () => {
    const [first, second, named] = await Promise.all([signerWith(pem(es256.privateKey)), signerWith(pem(es256.privateKey)), signerWith(pem(es256.privateKey), { keyId: 'upstream-2026' })]);
    expect(first.keyId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.keyId).toBe(first.keyId);
    expect(named.keyId).toBe('upstream-2026');
    expect(decodeProtectedHeader(await named.forCustomer(SESSION)).kid).toBe('upstream-2026');
  });

  it("keeps a private JWK's own kid", async () => {
    const signer = await signerWith(JSON.stringify({ ...es256.privateKey.export({ format: 'jwk' }), kid: 'from-the-jwk' }));
    expect(signer.keyId).toBe('from-the-jwk');
  });

  it('is ephemeral ES256 when none is given, and says so (for development only)', async () => {
    const signer = await signerWith();
    expect(signer).toMatchObject({ algorithm: 'ES256', ephemeral: true });
    await expect(verify(signer, await signer.forCustomer(SESSION))).resolves.toBeDefined();
  });

  it('can be made with generateSigningKeyPem: an ES256 PKCS#8 PEM', async () => {
    const key = await generateSigningKeyPem();
    expect(key).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n?$/);
    expect(await signerWith(key)).toMatchObject({ algorithm: 'ES256', ephemeral: false });
  });
});

describe('a key Warden cannot sign with', () => {
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const x25519 = generateKeyPairSync('x25519');
  const esPem = pem(es256.privateKey);
  const WANTED = 'give an ES256 (P-256), Ed25519 or RS256 (2048 bits or more) private key, as PKCS#8 PEM or a private JWK';
  const PUBLIC = 'WARDEN_UPSTREAM_SIGNING_KEY is a public key: give the private key (PKCS#8 PEM or a private JWK); its public half is served at /.well-known/jwks.json.';
  const otherEs256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
  const MISMATCHED =
    'WARDEN_UPSTREAM_SIGNING_KEY does not sign as its own public half verifies (its private part is damaged or belongs to another key): check that it is whole and unedited, or give a new one.';
  const SECRET = 'WARDEN_UPSTREAM_SIGNING_KEY is neither a PEM key nor a JWK (a shared secret will not do: the upstream must be able to check tokens without being able to make them): ' + WANTED + '.';

  it.each([
    ['a public PEM', es256.publicKey.export({ format: 'pem', type: 'spki' }).toString(), PUBLIC],
    ['an RSA public PEM (PKCS#1)', rsa2048.publicKey.export({ format: 'pem', type: 'pkcs1' }).toString(), PUBLIC],
    ['a public JWK', JSON.stringify(es256.publicKey.export({ format: 'jwk' })), PUBLIC],
    ['a shared secret', 'correct-horse-battery-staple-2f9c1a7e5b3d', SECRET],
    ['garbage', 'not a key at all', SECRET],
    [
      'a shared secret as a JWK',
      JSON.stringify({ kty: 'oct', k: 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA' }),
      'WARDEN_UPSTREAM_SIGNING_KEY is a shared secret, and the upstream must be able to check tokens without being able to make them: ' + WANTED + '.',
    ],
    [
      'an RSA key under 2048 bits',
      pem(rsa1024.privateKey),
      'WARDEN_UPSTREAM_SIGNING_KEY is a 1024-bit RSA key, too short to sign with: make a new one of 2048 bits or more, or use ES256.',
    ],
    ['an EC key on another curve', pem(p384.privateKey), 'WARDEN_UPSTREAM_SIGNING_KEY is an EC key on secp384r1, and Warden signs with P-256 only (ES256): ' + WANTED + '.'],
    ['a key-agreement key', pem(x25519.privateKey), 'WARDEN_UPSTREAM_SIGNING_KEY is a private key of type x25519, which Warden does not sign with: ' + WANTED + '.'],
    [
      'an encrypted PEM (traditional SEC1)',
      es256.privateKey.export({ format: 'pem', type: 'sec1', cipher: 'aes-256-cbc', passphrase: 'open sesame' }).toString(),
      'WARDEN_UPSTREAM_SIGNING_KEY is an encrypted private key: give it unencrypted (openssl pkcs8 -topk8 -nocrypt converts it) and keep it in your secret store.',
    ],
    [
      'an encrypted PEM',
      es256.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'open sesame' }).toString(),
      'WARDEN_UPSTREAM_SIGNING_KEY is an encrypted private key: give it unencrypted (openssl pkcs8 -topk8 -nocrypt converts it) and keep it in your secret store.',
    ],
    [
      'a cut-off PEM',
      esPem.slice(0, esPem.length / 2),
      'WARDEN_UPSTREAM_SIGNING_KEY looks like a PEM key but does not parse as a private key: paste the whole key, header and footer included (OpenSSH keys will not do).',
    ],
    [
      'a cut-off JWK',
      JSON.stringify(es256.privateKey.export({ format: 'jwk' })).slice(0, 60),
      'WARDEN_UPSTREAM_SIGNING_KEY starts like a JWK but is not valid JSON: paste the whole key, as one JSON object.',
    ],
    ['a JWK with a cut-off private part', JSON.stringify({ ...es256.privateKey.export({ format: 'jwk' }), d: 'AAAA' }), MISMATCHED],
    // Node takes it: only a signature checked against the public half it carries shows the halves apart.
    ['a JWK whose private part belongs to another key', JSON.stringify({ ...es256.privateKey.export({ format: 'jwk' }), d: otherEs256.d }), MISMATCHED],
    [
      'a JWK that does not import',
      JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', d: 'AAAA' }),
      'WARDEN_UPSTREAM_SIGNING_KEY is a JWK that does not import as a private key: check that it is whole and unedited, or ' + WANTED + '.',
    ],
    ['JSON that is no JWK', JSON.stringify({ secret: 'hunter2-hunter2-hunter2' }), 'WARDEN_UPSTREAM_SIGNING_KEY is JSON but not a JWK (it has no "kty"): ' + WANTED + '.'],
    [
      'a key set',
      JSON.stringify({ keys: [es256.privateKey.export({ format: 'jwk' })] }),
      'WARDEN_UPSTREAM_SIGNING_KEY is a key set (JWKS): give the one private key to sign with, as a JWK on its own.',
    ],
    ['an empty value', '  ', 'WARDEN_UPSTREAM_SIGNING_KEY is empty: ' + WANTED + ', or leave it unset for an ephemeral development key.'],
  ])('refuses %s, saying what is wrong and what to give, without the key', async (_name, key, message) => {
    const error: unknown = await signerWith(key).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UpstreamKeyError);
    expect(error).toMatchObject({ message });
    expect(error).not.toHaveProperty('cause');
    // No run of the key's text (base64 of the key, a JWK member, the secret) shows in the message.
    for (const piece of key.match(/[A-Za-z0-9+/_=-]{8,}/g) ?? []) {
      if (!/^-+(BEGIN|END)$|^[A-Z]+$/.test(piece)) expect((error as Error).message).not.toContain(piece);
    }
  });
});

describe('what a signer is made with', () => {
  it.each([0, -5, 1.5, Number.NaN])('refuses a lifetime of %s seconds', async (ttlSeconds) => {
    await expect(signerWith(undefined, { ttlSeconds })).rejects.toThrow('ttlSeconds must be a whole number of seconds above 0.');
  });

  it('refuses an empty issuer or audience: the upstream checks both', async () => {
    await expect(createUpstreamSigner({ issuer: '', audience: AUDIENCE })).rejects.toThrow('Upstream tokens need an issuer and an audience');
    await expect(createUpstreamSigner({ issuer: ISSUER, audience: '' })).rejects.toThrow('Upstream tokens need an issuer and an audience');
  });

  it('refuses a token without a customer, an actor without an id, or a service token without a scope', async () => {
    const signer = await signerWith();
    await expect(signer.forCustomer({ customerId: '' })).rejects.toThrow('needs the id of the customer');
    await expect(signer.forCustomer({ customerId: 'usr_jane', actor: { id: '' } })).rejects.toThrow('actor needs an id');
    await expect(signer.forService('')).rejects.toThrow('needs a scope');
  });
});
