import { GraphQLInt, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType, GraphQLSchema, GraphQLString } from 'graphql';
import { createYoga, type Plugin, type YogaServerOptions } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useErrorCodes } from '../../src/server/plugins/use-error-codes.js';

/** A value that must never come back in an error: a stand-in for a secret pasted into a request. */
const CANARY = 'CNRYECHO123';

/** A user row as the database returns it: what a resolver of the wrong type would hand back. */
const ROW = { id: 'usr_1', password_hash: `$scrypt$${CANARY}` };

/** Claims no value is a User, as a type's `isTypeOf` does for a row of another type. */
const User = new GraphQLObjectType({ name: 'User', isTypeOf: () => false, fields: { id: { type: GraphQLString } } });

/** A scalar whose `serialize` gives up (returns null) on the value it is given. */
const Birthday = new GraphQLScalarType({ name: 'Birthday', serialize: () => null });

/**
 * `amount` is an Int whose resolver returns the canary string; `double` takes an Int; `user`
 * returns a row its type refuses; `birthday` a value its scalar cannot serialize.
 */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      amount: { type: GraphQLInt, resolve: () => CANARY },
      user: { type: User, resolve: () => ROW },
      birthday: { type: new GraphQLNonNull(Birthday), resolve: () => CANARY },
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
  const plugins: Plugin[] = withPlugin ? [useErrorCodes({ development: false })] : [];
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

describe('a value of the wrong shape is not echoed in the error', () => {
  it('keeps a whole row out of "Expected value of type "User" but got: …"', async () => {
    const reply = await tinyYoga(true, false)('{ user { id } }');
    expect(reply.body.data).toEqual({ user: null });
    expect(reply.body.errors?.[0]?.message).toBe('Expected value of type "User" but got a value of another type (value not shown).');
    expect(reply.text).not.toContain(CANARY);
  });

  it("keeps the value out of a scalar's failed serialize", async () => {
    const reply = await tinyYoga(true, false)('{ birthday }');
    expect(reply.body.errors?.[0]?.message).toBe('Expected `Birthday.serialize` to return a non-null value (value not shown).');
    expect(reply.text).not.toContain(CANARY);
  });

  it('control: without the plugin, both messages carry the value', async () => {
    for (const query of ['{ user { id } }', '{ birthday }']) {
      const reply = await tinyYoga(false, false)(query);
      expect(reply.body.errors?.[0]?.message, query).toContain(CANARY);
    }
  });
});

describe('a value written where the syntax does not allow it is not echoed in the error', () => {
  // A card number, a pasted secret, a multi-line note, a bare word: each where a field name goes.
  const cases = [
    { kind: 'Int', query: '{ amount 4000123456789010 }', value: '4000123456789010' },
    { kind: 'Float', query: '{ amount 4000123456789010.5 }', value: '4000123456789010' },
    { kind: 'String', query: `{ amount "${CANARY}, found Int" }`, value: CANARY },
    { kind: 'BlockString', query: `{ amount """a note\n${CANARY}""" }`, value: CANARY },
    { kind: 'Name', query: `{ amount } ${CANARY}`, value: CANARY, unexpected: true },
  ];

  it.each(cases)('says it found $kind, and where, without its text', async ({ kind, query, value, unexpected }) => {
    const reply = await tinyYoga(true, false)(query);
    const message = unexpected ? `Syntax Error: Unexpected ${kind} (its text is not shown).` : `Syntax Error: Expected Name, found ${kind} (its text is not shown).`;
    expect(reply.body.errors).toEqual([expect.objectContaining({ message, locations: [expect.objectContaining({ line: expect.any(Number), column: expect.any(Number) })] })]);
    expect(reply.text).not.toContain(value);
  });

  it('control: without the plugin, each message carries the text', async () => {
    for (const { query, value } of cases) {
      const reply = await tinyYoga(false, false)(query);
      expect(reply.body.errors?.[0]?.message, query).toContain(value);
    }
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
