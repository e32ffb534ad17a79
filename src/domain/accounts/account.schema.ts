import { actingCustomer, auditScopeOf, auditSubjectFrom, wardenError } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { findAccountById, searchDirectory } from './account.repository.js';
import { definePlanTypes } from './plan.schema.js';
import { setSupportAccess } from './support-access.service.js';
import { demoDb } from '../database.js';

const DIRECTORY_MAX = 50;

export function defineAccountTypes(builder: DemoBuilder): void {
  const Plan = definePlanTypes(builder);
  const SupportAccess = builder.enumType('SupportAccess', {
    description: 'Whether support staff may enter the account.',
    values: {
      allow: { value: 'allow', description: 'Support may enter under the normal rules.' },
      ask_first: { value: 'ask_first', description: 'A manager must approve each entry.' },
      never: { value: 'never', description: 'Support may not enter.' },
    } as const,
  });

  builder.objectType('Account', {
    description: 'A customer workspace: its people, billing and settings.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'public' }),
      plan: t.field({ type: Plan, classification: 'public', resolve: (account) => account.plan }),
      region: t.exposeString('region', { classification: 'internal', nullable: true }),
      sensitive: t.exposeBoolean('sensitive', {
        classification: 'internal',
        nullable: true,
        description: 'Regulated or enterprise accounts: support needs a manager to enter.',
      }),
      supportAccess: t.field({ type: SupportAccess, classification: 'public', resolve: (account) => account.support_access }),
      featureFlags: t.exposeStringList('feature_flags', { classification: 'internal', nullable: true }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectType('DirectoryEntry', {
    description: 'A customer as the staff directory shows them: who they are and where, nothing more.',
    extensions: auditSubjectFrom('userId'),
    fields: (t) => ({
      userId: t.exposeID('userId', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      accountId: t.exposeID('accountId', { classification: 'public' }),
      accountName: t.exposeString('accountName', { classification: 'public' }),
      plan: t.field({ type: Plan, classification: 'public', resolve: (entry) => entry.plan }),
    }),
  });

  builder.mutationField('setSupportAccess', (t) =>
    t.field({
      type: 'Account',
      callers: 'customer',
      classification: 'public',
      risk: 'never-during-impersonation',
      description: 'Whether support may enter this account: allow, ask_first or never (owners and admins).',
      args: { value: t.arg({ type: SupportAccess, required: true, filtersBy: false }) },
      resolve: (_root, { value }, context, info) => setSupportAccess(context.db, actingCustomer(context), value, auditScopeOf(context, info)),
    }),
  );

  builder.queryFields((t) => ({
    account: t.field({
      type: 'Account',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: "The calling customer's own account.",
      authScopes: { customer: true },
      resolve: async (_root, _args, context) => {
        const account = await findAccountById(demoDb(context.db), actingCustomer(context).accountId);
        if (!account) throw wardenError('NOT_FOUND', 'Your account no longer exists; sign in again.');
        return account;
      },
    }),
    directory: t.field({
      type: ['DirectoryEntry'],
      callers: 'staff',
      classification: 'public',
      description: 'Staff only: find a customer by their name or their account name.',
      authScopes: { staff: true },
      args: {
        search: t.arg.string({ required: true, filtersBy: 'DirectoryEntry.name' }),
        first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }),
      },
      resolve: (_root, { search, first }, context) => {
        const text = search.trim();
        if (text.length < 2) {
          throw wardenError('BAD_USER_INPUT', 'Search with at least two characters of a name or an account name.');
        }
        if (first < 1 || first > DIRECTORY_MAX) {
          throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${DIRECTORY_MAX} directory entries.`);
        }
        return searchDirectory(demoDb(context.db), { text, limit: first });
      },
    }),
  }));
}
