import type { WardenBuilder } from '../../graphql/builder.js';

export function defineViewerTypes(builder: WardenBuilder): void {
  const PrincipalKind = builder.enumType('PrincipalKind', { values: ['staff', 'customer'] as const });

  builder.objectType('Viewer', {
    description: 'Who the gateway thinks is calling: useful for a frontend to check its token.',
    fields: (t) => ({
      id: t.exposeID('id'),
      kind: t.field({ type: PrincipalKind, resolve: (principal) => principal.kind }),
      name: t.exposeString('name'),
      roles: t.stringList({
        description: 'Staff roles both the token and Warden agree on; empty for customers.',
        resolve: (principal) => (principal.kind === 'staff' ? [...principal.roles] : []),
      }),
      accountId: t.id({
        nullable: true,
        resolve: (principal) => (principal.kind === 'customer' ? principal.accountId : null),
      }),
    }),
  });

  builder.queryField('viewer', (t) =>
    t.field({ type: 'Viewer', resolve: (_root, _args, context) => context.principal }),
  );
}
