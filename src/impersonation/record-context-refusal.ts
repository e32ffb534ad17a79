import type { Transaction } from 'kysely';
import type { AuditScope } from '../audit/index.js';
import type { AccessDenied } from '../audit/audit-event.js';
import { recordDenial } from '../audit/record-denial.js';
import type { Database, Db } from '../db/database.js';
import { wardenError } from '../errors/index.js';

/**
 * Records a refusal made while the request's context is built, before anything executes, in
 * its own transaction (with whatever must change with it). Fail closed: when the record cannot
 * be written, the caller gets AUDIT_UNAVAILABLE instead of the refusal.
 */
export async function recordContextRefusal(
  db: Db,
  event: AccessDenied,
  scope: AuditScope,
  withRefusal?: (trx: Transaction<Database>) => Promise<void>,
): Promise<void> {
  try {
    await db.transaction().execute(async (trx) => {
      await withRefusal?.(trx);
      await recordDenial(trx, event, scope);
    });
  } catch {
    throw wardenError('AUDIT_UNAVAILABLE', 'The audit trail could not be written, so the request is refused. Try again in a moment.');
  }
}
