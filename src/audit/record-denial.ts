import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { enqueueNotification } from '../notify/index.js';
import { isWatchedForDenials, type AccessDenied, type AuditScope, type MutationRefused } from './audit-event.js';
import { recordAuditEvent } from './record-audit-event.js';
import { DENIAL_CODES, isDenialCode } from './refusal-codes.js';

/** Refusals by one person (or one AI assistant) within this window that raise an alert. */
export const REPEATED_DENIALS = { threshold: 5, windowMinutes: 10 } as const;

/**
 * Records a refusal and, when it is a denial (`DENIAL_CODES`) and the same staff member or AI
 * assistant has now been denied `REPEATED_DENIALS.threshold` times within the window, queues an
 * alert (once per window: the outbox's key carries the window).
 */
export async function recordDenial(
  trx: Transaction<Database>,
  event: AccessDenied | MutationRefused,
  scope: AuditScope,
): Promise<void> {
  await recordAuditEvent(trx, event, scope);
  if (isDenialCode(event.code)) await alertOnRepeatedDenials(trx, scope.actor);
}

/**
 * Queues the repeated-denials alert when this staff member's or AI assistant's denials already
 * recorded (by `recordDenial`, or by the audit trail for refusals in a response and denied
 * fields) reach the threshold within the window; an assistant's are counted per assistant, and
 * the alert names whom it works for. Denials count (`DENIAL_CODES`: FORBIDDEN, NOT_FOUND,
 * SESSION_EXPIRED…), and so does every request refused before it ran (`request_refused`:
 * someone trying field names or limits is probing, whatever the code); a typo in a resolver's
 * input or a sign-in too old pages nobody. One thing denied
 * counts once per request, however many objects it was denied on and however many rows say
 * so (a refused value is both a denied read and the refusal it answered with).
 */
export async function alertOnRepeatedDenials(trx: Transaction<Database>, actor: AuditScope['actor']): Promise<void> {
  if (!isWatchedForDenials(actor)) return;
  const row = await trx
    .selectFrom('audit_events')
    .select(sql<string>`count(distinct coalesce(request_id, chain_id || ':' || chain_seq) || ' ' || coalesce(type_field, ''))`.as('count'))
    .where('actor_id', '=', actor.id)
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', 'in', ['access_denied', 'mutation_refused']), eb(sql<string>`details->>'code'`, 'in', [...DENIAL_CODES])]),
        eb.and([eb('kind', '=', 'field_read'), eb('decision', '=', 'denied')]),
        // Refused before it ran (an unknown field, a limit, introspection): probing looks like this.
        eb('kind', '=', 'request_refused'),
      ]),
    )
    .where('occurred_at', '>', sql<Date>`now() - make_interval(mins => ${REPEATED_DENIALS.windowMinutes})`)
    .executeTakeFirstOrThrow();
  const count = Number(row.count);
  if (count >= REPEATED_DENIALS.threshold) {
    await enqueueNotification(trx, {
      kind: 'repeated_denials',
      agent: { id: actor.id, name: actor.name },
      ...(actor.kind === 'assistant' ? { assistantFor: actor.for ? { id: actor.for.id, name: actor.for.name } : null } : {}),
      count,
      windowMinutes: REPEATED_DENIALS.windowMinutes,
      detectedAt: new Date(),
    });
  }
}
