import type { AuditActor } from '../audit/index.js';
import type { AssistantPrincipal, StaffPrincipal } from '../auth/principal.js';
import type { SessionMode } from '../db/tables/impersonation-session.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { StartRefusal, StartTarget } from './start-checks.js';
import { mayImpersonate } from './start-checks.js';

/**
 * Who holds a session: a support agent, or an AI assistant on a read-only session of its own
 * (where the policy's `assistantsMayOpenSessions` lets it; docs/ai-assistants.md). The session's
 * `agent_id` names either: both are in Warden's staff directory.
 */
export type SessionHolder = StaffPrincipal | AssistantPrincipal;

/** What the policy in force says about who may hold a session. */
export interface HolderPolicy {
  oncallMayImpersonate: boolean;
  assistantsMayOpenSessions: boolean;
}

/**
 * Whether a directory entry may hold a session now: an active person with a role that
 * impersonates, or an active assistant while the policy lets assistants open sessions of their
 * own. A session whose holder no longer may ends (`role_lost`), by the request or the sweeper
 * that finds it.
 */
export function holderMayImpersonate(holder: { kind: 'person' | 'assistant'; active: boolean; roles: readonly StaffRole[] }, policy: HolderPolicy): boolean {
  if (!holder.active) return false;
  return holder.kind === 'assistant' ? policy.assistantsMayOpenSessions : mayImpersonate(holder.roles, policy.oncallMayImpersonate);
}

/** Why this caller may not start a session at all, before its input is looked at; null when it may. */
export function holderRefusal(holder: SessionHolder, policy: HolderPolicy): StartRefusal | null {
  if (holder.kind === 'staff') {
    return mayImpersonate(holder.roles, policy.oncallMayImpersonate) ? null : { code: 'FORBIDDEN', why: 'Only support agents may start impersonation sessions.' };
  }
  if (!policy.assistantsMayOpenSessions) {
    return { code: 'ASSISTANT_NOT_PERMITTED', why: 'The policy in force does not let AI assistants open sessions of their own: ask a support agent to start one and delegate it to you.' };
  }
  if (holder.onBehalfOf) {
    return {
      code: 'ASSISTANT_NOT_PERMITTED',
      why: `This token acts for ${holder.onBehalfOf.name}, who starts their own sessions: an assistant opens a session of its own only with its own token (kind ai_agent).`,
    };
  }
  return null;
}

/** An assistant's own session is read-only; a person's may be read-write (a manager approves it). */
export function modeRefusal(holder: SessionHolder, mode: SessionMode): StartRefusal | null {
  if (holder.kind === 'staff' || mode === 'read_only') return null;
  return {
    code: 'ASSISTANT_NOT_PERMITTED',
    why: 'An assistant opens read-only sessions only: ask for mode read_only, or ask a support agent to start a read-write session and delegate it to you (your changes there wait for their approval).',
  };
}

/**
 * An assistant's own session never waits for a manager: an approval request would name the
 * assistant to a manager as if it were an agent. A start that would need one is refused, and a
 * person starts it instead.
 */
export function approvalRefusal(holder: SessionHolder, target: StartTarget, needsApproval: readonly string[]): StartRefusal | null {
  if (holder.kind === 'staff' || needsApproval.length === 0) return null;
  return {
    code: 'ASSISTANT_NOT_PERMITTED',
    // Named by id, as the assistant named them: it sees people's names only as stand-ins.
    why: `Entering as ${target.userId} (account ${target.accountId}) needs a manager's approval (${needsApproval.join('; ')}), and an assistant's own session never waits for one: ask a support agent to start the session and delegate it to you.`,
  };
}

/**
 * How a customer's history and a notification name a session's holder: an assistant as one
 * ("Assistant Triage-Bot"), so nobody takes it for a person; a person by their name.
 */
export function holderLabel(entry: { kind: 'person' | 'assistant'; name: string }): string {
  return entry.kind === 'assistant' ? `Assistant ${entry.name}` : entry.name;
}

/** The holder as the audit table names it, acting on its own (no delegation). */
export function holderActor(holder: SessionHolder): AuditActor {
  if (holder.kind === 'staff') return { kind: 'staff', id: holder.id, name: holder.name };
  const { id, name, vendor, model, priorActors } = holder;
  return { kind: 'assistant', id, name, vendor, model, priorActors, for: holder.onBehalfOf };
}
