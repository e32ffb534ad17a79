import type { AuditActor, AuditEvent, FieldChange } from './audit-event.js';

/**
 * The sentence an auditor reads: "Jane Doe changed the tax rate from 20% to 10% on invoice
 * ACME-2026-001 in account Acme Co". Pure, so every summary can be checked without a database.
 */
export function describeAuditEvent(event: AuditEvent, actor: AuditActor): string {
  switch (event.kind) {
    case 'mutation_executed': {
      const what = event.changes.map(describeChange).join(', ') || 'made no change';
      return `${actorLabel(actor)} ${what} on ${event.target} in account ${event.account.name}`;
    }
    case 'policy_changed': {
      const loosened = event.changes.filter((c) => c.direction === 'loosens').length;
      const rules = `${event.changes.length} rule${event.changes.length === 1 ? '' : 's'}`;
      const what = {
        published: `proposed policy version ${event.version}, which changes ${rules} and loosens ${loosened}; it waits for a second security admin`,
        activated: `put policy version ${event.version} in force, changing ${rules}`,
        approved: `approved policy version ${event.version}, which loosens ${loosened} of ${rules}, and put it in force`,
        rejected: `rejected policy version ${event.version}`,
      }[event.action];
      return `${actorLabel(actor)} ${what}: "${event.reason}"`;
    }
    case 'demo_data_seeded': {
      const counts = Object.entries(event.rows)
        .map(([table, n]) => `${n} ${table.replaceAll('_', ' ')}`)
        .join(', ');
      return `${actorLabel(actor)} loaded the demo data (${counts})`;
    }
  }
}

function describeChange(change: FieldChange): string {
  if (change.before === change.after) return `left the ${change.label} at ${show(change.after)}`;
  return `changed the ${change.label} from ${show(change.before)} to ${show(change.after)}`;
}

function show(value: string | null): string {
  return value === null ? 'nothing' : value;
}

export function actorLabel(actor: AuditActor): string {
  switch (actor.kind) {
    case 'staff':
      return `Staff member ${actor.name}`;
    case 'customer':
      return actor.name;
    case 'system':
      return actor.name;
  }
}
