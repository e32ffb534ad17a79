import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuditChain } from '../../src/audit/append-audit-rows.js';
import { hashAuditRow, type HashedAuditRow } from '../../src/audit/audit-hash.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';

const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
const details = fc.dictionary(fc.string(), fc.jsonValue());

const row = fc.record({
  kind: fc.string({ unit: 'grapheme' }),
  actor_kind: fc.constantFrom('staff' as const, 'customer' as const, 'system' as const, 'anonymous' as const),
  actor_id: text,
  actor_name: text,
  subject_user_id: text,
  account_id: text,
  session_id: text,
  request_id: text,
  reason: text,
  operation: text,
  type_field: text,
  path: text,
  data_class: text,
  decision: text,
  policy_version: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: null }),
  details,
  summary: fc.string({ unit: 'grapheme' }),
  occurred_at: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), { nil: undefined }),
});

/** The definition the verifier and the docs give: SHA-256 of the row's canonical JSON, time as ISO, `chain_id` only when it is not 0. */
function definedHash(content: HashedAuditRow): string {
  const { chain_id: chainId, ...rest } = content;
  return createHash('sha256')
    .update(canonicalJson({ ...rest, ...(chainId ? { chain_id: chainId } : {}), occurred_at: content.occurred_at.toISOString() }))
    .digest('hex');
}

/** Chain 0 (as every row before there were several), or another. */
const chainId = fc.option(fc.integer({ min: 0, max: 63 }), { nil: undefined });

describe('the audit hash', () => {
  it('is SHA-256 of the canonical JSON of everything a row says, its chain when not 0', () => {
    fc.assert(
      fc.property(row, chainId, (input, chain) => {
        const content: HashedAuditRow = { ...input, ...(chain === undefined ? {} : { chain_id: chain }), occurred_at: input.occurred_at ?? new Date(0), chain_seq: '7', prev_hash: '0'.repeat(64) };
        expect(hashAuditRow(content)).toBe(definedHash(content));
      }),
    );
  });

  it('is what the writer puts on the chain: each row hashed as the verifier will read it back', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 5 }), (inputs) => {
        const chain = new AuditChain('41', 'f'.repeat(64), new Date('2026-12-01T10:00:00.123Z'));
        let prev = 'f'.repeat(64);
        for (const input of inputs) {
          const { hash, details: stored, ...chained } = chain.append(input);
          // What the table gives back: details parsed from the text written.
          const readBack: HashedAuditRow = { ...chained, details: JSON.parse(stored) as Record<string, unknown> };
          expect(readBack.prev_hash).toBe(prev);
          expect(hash).toBe(definedHash(readBack));
          prev = hash;
        }
      }),
    );
  });
});
