import { GraphQLObjectType, GraphQLSchema, GraphQLString, type ExecutionResult } from 'graphql';
import { createYoga, type Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditWriter } from '../../src/audit/audit-writer.js';
import { useAuditTrail } from '../../src/audit/use-audit-trail.js';
import { createTokenVerifier } from '../../src/auth/verify-token.js';
import type { GatewayContext } from '../../src/graphql/context.js';
import { createLogger } from '../../src/log/logger.js';
import { createContextFactory } from '../../src/server/context.js';
import { baselinePolicySource } from '../../src/server/gateway.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * graphql-js 16 executes queries in one piece, and the reference schema has no subscriptions; an
 * executor with @defer/@stream (or a schema with a Subscription type) would hand the audit trail
 * a stream. This gateway has both: a subscription, and an executor that streams every query in
 * two parts, as an incremental-delivery executor does.
 */
const Query = new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'whole answer' } } });
const Subscription = new GraphQLObjectType({
  name: 'Subscription',
  fields: {
    ticks: {
      type: GraphQLString,
      subscribe: async function* () {
        yield { ticks: 'tick one' };
        yield { ticks: 'tick two' };
      },
    },
  },
});
const schema = new GraphQLSchema({ query: Query, subscription: Subscription });

/** How often a stream was closed before it ended (its `return`). */
let closed = 0;
const useIncrementalDelivery: Plugin<GatewayContext> = {
  onExecute({ setExecuteFn }) {
    setExecuteFn(() => {
      const parts: ExecutionResult[] = [{ data: { hello: 'first part' } }, { data: { hello: 'second part' } }];
      const stream: AsyncIterableIterator<ExecutionResult> = {
        next: async () => {
          const value = parts.shift();
          return value ? { done: false, value } : { done: true, value: undefined };
        },
        return: async () => {
          closed += 1;
          parts.length = 0;
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]: () => stream,
      };
      return stream;
    });
  },
};

let t: TestGateway;
let yoga: ReturnType<typeof createYoga<Record<string, unknown>, GatewayContext>>;
beforeAll(async () => {
  t = await startTestGateway();
  const built = buildDemoSchema();
  yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    context: createContextFactory({
      db: t.db,
      identity: t.identity,
      verifyToken: createTokenVerifier(t.config.jwt),
      logger: createLogger('silent'),
      requestIdOf: () => 'req-streamed-results',
      policy: baselinePolicySource(built.catalog),
      policyCatalog: built.catalog,
      settings: t.config.impersonation,
    }),
    plugins: [useAuditTrail({ writer: createAuditWriter(t.db) }), useIncrementalDelivery],
    logging: false,
  });
});
afterAll(() => t?.close());

async function ask(query: string): Promise<string> {
  const response = await yoga.fetch('http://warden.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${await t.tokenFor('agent')}` },
    body: JSON.stringify({ query }),
  });
  return response.text();
}

describe('streamed results are refused, since they cannot be recorded before they leave', () => {
  it('refuses a query whose executor streams its result in parts, and closes the stream', async () => {
    const body = await ask('{ hello }');
    expect(body).toContain('"code":"BAD_REQUEST"');
    expect(body).toContain('cannot be');
    expect(body).not.toContain('first part');
    expect(body).not.toContain('second part');
    expect(closed).toBe(1);
  });

  it('refuses a subscription before it starts', async () => {
    const body = await ask('subscription { ticks }');
    expect(body).toContain('"code":"BAD_REQUEST"');
    expect(body).not.toContain('tick one');
  });
});
