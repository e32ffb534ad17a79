import { generateKeyPairSync } from 'node:crypto';
import { createSchema, createYoga, type Plugin } from 'graphql-yoga';
import { createLocalJWKSet, createRemoteJWKSet, customFetch, jwtVerify } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamSigner, type UpstreamSigner } from '../../src/proxy/upstream-token.js';
import { useJwks } from '../../src/proxy/use-jwks.js';

/**
 * The upstream checks Warden's tokens against the key set Warden serves; the set is public and
 * answered before anything else sees the request, GraphQL included.
 */
const ISSUER = 'https://warden.example';
const AUDIENCE = 'https://api.example';
const JWKS_URL = 'http://yoga/.well-known/jwks.json';

let signer: UpstreamSigner;
beforeAll(async () => {
  signer = await createUpstreamSigner({ issuer: ISSUER, audience: AUDIENCE });
});

/** A yoga with the plugin and a count of the requests that got as far as GraphQL. */
function tinyYoga(path?: string) {
  const reachedGraphQL: string[] = [];
  const spy: Plugin = {
    onRequestParse({ request }) {
      reachedGraphQL.push(request.url);
    },
  };
  const yoga = createYoga({
    schema: createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } }),
    plugins: [useJwks({ jwks: signer.jwks, ...(path === undefined ? {} : { path }) }), spy],
    logging: false,
  });
  return { yoga, reachedGraphQL };
}

describe('the served key set', () => {
  it('answers GET with the public keys, as a cacheable JWK set', async () => {
    const { yoga, reachedGraphQL } = tinyYoga();
    const response = await yoga.fetch(JWKS_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await response.json()).toEqual(signer.jwks);
    expect(reachedGraphQL).toEqual([]);
  });

  it('verifies the tokens the signer makes, read as the upstream reads it', async () => {
    const { yoga } = tinyYoga();
    const served = createLocalJWKSet(await (await yoga.fetch(JWKS_URL)).json());
    const token = await signer.forCustomer({ customerId: 'usr_jane', actor: { id: 'stf_alex' }, sessionId: 'ses_1', mode: 'read_only' });
    const { payload } = await jwtVerify(token, served, { issuer: ISSUER, audience: AUDIENCE, subject: 'usr_jane' });
    expect(payload['act']).toEqual({ sub: 'stf_alex' });
  });

  it("is taken by jose's remote key set as it is served (its fetch, accept header and media type)", async () => {
    const { yoga } = tinyYoga();
    const remote = createRemoteJWKSet(new URL(JWKS_URL), { [customFetch]: async (url, init) => yoga.fetch(url, init) });
    const { protectedHeader } = await jwtVerify(await signer.forService('schema:read'), remote, { issuer: ISSUER, audience: AUDIENCE });
    expect(protectedHeader.kid).toBe(signer.keyId);
  });

  it('answers HEAD with the headers and no body', async () => {
    const { yoga } = tinyYoga();
    const response = await yoga.fetch(JWKS_URL, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/jwk-set+json');
    expect(await response.text()).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('refuses %s with 405 and never hands it to GraphQL', async (method) => {
    const { yoga, reachedGraphQL } = tinyYoga();
    const response = await yoga.fetch(JWKS_URL, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.text()).toBe('');
    expect(reachedGraphQL).toEqual([]);
  });

  it('is served at another path when told, and only there', async () => {
    const { yoga } = tinyYoga('/keys');
    expect((await yoga.fetch('http://yoga/keys')).status).toBe(200);
    expect((await yoga.fetch(JWKS_URL)).headers.get('content-type')).not.toBe('application/jwk-set+json');
  });

  it('leaves GraphQL requests alone (control: the spy does see those)', async () => {
    const { yoga, reachedGraphQL } = tinyYoga();
    const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ok }' }) });
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(reachedGraphQL).toEqual(['http://yoga/graphql']);
  });

  it('refuses at start a key set with private members, rather than publish them', () => {
    const privateJwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    expect(() => useJwks({ jwks: { keys: [{ ...signer.jwks.keys[0], ...privateJwk }] } })).toThrow(
      'useJwks was given a key with private or secret members: serve only the public keys (UpstreamSigner.jwks).',
    );
  });
});
