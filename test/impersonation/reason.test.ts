import { describe, expect, it } from 'vitest';
import { checkReason, GOOD_REASON_EXAMPLE } from '../../src/impersonation/reason.js';

describe('a reason names what is wrong', () => {
  it.each([
    ['the example the error gives', GOOD_REASON_EXAMPLE],
    ['the README example', 'Customer reports invoice ACME-2026-012 shows 20% tax instead of 10%'],
    ['a symptom in words', 'Customer reports invoices showing 20% tax instead of 10% since the January rate change'],
    ['a refund with its ticket', 'Customer was double charged for the March invoice and asked for a refund on ticket SUP-1234'],
    ['a page that fails', 'Billing contact cannot see the March invoice PDF download link'],
    ['a check-out failure', 'Customer says age verification fails at checkout with their birth date'],
    ['an acronym counts as a word', 'Identity check failed twice for the customer during KYC review'],
    ['two words and an invoice number', 'Customer cannot download invoice ACME-2026-001'],
    ['two words and the error quoted', 'Customer gets "payment declined" on renewal'],
    ['two words and an id', 'Wrong plan shown for the user usr_tom'],
    ['another script', 'Клиент видит неверную ставку налога в счёте'],
  ])('accepts %s: %j', (_name, reason) => {
    expect(checkReason(reason)).toEqual({ ok: true, reason });
  });

  it.each([
    ['one word', 'support'],
    ['two generic words', 'check issue'],
    ['generic words only', 'Customer issue, need to check the account'],
    ['one word five times', 'blah blah blah blah blah'],
    ['filler', 'Customer wants some help now'],
    ['a call with nothing in it', 'customer called, look into it please'],
    ['keyboard mashing', 'aaaaaaaaaaaaaaaaaaaa b c'],
    ['repeated letters', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxx yyy zzz'],
    ['words without vowels', 'qwrtp sdfgh zxcvb mnbvc'],
    ['a detail with one word', 'invoice ACME-2026-012 ??????'],
    ['too short, however specific', 'tax 20% not 10%'],
    ['a pointer to the ticket', 'See ticket SUP-1234 for more context'],
    ['the job, as usual', 'Doing my job as usual today 123'],
    ['a complaint about everything', 'Customer complained, will take a look at everything'],
    ['placeholder text', 'lorem ipsum dolor sit amet'],
  ])('refuses %s: %j', (_name, reason) => {
    const verdict = checkReason(reason);
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.problem).toMatch(/^Say what the customer reported and what you will check, in a sentence of at least 20 characters that names what is wrong/);
    expect(verdict.problem).toContain('such as an invoice number, an amount or the error message in quotes');
    expect(verdict.problem).toContain(`e.g. "${GOOD_REASON_EXAMPLE}".`);
  });

  it('keeps the reason as written, with its spaces tidied', () => {
    expect(checkReason('  Customer reports   invoice ACME-2026-012\tshows 20% tax  ')).toEqual({
      ok: true,
      reason: 'Customer reports invoice ACME-2026-012 shows 20% tax',
    });
  });
});
