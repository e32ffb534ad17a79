import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAuditRows, type AuditRowInput } from '../../src/audit/append-audit-rows.js';
import { isStorableText, storableText } from '../../src/audit/canonical-json.js';
import { copyAuditRows } from '../../src/audit/copy-audit-rows.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const KEY = 'storable-text-test-checkpoint-key-0123456';
const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';
const EMOJI = '\u{1F600}';

/** A refusal as an agent could shape it: their own text, with a NUL and lone surrogates in it, everywhere it can go. */
const refusal = (label: string): AuditRowInput => ({
  kind: 'access_denied',
  actor_kind: 'staff',
  actor_id: 'stf_sarah',
  actor_name: `Sarah${LONE_LOW} Lee`,
  decision: 'denied',
  reason: `vague${NUL} reason`,
  path: `directory${LONE_HIGH}`,
  details: { message: `no ${NUL} way`, [`key${NUL}`]: [`a${LONE_HIGH}b`, { nested: `${LONE_LOW}x` }], kept: `${EMOJI} stays` },
  summary: `${label}: Agent Sarah Lee was refused${NUL}${LONE_HIGH}`,
});

const ordinary = (label: string): AuditRowInput => ({ kind: 'test_event', actor_kind: 'system', details: { label }, summary: `${label}: an ordinary row` });

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

async function expectStoredSafely(label: string): Promise<void> {
  const stored = await database.db.selectFrom('audit_events').selectAll().where('summary', 'like', `${label}:%`).orderBy('chain_seq').execute();
  expect(stored.map((row) => row.kind)).toEqual(['test_event', 'access_denied', 'test_event']);
  const refused = stored[1]!;
  expect(refused).toMatchObject({
    actor_name: 'Sarah\ufffd Lee',
    reason: 'vague\ufffd reason',
    path: 'directory\ufffd',
    summary: `${label}: Agent Sarah Lee was refused\ufffd\ufffd`,
  });
  expect(refused.details).toEqual({ message: 'no \ufffd way', 'key\ufffd': ['a\ufffdb', { nested: '\ufffdx' }], kept: `${EMOJI} stays` });
  expect((await verifyAuditChain(database.db, KEY)).problems).toEqual([]);
}

describe('the audit chain stores any text a caller sends', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps whole characters', () => {
    expect(storableText(`a${NUL}b${LONE_HIGH}c${LONE_LOW}d${EMOJI}`)).toBe(`a\ufffdb\ufffdc\ufffdd${EMOJI}`);
    expect(storableText('plain')).toBe('plain');
    expect(isStorableText(`fine ${EMOJI}`)).toBe(true);
    expect(isStorableText(`${LONE_LOW}${LONE_HIGH}`)).toBe(false);
  });

  it('with INSERT … VALUES: the refusal and the rows batched with it commit, and the chain verifies', async () => {
    await database.db.transaction().execute((trx) => appendAuditRows(trx, [ordinary('values'), refusal('values'), ordinary('values')]));
    await expectStoredSafely('values');
  });

  it.skipIf(inject('databaseUrl') === null)('with COPY: the refusal and the rows batched with it commit, and the chain verifies', async () => {
    await copyAuditRows(database.pool!, [ordinary('copy'), refusal('copy'), ordinary('copy')]);
    await expectStoredSafely('copy');
  });
});
