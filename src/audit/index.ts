export type { AuditActor, AuditEvent, AuditScope, ChangeHook, FieldChange } from './audit-event.js';
export { SYSTEM_ACTOR } from './audit-event.js';
export { describeAuditEvent } from './describe-audit-event.js';
export { recordAuditEvent } from './record-audit-event.js';
export { recordAuditRead } from './record-audit-read.js';
export { auditSubjectFrom } from './audit-subject.js';
export type { AuditSubject } from './audit-event.js';
