import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePolicy } from '../../src/policy/compile-policy.js';
import { staticPolicySource } from '../../src/policy/policy-source.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { auditRowsOfRequest, codeOf, newRequestId } from './audit-support.js';

const CustomerAuditEvents = graphql(`
  query CustomerAuditEvents {
    auditEvents(first: 5) {
      hasNextPage
    }
  }
`);

const CustomerDirectory = graphql(`
  query CustomerDirectory {
    directory(search: "Acme") {
      userId
    }
  }
`);

const CustomerStartSession = graphql(`
  mutation CustomerStartSession($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      token
    }
  }
`);

const CustomerTaxRate = graphql(`
  mutation CustomerTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
    }
  }
`);

const CustomerBirthDate = graphql(`
  query CustomerBirthDate {
    me {
      id
      birthDate
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  // The default: customers' own reads are not recorded (WARDEN_AUDIT_CUSTOMER_READS unset).
  t = await startTestGateway();
});
afterAll(() => t?.close());

describe("customers' refusals are recorded although their reads are not", () => {
  it.each([
    ['the audit (firewall)', (requestId: string) => t.execute(CustomerAuditEvents, { as: 'customer', headers: { 'x-request-id': requestId } }), 'Query.auditEvents'],
    ['the staff directory (firewall)', (requestId: string) => t.execute(CustomerDirectory, { as: 'customer', headers: { 'x-request-id': requestId } }), 'Query.directory'],
    [
      'starting a session (firewall)',
      (requestId: string) =>
        t.execute(CustomerStartSession, {
          as: 'customer',
          variables: { input: { userId: 'usr_tom', reason: 'I would like to see what Tom sees on his invoices', ticket: 'SUP-1' } },
          headers: { 'x-request-id': requestId },
        }),
      'Mutation.startImpersonation',
    ],
    [
      "changing a tax rate without the role (the service's own check)",
      (requestId: string) => t.execute(CustomerTaxRate, { as: 'usr_tom', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 5 } }, headers: { 'x-request-id': requestId } }),
      'Mutation.setInvoiceTaxRate',
    ],
  ])('records a customer refused %s', async (_what, ask, typeField) => {
    const requestId = newRequestId('customer-refused');
    const result = await ask(requestId);
    expect(codeOf(result.body)).toBe('FORBIDDEN');
    const rows = await auditRowsOfRequest(t.db, requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'access_denied', actor_kind: 'customer', decision: 'denied', type_field: typeField });
    expect((rows[0]?.details as { code?: string }).code).toBe('FORBIDDEN');
  });

  it('records nothing for a customer reading their own account', async () => {
    const requestId = newRequestId('customer-reads');
    const result = await t.execute(CustomerBirthDate, { as: 'customer', headers: { 'x-request-id': requestId } });
    expect(result.body.errors).toBeUndefined();
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);
  });
});

describe('a field the policy denies to customers', () => {
  it('is recorded as a denied read, and only that', async () => {
    const schema = buildDemoSchema();
    const document = structuredClone(schema.catalog.baseline);
    document.overrides['User.birthDate'] = { customer: 'deny' };
    const denying = await startTestGateway({}, { schema, policy: staticPolicySource(compilePolicy(1, document, schema.catalog.fields.values())), database: t.database });
    const requestId = newRequestId('customer-field-denied');
    const result = await denying.execute(CustomerBirthDate, { as: 'customer', headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('FIELD_DENIED');
    expect(result.body.data?.me?.id).toBe('usr_jane');
    const rows = await auditRowsOfRequest(t.db, requestId);
    expect(rows.map((row) => [row.kind, row.type_field, row.decision, row.actor_id])).toEqual([['field_read', 'User.birthDate', 'denied', 'usr_jane']]);
    await denying.close();
  });
});
