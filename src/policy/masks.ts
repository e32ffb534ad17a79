import type { MaskName } from './data-class.js';

/**
 * Masks are pure and total: any input (empty, short, unicode, not a string) gives an output that
 * depends only on the part meant to stay visible. Short values reveal nothing rather than
 * most of themselves.
 */
export const HIDDEN = '•';
export const REDACTED = '[redacted]';

/** `jane.doe@acme.com` → `j•••@acme.com`: the first character and the domain. */
export function maskEmail(value: unknown): string {
  const text = String(value ?? '');
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return REDACTED;
  const first = Array.from(text.slice(0, at))[0] ?? '';
  return `${first}${HIDDEN.repeat(3)}@${text.slice(at + 1)}`;
}

/** `4242 4242 4242 4242` → `•••• 4242`: the last four digits, when at least eight exist. */
export function maskLast4(value: unknown): string {
  const digits = String(value ?? '').replace(/\D/g, '');
  return digits.length >= 8 ? `${HIDDEN.repeat(4)} ${digits.slice(-4)}` : HIDDEN.repeat(4);
}

/** `wdn_live_…a9` → `••••••a9`: the last two characters, when at least eight exist. */
export function maskLast2(value: unknown): string {
  const chars = Array.from(String(value ?? ''));
  return chars.length >= 8 ? `${HIDDEN.repeat(6)}${chars.slice(-2).join('')}` : HIDDEN.repeat(6);
}

export function maskRedact(): string {
  return REDACTED;
}

export function maskNull(): null {
  return null;
}

export type MaskFunction = (value: unknown) => string | null;

export const MASKS: Record<MaskName, MaskFunction> = {
  email: maskEmail,
  last4: maskLast4,
  last2: maskLast2,
  redact: maskRedact,
  null: maskNull,
};

/** Lists are masked element by element; null stays null (there is nothing to hide). */
export function applyMask(mask: MaskFunction, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  if (Array.isArray(value)) return value.map((item) => applyMask(mask, item));
  return mask(value);
}
