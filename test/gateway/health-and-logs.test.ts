import { readFileSync } from 'node:fs';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSchemaFile } from '../../src/domain/print-schema.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const SomethingSecret = graphql(`
  query SomethingSecret {
    account {
      apiTokens {
        secret
      }
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

describe('GET /health', () => {
  it('answers 200 while the database is reachable, 503 once it is not', async () => {
    const up = await t.fetch('/health');
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ok', database: 'reachable' });

    const other = await startTestGateway();
    await other.db.destroy();
    const down = await other.fetch('/health');
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});

describe('the liveness probe', () => {
  it('answers 200 with no body to GET and HEAD of its exact path', async () => {
    for (const method of ['GET', 'HEAD']) {
      const live = await t.fetch('/.well-known/yoga-liveness', { method });
      expect(live.status, method).toBe(200);
      expect(await live.text()).toBe('');
    }
  });

  it('answers no other URL that merely ends with its path, nor another method', async () => {
    // Each goes where it would without the probe: GraphQL asks for a token, unknown paths are not found.
    const graphql = await t.fetch('/graphql?probe=/.well-known/yoga-liveness', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ me { id } }"}' });
    expect(graphql.status).toBe(401);
    const nested = await t.fetch('/anything/.well-known/yoga-liveness');
    expect(nested.status).toBe(404);
    const posted = await t.fetch('/.well-known/yoga-liveness', { method: 'POST' });
    expect(posted.status).not.toBe(200);
  });
});

describe('logs', () => {
  it('hold one structured line per request, without tokens, variables or values', async () => {
    const token = await t.tokenFor('customer');
    const secret = 'wdn_live_4c7a1f09b2d84e6c9a3f5b1e7d20a9';
    t.logs.length = 0;
    await t.execute(SomethingSecret, { as: 'customer', headers: { 'x-request-id': 'req-logs-00001' } });
    const lines = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'request', status: 200, path: '/graphql', requestId: 'req-logs-00001' }));
    const all = t.logs.join('\n');
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toContain(secret);
  });
});

describe('logs of a failing query', () => {
  /** Account.users fails as if its table had gone: an unexpected error, logged by yoga. */
  function failingSchema() {
    const built = buildDemoSchema();
    const account = built.schema.getType('Account');
    const field = isObjectType(account) ? account.getFields()['users'] : undefined;
    if (!field) throw new Error('Account.users is missing');
    field.resolve = () => {
      throw new Error('relation "users" does not exist');
    };
    return built;
  }

  it('hold what failed and where, never the query text and its literal values', async () => {
    const failing = await startTestGateway({}, { schema: failingSchema(), database: t.database });
    try {
      const literal = 'jane.doe.LITERAL.CANARY@acme.example';
      const response = await failing.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await failing.tokenFor('customer')}` },
        body: JSON.stringify({ query: `{ account { users(filter: { email: "${literal}" }) { id } } }` }),
      });
      expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });

      const yogaLines = failing.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry['msg'] === 'yoga');
      expect(yogaLines).toContainEqual(
        expect.objectContaining({
          level: 50,
          args: [{ message: 'relation "users" does not exist', path: ['account', 'users'] }],
          err: expect.objectContaining({ message: 'relation "users" does not exist', stack: expect.any(String) }),
        }),
      );
      expect(failing.logs.join('\n')).not.toContain('LITERAL.CANARY');
    } finally {
      await failing.close();
    }
  });
});

describe('schema/schema.graphql', () => {
  it('is the SDL printed from the Pothos schema (run `npm run codegen` when this fails)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });
});
