import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditScope, FieldChange } from '../../src/audit/index.js';
import { recordAuditEvent } from '../../src/audit/index.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/** The raw values of each change: none of them may reach the audit table unless its class allows. */
const JANE_OLD_EMAIL = 'jane.doe@acme.example';
const JANE_NEW_EMAIL = 'jane.d@personal.example';

let database: TestDatabase;
const fields = buildDemoSchema().catalog.fields;
const scope: AuditScope = { actor: { kind: 'staff', id: 'stf_sarah', name: 'Sarah Lee', title: 'Agent' }, requestId: 'req-field-changes', fields };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.destroy());

/** Records a mutation that changed these fields; returns the stored row. */
async function recordChanges(changes: FieldChange[], withScope: AuditScope = scope) {
  const target = `change ${Math.random().toString(36).slice(2)}`;
  await database.db.transaction().execute((trx) =>
    recordAuditEvent(trx, { kind: 'mutation_executed', typeField: 'Mutation.testChange', account: { id: 'acc_acme', name: 'Acme Co' }, subjectUserId: 'usr_jane', target, changes }, withScope),
  );
  const row = await database.db.selectFrom('audit_events').selectAll().where('kind', '=', 'mutation_executed').orderBy('chain_seq', 'desc').executeTakeFirstOrThrow();
  expect(row.summary).toContain(target);
  return { ...row, changes: (row.details as { changes: unknown[] }).changes };
}

describe("a mutation's before and after values are kept as the changed field's class allows", () => {
  it('masks personal data with the field’s mask (User.email, pii)', async () => {
    const row = await recordChanges([{ field: 'User.email', label: 'email', before: JANE_OLD_EMAIL, after: JANE_NEW_EMAIL }]);
    expect(row.changes).toEqual([{ field: 'User.email', label: 'email', dataClass: 'pii', values: 'masked', before: 'j•••@acme.example', after: 'j•••@personal.example' }]);
    expect(row.summary).toMatch(/^Agent Sarah Lee changed the email from j•••@acme\.example to j•••@personal\.example on change /);
    expect(JSON.stringify(row)).not.toContain('jane.doe');
    expect(JSON.stringify(row)).not.toContain('jane.d@');
  });

  it.each([
    ['a secret (PaymentMethod.cardNumber)', 'PaymentMethod.cardNumber', 'card number', '4242 4242 4242 4242', '5555 5555 5555 4444', 'secret'],
    ['a sensitive value (User.birthDate)', 'User.birthDate', 'birth date', '1986-04-12', '1986-04-21', 'sensitive'],
    ['a field the schema does not know (User.passwordHash)', 'User.passwordHash', 'password', '$argon2id$old', '$argon2id$new', 'unclassified'],
  ])('never stores %s', async (_what, field, label, before, after, dataClass) => {
    const row = await recordChanges([{ field, label, before, after }]);
    expect(row.changes).toEqual([{ field, label, dataClass, values: 'withheld', before: null, after: null }]);
    expect(row.summary).toContain(`changed the ${label} (a${dataClass === 'unclassified' ? 'n' : ''} ${dataClass} value, not recorded)`);
    expect(JSON.stringify(row)).not.toContain(before);
    expect(JSON.stringify(row)).not.toContain(after);
  });

  it('keeps public and internal values as they are (Invoice.taxRate)', async () => {
    const row = await recordChanges([{ field: 'Invoice.taxRate', label: 'tax rate', before: '20%', after: '10%' }]);
    expect(row.changes).toEqual([{ field: 'Invoice.taxRate', label: 'tax rate', dataClass: 'public', values: 'shown', before: '20%', after: '10%' }]);
    expect(row.summary).toMatch(/^Agent Sarah Lee changed the tax rate from 20% to 10% on /);
  });

  it('withholds every value when the schema’s fields are not known to the caller', async () => {
    const { fields: _known, ...blind } = scope;
    const row = await recordChanges([{ field: 'Invoice.taxRate', label: 'tax rate', before: '20%', after: '10%' }], blind);
    expect(row.changes).toEqual([{ field: 'Invoice.taxRate', label: 'tax rate', dataClass: 'unclassified', values: 'withheld', before: null, after: null }]);
  });
});
