import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MAX_VISITS, repeatRefusal } from '../../src/server/plugins/use-field-repeat-limit.js';

/** Thirty fragments, each spreading the next under two fields: 2^30 paths through the last one. */
function fragmentChain(last: string): string {
  const chain = Array.from({ length: 30 }, (_, i) => `fragment F${i} on T { a { ...F${i + 1} } b { ...F${i + 1} } }`);
  return `{ viewer { ...F0 } } ${chain.join(' ')} fragment F30 on T { ${last} }`;
}

describe('the field-repeat count', () => {
  it('counts a merged selection once, however many paths reach it through fragments', () => {
    // Expanded path by path this is a billion visits, far past the budget; counted once per
    // merged selection it is a few hundred.
    expect(repeatRefusal(parse(fragmentChain('id')), 100)).toBeNull();
    // What is over the limit at the end of the chain is found all the same.
    expect(repeatRefusal(parse(fragmentChain('id '.repeat(101))), 100)?.message).toBe(
      '"id" is selected 101 times in one selection set, over the limit of 100. Select each field once.',
    );
  });

  it('refuses a document whose fragments expand past its budget of selections, with a sentence', () => {
    const fields = Array.from({ length: 60 }, (_, i) => `f${i}`).join(' ');
    const document = parse(`{ viewer { ...A } } fragment A on T { ${fields} }`);
    expect(repeatRefusal(document, 100)).toBeNull();
    const refusal = repeatRefusal(document, 100, 50);
    expect(refusal?.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
    expect(refusal?.message).toBe("The document's fragments expand to more than 50 selections. Spread fewer fragments, or write their fields out.");
    expect(MAX_VISITS).toBe(100_000);
  });
});
