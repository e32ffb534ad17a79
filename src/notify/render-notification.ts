import type { ApprovalKind } from '../db/tables/approval-request.js';
import type { SessionEndReason } from '../db/tables/impersonation-session.js';
import type { Notification, RepeatedDenials } from './notification.js';
import type { SlackMessage } from './slack-message.js';

/** Reasons are free text typed by staff; a chat line should not carry an essay. */
const MAX_REASON_CHARS = 300;

const ASKS_FOR: Record<ApprovalKind, string> = {
  session_start: 'to start a session',
  mutation: 'for a change',
  field_access: 'to see restricted fields',
};

const ENDED: Record<SessionEndReason, (duration: string) => string> = {
  ended: (d) => `ended after ${d}`,
  expired: (d) => `expired after ${d}`,
  idle_timeout: (d) => `timed out for inactivity after ${d}`,
  revoked: (d) => `was revoked after ${d}`,
  role_lost: (d) => `was closed after ${d}: the agent no longer has the role that allows it`,
  target_changed: (d) => `was closed after ${d}: the customer's access rules changed`,
};

/**
 * The Slack-compatible message for a notification: `text` is one plain-language line ("Sarah
 * Lee started a read-only session as Jane Doe (Acme Co) for ticket SUP-1234: …"), `blocks` the
 * same line under a heading, with the ids as context. Pure: every message is checked without a
 * database or a webhook.
 */
export function renderNotification(notification: Notification): SlackMessage {
  const { heading, line, ids } = describe(notification);
  return {
    text: line,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `*${heading}*\n${line}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: ids }] },
    ],
  };
}

function describe(n: Notification): { heading: string; line: string; ids: string } {
  switch (n.kind) {
    case 'session_started': {
      const mode = n.mode === 'read_only' ? 'read-only' : 'read-write';
      return {
        heading: 'Impersonation session started',
        line: `${esc(n.agent.name)} started a ${mode} session as ${esc(n.customer.name)} (${esc(n.account.name)}) for ticket ${esc(n.ticket)}: ${quote(n.reason)}. It ends at ${utc(n.endsAt)}.`,
        ids: `Session ${esc(n.sessionId)} · agent ${esc(n.agent.id)} · user ${esc(n.customer.id)} · account ${esc(n.account.id)}`,
      };
    }
    case 'approval_requested':
      return {
        heading: `Approval needed ${ASKS_FOR[n.approvalKind]}`,
        line: `${esc(n.requester.name)} asks for approval to ${esc(n.target)}. Reason: ${quote(n.reason)}.`,
        ids: `Request ${esc(n.requestId)} · requested by ${esc(n.requester.id)}`,
      };
    case 'session_ended':
      return {
        heading: 'Impersonation session ended',
        line: `${esc(n.agent.name)}'s session as ${esc(n.customer.name)} (${esc(n.account.name)}) ${ENDED[n.endReason](minutes(n.durationMinutes))}.`,
        ids: `Session ${esc(n.sessionId)} · agent ${esc(n.agent.id)} · user ${esc(n.customer.id)} · account ${esc(n.account.id)}`,
      };
    case 'repeated_denials': {
      const who = deniedOne(n);
      return {
        heading: 'Repeated access denials',
        line: `${who.name} was refused access ${n.count} times in ${minutes(n.windowMinutes)}. Check whether this is expected.`,
        ids: `${who.ids} · detected at ${utc(n.detectedAt)}`,
      };
    }
  }
}

/** "Sarah Lee", or "Assistant Triage-Bot, for Sarah Lee," when an AI assistant was denied. */
function deniedOne(n: RepeatedDenials): { name: string; ids: string } {
  if (n.assistantFor === undefined) return { name: esc(n.agent.name), ids: `Agent ${esc(n.agent.id)}` };
  const forWhom = n.assistantFor;
  return forWhom
    ? { name: `Assistant ${esc(n.agent.name)}, for ${esc(forWhom.name)},`, ids: `Assistant ${esc(n.agent.id)} · for ${esc(forWhom.id)}` }
    : { name: `Assistant ${esc(n.agent.name)}`, ids: `Assistant ${esc(n.agent.id)}` };
}

/**
 * Slack reads `<…>` as links and mentions (`<!channel>`) even in `text`; its docs ask for exactly
 * these three escapes. Every interpolated string goes through here.
 */
function esc(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function quote(reason: string): string {
  const oneLine = reason.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > MAX_REASON_CHARS ? `${oneLine.slice(0, MAX_REASON_CHARS - 1)}…` : oneLine;
  return `“${esc(short)}”`;
}

function minutes(n: number): string {
  return `${n} minute${n === 1 ? '' : 's'}`;
}

/** "2026-11-22 14:30 UTC": the same for every reader, whatever their time zone. */
function utc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
