import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * Nothing about the schema answers before the caller is authenticated: without a valid token,
 * every document gets the same 401, byte for byte, whatever it holds. A misspelled field that
 * answered "Cannot query field …" while the right one answered 401 would map the schema.
 */

let t: TestGateway;
let production: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
  production = await startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: 'test-checkpoint-key-'.padEnd(40, 'x') }, { database: t.database });
});
afterAll(async () => {
  await production?.close();
  await t?.close();
});

const now = () => Math.floor(Date.now() / 1000);

/** What a stranger (or a caller whose token no longer holds) may send. */
async function unauthenticatedCallers(gateway: TestGateway): Promise<Array<[string, Record<string, string>]>> {
  const forged = await new SignJWT({ kind: 'customer', roles: [], name: 'Jane Doe', auth_time: now() })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('usr_jane')
    .setExpirationTime(now() + 600)
    .sign(new TextEncoder().encode('a-different-secret-that-is-long-enough-000'));
  return [
    ['no token', {}],
    ['a malformed token', { authorization: 'Bearer not-a-jwt' }],
    ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
    ['an expired token', { authorization: `Bearer ${await gateway.tokenFor('customer', { expiresInSeconds: -60 })}` }],
    ['a wrongly signed token', { authorization: `Bearer ${forged}` }],
    ['a token naming nobody Warden knows', { authorization: `Bearer ${await gateway.tokenFor({ sub: 'usr_nobody', kind: 'customer', name: 'Nobody' })}` }],
  ];
}

/** Documents that, authenticated, answer in different ways: data, a validation error, a syntax error. */
const DOCUMENTS: ReadonlyArray<[string, string]> = [
  ['an existing field', '{ account { paymentMethods { cardNumber } } }'],
  ['a misspelled field', '{ account { paymentMethods { cardNumbr } } }'],
  ['an unknown argument', '{ account(id: "acc_globex") { id } }'],
  ['introspection', '{ __schema { types { name fields { name } } } }'],
  ['a syntax error', '{ account { paymentMethods { cardNumber '],
  ['a mutation', 'mutation { refundInvoice(invoiceId: "inv_acme_001") { id } }'],
  ['a query over every limit', `{ ${'account { users { account { '.repeat(20)}id${' } } }'.repeat(20)} }`],
];

async function post(gateway: TestGateway, headers: Record<string, string>, body: string, contentType = 'application/json') {
  const response = await gateway.fetch('/graphql', { method: 'POST', headers: { 'content-type': contentType, accept: 'application/json', ...headers }, body });
  return { status: response.status, text: await response.text(), authenticate: response.headers.get('www-authenticate') };
}

describe.each([
  ['development', () => t],
  ['production', () => production],
])('authentication before the schema speaks (%s)', (_mode, gatewayOf) => {
  it('answers every document with the same 401 body, byte for byte, for each way of being unauthenticated', async () => {
    const gateway = gatewayOf();
    for (const [caller, headers] of await unauthenticatedCallers(gateway)) {
      const answers = await Promise.all(DOCUMENTS.map(([, query]) => post(gateway, headers, JSON.stringify({ query }))));
      const [first] = answers;
      expect(first?.status, caller).toBe(401);
      expect(first?.authenticate, caller).toBe('Bearer');
      expect(JSON.parse(first?.text ?? '{}'), caller).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }] });
      for (const [index, answer] of answers.entries()) expect(answer, `${caller}, ${DOCUMENTS[index]?.[0]}`).toEqual(first);
    }
  });

  it('answers a body that is not even readable the same way: malformed JSON, a form, a batch, a GET', async () => {
    const gateway = gatewayOf();
    const reference = await post(gateway, {}, JSON.stringify({ query: '{ viewer { id } }' }));
    const unreadable = [
      await post(gateway, {}, '{"query": "{ viewer { id } }"'),
      await post(gateway, {}, 'query=%7B+viewer+%7B+id+%7D+%7D', 'application/x-www-form-urlencoded'),
      await post(gateway, {}, JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ nope }' }])),
    ];
    const get = await gateway.fetch(`/graphql?query=${encodeURIComponent('{ account { nope } }')}`, { headers: { accept: 'application/json', 'x-warden-csrf': '1' } });
    for (const answer of [...unreadable, { status: get.status, text: await get.text(), authenticate: get.headers.get('www-authenticate') }]) {
      expect(answer).toEqual(reference);
    }
  });

  it('control: the same documents, authenticated, answer differently (so the sameness above is the rule at work)', async () => {
    const gateway = gatewayOf();
    const headers = { authorization: `Bearer ${await gateway.tokenFor('customer')}` };
    const answers = await Promise.all(DOCUMENTS.map(([, query]) => post(gateway, headers, JSON.stringify({ query }))));
    expect(new Set(answers.map((answer) => answer.text)).size).toBeGreaterThan(3);
    expect(answers[1]?.text).toMatch(/Cannot query field \\"cardNumbr\\" on type \\"PaymentMethod\\"/);
  });
});

describe('strangers are counted and logged, never written to the audit table', () => {
  it('leaves the audit table as it was, moves the count by cause, and logs each refusal', async () => {
    const rows = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const count = async (because: string) => (await t.metrics.unauthenticatedRequests.get()).values.find((v) => v.labels.because === because)?.value ?? 0;
    const before = { rows: await rows(), none: await count('no-token'), expired: await count('expired'), unknown: await count('unknown-person') };
    const callers = await unauthenticatedCallers(t);
    for (const [, headers] of callers) {
      for (let i = 0; i < 5; i++) await post(t, { ...headers, 'x-request-id': `req-stranger-${i}` }, JSON.stringify({ query: `{ nope${i} }` }));
    }
    expect(await rows()).toBe(before.rows);
    expect(await count('no-token')).toBe(before.none + 5);
    expect(await count('expired')).toBe(before.expired + 5);
    expect(await count('unknown-person')).toBe(before.unknown + 5);
    const logged = t.logs.filter((line) => line.includes('request refused: no valid token') && line.includes('req-stranger-'));
    expect(logged.length).toBe(callers.length * 5);
    // The log says why, never with the token or the document.
    expect(logged.join('\n')).not.toMatch(/nope|Bearer|eyJ/);
  });
});
