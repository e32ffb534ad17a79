import type { DataClass } from '../policy/data-class.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * What the audit table records, as a tagged union: each kind carries exactly the facts its
 * plain-language summary needs. Values in `changes` are display strings; `recordAuditEvent`
 * masks them by the changed field's data class before they are stored, so the audit table
 * never holds a secret.
 */
export type AuditEvent =
  | MutationExecuted
  | MutationRefused
  | DemoDataSeeded
  | PolicyChanged
  | SessionStarted
  | SessionEnded
  | ApprovalRequested
  | ApprovalDecided
  | ApprovalClosed
  | AccessDenied
  | AuditRead
  | SessionDelegated;

export interface FieldChange {
  /** `Type.field` of the changed value, as the schema names it: its class decides what is kept. */
  field: string;
  /** How a person names it: "tax rate". */
  label: string;
  before: string | null;
  after: string | null;
}

/**
 * A change as stored: `before` and `after` as an impersonating agent would see the field
 * (`shown` public and internal values, `masked` personal data, `withheld` for sensitive,
 * secret and unclassified fields, whose values are never stored).
 */
export interface RecordedFieldChange extends FieldChange {
  dataClass: DataClass | 'unclassified';
  values: 'shown' | 'masked' | 'withheld';
}

export interface MutationExecuted {
  kind: 'mutation_executed';
  /** The root field that ran, e.g. `Mutation.setInvoiceTaxRate`. */
  typeField: string;
  account: { id: string; name: string };
  subjectUserId?: string | null;
  /** The thing changed, as a person names it: "invoice ACME-2026-001". */
  target: string;
  /** Whose values changed, when a person's or an account's: the summary says "Tom Baker's email" instead of naming the target. */
  whose?: string | null;
  /**
   * What was done, when no change of values says it, as a past-tense phrase with its object:
   * "deleted Jane Doe's private note of 2026-11-20". The changes then follow as `label: before → after`.
   */
  done?: string | null;
  /** As the service describes them; recorded as `RecordedFieldChange`s. */
  changes: FieldChange[];
}

/**
 * A policy version published, activated, approved, rejected or withdrawn by its author, or a
 * baseline (schema/policy.json) recorded at a gateway's start; names who, why and the diff.
 */
export interface PolicyChanged {
  kind: 'policy_changed';
  action: 'published' | 'activated' | 'approved' | 'rejected' | 'withdrawn' | 'baseline';
  version: number;
  basedOn: number;
  reason: string;
  changes: Array<{ rule: string; column: string | null; before: string; after: string; direction: 'loosens' | 'tightens' }>;
}

/** Who the session (or request) concerns: its customer and account. */
export interface AuditSubject {
  user: { id: string; name: string };
  account: { id: string; name: string };
}

export interface SessionStarted extends AuditSubject {
  kind: 'session_started';
  sessionId: string;
  reason: string;
  ticket: string;
  mode: 'read_only' | 'read_write';
  expiresAt: string;
}

export interface SessionEnded extends AuditSubject {
  kind: 'session_ended' | 'session_expired' | 'session_revoked';
  sessionId: string;
  /** ended, idle_timeout, expired, revoked, role_lost or target_changed. */
  how: string;
  minutes: number;
  note?: string | null;
}

export interface ApprovalRequested extends AuditSubject {
  kind: 'approval_requested';
  requestId: string;
  requestKind: 'session_start' | 'mutation' | 'field_access';
  /**
   * What is asked for, as the request describes it, values as the audit keeps them: "to refund
   * invoice ACME-2026-002 (GBP 74.00, paid, issued 2026-02-01)", "to open a read-only session of 30 minutes (…)".
   */
  what: string;
  reason: string;
  sessionId?: string | null;
}

export interface ApprovalDecided extends AuditSubject {
  kind: 'approval_granted' | 'approval_denied';
  requestId: string;
  requestKind: 'session_start' | 'mutation' | 'field_access';
  what: string;
  requesterName: string;
  note: string | null;
  sessionId?: string | null;
}

/**
 * A request or approval that closed without a manager's decision: it lapsed or no longer holds
 * (`approval_expired`), its requester took it back (`approval_withdrawn`), or it was used up by
 * the one mutation it allowed (`approval_used`).
 */
export interface ApprovalClosed extends AuditSubject {
  kind: 'approval_expired' | 'approval_withdrawn' | 'approval_used';
  requestId: string;
  requestKind: 'session_start' | 'mutation' | 'field_access';
  what: string;
  requester: { id: string; name: string };
  /** Why, as a person would say it: "nobody decided it within 60 minutes". */
  why: string;
  sessionId?: string | null;
}

/** A mutation the gate refused during a session. */
export interface MutationRefused extends AuditSubject {
  kind: 'mutation_refused';
  typeField: string;
  sessionId: string;
  code: string;
  why: string;
}

