import type { ApprovalKind } from '../db/tables/approval-request.js';
import type { SessionEndReason, SessionMode } from '../db/tables/impersonation-session.js';

/**
 * What Warden tells the team, as a tagged union: each kind carries exactly the facts its
 * message needs — names, ids, reasons, tickets — and nothing else. A customer's values appear
 * only as the audit keeps them (public and internal shown, personal data masked, the rest
 * withheld): a chat channel is read by more people than the audit table.
 */
export type Notification = SessionStarted | ApprovalRequested | SessionEnded | RepeatedDenials;

/** A person or account: the id for machines, the name for people. */
export interface Named {
  id: string;
  name: string;
}

export interface SessionStarted {
  kind: 'session_started';
  sessionId: string;
  agent: Named;
  customer: Named;
  account: Named;
  reason: string;
  ticket: string;
  mode: SessionMode;
  endsAt: Date;
}

export interface ApprovalRequested {
  kind: 'approval_requested';
  requestId: string;
  /** What is asked for (named so it does not shadow the union's `kind`). */
  approvalKind: ApprovalKind;
  requester: Named;
  /**
   * What approving would do, as a verb phrase with where, as whom and the ticket: "refund invoice
   * ACME-2026-001 (GBP 61.50, paid, issued 2026-01-01) in Acme Co, acting as Tom Baker, ticket
   * SUP-1234". Values as the audit keeps them, never a variable as sent.
   */
  target: string;
  reason: string;
}

export interface SessionEnded {
  kind: 'session_ended';
  sessionId: string;
  agent: Named;
  customer: Named;
  account: Named;
  endReason: SessionEndReason;
  durationMinutes: number;
}

export interface RepeatedDenials {
  kind: 'repeated_denials';
  /** Who was denied: a staff member, or an AI assistant (then `assistantFor` is set). */
  agent: Named;
  /**
   * Set when the one denied is an AI assistant: the person it works for (the agent who
   * delegated the session, or whom its token names), or null in a session of its own.
   */
  assistantFor?: Named | null;
  count: number;
  windowMinutes: number;
  /** When the threshold was crossed; with `windowMinutes` it makes one alert per agent per window. */
  detectedAt: Date;
}

/**
 * The outbox's idempotency key, also sent as the `Idempotency-Key` header: the same event
 * enqueued twice (a retried request, two instances noticing one expiry) notifies once.
 */
export function notificationKey(notification: Notification): string {
  switch (notification.kind) {
    case 'session_started':
    case 'session_ended':
      return `${notification.kind}:${notification.sessionId}`;
    case 'approval_requested':
      return `${notification.kind}:${notification.requestId}`;
    case 'repeated_denials': {
      const windowMs = Math.max(1, notification.windowMinutes) * 60_000;
      const window = Math.floor(notification.detectedAt.getTime() / windowMs);
      return `${notification.kind}:${notification.agent.id}:${window}`;
    }
  }
}

/**
 * What must arrive in order: everything about one session (started before ended, however
 * long the webhook was down). Null: the message stands alone.
 */
export function orderingKeyOf(notification: Notification): string | null {
  switch (notification.kind) {
    case 'session_started':
    case 'session_ended':
      return `session:${notification.sessionId}`;
    case 'approval_requested':
    case 'repeated_denials':
      return null;
  }
}
