import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/server/gateway.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const CONSOLE = 'https://console.example.com';
const LOCAL_CONSOLE = 'http://localhost:5173';
const ELSEWHERE = 'https://attacker.example';

let sameOrigin: TestGateway;
let listing: TestGateway;
let listingOne: TestGateway;
beforeAll(async () => {
  sameOrigin = await startTestGateway();
  [listing, listingOne] = await Promise.all([
    startTestGateway({ WARDEN_CORS_ORIGINS: `${CONSOLE}, ${LOCAL_CONSOLE}` }, { database: sameOrigin.database }),
    startTestGateway({ WARDEN_CORS_ORIGINS: CONSOLE }, { database: sameOrigin.database }),
  ]);
});
afterAll(async () => {
  await Promise.all([listing.close(), listingOne.close()]);
  await sameOrigin.close();
});

/** What a browser sends before a cross-origin JSON post carrying the bearer token and the CSRF header. */
function preflight(t: TestGateway, origin: string | null, path = '/graphql') {
  return t.fetch(path, {
    method: 'OPTIONS',
    headers: {
      ...(origin === null ? {} : { origin }),
      'access-control-request-method': 'POST',
      'access-control-request-headers': `authorization, content-type, ${CSRF_HEADER}, x-anything-else`,
    },
  });
}

/** The request itself, as a page's `fetch(…, { credentials: 'include' })` sends it. */
async function query(t: TestGateway, origin: string | null) {
  // Each test gateway signs with a secret of its own.
  const token = await t.tokenFor('customer');
  return t.fetch('/graphql', {
    method: 'POST',
    headers: { ...(origin === null ? {} : { origin }), 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { id } }' }),
  });
}

/** Every CORS header of a response (all of them start so), by lower-case name. */
function corsHeaders(response: Response): Record<string, string> {
  return Object.fromEntries([...response.headers].filter(([name]) => name.toLowerCase().startsWith('access-control-')));
}

describe('a listed origin', () => {
  it.each([CONSOLE, LOCAL_CONSOLE])('has its preflight approved for %s, with credentials and only the headers the gateway reads', async (origin) => {
    const response = await preflight(listing, origin);
    expect(response.status).toBe(204);
    expect(corsHeaders(response)).toEqual({
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': `authorization, content-type, ${CSRF_HEADER}, x-impersonation-token, x-request-id`,
      'access-control-expose-headers': 'x-request-id',
      'access-control-max-age': '600',
    });
  });

  it('gets its answer readable, with credentials, and may read the request id', async () => {
    const response = await query(listing, CONSOLE);
    expect(await response.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });
    expect(corsHeaders(response)).toMatchObject({
      'access-control-allow-origin': CONSOLE,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-request-id',
    });
  });

  it('gets them on a simple request too (no preflight: a GET without custom headers), refused or not', async () => {
    const health = await listing.fetch('/health', { headers: { origin: LOCAL_CONSOLE } });
    expect(health.status).toBe(200);
    expect(corsHeaders(health)).toMatchObject({ 'access-control-allow-origin': LOCAL_CONSOLE, 'access-control-allow-credentials': 'true' });
    // Without a token (a simple request carries none) a GET is refused; the listed page may still read why.
    const refused = await listing.fetch(`/graphql?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: { origin: CONSOLE } });
    expect(refused.status).toBe(401);
    expect(corsHeaders(refused)['access-control-allow-origin']).toBe(CONSOLE);
  });

  it('is the only origin named, also when it is the only one listed', async () => {
    expect(corsHeaders(await query(listingOne, CONSOLE))['access-control-allow-origin']).toBe(CONSOLE);
  });
});

describe('an origin not listed gets no CORS headers at all', () => {
  it.each([
    ['two origins listed', () => listing],
    ['one origin listed', () => listingOne],
    ['none listed (the default)', () => sameOrigin],
  ])('with %s: neither on its preflight nor on its request', async (_what, gateway) => {
    const t = gateway();
    for (const origin of [ELSEWHERE, 'null', `${CONSOLE}.attacker.example`, CONSOLE.replace('https:', 'http:')]) {
      expect(corsHeaders(await preflight(t, origin))).toEqual({});
      const response = await query(t, origin);
      expect(corsHeaders(response)).toEqual({});
      expect(corsHeaders(await t.fetch('/health', { headers: { origin } }))).toEqual({});
    }
  });

  it('by default, not even the origin another deployment lists', async () => {
    expect(corsHeaders(await preflight(sameOrigin, CONSOLE))).toEqual({});
    expect(corsHeaders(await query(sameOrigin, CONSOLE))).toEqual({});
  });
});

describe('a request without an Origin (same-origin GETs, curl, servers)', () => {
  it.each([
    ['listed origins', () => listing],
    ['the default', () => sameOrigin],
  ])('is served as before, without CORS headers, with %s', async (_what, gateway) => {
    const response = await query(gateway(), null);
    expect(await response.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });
    expect(corsHeaders(response)).toEqual({});
    expect(corsHeaders(await preflight(gateway(), null))).toEqual({});
  });
});
