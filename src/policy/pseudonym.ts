import { createHmac, randomBytes } from 'node:crypto';
import type { FieldPlan, Pseudonymise } from './plugin/types.js';

/**
 * Pseudonyms: what an AI assistant sees of personal data (the policy's `pseudonym` decision).
 * A stand-in keeps the field's type and looks like what it replaces (`person_7f3a91c2`,
 * `email_c21e04b9@masked.invalid`), so a model can tell equal values apart from different ones
 * and follow one person through a session without learning who they are:
 *
 * - the same value gives the same stand-in within one session, in every field (an email in
 *   `User.email` and in `BillingContact.email` match);
 * - it is an HMAC keyed by the session's own random key, so it cannot be reversed, and the next
 *   session's stand-ins are unrelated;
 * - a stand-in never contains the value it stands for (a short value could turn up in the hex
 *   by chance: another is derived; one the fixed part spells out gets a stand-in without its
 *   characters), and fields that are not strings read null.
 */
export function createPseudonyms(sessionKey: string): Pseudonymise {
  // Per request (built with its context): the same value is hashed once however often it is read.
  const seen = new Map<string, string>();
  const standIn = (plan: FieldPlan, value: unknown): string => {
    const text = String(value);
    const form = formOf(plan);
    const cacheKey = `${form}\u0000${text}`;
    const known = seen.get(cacheKey);
    if (known !== undefined) return known;
    const made = derive(sessionKey, form, text);
    seen.set(cacheKey, made);
    return made;
  };
  return (plan, value) => {
    if (value === null || value === undefined) return value;
    if (!plan.stringLike) return null;
    return Array.isArray(value) ? value.map((item) => (item === null || item === undefined ? item : standIn(plan, item))) : standIn(plan, value);
  };
}

/** A fresh key for a session's pseudonyms: 256 random bits. */
export function newPseudonymKey(): string {
  return randomBytes(32).toString('base64url');
}

/** How a stand-in is written: what kind of value the field holds, from its mask and its name. */
type Form = { kind: 'email' } | { kind: 'tagged'; prefix: string };

function formOf(plan: FieldPlan): Form {
  const [typeName = '', fieldName = ''] = plan.coordinate.split('.');
  if (plan.mask === 'email' || /e-?mail/i.test(fieldName)) return { kind: 'email' };
  if (/phone|mobile/i.test(fieldName)) return { kind: 'tagged', prefix: 'phone' };
  if (/name$/i.test(fieldName)) return { kind: 'tagged', prefix: /account|workspace|organi[sz]ation|company|team|tenant/i.test(typeName) ? 'org' : 'person' };
  return { kind: 'tagged', prefix: snakeCase(fieldName) || 'value' };
}

function derive(key: string, form: Form, text: string): string {
  // An empty value hides nothing; every stand-in would "contain" it.
  if (text === '') return '';
  const lowered = text.toLowerCase();
  const mac = (attempt: number) => createHmac('sha256', key).update(`${attempt}\u0000${text}`, 'utf8').digest();
  for (let attempt = 0; attempt < 16; attempt += 1) {
    // Keyed on the value alone (and the attempt), not the field: equal values match across fields.
    const hex = mac(attempt).toString('hex').slice(0, 8);
    const made = form.kind === 'email' ? `email_${hex}@masked.invalid` : `${form.prefix}_${hex}`;
    if (!made.toLowerCase().includes(lowered)) return made;
  }
  // A value the fixed part spells out ("e", "person"): a stand-in of characters the value does not
  // have, so it cannot contain it (a value holding all of them would have passed above).
  const alphabet = [...STAND_IN_CHARACTERS].filter((c) => !lowered.includes(c));
  if (alphabet.length < 2) return REDACTED_STAND_IN;
  return [...mac(16).subarray(0, 12)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

const STAND_IN_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz';
/** Not reachable in practice (a value with every letter and digit is not inside 8 hex digits); no letters at all. */
const REDACTED_STAND_IN = '•••';

function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]/g, '')
    .toLowerCase();
}
