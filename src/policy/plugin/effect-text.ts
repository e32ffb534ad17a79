import type { CustomerPrincipal } from '../../auth/principal.js';
import type { Executor } from '../../db/database.js';
import { REDACTED } from '../masks.js';

/**
 * A value in a description, tagged with the field (`Type.field`) whose policy decides how it is
 * shown: the same value reads `tom.baker@acme.example` to a manager, `t•••@acme.example` in the
 * audit trail, and `(not shown)` where the field is denied.
 */
export interface EffectValue {
  readonly field: string;
  readonly value: string;
  /** What a reader who may not see the value reads instead (something they may see: "user usr_tom"). */
  readonly instead?: string;
}

/** Plain words, or a value tagged with its field. */
export type EffectPart = string | EffectValue;

/**
 * A description in parts, as a describer builds it and as it is stored: rendered for each
 * reader by `renderEffect`, never flattened before that (a flattened text would show every
 * reader what the first one may see).
 */
export type EffectText = readonly EffectPart[];

/** What approving a call would do: the words a manager reads, and the target's state they describe. */
export interface ApprovalEffect {
  says: EffectText;
  /**
   * The target as the description states it (amounts, statuses, addresses): hashed when the
   * request is made, and compared when the approved call runs. Any JSON value; keep out what may
   * change without changing what the call does (a token's last use, say).
   */
  state: unknown;
}

/** What a describer reads with: the database (a transaction when re-checking) and the customer acted as. */
export interface EffectScope {
  db: Executor;
  customer: CustomerPrincipal;
}

/**
 * Describes one call of a root mutation as it would run now, for whoever approves it: null when
 * its target does not exist (or is not the customer's to see). A describer may throw a Warden
 * error for a call the customer could never run (a member cancelling the plan), so that nobody
 * is asked to approve it. Trap: never throw for the target's state (an invoice not paid): the
 * same describer runs again when the approved call runs, and a state that changed must come
 * back as a changed `state` (refused `TARGET_CHANGED`, the approval spent), not as an error.
 */
export type EffectDescriber<Args> = (args: Args, scope: EffectScope) => Promise<ApprovalEffect | null>;

/**
 * What a field-access grant of a sensitive field would show in a session as `scope.customer`, as
 * a noun phrase ("Tom Baker's own birth date"): whose values, after the rules the resolver
 * applies itself (a member sees only their own).
 */
export type GrantDescriber = (scope: EffectScope) => Promise<EffectText>;

/** How a reader is shown a tagged value: the value, masked, or null when they may not see it. */
export type ShowValue = (field: string, value: string) => string | null;

/** What a reader sees in place of a value they may not see. */
export const NOT_SHOWN = '(not shown)';

/**
 * A value shown as the policy shows `field` to whoever reads the description; `instead` is read
 * where the value is denied or redacted whole (a masked email still says something, "[redacted]"
 * does not).
 */
export function shown(field: string, value: string, instead?: string): EffectValue {
  return instead === undefined ? { field, value } : { field, value, instead };
}

/**
 * Builds a description that reads like the sentence it makes:
 * ``says`refund invoice ${shown('Invoice.number', number)} in ${accountName}` ``. Interpolated
 * strings and numbers are plain words, `shown(…)` values stay tagged, and a nested `says` is
 * spliced in.
 */
export function says(words: TemplateStringsArray, ...values: ReadonlyArray<EffectPart | number | EffectText>): EffectText {
  const parts: EffectPart[] = [];
  const add = (part: EffectPart) => {
    const last = parts[parts.length - 1];
    if (typeof part === 'string' && typeof last === 'string') parts[parts.length - 1] = last + part;
    else if (part !== '') parts.push(part);
  };
  words.forEach((word, i) => {
    add(word);
    const value = values[i];
    if (value === undefined) return;
    if (typeof value === 'number') add(String(value));
    else if (typeof value === 'string' || 'field' in value) add(value);
    else for (const part of value) add(part);
  });
  return parts;
}

/** Joins descriptions as a list reads: "a", "a and b", "a, b and c". */
export function listed(items: readonly EffectText[]): EffectText {
  return items.flatMap((item, i) => [...(i === 0 ? [] : [i === items.length - 1 ? ' and ' : ', ']), ...item]);
}

/** The description as one reader may read it. Pure. */
export function renderEffect(text: EffectText, show: ShowValue): string {
  return text.map((part) => (typeof part === 'string' ? part : seen(part, show(part.field, part.value)))).join('');
}

function seen(part: EffectValue, shownValue: string | null): string {
  return shownValue === null || shownValue === REDACTED ? (part.instead ?? NOT_SHOWN) : shownValue;
}

/** Whether a stored value has the shape of a description (parts read back from the database). */
export function isEffectText(value: unknown): value is EffectText {
  return (
    Array.isArray(value) &&
    value.every(
      (part: unknown) =>
        typeof part === 'string' ||
        (typeof part === 'object' && part !== null && 'field' in part && 'value' in part && typeof part.field === 'string' && typeof part.value === 'string'),
    )
  );
}
