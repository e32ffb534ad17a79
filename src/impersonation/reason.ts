/**
 * A reason must say what is wrong and for whom, so that an auditor reading it later
 * understands why support entered the account. These are refused: too short, too few words,
 * or nothing beyond generic support words.
 */
const GENERIC_WORDS = new Set([
  'support', 'help', 'helping', 'check', 'checking', 'issue', 'issues', 'problem', 'problems', 'ticket',
  'customer', 'user', 'account', 'debug', 'debugging', 'investigate', 'investigating', 'look', 'looking',
  'fix', 'fixing', 'test', 'testing', 'request', 'requested', 'asked', 'as', 'per', 'the', 'a', 'an',
  'for', 'to', 'of', 'at', 'into', 'on', 'in', 'with', 'and', 'or', 'my', 'their', 'his', 'her', 'stuff',
  'things', 'thing', 'something', 'general', 'routine', 'access', 'needed', 'need', 'see', 'just', 'quick',
]);

const MIN_CHARACTERS = 20;
const MIN_SPECIFIC_WORDS = 3;

export const GOOD_REASON_EXAMPLE =
  'Customer reports invoices showing 20% tax instead of 10% since the January rate change';

export type ReasonVerdict = { ok: true; reason: string } | { ok: false; problem: string };

export function checkReason(raw: string): ReasonVerdict {
  const reason = raw.trim().replace(/\s+/g, ' ');
  const words = reason.toLowerCase().match(/[\p{L}\p{N}%$€£.]+/gu) ?? [];
  const specific = words.filter((word) => !GENERIC_WORDS.has(word.replace(/\.$/, '')));
  if (reason.length < MIN_CHARACTERS || specific.length < MIN_SPECIFIC_WORDS) {
    return {
      ok: false,
      problem: `Say what the customer reported and what you will check, in a sentence (at least ${MIN_CHARACTERS} characters and ${MIN_SPECIFIC_WORDS} specific words), e.g. "${GOOD_REASON_EXAMPLE}".`,
    };
  }
  return { ok: true, reason };
}
