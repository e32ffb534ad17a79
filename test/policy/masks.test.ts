import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMask, HIDDEN, maskEmail, maskLast2, maskLast4, maskNull, maskRedact, REDACTED } from '../../src/policy/masks.js';

const anyText = fc.string({ unit: 'grapheme', maxLength: 40 });

describe('email mask', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('jane.doe@acme.com')).toBe(`j${HIDDEN.repeat(3)}@acme.com`);
    expect(maskEmail('ünïcode@exämple.de')).toBe(`ü${HIDDEN.repeat(3)}@exämple.de`);
  });

  it('reveals nothing of a value that is not an address', () => {
    for (const value of ['', '@', 'jane', 'jane@', '@acme.com', null, 42]) expect(maskEmail(value)).toBe(REDACTED);
  });

  it('depends only on the first character and the domain, whatever the local part', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), anyText, anyText, anyText, (first, restA, restB, domain) => {
        fc.pre(!first.includes('@') && !restA.includes('@') && !restB.includes('@') && !domain.includes('@') && domain.length > 0);
        expect(maskEmail(`${first}${restA}@${domain}`)).toBe(maskEmail(`${first}${restB}@${domain}`));
      }),
    );
  });
});

describe('last4 mask', () => {
  it('shows only the last four digits of a card number', () => {
    expect(maskLast4('4242 4242 4242 4242')).toBe(`${HIDDEN.repeat(4)} 4242`);
    expect(maskLast4('378282246310005')).toBe(`${HIDDEN.repeat(4)} 0005`);
  });

  it('reveals nothing of a short value', () => {
    for (const value of ['', '1234', '1234567', 'abc', null]) expect(maskLast4(value)).toBe(HIDDEN.repeat(4));
  });

  it('depends only on the last four digits, whatever comes before', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4,20}$/), fc.stringMatching(/^\d{4,20}$/), fc.stringMatching(/^\d{4}$/), (a, b, tail) => {
        expect(maskLast4(a + tail)).toBe(maskLast4(b + tail));
      }),
    );
  });

  it('never shows more than four digits', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        expect(maskLast4(value).replace(/\D/g, '').length).toBeLessThanOrEqual(4);
      }),
    );
  });
});

describe('last2 mask', () => {
  it('shows only the last two characters', () => {
    expect(maskLast2('wdn_live_4c7a1f09b2d84e6c9a3f5b1e7d20a9')).toBe(`${HIDDEN.repeat(6)}a9`);
    expect(maskLast2('🔑🔑🔑🔑🔑🔑🔑🔑🔒🔓')).toBe(`${HIDDEN.repeat(6)}🔒🔓`);
  });

  it('reveals nothing of a short value', () => {
    for (const value of ['', 'a', 'abcdefg']) expect(maskLast2(value)).toBe(HIDDEN.repeat(6));
  });

  it('depends only on the last two characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 6, maxLength: 30 }), fc.string({ minLength: 6, maxLength: 30 }), fc.string({ minLength: 2, maxLength: 2 }), (a, b, tail) => {
        fc.pre(Array.from(tail).length === 2);
        expect(maskLast2(a + tail)).toBe(maskLast2(b + tail));
      }),
    );
  });
});

describe('redact and null masks', () => {
  it('return a fixed marker, or nothing, for any input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(maskRedact()).toBe(REDACTED);
        expect(maskNull()).toBeNull();
        expect(applyMask(maskRedact, typeof value === 'string' ? value : 'x')).toBe(REDACTED);
      }),
    );
  });
});

describe('applyMask', () => {
  it('masks lists element by element and keeps null as null', () => {
    expect(applyMask(maskLast2, ['abcdefgh12', 'zyxwvuts34'])).toEqual([`${HIDDEN.repeat(6)}12`, `${HIDDEN.repeat(6)}34`]);
    expect(applyMask(maskLast2, null)).toBeNull();
  });

  it('returns strings for string masks (a masked field keeps its GraphQL type)', () => {
    fc.assert(
      fc.property(anyText, (value) => {
        for (const mask of [maskEmail, maskLast4, maskLast2, maskRedact]) expect(typeof applyMask(mask, value)).toBe('string');
      }),
    );
  });
});
