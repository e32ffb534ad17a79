import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/server/gateway.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let dev: TestGateway;
let prod: TestGateway;
let customerToken: string;
beforeAll(async () => {
  [dev, prod] = await Promise.all([
    startTestGateway({ WARDEN_MAX_DEPTH: '3', WARDEN_MAX_ALIASES: '3', WARDEN_MAX_COST: '20' }),
    startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: 'test-checkpoint-key-'.padEnd(40, 'x') }),
  ]);
  customerToken = await dev.tokenFor('customer');
});
afterAll(async () => {
  await Promise.all([dev.close(), prod.close()]);
});

type ErrorBody = { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> };

async function post(t: TestGateway, body: unknown, headers: Record<string, string> = {}) {
  const token = await t.tokenFor('customer');
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: (text ? JSON.parse(text) : {}) as ErrorBody };
}

describe('HTTP-level protections', () => {
  it('never runs a mutation sent over GET', async () => {
    const query = encodeURIComponent('mutation { updateNotificationSettings(input: { smsAlerts: false }) { smsAlerts } }');
    const response = await dev.fetch(`/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
    });
    expect(response.status).toBe(405);
    const settings = await dev.db.selectFrom('notification_settings').select('sms_alerts').where('user_id', '=', 'usr_jane').executeTakeFirstOrThrow();
    expect(settings.sms_alerts).toBe(true);
  });

  it('requires the CSRF header on requests a browser sends without a preflight', async () => {
    const query = encodeURIComponent('{ viewer { id } }');
    const blocked = await dev.fetch(`/graphql?query=${query}`, { headers: { authorization: `Bearer ${customerToken}` } });
    expect(blocked.status).toBe(403);
    const allowed = await dev.fetch(`/graphql?query=${query}`, { headers: { authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' } });
    expect(await allowed.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });
  });

  it('refuses batched requests', async () => {
    const { status, body } = await post(dev, [{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers malformed JSON with a code and without echoing the body', async () => {
    const malformed = '{"query": "{ viewer { id } }", "variables": {"x": "wdn_live_ECHO_CANARY"';
    // GraphQL over HTTP: 400 for graphql-response+json clients; application/json clients get 200.
    const modern = await post(dev, malformed, { accept: 'application/graphql-response+json' });
    expect(modern.status).toBe(400);
    const legacy = await post(dev, malformed);
    for (const { body, text } of [modern, legacy]) {
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(text).not.toContain('ECHO_CANARY');
    }
  });

  it('answers a wrong content type with 415', async () => {
    const response = await dev.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
      body: '<query/>',
    });
    expect(response.status).toBe(415);
  });

  it('answers an unknown operation name with 400 and a code', async () => {
    const { status, body } = await post(dev, { query: 'query A { viewer { id } }', operationName: 'B' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBeTypeOf('string');
  });

  it('keeps serving after bad input', async () => {
    await post(dev, 'not json at all');
    const { body } = await post(dev, { query: '{ viewer { id } }' });
    expect(body).toEqual({ data: { viewer: { id: 'usr_jane' } } });
  });
});

describe('query limits', () => {
  it.each([
    ['too deep', '{ account { users { notificationSettings { smsAlerts } } } }', /depth limit of 3/],
    ['too many aliases', '{ a: viewer { id } b: viewer { id } c: viewer { id } d: viewer { id } }', /Aliases limit of 3/],
    ['too costly', '{ account { id name plan region sensitive supportAccess featureFlags createdAt } me { id name email phone role birthDate nationalId createdAt } }', /Cost limit of 20/],
  ])('refuses a query that is %s with QUERY_TOO_COMPLEX and advice', async (_name, query, limit) => {
    const { body } = await post(dev, { query });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(limit);
    expect(body.errors?.[0]?.message).toMatch(/Split the query/);
  });
});

describe('production mode', () => {
  it('turns introspection off', async () => {
    const { body } = await post(prod, { query: '{ __schema { types { name } } }' });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('serves no GraphiQL page', async () => {
    const page = await prod.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
    const devPage = await dev.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(await devPage.text()).toMatch(/graphiql/i);
  });

  it('suggests no field names', async () => {
    const { body } = await post(prod, { query: '{ viewr { id } }' });
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('masks unexpected errors: no stack, no internal message', async () => {
    await prod.db.destroy();
    const { text, body } = await post(prod, { query: '{ viewer { id } }' });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/stack|at [A-Za-z]+ \(|driver has already been destroyed/i);
  });
});
