import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOfRequest, newRequestId } from '../audit/audit-support.js';
import { ACT_AS_HEADER, startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * The benchmark measures the policy alone on a gateway with the audit trail off, so that what
 * the audit adds can be told apart. That gateway must enforce the same policy; it only records
 * nothing (not even what each request read, which nothing would write).
 */
let audited: TestGateway;
let unaudited: TestGateway;
beforeAll(async () => {
  audited = await startTestGateway();
  unaudited = await startTestGateway({}, { database: audited.database, auditTrail: false });
});
afterAll(async () => {
  await unaudited.close();
  await audited.close();
});

async function send(t: TestGateway, query: string, requestId: string) {
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await t.tokenFor('agent')}`,
      [ACT_AS_HEADER]: 'usr_jane read_only',
      'x-request-id': requestId,
    },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe('a gateway with the audit trail off (the benchmark\'s policy-alone mode)', () => {
  it('masks what the audited gateway masks, field for field, and records nothing', async () => {
    const query = '{ account { id name users { id name email phone notificationSettings { smsAlerts } } paymentMethods { id brand cardNumber } invoices(first: 5) { id number } } }';
    const on = newRequestId('trail-on');
    const off = newRequestId('trail-off');
    const withTrail = await send(audited, query, on);
    const withoutTrail = await send(unaudited, query, off);
    expect(withTrail.body.errors).toBeUndefined();
    expect(withoutTrail).toEqual(withTrail);
    // The masks are there to compare: support never sees a customer's email or card in full.
    expect(JSON.stringify(withTrail.body)).not.toContain('jane.doe@acme.example');
    expect((await auditRowsOfRequest(audited.db, on)).length).toBeGreaterThan(0);
    expect(await auditRowsOfRequest(unaudited.db, off)).toEqual([]);
  });

  it('refuses what the audited gateway refuses', async () => {
    const query = '{ account { users(filter: { email: "jane.doe@acme.example" }) { id } } }';
    const withTrail = await send(audited, query, newRequestId('refused-on'));
    const withoutTrail = await send(unaudited, query, newRequestId('refused-off'));
    expect(withTrail.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(withoutTrail).toEqual(withTrail);
  });
});