/** Anything refused that changes nothing: a session start, an approval, a firewall denial. */
export interface AccessDenied {
  kind: 'access_denied';
  /** What was attempted, as a person would say it: "start a session as Jane Doe". */
  attempted: string;
  code: string;
  why: string;
  subject?: AuditSubject | null;
  sessionId?: string | null;
  typeField?: string | null;
}

/** An agent lent their session to an AI assistant, or took it back. */
export interface SessionDelegated extends AuditSubject {
  kind: 'session_delegated' | 'delegation_revoked';
  sessionId: string;
  delegationId: string;
  assistant: { id: string; name: string };
  /** When the delegation lapses at the latest (the session's own limit, or sooner). */
  expiresAt: string;
}

/** Someone read the audit itself: which view, with which filter, and which page or how many. */
export interface AuditRead {
  kind: 'audit_read';
  what: string;
  filter: unknown;
  page?: { first?: number; after?: string | null; limit?: number };
  /** What an export held: how many events, and its first and last row (newest first) as lists name them: `chain_seq` on chain 0, `CHAIN:NUMBER` on another. */
  sent?: { events: number; firstChainSeq: string | null; lastChainSeq: string | null; truncated: boolean };
  /** A customer reading their own account's slice: whose it is. */
  subject?: { userId: string; accountId: string };
}

export interface DemoDataSeeded {
  kind: 'demo_data_seeded';
  rows: Record<string, number>;
}

export type AuditActor =
  | { kind: 'staff'; id: string; name: string; /** How the summary names them: "Agent", "Manager". */ title?: string }
  | { kind: 'customer'; id: string; name: string }
  | { kind: 'system'; id: null; name: string }
  | AssistantActor;

/**
 * An AI assistant, with the person it acts for: the agent who delegated the session to it, or
 * whom its delegation token names. Every row it causes carries the whole chain (`ActorChain`).
 */
export interface AssistantActor {
  kind: 'assistant';
  id: string;
  name: string;
  vendor: string;
  model: string;
  for: { id: string; name: string } | null;
  /** Actors before it in its token's `act` chain, outermost first. */
  priorActors: readonly string[];
}

/**
 * Who stands behind an assistant's request, customer first: customer ← support agent ←
 * assistant (← earlier actors of its token). Kept in every row's `details.chain`.
 */
export type ActorChain = ReadonlyArray<
  | { role: 'customer'; id: string; name: string }
  | { role: 'agent'; id: string; name: string }
  | { role: 'assistant'; id: string; name: string; vendor: string; model: string }
  | { role: 'actor'; id: string }
>;

/** The chain of an assistant actor acting as `customer` (null outside a session); null for anyone else. */
export function actorChainOf(actor: AuditActor, customer: { id: string; name: string } | null): ActorChain | null {
  if (actor.kind !== 'assistant') return null;
  return [
    ...(customer ? [{ role: 'customer' as const, id: customer.id, name: customer.name }] : []),
    ...(actor.for ? [{ role: 'agent' as const, id: actor.for.id, name: actor.for.name }] : []),
    { role: 'assistant' as const, id: actor.id, name: actor.name, vendor: actor.vendor, model: actor.model },
    ...actor.priorActors.map((id) => ({ role: 'actor' as const, id })),
  ];
}

/**
 * Whose denials count toward the repeated-denials alert: staff, and AI assistants (one probing
 * denied fields is watched as a person is). Customers and Warden itself page nobody.
 */
export function isWatchedForDenials(actor: AuditActor): actor is Extract<AuditActor, { kind: 'staff' }> | AssistantActor {
  return actor.kind === 'staff' || actor.kind === 'assistant';
}

/** Facts about the request an event happened in. */
export interface AuditScope {
  actor: AuditActor;
  /** The customer the request acts as, for an assistant's chain; null or absent outside a session. */
  customer?: { id: string; name: string } | null;
  requestId?: string | null;
  operation?: string | null;
  sessionId?: string | null;
  policyVersion?: number | null;
  /** The schema's fields by `Type.field`, to keep changed values as their class allows; without it every changed value is withheld. */
  fields?: ReadonlyMap<string, FieldPlan>;
  /** Runs in the transaction of a `mutation_executed` event, just before it is recorded. */
  withChange?: ChangeHook | null;
  /**
   * For a call run on an approval: confirms its target is still as the manager was asked to
   * approve it, and throws to refuse the change when not. A service calls it itself, in its
   * transaction, once it holds the lock on what it will change and before it judges or changes
   * it: `await scope.beforeChange?.(trx, scope)`. A service that does not still has its target
   * checked by the mutation gate, a moment before its transaction begins.
   */
  beforeChange?: ChangeHook | null;
}

/**
 * Work that must commit or roll back with the change a `mutation_executed` event records: using
 * up the approval that let the mutation run, checking its target. It may throw to refuse the change.
 */
export type ChangeHook = (trx: Transaction<Database>, scope: AuditScope) => Promise<void>;

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: 'Warden' };
