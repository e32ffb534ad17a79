import type { MemberDirectoryEntryShape } from '../clinic-types.js';
import type { ClinicExecutor } from '../database.js';
import type { MemberRow } from '../tables/member.js';

export function findMemberInPractice(db: ClinicExecutor, practiceId: string, memberId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('practice_id', '=', practiceId).where('id', '=', memberId).executeTakeFirst();
}

export function listMembers(db: ClinicExecutor, practiceId: string): Promise<MemberRow[]> {
  return db.selectFrom('members').selectAll().where('practice_id', '=', practiceId).orderBy('id').execute();
}

/** Members whose name or practice's name contains `text` (case-insensitive), by id. */
export function searchMemberDirectory(db: ClinicExecutor, text: string, limit: number): Promise<MemberDirectoryEntryShape[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('members')
    .innerJoin('practices', 'practices.id', 'members.practice_id')
    .select(['members.id as memberId', 'members.name', 'practices.id as practiceId', 'practices.name as practiceName'])
    .where((eb) => eb.or([eb('members.name', 'ilike', pattern), eb('practices.name', 'ilike', pattern)]))
    .orderBy('members.id')
    .limit(limit)
    .execute();
}
