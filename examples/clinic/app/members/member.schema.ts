import { actingCustomer, auditSubjectFrom, wardenError } from 'warden';
import type { ClinicBuilder } from '../clinic-types.js';
import { clinicDb } from '../database.js';
import { MEMBER_ROLES } from '../tables/member.js';
import { findMemberInPractice, listMembers, searchMemberDirectory } from './member.repository.js';

const DIRECTORY_MAX = 50;

export function defineMemberTypes(builder: ClinicBuilder): void {
  const MemberRole = builder.enumType('MemberRole', { values: MEMBER_ROLES });

  builder.objectType('Member', {
    description: 'Someone who works at the practice and signs in.',
    extensions: auditSubjectFrom('id'),
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      practiceId: t.exposeID('practice_id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      email: t.exposeString('email', { classification: 'pii', mask: 'email', nullable: true }),
      role: t.field({ type: MemberRole, classification: 'public', resolve: (member) => member.role }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'internal', nullable: true }),
    }),
  });

  builder.objectType('MemberDirectoryEntry', {
    description: 'A member as the staff directory shows them: who they are and where, nothing more.',
    extensions: auditSubjectFrom('memberId'),
    fields: (t) => ({
      memberId: t.exposeID('memberId', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'pii', nullable: true }),
      practiceId: t.exposeID('practiceId', { classification: 'public' }),
      practiceName: t.exposeString('practiceName', { classification: 'public' }),
    }),
  });

  builder.objectFields('Practice', (t) => ({
    members: t.field({
      type: ['Member'],
      classification: 'public',
      resolve: (practice, _args, context) => listMembers(clinicDb(context.db), practice.id),
    }),
  }));

  builder.queryFields((t) => ({
    me: t.field({
      type: 'Member',
      nullable: true,
      callers: 'customer',
      classification: 'public',
      description: 'The calling member.',
      resolve: async (_root, _args, context) => {
        const member = actingCustomer(context);
        const row = await findMemberInPractice(clinicDb(context.db), member.accountId, member.id);
        if (!row) throw wardenError('NOT_FOUND', 'Your membership no longer exists; sign in again.');
        return row;
      },
    }),
    memberDirectory: t.field({
      type: ['MemberDirectoryEntry'],
      callers: 'staff',
      classification: 'public',
      description: 'Staff only: find a member by their name or their practice’s name, to start a session as them.',
      args: {
        search: t.arg.string({ required: true, filtersBy: 'MemberDirectoryEntry.name' }),
        first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }),
      },
      resolve: (_root, { search, first }, context) => {
        const text = search.trim();
        if (text.length < 2) throw wardenError('BAD_USER_INPUT', 'Search with at least two characters of a name or a practice name.');
        if (first < 1 || first > DIRECTORY_MAX) throw wardenError('BAD_USER_INPUT', `Ask for between 1 and ${DIRECTORY_MAX} directory entries.`);
        return searchMemberDirectory(clinicDb(context.db), text, first);
      },
    }),
  }));
}
