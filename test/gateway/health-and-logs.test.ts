import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printSchemaFile } from '../../src/server/print-schema.js';
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

describe('schema/schema.graphql', () => {
  it('is the SDL printed from the Pothos schema (run `npm run codegen` when this fails)', () => {
    const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printSchemaFile());
  });
});
