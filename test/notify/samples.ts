import type { Notification } from '../../src/notify/index.js';

type ByKind = { [K in Notification['kind']]: Extract<Notification, { kind: K }> };

const sarah = { id: 'stf_sarah', name: 'Sarah Lee' };
const jane = { id: 'usr_jane', name: 'Jane Doe' };
const acme = { id: 'acc_acme', name: 'Acme Co' };

/** One of each kind, with the facts a real event would carry. */
export const SAMPLES: ByKind = {
  session_started: {
    kind: 'session_started',
    sessionId: 'ses_0001',
    agent: sarah,
    customer: jane,
    account: acme,
    reason: 'Customer cannot download invoice ACME-2026-001',
    ticket: 'SUP-1234',
    mode: 'read_only',
    endsAt: new Date('2026-11-22T14:30:00Z'),
  },
  approval_requested: {
    kind: 'approval_requested',
    requestId: 'apr_0001',
    approvalKind: 'session_start',
    requester: sarah,
    target: "open a read-write session of 30 minutes (approval needed: the user is the account's owner) in Acme Co, acting as Jane Doe, ticket SUP-1234",
    reason: 'Fix the billing address the customer reported in SUP-1234',
  },
  session_ended: {
    kind: 'session_ended',
    sessionId: 'ses_0001',
    agent: sarah,
    customer: jane,
    account: acme,
    endReason: 'idle_timeout',
    durationMinutes: 17,
  },
  repeated_denials: {
    kind: 'repeated_denials',
    agent: sarah,
    count: 7,
    windowMinutes: 15,
    detectedAt: new Date('2026-11-22T14:05:00Z'),
  },
};

/** `count` notifications of every kind in turn, each with an idempotency key of its own. */
export function manyNotifications(count: number): Notification[] {
  return Array.from({ length: count }, (_, i): Notification => {
    const id = String(i).padStart(4, '0');
    switch (i % 4) {
      case 0:
        return { ...SAMPLES.session_started, sessionId: `ses_${id}` };
      case 1:
        return { ...SAMPLES.approval_requested, requestId: `apr_${id}` };
      case 2:
        return { ...SAMPLES.session_ended, sessionId: `ses_${id}` };
      default:
        return { ...SAMPLES.repeated_denials, agent: { id: `stf_${id}`, name: 'Sarah Lee' } };
    }
  });
}
