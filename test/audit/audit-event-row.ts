import type { AuditEventRow } from '../../src/db/tables/audit-event.js';

let seq = 0;

/**
 * An `audit_events` row as a reader gets it, for tests of what reads rows (the session story,
 * the stream's events): Sarah Lee's public read in Tom Baker's session at Acme, numbered in
 * order, with `fields` over it. Not chained: no hash is checked.
 */
export function auditEventRow(fields: Partial<AuditEventRow> = {}): AuditEventRow {
  seq += 1;
  return {
    chain_id: 0,
    chain_seq: String(seq),
    occurred_at: new Date('2026-11-02T14:05:00Z'),
    kind: 'field_read',
    actor_kind: 'staff',
    actor_id: 'stf_sarah',
    actor_name: 'Sarah Lee',
    subject_user_id: 'usr_tom',
    account_id: 'acc_acme',
    session_id: 'ses_1',
    request_id: 'req-1',
    reason: null,
    operation: 'query',
    type_field: null,
    path: null,
    data_class: 'public',
    decision: 'allowed',
    policy_version: 0,
    details: {},
    summary: '',
    prev_hash: '',
    hash: '',
    ...fields,
  };
}
