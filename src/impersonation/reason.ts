/**
 * A reason must say what is wrong and for whom, so that an auditor reading it later
 * understands why support entered the account. It is accepted when it is a sentence (at least
 * `MIN_CHARACTERS`) that names what is wrong: `MIN_SPECIFIC_WORDS` distinct specific words, or
 * `MIN_SPECIFIC_WORDS_WITH_DETAIL` of them and a concrete detail (an invoice number, an amount, an
 * id, the error message in quotes).
 *
 * A specific word is a real word (three letters or more, with a vowel, no letter three times in
 * a row; or an acronym such as PDF) that is not one of the words every vague reason is made of.
 * Counting distinct words stops "blah blah blah blah blah"; the vowel and repetition rules stop
 * keyboard mashing ("aaaaaaaaaaaa b c").
 */
const GENERIC_WORDS = new Set([
  // what every support request is about
  'support', 'help', 'helping', 'helped', 'assist', 'assistance', 'check', 'checking', 'checked', 'issue', 'issues',
  'problem', 'problems', 'ticket', 'tickets', 'case', 'incident', 'matter', 'query', 'question', 'questions', 'concern',
  'customer', 'customers', 'client', 'clients', 'user', 'users', 'account', 'accounts', 'team', 'data', 'info',
  'information', 'details', 'debug', 'debugging', 'investigate', 'investigating', 'investigation', 'look', 'looks',
  'looking', 'looked', 'review', 'reviewing', 'verify', 'verifying', 'troubleshoot', 'troubleshooting', 'resolve',
  'resolving', 'sort', 'fix', 'fixing', 'test', 'testing', 'request', 'requests', 'requested', 'asked', 'asks', 'asking',
  'called', 'call', 'calls', 'calling', 'contacted', 'reached', 'wrote', 'says', 'said', 'told', 'wants', 'want',
  'wanted', 'need', 'needs', 'needed', 'access', 'see', 'work', 'works', 'working', 'going', 'get', 'got',
  'complained', 'complaint', 'complaints', 'reported', 'report', 'context', 'more', 'everything', 'everyone', 'take',
  'taking', 'took', 'doing', 'done', 'job', 'task', 'duty', 'usual', 'normal', 'standard', 'regular', 'business',
  'reason', 'sure', 'make', 'ensure', 'refer', 'reference', 'attached', 'above', 'below', 'mentioned', 'described',
  // placeholder text
  'lorem', 'ipsum', 'dolor', 'sit', 'amet', 'foo', 'bar', 'baz', 'asdf', 'qwerty',
  // filler
  'per', 'the', 'for', 'into', 'with', 'and', 'from', 'about', 'regarding', 'via', 'not', 'out', 'their', 'his', 'her',
  'its', 'they', 'them', 'she', 'him', 'you', 'your', 'our', 'this', 'that', 'these', 'those', 'there', 'here', 'was',
  'were', 'are', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'some', 'any', 'all', 'stuff',
  'things', 'thing', 'something', 'anything', 'general', 'routine', 'just', 'quick', 'quickly', 'now', 'today',
  'again', 'also', 'please', 'pls', 'thanks', 'thank', 'hello', 'okay', 'yes', 'asap', 'urgent', 'urgently', 'blah',
  'bla', 'etc', 'whatever',
]);

const MIN_CHARACTERS = 20;
const MIN_SPECIFIC_WORDS = 3;
const MIN_SPECIFIC_WORDS_WITH_DETAIL = 2;

export const GOOD_REASON_EXAMPLE = 'Customer reports invoice ACME-2026-012 shows 20% tax instead of 10%';

export type ReasonVerdict = { ok: true; reason: string } | { ok: false; problem: string };

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}%$€£._\-/]*/gu;
const LATIN_VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûü]/u;
const LATIN = /[a-z]/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;
const QUOTED = /["“«][^"”»]{2,}["”»]/u;

/** A word a person wrote on purpose: letters only, long enough, pronounceable, not mashed. */
function isRealWord(token: string): boolean {
  if (/(\p{L})\1\1/u.test(token.toLowerCase())) return false;
  if (ACRONYM.test(token)) return true;
  const word = token.toLowerCase();
  if (!/^\p{L}{3,}$/u.test(word)) return false;
  // The vowel rule is for Latin script; other scripts count by length and repetition only.
  return !LATIN.test(word) || LATIN_VOWEL.test(word);
}

/** An invoice number, an amount, an id, a date, or the error message quoted: "ACME-2026-012", "20%", "usr_tom". */
function hasConcreteDetail(reason: string, tokens: readonly string[]): boolean {
  return QUOTED.test(reason) || tokens.some((token) => /\p{N}/u.test(token) || /\p{L}_\p{L}/u.test(token));
}

export function checkReason(raw: string): ReasonVerdict {
  const reason = raw.trim().replace(/\s+/g, ' ');
  const tokens = (reason.match(TOKEN) ?? []).map((token) => token.replace(/[.\-/]+$/, ''));
  const specific = new Set(tokens.filter(isRealWord).map((token) => token.toLowerCase()).filter((word) => !GENERIC_WORDS.has(word)));
  const enough = specific.size >= MIN_SPECIFIC_WORDS || (specific.size >= MIN_SPECIFIC_WORDS_WITH_DETAIL && hasConcreteDetail(reason, tokens));
  if (reason.length < MIN_CHARACTERS || !enough) {
    return {
      ok: false,
      problem:
        `Say what the customer reported and what you will check, in a sentence of at least ${MIN_CHARACTERS} characters ` +
        `that names what is wrong (${MIN_SPECIFIC_WORDS} specific words, or ${MIN_SPECIFIC_WORDS_WITH_DETAIL} and a concrete detail ` +
        `such as an invoice number, an amount or the error message in quotes), e.g. "${GOOD_REASON_EXAMPLE}".`,
    };
  }
  return { ok: true, reason };
}
