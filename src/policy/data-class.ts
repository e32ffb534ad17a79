/** Every output field has exactly one. See DESIGN.md, "Data classes and masking". */
export const DATA_CLASSES = ['public', 'internal', 'pii', 'sensitive', 'secret'] as const;
export type DataClass = (typeof DATA_CLASSES)[number];

export const MASK_NAMES = ['email', 'last4', 'last2', 'redact', 'null'] as const;
export type MaskName = (typeof MASK_NAMES)[number];

export const DECISIONS = ['allow', 'mask', 'deny'] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * The policy's columns: who is looking, and how.
 * - `customer`: a customer reading their own account;
 * - `staff`: staff without an impersonation session (the directory);
 * - `impersonation_read_only` / `impersonation_read_write`: support acting as a customer.
 */
export const POLICY_COLUMNS = ['customer', 'staff', 'impersonation_read_only', 'impersonation_read_write'] as const;
export type PolicyColumn = (typeof POLICY_COLUMNS)[number];

/** How permissive a decision is: a change to a higher rank loosens the policy. */
export const DECISION_RANK: Record<Decision, number> = { deny: 0, mask: 1, allow: 2 };

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
