/** Every output field has exactly one. See DESIGN.md, "Data classes and masking". */
export const DATA_CLASSES = ['public', 'internal', 'pii', 'sensitive', 'secret'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const MASK_NAMES = ['email', 'last4', 'last2', 'redact', 'null'] as const;
export type MaskName = (typeof MASK_NAMES)[number];

/**
 * `pseudonym` (assistant columns only): a stable, non-reversible stand-in of the field's type,
 * equal for equal values within one session and unrelated across sessions (see `pseudonym.ts`).
 */
export const DECISIONS = ['allow', 'mask', 'pseudonym', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The policy's columns: who is looking, and how.
 * - `customer`: a customer reading their own account;
 * - `staff`: staff without an impersonation session (the directory);
 * - `impersonation_read_only` / `impersonation_read_write`: support acting as a customer;
 * - `assistant`: an AI assistant outside any session;
 * - `assistant_session`: an AI assistant in a session an agent delegated to it (or its own
 *   read-only one). Sensitive and secret fields are never shown in either, and no grant reaches them.
 */
export const POLICY_COLUMNS = ['customer', 'staff', 'impersonation_read_only', 'impersonation_read_write', 'assistant', 'assistant_session'] as const;
export type PolicyColumn = (typeof POLICY_COLUMNS)[number];

/** The columns an AI assistant is served from. */
export const ASSISTANT_COLUMNS = ['assistant', 'assistant_session'] as const satisfies readonly PolicyColumn[];

/** Classes no assistant column may show in any form (the policy document refuses it). */
export const NEVER_SHOWN_TO_ASSISTANTS: readonly DataClass[] = ['sensitive', 'secret'];

/**
 * How permissive a decision is: a change to a higher rank loosens the policy. A pseudonym shows
 * only which values are equal, less than a partial mask does.
 */
export const DECISION_RANK: Record<Decision, number> = { deny: 0, pseudonym: 1, mask: 2, allow: 3 };

export function isAssistantColumn(column: PolicyColumn): boolean {
  return (ASSISTANT_COLUMNS as readonly PolicyColumn[]).includes(column);
}

export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && (DATA_CLASSES as readonly string[]).includes(value);
}

export function isMaskName(value: unknown): value is MaskName {
  return typeof value === 'string' && (MASK_NAMES as readonly string[]).includes(value);
}

export function isDecision(value: unknown): value is Decision {
  return typeof value === 'string' && (DECISIONS as readonly string[]).includes(value);
}

export function isPolicyColumn(value: unknown): value is PolicyColumn {
  return typeof value === 'string' && (POLICY_COLUMNS as readonly string[]).includes(value);
}
