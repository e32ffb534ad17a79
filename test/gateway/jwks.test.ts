import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createTokenVerifier } from '../../src/auth/verify-token.js';

/**
 * Tokens from an identity provider (WARDEN_JWKS_URL): its key set served on loopback, tokens
 * signed with its private key. A key set that cannot be fetched is the provider's outage, not
 * the caller's bad token: 503 with its own code, so clients retry instead of signing in again.
 */
let database: TestDatabase;
let provider: Server;
let providerKey: CryptoKey;
let withProvider: TestGateway;
let withoutProvider: TestGateway;

beforeAll(async () => {
  database = await createSeededTestDatabase();
  const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  providerKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'provider-1', alg: 'EdDSA', use: 'sig' };
  provider = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const port = (provider.address() as AddressInfo).port;
  // A port nobody listens on: taken and given back at once.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedPort = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  [withProvider, withoutProvider] = await Promise.all([
    startTestGateway({ WARDEN_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` }, { database }),
    startTestGateway({ WARDEN_JWKS_URL: `http://127.0.0.1:${closedPort}/.well-known/jwks.json` }, { database }),
  ]);
});
afterAll(async () => {
  await Promise.all([withProvider.close(), withoutProvider.close()]);
  await new Promise<void>((resolve) => provider.close(() => resolve()));
  await database.destroy();
});

async function providerToken(key: CryptoKey = providerKey, kid = 'provider-1'): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ kind: 'customer', roles: [], name: 'Jane Doe', auth_time: now })
    .setProtectedHeader({ alg: 'EdDSA', kid })
    .setSubject('usr_jane')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(key);
}

async function viewer(t: TestGateway, token: string) {
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }> } };
}

describe('tokens from an identity provider', () => {
  it("accepts a token signed with a key from the provider's key set", async () => {
    expect(await viewer(withProvider, await providerToken())).toEqual({ status: 200, body: { data: { viewer: { id: 'usr_jane' } } } });
  });

  it('refuses a token signed with a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const { status, body } = await viewer(withProvider, await providerToken(stranger.privateKey, 'stranger'));
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('refuses an HS256 token signed with the shared secret: with a key set, only its keys count', async () => {
    const { status } = await viewer(withProvider, await withProvider.tokenFor('customer'));
    expect(status).toBe(401);
  });

  it('answers 503 IDENTITY_PROVIDER_UNAVAILABLE, not "sign in again", when the key set cannot be fetched', async () => {
    const { status, body } = await viewer(withoutProvider, await providerToken());
    expect(status).toBe(503);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: "Warden could not fetch the identity provider's keys (WARDEN_JWKS_URL) to check your token; try again in a moment.", extensions: { code: 'IDENTITY_PROVIDER_UNAVAILABLE' } },
    ]);
  });

  it('answers 503 too when the key set comes back as an error page, HTML or a redirect', async () => {
    for (const [status, type, body] of [
      [503, 'text/plain', 'down for maintenance'],
      [200, 'text/html', '<html><body>Sign in</body></html>'],
      [302, 'text/plain', ''],
    ] as const) {
      const broken = createServer((_request, response) => {
        response.writeHead(status, { 'content-type': type, ...(status === 302 ? { location: 'https://login.example.com/' } : {}) });
        response.end(body);
      });
      await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
      const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/.well-known/jwks.json` });
      try {
        expect(await verify(await providerToken())).toEqual({ kind: 'keys-unavailable' });
      } finally {
        await new Promise<void>((resolve) => broken.close(() => resolve()));
      }
    }
  });

  it('still calls a malformed token malformed while the provider is down', async () => {
    // Its header is not JSON: nothing needs the provider's keys to tell.
    const { status, body } = await viewer(withoutProvider, 'bm90IGpzb24.bm90IGpzb24.c2ln');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });
});
