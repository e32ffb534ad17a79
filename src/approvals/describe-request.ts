import { recordedValue } from '../audit/recorded-field-change.js';
import type { ApprovalDescription, ApprovalPayload, ApprovalRequestRow } from '../db/tables/approval-request.js';
import { renderEffect, type EffectText, type ShowValue } from '../policy/plugin/effect-text.js';
import type { FieldPlan } from '../policy/plugin/types.js';

/**
 * How a request made before descriptions were kept is named: "for access to User.birthDate, for
 * every user in the account (not only the customer)". Only its payload is known.
 */
export function describeRequest(payload: ApprovalPayload): string {
  switch (payload.kind) {
    case 'session_start':
      return `for a ${payload.mode === 'read_only' ? 'read-only' : 'read-write'} session of ${payload.minutes} minutes`;
    case 'mutation':
      return `to run ${payload.field}`;
    case 'field_access':
      return `for access to ${payload.fields.join(', ')}, for every user in the account (not only the customer)`;
  }
}

/**
 * What a request asks for, as every audit record of it says it: "to refund invoice ACME-2026-001
 * (GBP 61.50, paid, issued 2026-01-01)", values as the audit keeps them.
 */
export function requestWhat(request: Pick<ApprovalRequestRow, 'effect' | 'payload'>): string {
  return request.effect ? `to ${request.effect.recorded}` : describeRequest(request.payload);
}

/**
 * The request in one sentence for a reader, each value shown as `show` shows it: "Sarah Lee asks
 * to refund invoice ACME-2026-001 (GBP 61.50, paid, issued 2026-01-01) in Acme Co, acting as Tom
 * Baker, ticket SUP-1234: <reason>".
 */
export function requestSummary(request: Pick<ApprovalRequestRow, 'effect' | 'payload' | 'reason'>, show: ShowValue): string {
  if (!request.effect) return describeRequest(request.payload);
  return `${request.effect.requester} asks to ${framed(request.effect, renderEffect(request.effect.effect, show))}: ${request.reason}`;
}

/** The effect with where, as whom and under which ticket: what a notification asks approval for. */
export function framed(description: Pick<ApprovalDescription, 'account' | 'customer' | 'ticket'>, effect: string): string {
  return `${effect} in ${description.account}, acting as ${description.customer}, ticket ${description.ticket}`;
}

/** Shows values as the audit keeps them (`recordedValue`): the audit trail, and notifications, which leave the building. */
export function asAuditKeeps(fields: ReadonlyMap<string, FieldPlan> | undefined): ShowValue {
  return (field, value) => recordedValue(value, fields?.get(field));
}

/** A description's effect as the audit keeps it. */
export function recordedEffect(effect: EffectText, fields: ReadonlyMap<string, FieldPlan> | undefined): string {
  return renderEffect(effect, asAuditKeeps(fields));
}
