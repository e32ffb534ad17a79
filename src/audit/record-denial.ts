import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { enqueueNotification } from '../notify/index.js';
import type { AccessDenied, AuditScope, MutationRefused } from './audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';

/** Refusals by one person within this window that raise an alert. */
export const REPEATED_DENIALS = { threshold: 5, windowMinutes: 10 } as const;

/**
 * Records a refusal and, when the same staff member has now been refused
 * `REPEATED_DENIALS.threshold` times within the window, queues an alert (once per window: the
 * outbox's key carries the window).
 */
export async function recordDenial(
  trx: Transaction<Database>,
  event: AccessDenied | MutationRefused,
  scope: AuditScope,
): Promise<void> {
  await recordAuditEvent(trx, event, scope);
  await alertOnRepeatedDenials(trx, scope.actor);
}

/**
 * Queues the repeated-denials alert when this staff member's refusals already recorded (by
 * `recordDenial`, or by the audit trail for firewall and argument refusals and denied fields)
 * reach the threshold within the window. A denied field counts once per request, however many
 * objects it was denied on.
 */
export async function alertOnRepeatedDenials(trx: Transaction<Database>, actor: AuditScope['actor']): Promise<void> {
  if (actor.kind !== 'staff') return;
  const row = await trx
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('actor_id', '=', actor.id)
    .where((eb) => eb.or([eb('kind', 'in', ['access_denied', 'mutation_refused']), eb.and([eb('kind', '=', 'field_read'), eb('decision', '=', 'denied')])]))
    .where('occurred_at', '>', sql<Date>`now() - make_interval(mins => ${REPEATED_DENIALS.windowMinutes})`)
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count >= REPEATED_DENIALS.threshold) {
    await enqueueNotification(trx, {
      kind: 'repeated_denials',
      agent: { id: actor.id, name: actor.name },
      count,
      windowMinutes: REPEATED_DENIALS.windowMinutes,
      detectedAt: new Date(),
    });
  }
}
