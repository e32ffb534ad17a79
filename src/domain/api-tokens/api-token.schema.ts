import { actingCustomer, auditScopeOf } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { revokeTokenEffect } from './api-token.effects.js';
import { listApiTokens } from './api-token.repository.js';
import { revokeApiToken, tokenState } from './api-token.service.js';
import { demoDb } from '../database.js';

export function defineApiTokenTypes(builder: DemoBuilder): void {
  const ApiTokenState = builder.enumType('ApiTokenState', { values: ['active', 'revoked'] as const });

  builder.objectType('ApiToken', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'internal', nullable: true }),
      secret: t.exposeString('secret', {
        classification: 'secret',
        mask: 'last2',
        nullable: true,
        description: 'The token itself, as stored; shown masked.',
      }),
      // Not `status`: in the activity union it would clash with Invoice.status, another enum.
      state: t.field({ type: ApiTokenState, classification: 'public', resolve: (token) => tokenState(token) }),
      createdBy: t.exposeID('created_by', { classification: 'public' }),
      lastUsedAt: t.expose('last_used_at', { type: 'DateTime', classification: 'internal', nullable: true }),
      revokedAt: t.expose('revoked_at', { type: 'DateTime', classification: 'internal', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectFields('Account', (t) => ({
    apiTokens: t.field({
      type: ['ApiToken'],
      classification: 'public',
      resolve: (account, _args, context) => listApiTokens(demoDb(context.db), account.id),
    }),
  }));

  builder.mutationField('revokeApiToken', (t) =>
    t.field({
      type: 'ApiToken',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: revokeTokenEffect,
      description: 'Revokes an API token of the account: any (owners and admins), or one you created.',
      authScopes: { customer: true },
      args: { tokenId: t.arg.id({ required: true, filtersBy: 'ApiToken.id' }) },
      resolve: (_root, { tokenId }, context, info) => revokeApiToken(context.db, actingCustomer(context), String(tokenId), auditScopeOf(context, info)),
    }),
  );
}
