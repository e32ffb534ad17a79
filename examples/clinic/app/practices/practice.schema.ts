import { actingCustomer, wardenError } from 'warden';
import type { ClinicBuilder } from '../clinic-types.js';
import { clinicDb } from '../database.js';
import { findPracticeById } from './practice.repository.js';

export function definePracticeTypes(builder: ClinicBuilder): void {
  const SupportAccess = builder.enumType('SupportAccess', {
    description: 'Whether support staff may enter the practice.',
    values: ['allow', 'ask_first', 'never'] as const,
  });

  builder.objectType('Practice', {
    description: 'A practice: the account its members sign in to.',
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'public' }),
      sensitive: t.exposeBoolean('sensitive', {
        classification: 'internal',
        nullable: true,
        description: 'Mental health, oncology…: support needs a manager to enter.',
      }),
      supportAccess: t.field({ type: SupportAccess, classification: 'public', resolve: (practice) => practice.support_access }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.queryField('practice', (t) =>
    t.field({
      type: 'Practice',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: "The calling member's own practice.",
      resolve: async (_root, _args, context) => {
        const practice = await findPracticeById(clinicDb(context.db), actingCustomer(context).accountId);
        if (!practice) throw wardenError('NOT_FOUND', 'Your practice no longer exists; sign in again.');
        return practice;
      },
    }),
  );
}
