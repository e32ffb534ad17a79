import type { ClinicExecutor } from '../database.js';
import type { PracticeRow } from '../tables/practice.js';

export function findPracticeById(db: ClinicExecutor, practiceId: string): Promise<PracticeRow | undefined> {
  return db.selectFrom('practices').selectAll().where('id', '=', practiceId).executeTakeFirst();
}
