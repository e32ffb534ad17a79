import type { Db } from '../db/database.js';
import type { AuditRead, AuditScope } from './audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';

/**
 * Reading the audit is itself recorded: who looked, at what, with which filter and page, and
 * for an export what it held. Fail closed: when the row cannot be written this throws
 * AUDIT_UNAVAILABLE and the reader gets nothing.
 */
export async function recordAuditRead(db: Db, scope: AuditScope, read: Omit<AuditRead, 'kind'>): Promise<void> {
  await db.transaction().execute((trx) => recordAuditEvent(trx, { kind: 'audit_read', ...read }, scope));
}
