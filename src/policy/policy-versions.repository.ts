import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { NewPolicyVersionRow, PolicyVersionRow, PolicyVersionStatus } from '../db/tables/policy-version.js';

export function findActivePolicyVersion(db: Executor): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_versions').selectAll().where('status', '=', 'active').executeTakeFirst();
}

export function findPolicyVersion(db: Executor, version: number): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_versions').selectAll().where('version', '=', version).executeTakeFirst();
}

/** The baseline a gateway recorded last (the schema/policy.json it started with), if any. */
export function findLatestBaseline(db: Executor): Promise<PolicyVersionRow | undefined> {
  return db.selectFrom('policy_versions').selectAll().where('baseline_hash', 'is not', null).orderBy('version', 'desc').executeTakeFirst();
}

/** Baselines recorded while they waited for a security admin's approval, still waiting. */
export function findPendingBaselines(db: Executor): Promise<PolicyVersionRow[]> {
  return db.selectFrom('policy_versions').selectAll().where('status', '=', 'pending').where('baseline_hash', 'is not', null).orderBy('version').execute();
}

export function listPolicyVersions(db: Executor, limit: number): Promise<PolicyVersionRow[]> {
  return db.selectFrom('policy_versions').selectAll().orderBy('version', 'desc').limit(limit).execute();
}

/**
 * Serialises policy changes across every gateway instance for the rest of the transaction, so
 * two admins publishing at once cannot both build on the same active version.
 */
export async function lockPolicyChanges(db: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('warden_policy_versions'))`.execute(db);
}

export async function nextPolicyVersionNumber(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.coalesce(eb.fn.max('version'), sql<number>`0`).as('latest'))
    .executeTakeFirstOrThrow();
  return Number(row.latest) + 1;
}

export async function insertPolicyVersion(db: Executor, row: NewPolicyVersionRow): Promise<PolicyVersionRow> {
  return db.insertInto('policy_versions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function setPolicyVersionStatus(
  db: Executor,
  version: number,
  status: PolicyVersionStatus,
  /** Who decided (null: Warden itself, for a baseline a later deploy replaced) and why. */
  decision?: { by: string | null; note: string | null },
): Promise<PolicyVersionRow> {
  return db
    .updateTable('policy_versions')
    .set({
      status,
      ...(decision ? { decided_by: decision.by, decided_at: new Date(), decision_note: decision.note } : {}),
    })
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Tells every instance (including this one) that the active policy changed; sent at commit. */
export async function announcePolicyChange(db: Executor, version: number): Promise<void> {
  await sql`select pg_notify(${POLICY_CHANNEL}, ${String(version)})`.execute(db);
}

export const POLICY_CHANNEL = 'warden_policy';
