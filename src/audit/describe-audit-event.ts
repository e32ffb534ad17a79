import type { AuditActor, AuditEvent, FieldChange, RecordedFieldChange } from './audit-event.js';

/**
 * The sentence an auditor reads: "Agent Sarah Lee changed the tax rate from 20% to 10% on
 * invoice ACME-2026-001 in account Acme Co". Pure, so every summary can be checked without a
 * database, and readable by someone who does not build software.
 */
export function describeAuditEvent(event: AuditEvent, actor: AuditActor): string {
  const who = actorLabel(actor);
  switch (event.kind) {
    case 'mutation_executed': {
      const where = `in account ${event.account.name}`;
      if (event.done) {
        const noted = event.changes.map(noteChange).join('; ');
        return `${who} ${event.done}${noted ? ` (${noted})` : ''} ${where}`;
      }
      if (event.changes.length === 0) return `${who} ran ${event.typeField.replace('Mutation.', '')} (${event.target}) ${where}`;
      const whose = event.whose ? `${event.whose}'s` : 'the';
      const changed = event.changes.map((change) => describeChange(change, whose)).join(', ');
      return `${who} ${changed}${event.whose ? '' : ` on ${event.target}`} ${where}`;
    }
    case 'mutation_refused':
      return `${who} was stopped from running ${event.typeField.replace('Mutation.', '')} as ${event.user.name} (${event.account.name}): ${event.why}`;
    case 'policy_changed': {
      const loosened = event.changes.filter((c) => c.direction === 'loosens').length;
      const rules = `${event.changes.length} rule${event.changes.length === 1 ? '' : 's'}`;
      const what = {
        published: `proposed policy version ${event.version}, which changes ${rules} and loosens ${loosened}; it waits for a second security admin`,
        activated: `put policy version ${event.version} in force, changing ${rules}`,
        approved: `approved policy version ${event.version}, which loosens ${loosened} of ${rules}, and put it in force`,
        rejected: `rejected policy version ${event.version}`,
        withdrawn: `withdrew policy version ${event.version}, which they had proposed`,
        baseline: `recorded the baseline policy (schema/policy.json) as version ${event.version}, changing ${rules}`,
      }[event.action];
      return `${who} ${what}: "${event.reason}"`;
    }
    case 'session_started':
      return `${who} started a ${mode(event.mode)} session as ${event.user.name} (${event.account.name}) for ticket ${event.ticket}: "${event.reason}"`;
    case 'session_ended':
    case 'session_expired':
    case 'session_revoked':
      return `${who === 'Warden' ? 'Warden' : who} ${endPhrase(event.how)} the session as ${event.user.name} (${event.account.name}) after ${event.minutes} minute${event.minutes === 1 ? '' : 's'}${event.note ? `: "${event.note}"` : ''}`;
    case 'approval_requested':
      return `${who} asked for approval ${event.what} as ${event.user.name} (${event.account.name}): "${event.reason}"`;
    case 'approval_granted':
    case 'approval_denied':
      return `${who} ${event.kind === 'approval_granted' ? 'approved' : 'denied'} ${event.requesterName}'s request ${event.what} as ${event.user.name} (${event.account.name})${event.note ? `: "${event.note}"` : ''}`;
    case 'approval_expired':
      return `${who} closed ${event.requester.name}'s request ${event.what} as ${event.user.name} (${event.account.name}): ${event.why}`;
    case 'approval_withdrawn': {
      const whose = actor.id === event.requester.id ? 'their' : `${event.requester.name}'s`;
      return `${who} withdrew ${whose} request ${event.what} as ${event.user.name} (${event.account.name}): ${event.why}`;
    }
    case 'approval_used':
      return `${who} used the approval ${event.what} as ${event.user.name} (${event.account.name}): ${event.why}`;
    case 'access_denied':
      return `${who} was refused: ${event.attempted}. ${event.why}`;
    case 'audit_read':
      return `${who} read the audit (${event.what})`;
    case 'session_delegated':
      return `${who} delegated the session as ${event.user.name} (${event.account.name}) to Assistant ${event.assistant.name}, until ${event.expiresAt} at the latest`;
    case 'delegation_revoked':
      return `${who} took the session as ${event.user.name} (${event.account.name}) back from Assistant ${event.assistant.name}`;
    case 'demo_data_seeded': {
      const counts = Object.entries(event.rows)
        .map(([table, n]) => `${n} ${table.replaceAll('_', ' ')}`)
        .join(', ');
      return `${who} loaded the demo data (${counts})`;
    }
  }
}

/** "changed the tax rate from 20% to 10%"; `whose` is "the" or a possessive ("Tom Baker's"). */
function describeChange(change: FieldChange | RecordedFieldChange, whose: string): string {
  const withheld = withheldValue(change);
  if (withheld) return `changed ${whose} ${change.label} (${withheld})`;
  if (change.before === change.after) return `left ${whose} ${change.label} at ${show(change.after)}`;
  return `changed ${whose} ${change.label} from ${show(change.before)} to ${show(change.after)}`;
}

/** "status: active → revoked", after what was done. */
function noteChange(change: FieldChange | RecordedFieldChange): string {
  const withheld = withheldValue(change);
  return withheld ? `${change.label}: ${withheld}` : `${change.label}: ${show(change.before)} → ${show(change.after)}`;
}

/** "a sensitive value, not recorded" for a value the audit does not keep; null for one it does. */
function withheldValue(change: FieldChange | RecordedFieldChange): string | null {
  if (!('values' in change) || change.values !== 'withheld') return null;
  return `${change.dataClass === 'unclassified' ? 'an unclassified' : `a ${change.dataClass}`} value, not recorded`;
}

function show(value: string | null): string {
  return value === null ? 'nothing' : value;
}

function mode(value: 'read_only' | 'read_write'): string {
  return value === 'read_only' ? 'read-only' : 'read-write';
}

function endPhrase(how: string): string {
  switch (how) {
    case 'idle_timeout':
      return 'closed (idle for too long)';
    case 'expired':
      return 'closed (time limit reached)';
    case 'revoked':
      return 'revoked';
    case 'role_lost':
      return 'closed (the agent lost the role)';
    case 'target_changed':
      return "closed (the customer's account changed)";
    default:
      return 'ended';
  }
}

export function actorLabel(actor: AuditActor): string {
  switch (actor.kind) {
    case 'staff':
      return `${actor.title ?? 'Staff member'} ${actor.name}`;
    case 'customer':
      return actor.name;
    case 'system':
      return actor.name;
    case 'assistant':
      // "Assistant Triage-Bot, for Agent Sarah Lee, read …": the person it acts for, always.
      return `Assistant ${actor.name}${actor.for ? `, for Agent ${actor.for.name},` : ''}`;
  }
}
