import { GraphQLObjectType, GraphQLSchema, GraphQLString, graphql as execute } from 'graphql';
import { describe, expect, it } from 'vitest';
import { applyOperationFirewall, firewallRulesOf } from '../../src/firewall/index.js';
import { isAuthenticated } from '../../src/firewall/rules.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { createWardenBuilder } from '../../src/graphql/warden-types.js';
import type { GatewayContext } from '../../src/graphql/context.js';

const customer = { principal: { kind: 'customer', id: 'usr_jane', name: 'Jane', accountId: 'acc_acme', role: 'owner', authTime: new Date() } } as const;

describe('the operation firewall', () => {
  it('names a rule for every root field of the schema, from what each field says of its callers', () => {
    const schema = buildDemoSchema().schema;
    const rules = firewallRulesOf(schema);
    for (const type of [schema.getQueryType(), schema.getMutationType()]) {
      expect(Object.keys(type?.getFields() ?? {}).sort()).toEqual(Object.keys(rules[type?.name ?? ''] ?? {}).sort());
    }
  });

  it('denies a root field nobody opened (fallbackRule: deny), with FORBIDDEN', async () => {
    const schema = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          viewer: { type: GraphQLString, resolve: () => 'me' },
          forgotten: { type: GraphQLString, resolve: () => 'secret' },
        },
      }),
      mutation: new GraphQLObjectType({
        name: 'Mutation',
        fields: { setInvoiceTaxRate: { type: GraphQLString, resolve: () => 'changed' } },
      }),
    });
    const guarded = applyOperationFirewall(schema, { Query: { viewer: isAuthenticated }, Mutation: {} });
    const result = await execute({ schema: guarded, source: '{ viewer forgotten }', contextValue: customer as unknown as GatewayContext });
    expect(result.data).toEqual({ viewer: 'me', forgotten: null });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([[['forgotten'], 'FORBIDDEN']]);

    const control = await execute({ schema, source: '{ forgotten }' });
    expect(control.data).toEqual({ forgotten: 'secret' });
  });

  it("refuses a root field that does not say who may call it, where the build went on (production's 'secret' mode)", async () => {
    const builder = createWardenBuilder({ onUnclassified: 'secret' });
    builder.queryField('stray', (t) => t.string({ classification: 'public', nullable: true, resolve: () => 'secret' }));
    builder.queryField('open', (t) => t.string({ callers: 'authenticated', classification: 'public', nullable: true, resolve: () => 'fine' }));
    const schema = applyOperationFirewall(builder.toSchema());
    const result = await execute({ schema, source: '{ stray open }', contextValue: customer as unknown as GatewayContext });
    expect(result.data).toEqual({ stray: null, open: 'fine' });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([[['stray'], 'FORBIDDEN']]);
  });

  it('leaves non-root fields unwrapped, so lists pay nothing for it', () => {
    const plain = buildDemoSchema().schema;
    const guarded = applyOperationFirewall(plain);
    const resolverOf = (schema: GraphQLSchema, type: string, field: string) =>
      (schema.getType(type) as GraphQLObjectType).getFields()[field]?.resolve;
    expect(resolverOf(guarded, 'Invoice', 'taxRate')).toBe(resolverOf(plain, 'Invoice', 'taxRate'));
    expect(resolverOf(guarded, 'Query', 'account')).not.toBe(resolverOf(plain, 'Query', 'account'));
  });
});
