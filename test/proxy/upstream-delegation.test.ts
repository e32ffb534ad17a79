import type { ExecutionRequest, ExecutionResult } from '@graphql-tools/utils';
import { buildSchema, execute, GraphQLError, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { delegatingSchema } from '../../src/proxy/upstream-delegation.js';

/**
 * Warden's delegation on its own, without a network: what each root field asks of the upstream,
 * and how the upstream's answer (errors included) becomes the served one.
 */

const UPSTREAM = buildSchema(`
  interface Node { id: ID! }
  type Tenant implements Node { id: ID! email: String phone: String }
  type Payment implements Node { id: ID! amountPence: Int! reference: String }
  union Found = Tenant | Payment
  type Query { tenant(id: ID!): Tenant  payments(first: Int): [Payment]  node(id: ID!): Node  search(text: String): [Found] }
`);

function served(answer: (request: ExecutionRequest) => ExecutionResult) {
  const asked: Array<{ query: string; variables: Record<string, unknown> | undefined }> = [];
  const schema = delegatingSchema(
    UPSTREAM,
    (request) => {
      asked.push({ query: print(request.document), variables: request.variables });
      return answer(request);
    },
    new Map(),
  );
  const run = async (query: string, variableValues?: Record<string, unknown>) => JSON.parse(JSON.stringify(await execute({ schema, document: parse(query), variableValues })));
  return { asked, run };
}

describe('what a root field asks of the upstream', () => {
  it('keeps aliases, inlines fragments, and sends only the variables its selection uses', async () => {
    const { asked, run } = served(() => ({ data: { t: { mail: 'a@b', id: 'ten_1' } } }));
    const result = await run('query Q($id: ID!, $unused: Int) { t: tenant(id: $id) { ...Contact } } fragment Contact on Tenant { mail: email id }', { id: 'ten_1', unused: 3 });
    expect(result).toEqual({ data: { t: { mail: 'a@b', id: 'ten_1' } } });
    expect(asked).toEqual([{ query: expect.stringMatching(/^query Q\(\$id: ID!\) \{\s+t: tenant\(id: \$id\) \{\s+\.\.\. on Tenant \{\s+mail: email\s+id\s+\}\s+\}\s+\}$/), variables: { id: 'ten_1' } }]);
    expect(asked[0]?.query).not.toContain('fragment');
  });

  it('asks for __typename under interfaces and unions, and resolves the type from it', async () => {
    const { asked, run } = served((request) =>
      print(request.document).includes('node')
        ? { data: { node: { __typename: 'Tenant', id: 'ten_1', email: 'a@b' } } }
        : { data: { search: [{ __typename: 'Payment', amountPence: 5 }, { __typename: 'Tenant', email: 'a@b' }] } },
    );
    expect(await run('{ node(id: "ten_1") { id ... on Tenant { email } } }')).toEqual({ data: { node: { id: 'ten_1', email: 'a@b' } } });
    expect(await run('{ search(text: "a") { ... on Payment { amountPence } ... on Tenant { email } } }')).toEqual({ data: { search: [{ amountPence: 5 }, { email: 'a@b' }] } });
    expect(asked.map((call) => call.query)).toEqual([expect.stringContaining('__typename'), expect.stringContaining('__typename')]);
  });
});

describe("the upstream's errors", () => {
  const coded = (path: Array<string | number> | undefined) => new GraphQLError('cleaned', { ...(path ? { path } : {}), extensions: { code: 'UPSTREAM_ERROR' } });

  it('are thrown by the field at their path, the rest of the answer served', async () => {
    const { run } = served(() => ({ data: { payments: [{ id: 'p1', reference: 'R1' }, { id: 'p2', reference: null }] }, errors: [coded(['payments', 1, 'reference'])] }));
    const result = await run('{ payments { id reference } }');
    expect(result.data).toEqual({ payments: [{ id: 'p1', reference: 'R1' }, { id: 'p2', reference: null }] });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['payments', 1, 'reference'], extensions: { code: 'UPSTREAM_ERROR' } })]);
  });

  it('stand where an upstream non-null made a value above them null, naming the field that failed', async () => {
    const { run } = served(() => ({ data: { payments: [{ id: 'p1', amountPence: 1 }, null] }, errors: [coded(['payments', 1, 'amountPence'])] }));
    const result = await run('{ payments { id amountPence } }');
    expect(result.data).toEqual({ payments: [{ id: 'p1', amountPence: 1 }, null] });
    expect(result.errors).toEqual([expect.objectContaining({ path: ['payments', 1, 'amountPence'], extensions: { code: 'UPSTREAM_ERROR' } })]);
  });

  it('without a path fail the whole root field when nothing came back', async () => {
    const { run } = served(() => ({ errors: [coded(undefined)] }));
    const result = await run('{ tenant(id: "ten_1") { id } }');
    expect(result).toEqual({ data: { tenant: null }, errors: [expect.objectContaining({ path: ['tenant'], extensions: { code: 'UPSTREAM_ERROR' } })] });
  });

  it('control: an answer without errors is served as it came', async () => {
    const { run } = served(() => ({ data: { payments: [{ id: 'p1', reference: null }] } }));
    expect(await run('{ payments { id reference } }')).toEqual({ data: { payments: [{ id: 'p1', reference: null }] } });
  });
});
