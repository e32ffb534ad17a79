import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonUtf8 } from '../../src/server/plugins/use-utf8-results.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { serveOnLoopback, type LoopbackGateway } from '../support/mcp-client.js';

/** Values as a GraphQL answer holds them, and the odd ones JSON.stringify has rules for. */
const leaf = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('•••• 4242', 'j•••@a•••.com', 'Zoë', '日本', '👩‍💻', '\ud800 lone', '"quoted" \\ \n'),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(() => 'a function'),
  fc.date({ noInvalidDate: true }),
  fc.constant({ toJSON: () => 'from toJSON' }),
  fc.constant({ toJSON: () => undefined }),
  // JSON.stringify hands toJSON the key it serialises.
  fc.constant({ toJSON: (key: string) => `under ${key}` }),
);
const tree = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('object'), tie('nullPrototype'), tie('array')),
  object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 6 }),
  // graphql-js builds its answers' objects without a prototype.
  nullPrototype: fc.dictionary(fc.string(), tie('value'), { maxKeys: 6 }).map((entries) => Object.assign(Object.create(null) as object, entries)),
  array: fc.array(tie('value'), { maxLength: 6 }),
}));

describe('answers serialised to UTF-8 in pieces', () => {
  it("are JSON.stringify's bytes, exactly, for any answer", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), tree.value, { maxKeys: 6 }), (value) => {
        expect(jsonUtf8(value).equals(Buffer.from(JSON.stringify(value)))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('are the same bytes for a large answer split into pieces, masks and all', () => {
    const invoices = Array.from({ length: 500 }, (_, i) => ({ id: `inv_${i}`, number: `ACME-${i}`, amountCents: i * 100, createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 28))) }));
    const answer = { data: { account: { id: 'acc_acme', users: [{ email: 'j•••@a•••.com' }], invoices, notes: 'x'.repeat(2_000) } }, extensions: { banner: 'Zoë 👩‍💻' } };
    expect(jsonUtf8(answer).equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
  });
});

describe('through the gateway', () => {
  const query = '{ account { users { id email phone } paymentMethods { id cardNumber } invoices(first: 10) { id number amountCents } } }';
  let t: TestGateway;
  let served: LoopbackGateway;
  beforeAll(async () => {
    t = await startTestGateway();
    served = await serveOnLoopback(t);
  });
  afterAll(async () => {
    await served.close();
    await t.close();
  });

  const post = async (accept: string) =>
    fetch(served.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${await t.tokenFor('agent')}`, 'x-test-act-as': 'usr_jane read_only' },
      body: JSON.stringify({ query }),
    });

  it('a masked answer arrives as its JSON in UTF-8, masks as they are, its length the bytes sent', async () => {
    const response = await post('application/json');
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    const answer = JSON.parse(bytes.toString()) as { data: { account: { users: Array<{ email: string }>; invoices: unknown[] } } };
    expect(answer.data.account.invoices).toHaveLength(10);
    expect(answer.data.account.users.every((user) => user.email.includes('•'))).toBe(true);
    expect(bytes.equals(Buffer.from(JSON.stringify(answer)))).toBe(true);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('an event stream asked for is still an event stream of the same answer', async () => {
    const response = await post('text/event-stream');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const data = text.split('\n').find((line) => line.startsWith('data: {'));
    expect(data).toBeDefined();
    const answer = JSON.parse(data!.slice('data: '.length)) as { data: { account: { invoices: unknown[] } } };
    expect(answer.data.account.invoices).toHaveLength(10);
  });
});
