import type { WardenBuilder } from '../graphql/builder.js';

export function defineViewerTypes(builder: WardenBuilder): void {
  const PrincipalKind = builder.enumType('PrincipalKind', { values: ['staff', 'customer', 'assistant'] as const });

  builder.objectType('Viewer', {
    description: 'Who the gateway thinks is calling: useful for a frontend to check its token.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      kind: t.field({ type: PrincipalKind, classification: 'public', resolve: (principal) => principal.kind }),
      // The caller's own name, from their own token: nothing of anyone else's.
      name: t.exposeString('name', { classification: 'public' }),
      roles: t.stringList({
        classification: 'public',
        description: 'Staff roles both the token and Warden agree on; empty for customers.',
        resolve: (principal) => (principal.kind === 'staff' ? [...principal.roles] : []),
      }),
      accountId: t.id({
        classification: 'public',
        nullable: true,
        resolve: (principal) => (principal.kind === 'customer' ? principal.accountId : null),
      }),
    }),
  });

  builder.queryField('viewer', (t) =>
    t.field({ type: 'Viewer', callers: 'authenticated', classification: 'public', resolve: (_root, _args, context) => context.principal }),
  );
}
