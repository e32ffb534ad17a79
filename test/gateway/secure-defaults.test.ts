import { once } from 'node:events';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICY_COLUMNS } from '../../src/policy/data-class.js';
import { CSRF_HEADER } from '../../src/server/gateway.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let dev: TestGateway;
let prod: TestGateway;
/** NODE_ENV=development, default limits: errors keep yoga's details there. */
let development: TestGateway;
let customerToken: string;
beforeAll(async () => {
  [dev, prod] = await Promise.all([
    startTestGateway({ WARDEN_MAX_DEPTH: '3', WARDEN_MAX_ALIASES: '3', WARDEN_MAX_COST: '20' }),
    startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: 'test-checkpoint-key-'.padEnd(40, 'x') }),
  ]);
  development = await startTestGateway({ NODE_ENV: 'development' }, { database: dev.database });
  customerToken = await dev.tokenFor('customer');
});
afterAll(async () => {
  await development.close();
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

/**
 * POSTs to /graphql on a loopback `port` as the customer, over a socket of its own, writing
 * `pieces` one by one (with no Content-Length among `headers`, Node sends them chunked); the
 * status and the JSON answer.
 */
function postOverSocket(port: number, headers: Record<string, string>, pieces: ReadonlyArray<string | Buffer>): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}`, ...headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      },
    );
    request.on('error', reject);
    for (const piece of pieces) request.write(piece);
    request.end();
  });
}

describe('HTTP-level protections', () => {
  it('never runs a mutation sent over GET', async () => {
    const query = encodeURIComponent('mutation { updateNotificationSettings(input: { smsAlerts: false }) { smsAlerts } }');
    const response = await dev.fetch(`/graphql?query=${query}`, {
      headers: { authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
    });
    expect(response.status).toBe(405);
    const settings = await dev.demo.selectFrom('notification_settings').select('sms_alerts').where('user_id', '=', 'usr_jane').executeTakeFirstOrThrow();
    expect(settings.sms_alerts).toBe(true);
  });

  it('requires the CSRF header on requests a browser sends without a preflight, and says so', async () => {
    const query = encodeURIComponent('{ viewer { id } }');
    const blocked = await dev.fetch(`/graphql?query=${query}`, { headers: { authorization: `Bearer ${customerToken}` } });
    expect(blocked.status).toBe(403);
    expect(await blocked.json()).toEqual({
      errors: [{ message: expect.stringContaining(`carry the "${CSRF_HEADER}" header (any value)`), extensions: { code: 'BAD_REQUEST' } }],
    });
    const allowed = await dev.fetch(`/graphql?query=${query}`, { headers: { authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' } });
    expect(await allowed.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });
  });

  it('refuses batched requests', async () => {
    const { status, body } = await post(dev, [{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('answers malformed JSON with 400, a sentence saying what to send, and without echoing the body, in every mode', async () => {
    const malformed = '{"query": "{ viewer { id } }", "variables": {"x": "wdn_live_ECHO_CANARY"';
    for (const t of [dev, prod, development]) {
      for (const accept of ['application/graphql-response+json', 'application/json', '*/*']) {
        const { status, body, text } = await post(t, malformed, { accept });
        expect(status).toBe(400);
        expect(body.data).toBeUndefined();
        expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^The request body is not valid JSON; send/), extensions: { code: 'BAD_REQUEST' } });
        expect(text).not.toContain('ECHO_CANARY');
      }
    }
  });

  it.each([
    ['a syntax error', { query: '{ viewer { id' }, 'GRAPHQL_PARSE_FAILED'],
    ['an unknown field', { query: '{ viewer { nope } }' }, 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable that does not coerce', { query: 'query($n: Int!) { account { invoices(first: $n) { id } } }', variables: { n: 'x' } }, 'BAD_USER_INPUT'],
    ['a required variable left out', { query: 'query($n: Int!) { account { invoices(first: $n) { id } } }' }, 'BAD_USER_INPUT'],
  ])('answers %s with 400 whatever the client accepts (GraphQL over HTTP would let application/json get 200)', async (_what, request, code) => {
    for (const t of [dev, prod]) {
      for (const accept of ['application/graphql-response+json', 'application/json', '*/*']) {
        const { status, body } = await post(t, request, { accept });
        expect({ accept, status, code: body.errors?.[0]?.extensions?.code }).toEqual({ accept, status: 400, code });
      }
    }
  });

  it.each([
    ['no query', {}, /^The request has no "query"; send the GraphQL document/],
    ['a query that is not a string', { query: 42 }, /^The "query" of the request must be a string/],
    ['variables that are not an object', { query: '{ viewer { id } }', variables: 'x' }, /^The "variables" of the request must be an object/],
    ['a body that is not an object', '"just a string"', /^The request body must be one JSON object/],
  ])('answers a request with %s with 400 and what to send, in every mode', async (_what, request, message) => {
    for (const t of [dev, prod, development]) {
      const { status, body } = await post(t, request);
      expect(status).toBe(400);
      expect(body.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_REQUEST' } });
    }
  });

  it.each([
    ['a form post', 'application/x-www-form-urlencoded', 'query=%7B%20viewer%20%7B%20id%20%7D%20%7D'],
    ['a multipart post', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ viewer { id } }"}\r\n--x--\r\n'],
    ['an application/graphql post', 'application/graphql', '{ viewer { id } }'],
  ])('refuses %s with 415 even with the CSRF header: only JSON is read', async (_what, contentType, body) => {
    const response = await dev.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
      body,
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Send GraphQL requests as JSON with "Content-Type: application/json".', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it.each(['DELETE', 'PUT', 'PATCH'])('answers %s with 405 and what to use instead', async (method) => {
    const response = await dev.fetch('/graphql', { method, headers: { authorization: `Bearer ${customerToken}` } });
    expect(response.status).toBe(405);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Send GraphQL requests with POST (or GET for queries); no other method is served.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it.each(['Application/JSON', 'application/json ; charset=utf-8', 'APPLICATION/JSON;charset=UTF-8'])('reads a JSON body whose media type is written %s (media types are case-insensitive)', async (contentType) => {
    const send = (body: string) =>
      dev.fetch('/graphql', { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${customerToken}` }, body });
    const served = await send(JSON.stringify({ query: '{ viewer { id } }' }));
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ data: { viewer: { id: 'usr_jane' } } });
    const broken = await send('{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ errors: [{ message: expect.stringMatching(/^The request body is not valid JSON/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('answers a GET whose variables are not JSON with 400 and how to write them, not as a server error', async () => {
    for (const parameter of ['variables', 'extensions']) {
      const response = await dev.fetch(`/graphql?query=${encodeURIComponent('{ viewer { id } }')}&${parameter}=%7Bbad`, {
        headers: { authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'The "variables" and "extensions" parameters of a GET must be JSON, URL-encoded: variables=%7B%22first%22%3A5%7D.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    }
  });

  it('refuses a request whose Accept header allows no JSON before it runs: a mutation takes no effect', async () => {
    const mutation = 'mutation { setInvoiceTaxRate(input: { invoiceId: "inv_acme_011", taxRate: 7 }) { taxRate } }';
    const rateOf = async () => (await dev.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', 'inv_acme_011').executeTakeFirstOrThrow()).tax_rate_bp;
    const before = await rateOf();
    expect(before).not.toBe(700);
    for (const accept of ['text/html', 'application/json; charset=iso-8859-1', 'image/*']) {
      const response = await dev.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${customerToken}` },
        body: JSON.stringify({ query: mutation }),
      });
      expect(response.status).toBe(406);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await response.json()).toEqual({
        errors: [
          {
            message: 'The Accept header allows no type this gateway answers in; accept application/json or application/graphql-response+json.',
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      });
    }
    expect(await rateOf()).toBe(before);
    // Control: what clients send is served.
    for (const accept of ['application/json', 'application/graphql-response+json', '*/*', 'text/html, application/*;q=0.9']) {
      const response = await dev.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${customerToken}` },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(response.status).toBe(200);
    }
  });

  it('answers a wrong content type with 415 and what to send instead', async () => {
    const response = await dev.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', authorization: `Bearer ${customerToken}`, [CSRF_HEADER]: '1' },
      body: '<query/>',
    });
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      errors: [{ message: 'Send GraphQL requests as JSON with "Content-Type: application/json".', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers an unknown operation name with 400, naming the operations the document has', async () => {
    const { status, body } = await post(dev, { query: 'query A { viewer { id } } query C { viewer { id } }', operationName: 'B' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'The document has no operation of the name sent as "operationName"; its operations are: A, C.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('answers several operations without an operation name with 400, naming them', async () => {
    const { status, body } = await post(dev, { query: 'query A { viewer { id } } query C { viewer { id } }' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      { message: 'The document holds 2 operations (A, C); set "operationName" to the one to run.', extensions: { code: 'BAD_REQUEST' } },
    ]);
  });

  it('tells every cache not to keep a GraphQL response: data, refusals, errors, GraphiQL', async () => {
    const noStore = async (response: Response | Promise<Response>) => (await response).headers.get('cache-control');
    const json = { 'content-type': 'application/json', accept: 'application/json' };
    const query = JSON.stringify({ query: '{ me { id email } }' });
    // Data: the customer's own email.
    expect(await noStore(dev.fetch('/graphql', { method: 'POST', headers: { ...json, authorization: `Bearer ${customerToken}` }, body: query }))).toBe('no-store');
    // Refused before anything ran: no token (401), a form post without the CSRF header (403).
    expect(await noStore(dev.fetch('/graphql', { method: 'POST', headers: json, body: query }))).toBe('no-store');
    expect(await noStore(dev.fetch('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: query }))).toBe('no-store');
    // A document that does not parse, and GraphiQL's page.
    expect(await noStore(dev.fetch('/graphql', { method: 'POST', headers: { ...json, authorization: `Bearer ${customerToken}` }, body: '{"query":"{ me {"}' }))).toBe('no-store');
    expect(await noStore(dev.fetch('/graphql', { headers: { accept: 'text/html' } }))).toBe('no-store');
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
    ['too long', `{ ${'viewer { id } '.repeat(600)}}`, /Token limit of 2000/],
  ])('refuses a query that is %s with QUERY_TOO_COMPLEX and advice', async (_name, query, limit) => {
    const { body } = await post(dev, { query });
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors?.[0]?.message).toMatch(limit);
    expect(body.errors?.[0]?.message).toMatch(/Split the query/);
  });
});

describe('a field selected many times in one place', () => {
  const refusal = (name: string, count: number) => ({
    message: `"${name}" is selected ${count} times in one selection set, over the limit of 100. Select each field once.`,
    extensions: { code: 'QUERY_TOO_COMPLEX' },
  });

  it.each([
    ['__typename', `{ ${'__typename '.repeat(1500)}}`],
    ['id', `{ viewer { ${'id '.repeat(1500)}} }`],
  ])('is refused for %s repeated 1,500 times, though it fits the token and cost limits, each time it is sent', async (name, query) => {
    // Sent again, yoga hands the request the document it parsed the first time.
    for (let time = 0; time < 2; time += 1) {
      const { body } = await post(development, { query });
      expect(body.data).toBeUndefined();
      expect(body.errors).toMatchObject([refusal(name, 1500)]);
    }
  });

  it('counts the fields fragments add, inline or named, each named one once', async () => {
    const named = Array.from({ length: 60 }, (_, i) => `fragment F${i} on Viewer { id }`).join(' ');
    const spreads = Array.from({ length: 60 }, (_, i) => `...F${i} ...F${i}`).join(' ');
    const { body } = await post(development, { query: `{ viewer { ${spreads} ${'... on Viewer { id } '.repeat(41)} } } ${named}` });
    expect(body.errors).toMatchObject([refusal('id', 101)]);
  });

  it('counts the selections of fields of one name together, as execution merges them', async () => {
    // Forty viewers of forty ids each: no selection set repeats a name past the limit, but they
    // merge into 1,600 ids under one viewer, and validation compares them as such.
    const nested = await post(development, { query: `{ ${`viewer { ${'id '.repeat(40)}} `.repeat(40)}}` });
    expect(nested.body.data).toBeUndefined();
    expect(nested.body.errors).toMatchObject([refusal('id', 1600)]);
    // Through aliases and inline fragments alike, merged one level further down (counted before
    // validation, so a field that does not exist counts as well).
    const deeper = await post(development, { query: `{ ${`v: viewer { ... on Viewer { x { ${'id '.repeat(10)}} } } `.repeat(11)}}` });
    expect(deeper.body.errors).toMatchObject([refusal('id', 110)]);
    // A named fragment spread into a merged selection many times adds its fields once, as in execution.
    const spread = await post(development, { query: `{ ${'viewer { ...A } '.repeat(40)}} fragment A on Viewer { ${'id '.repeat(10)}}` });
    expect(spread.body).toEqual({ data: { viewer: { id: 'usr_jane' } } });
    const within = await post(development, { query: `{ ${`viewer { ${'id '.repeat(10)}} `.repeat(10)}}` });
    expect(within.body).toEqual({ data: { viewer: { id: 'usr_jane' } } });
  });

  it('is refused before the document is validated (that is where the repeats cost)', async () => {
    const { body } = await post(development, { query: `{ ${'noSuchField '.repeat(101)}}` });
    expect(body.errors).toMatchObject([refusal('noSuchField', 101)]);
  });

  it('passes up to the limit, __typename and fragments included, as clients send them, each time', async () => {
    const query = `{ __typename viewer { __typename id ...V ...W ${'id '.repeat(96)}} } fragment V on Viewer { __typename id } fragment W on Viewer { __typename id name }`;
    for (let time = 0; time < 2; time += 1) {
      const { body } = await post(development, { query });
      expect(body).toEqual({ data: { __typename: 'Query', viewer: { __typename: 'Viewer', id: 'usr_jane', name: 'Jane Doe' } } });
    }
  });
});

describe('a refused document sent again', () => {
  // yoga's validation cache hands each request refused for one document the same error objects,
  // and the error codes plugin edits errors in place: the second answer must read as the first.
  it.each([
    ['a suggestion dropped', '{ viewr { id } }'],
    ['a repeat over the limit', `{ ${'__typename '.repeat(101)}}`],
    ['an enum value not in the type', '{ account { invoices(status: pai) { number } } }'],
  ])('reads the same each time: %s', async (_what, query) => {
    for (const t of [prod, development]) {
      const first = await post(t, { query });
      const again = await post(t, { query });
      expect(first.body.errors?.length).toBeGreaterThan(0);
      expect(again).toEqual(first);
      expect(again.text).not.toMatch(/Did you mean/);
    }
  });
});

describe('introspection outside production', () => {
  /** The standard introspection query, every option on: what GraphiQL sends when it opens. */
  const standard = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
  /** `__schema` nested this deep (graphql-armor's count) through `ofType`, with no fragment. */
  const schemaQueryOfDepth = (depth: number) => {
    const ofTypes = depth - 5;
    return `{ __schema { types { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } } }`;
  };

  it("answers GraphiQL's own introspection query", async () => {
    const { status, body } = await post(development, { query: standard });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ __schema: { queryType: { name: 'Query' } } });
  });

  it('refuses introspection deeper than that with QUERY_TOO_COMPLEX, in development too', async () => {
    expect((await post(development, { query: schemaQueryOfDepth(21) })).body.errors).toBeUndefined();
    const { body } = await post(development, { query: schemaQueryOfDepth(22) });
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      { message: 'Query depth limit of 21 exceeded, found 22. Split the query or nest fewer selections.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
  });

  it('gives introspection room for the standard query under a tight depth limit, and no more', async () => {
    expect((await post(dev, { query: schemaQueryOfDepth(21) })).body.errors).toBeUndefined();
    const { body } = await post(dev, { query: schemaQueryOfDepth(30) });
    expect(body.errors).toEqual([
      { message: 'Query depth limit of 21 exceeded, found 30. Split the query or nest fewer selections.', extensions: { code: 'QUERY_TOO_COMPLEX' } },
    ]);
  });
});

describe('suggestions', () => {
  it.each([
    ['an enum value', '{ account { invoices(status: pai) { number } } }', 'Value does not exist in "InvoiceStatus" enum.'],
    ['a field', '{ account { invoicez { number } } }', 'Cannot query field "invoicez" on type "Account".'],
    ['an argument', '{ account { invoices(statu: paid) { number } } }', 'Unknown argument "statu" on field "Account.invoices".'],
    ['a type', 'query Q($s: InvoiceStatu) { account { invoices(status: $s) { number } } }', 'Unknown type "InvoiceStatu".'],
  ])('are never made for %s, in production or development', async (_what, query, message) => {
    for (const t of [prod, dev]) {
      const { text, body } = await post(t, { query });
      expect(body.errors?.[0]).toMatchObject({ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(text).not.toMatch(/Did you mean|Suggestion/);
    }
  });
});

describe('request size', () => {
  const tooLarge = {
    message: 'The request body is over 100000 bytes; send a shorter query or smaller variables.',
    extensions: { code: 'BAD_REQUEST' },
  };
  const comments = `{ viewer { id } }\n${'# padding\n'.repeat(20_000)}`;

  it('refuses a body over the limit with 413, whether or not it declares its length', async () => {
    const body = JSON.stringify({ query: comments });
    const declared: Array<Record<string, string>> = [{ 'content-length': String(Buffer.byteLength(body)) }, {}];
    for (const headers of declared) {
      const response = await dev.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}`, ...headers },
        body,
      });
      expect(response.status).toBe(413);
      expect(await response.json()).toEqual({ errors: [tooLarge] });
    }
  });

  it('counts a body that declares less than it carries where no HTTP parser framed it', async () => {
    // A Request built in memory (an adapter, an MCP tool call) is not cut at its Content-Length.
    const body = JSON.stringify({ query: comments });
    const response = await dev.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}`, 'content-length': '40' },
      body,
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ errors: [tooLarge] });
  });

  it('refuses a Content-Length that is not one whole number, saying what it must be', async () => {
    for (const declared of ['12a', '-1', '40, 40']) {
      const response = await dev.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${customerToken}`, 'content-length': declared },
        body: JSON.stringify({ query: '{ viewer { id } }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        errors: [{ message: "The Content-Length header must be one whole number: the body's length in bytes.", extensions: { code: 'BAD_REQUEST' } }],
      });
    }
  });

  it('over a socket: refuses a chunked body over the limit, serves one under it and one of declared length', async () => {
    const server = createServer(dev.gateway);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    // Written in pieces with no length declared, Node sends it chunked.
    const send = (body: string, chunked: boolean) =>
      postOverSocket(port, chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }, Array.from({ length: Math.ceil(body.length / 16_384) }, (_, i) => body.slice(i * 16_384, (i + 1) * 16_384)));
    try {
      const large = await send(JSON.stringify({ query: comments }), true);
      expect(large).toEqual({ status: 413, json: { errors: [tooLarge] } });
      const small = JSON.stringify({ query: `{ viewer { id } }\n${'# padding\n'.repeat(2_000)}` });
      for (const chunked of [true, false]) {
        expect(await send(small, chunked)).toEqual({ status: 200, json: { data: { viewer: { id: 'usr_jane' } } } });
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('counts a body a framework in front read first, not the length its header declared', async () => {
    // As body-parser's raw() does with a compressed body: the body read and inflated, left as
    // req.body, and the gateway handed the request. Its header declares the compressed length.
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: gunzipSync(Buffer.concat(chunks)) });
        void dev.gateway(req, res);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const send = (body: string) => {
      const zipped = gzipSync(body);
      return postOverSocket(port, { 'content-length': String(zipped.length) }, [zipped]);
    };
    try {
      const large = JSON.stringify({ query: comments });
      expect(gzipSync(large).length).toBeLessThan(10_000);
      expect(await send(large)).toEqual({ status: 413, json: { errors: [tooLarge] } });
      const small = JSON.stringify({ query: `{ viewer { id } }\n${'# padding\n'.repeat(2_000)}` });
      expect(await send(small)).toEqual({ status: 200, json: { data: { viewer: { id: 'usr_jane' } } } });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('takes its limit from WARDEN_MAX_BODY_BYTES', async () => {
    const roomy = await startTestGateway({ WARDEN_MAX_BODY_BYTES: '1000000' }, { database: dev.database });
    try {
      const { status, body } = await post(roomy, { query: comments });
      expect(status).toBe(200);
      expect(body).toEqual({ data: { viewer: { id: 'usr_jane' } } });
    } finally {
      await roomy.close();
    }
  });

  it('fits the largest legitimate request: a whole policy, every classified field overridden', async () => {
    const { catalog } = buildDemoSchema();
    const everyColumn = Object.fromEntries(POLICY_COLUMNS.map((column) => [column, 'deny']));
    const overrides = Object.fromEntries(
      [...catalog.fields.values()].filter((f) => f.classification !== 'public' && f.nullable).map((f) => [f.coordinate, everyColumn]),
    );
    const document = JSON.stringify({ ...catalog.baseline, overrides }, null, 2);
    const { status, body } = await post(
      dev,
      {
        query: 'mutation Publish($input: PublishPolicyInput!) { publishPolicy(input: $input) { version } }',
        variables: { input: { document, reason: 'Deny every classified field while the DPO reviews the inventory' } },
      },
      { authorization: `Bearer ${await dev.tokenFor('security')}` },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
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
    // Staff are Warden's own records: the database failing under them is Warden's, unexpected.
    const staff = { authorization: `Bearer ${await prod.tokenFor('auditor')}` };
    const { text, body } = await post(prod, { query: '{ viewer { id } }' }, staff);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(text).not.toMatch(/stack|at [A-Za-z]+ \(|driver has already been destroyed/i);
    // A customer is the identity hook's answer, and the hook fails with it: said so, masked alike.
    const customer = await post(prod, { query: '{ viewer { id } }' });
    expect(customer.body.data ?? null).toBeNull();
    expect(customer.body.errors?.[0]?.extensions?.code).toBe('IDENTITY_UNAVAILABLE');
    expect(customer.text).not.toMatch(/stack|at [A-Za-z]+ \(|driver has already been destroyed/i);
  });
});
