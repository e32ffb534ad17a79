import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useErrorCodes } from '../../src/server/plugins/use-error-codes.js';

/** A value that must never come back in an error: a stand-in for a secret pasted into a request. */
const CANARY = 'CNRYECHO123';

/** `amount` is an Int whose resolver returns the canary string; `double` takes an Int. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      amount: { type: GraphQLInt, resolve: () => CANARY },
      double: {
        type: GraphQLInt,
        args: { n: { type: new GraphQLNonNull(GraphQLInt) } },
        resolve: (_root, args: { n: number }) => args.n * 2,
      },
    },
  }),
});

type MaskedErrors = YogaServerOptions<Record<string, unknown>, Record<string, unknown>>['maskedErrors'];

interface Reply {
  status: number;
  text: string;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/**
 * A tiny yoga over the schema above. `maskedErrors` is what the gateway passes: `{ isDev: true }`
 * in development (yoga then adds the original error's message), `false` shows every message.
 */
function tinyYoga(withPlugin: boolean, maskedErrors: MaskedErrors) {
  const plugins: Plugin[] = withPlugin ? [useErrorCodes({ development: false, maxBodyBytes: 100_000 })] : [];
  const yoga = createYoga({ schema, plugins, maskedErrors, logging: false });
  return async (query: string, variables: Record<string, unknown> = {}): Promise<Reply> => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) };
  };
}

const codesOf = (reply: Reply) => reply.body.errors?.map((e) => e.extensions?.['code']);

describe('a value a resolver returned is not echoed in the error', () => {
  it('keeps it out of an unmasked "Int cannot represent non-integer value" message', async () => {
    const reply = await tinyYoga(true, false)('{ amount }');
    expect(reply.body.data).toEqual({ amount: null });
    expect(reply.body.errors?.[0]?.message).toBe('Int cannot represent non-integer value (value not shown)');
    expect(reply.text).not.toContain(CANARY);
  });

  it("keeps it out of yoga's development details (extensions.originalError)", async () => {
    const reply = await tinyYoga(true, { isDev: true })('{ amount }');
    expect(reply.body.data).toEqual({ amount: null });
    expect(codesOf(reply)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(reply.body.errors?.[0]?.extensions).not.toHaveProperty('originalError');
    expect(reply.text).not.toContain(CANARY);
  });

  it('control: without the plugin, both responses carry the value', async () => {
    const unmasked = await tinyYoga(false, false)('{ amount }');
    expect(unmasked.body.errors?.[0]?.message).toContain(CANARY);
    const development = await tinyYoga(false, { isDev: true })('{ amount }');
    expect(development.text).toContain(CANARY);
  });
});

describe('a value sent in is not echoed in the error', () => {
  const query = 'query Double($n: Int!) { double(n: $n) }';

  it('refuses a string variable for an Int! with BAD_USER_INPUT, without the value', async () => {
    const reply = await tinyYoga(true, false)(query, { n: CANARY });
    expect(reply.body.data).toBeUndefined();
    expect(codesOf(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.body.errors?.[0]?.message).toMatch(/^Variable "\$n" got an invalid value/);
    expect(reply.text).not.toContain(CANARY);
  });

  it('refuses a string literal for an Int without the value', async () => {
    const reply = await tinyYoga(true, false)(`{ double(n: "${CANARY}") }`);
    expect(codesOf(reply)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    // The document itself is the caller's own; only the response must not reflect it.
    expect(reply.text).not.toContain(CANARY);
  });

  it('control: without the plugin, the value comes back and the error has no code', async () => {
    const reply = await tinyYoga(false, false)(query, { n: CANARY });
    expect(reply.text).toContain(CANARY);
    expect(codesOf(reply)).toEqual([undefined]);
  });

  it('does not echo a number too large for Int (a card number)', async () => {
    const card = 4242424242424242;
    const reply = await tinyYoga(true, false)(query, { n: card });
    expect(codesOf(reply)).toEqual(['BAD_USER_INPUT']);
    expect(reply.text).not.toContain(String(card));
  });

  it('does not echo the part of a value after "; "', async () => {
    const reply = await tinyYoga(true, false)(query, { n: `${CANARY}; CNRYTAIL456` });
    expect(reply.text).not.toContain('CNRYTAIL456');
  });
});
