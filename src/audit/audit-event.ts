/**
 * What the audit table records, as a tagged union: each kind carries exactly the facts its
 * plain-language summary needs. Values in `changes` are display strings already masked by the
 * field's data class; the audit table never holds a secret.
 */
export type AuditEvent = MutationExecuted | DemoDataSeeded | PolicyChanged;

export interface FieldChange {
  /** `Type.field` of the changed value. */
  field: string;
  /** How a person names it: "tax rate". */
  label: string;
  before: string | null;
  after: string | null;
}

export interface MutationExecuted {
  kind: 'mutation_executed';
  /** The root field that ran, e.g. `Mutation.setInvoiceTaxRate`. */
  typeField: string;
  account: { id: string; name: string };
  subjectUserId?: string | null;
  /** The thing changed, as a person names it: "invoice ACME-2026-001". */
  target: string;
  changes: FieldChange[];
}

/** A policy version published, activated, approved or rejected; names who, why and the diff. */
export interface PolicyChanged {
  kind: 'policy_changed';
  action: 'published' | 'activated' | 'approved' | 'rejected';
  version: number;
  basedOn: number;
  reason: string;
  changes: Array<{ rule: string; column: string | null; before: string; after: string; direction: 'loosens' | 'tightens' }>;
}

export interface DemoDataSeeded {
  kind: 'demo_data_seeded';
  rows: Record<string, number>;
}

export type AuditActor =
  | { kind: 'staff' | 'customer'; id: string; name: string }
  | { kind: 'system'; id: null; name: string };

/** Facts about the request an event happened in. */
export interface AuditScope {
  actor: AuditActor;
  requestId?: string | null;
  operation?: string | null;
  sessionId?: string | null;
  policyVersion?: number | null;
}

export const SYSTEM_ACTOR: AuditActor = { kind: 'system', id: null, name: 'Warden' };
