import type { NewStaffRow, WardenDb } from 'warden';

/**
 * Adds a person to Warden's staff directory, or updates them: `id` is their tokens' `sub`, and
 * a token's `roles` count only where this row names them too. `active: false` shuts them out
 * on their next request, whatever their tokens say.
 */
export async function upsertStaff(db: WardenDb, person: NewStaffRow): Promise<void> {
  const { name, email, roles = [], active = true } = person;
  await db
    .insertInto('staff')
    .values({ ...person, roles, active })
    .onConflict((conflict) => conflict.column('id').doUpdateSet({ name, email, roles, active }))
    .execute();
}
