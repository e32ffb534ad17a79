import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowsOfRequest, newRequestId } from '../audit/audit-support.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { exampleClassificationWithout, startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * A field the upstream serves that nobody has classified yet (it shipped after the
 * classification was written): listed at the start, and hidden as a secret until someone
 * classifies it. A value is masked as secrets are; an object, which a mask cannot partly show,
 * is denied.
 */

const NEW_FIELDS = ['Payment.reference', 'Tenant.leases'];
const QUERY = '{ payments(first: 1) { id reference } tenant(id: "ten_hl_001") { id leases { id } } }';

/** Served with the example's classification but for the new fields. */
let world: ProxyWorld;
/** The control: the same upstream with every field classified. */
let classified: ProxyWorld;
let session: OpenSession;
let classifiedSession: OpenSession;
beforeAll(async () => {
  [world, classified] = await Promise.all([startProxyWorld({ classification: exampleClassificationWithout({ fields: NEW_FIELDS }) }), startProxyWorld()]);
  [session, classifiedSession] = await Promise.all([
    openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' }),
    openSession(classified.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' }),
  ]);
});
afterAll(async () => {
  await Promise.all([world?.close(), classified?.close()]);
});

async function post(of: ProxyWorld, as: string, headers: Record<string, string> = {}) {
  const requestId = newRequestId('unclassified');
  const response = await of.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await of.t.tokenFor(as)}`, 'x-request-id': requestId, ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { data?: { payments: Array<{ reference: string | null }>; tenant: { leases: unknown } } | null; errors?: Array<{ path?: unknown[]; extensions?: Record<string, unknown> }> };
  return { body, requestId };
}

describe('an upstream field missing from the classification', () => {
  it('is listed at the start as unclassified', () => {
    expect(world.schema.report.unclassified).toEqual(NEW_FIELDS);
    expect(classified.schema.report.unclassified).toEqual([]);
  });

  it('is hidden from a session as a secret: its value masked, its object denied, and read as unclassified', async () => {
    world.upstream.calls.length = 0;
    const { body, requestId } = await post(world, 'agent', withSession(session.token));
    expect(body.data?.payments).toEqual([{ id: expect.any(String), reference: '[redacted]' }]);
    expect(body.data?.tenant).toEqual({ id: 'ten_hl_001', leases: null });
    expect(body.errors?.map((error) => [error.path, error.extensions?.['code'], error.extensions?.['field']])).toEqual([[['tenant', 'leases'], 'FIELD_DENIED', 'Tenant.leases']]);
    // A denied field is not even asked of the upstream.
    expect(world.upstream.calls.flatMap((call) => call.fields)).not.toContain('Tenant.leases');
    const reads = (await auditRowsOfRequest(world.database.db, requestId)).filter((row) => row.kind === 'field_read' && NEW_FIELDS.includes(row.type_field ?? ''));
    expect(reads.map((row) => [row.type_field, row.data_class, row.decision]).sort()).toEqual([
      ['Payment.reference', 'unclassified', 'masked'],
      ['Tenant.leases', 'unclassified', 'denied'],
    ]);
  });

  it('is hidden from the customer too, until someone classifies it', async () => {
    const { body } = await post(world, 'usr_jess');
    expect(body.data?.payments).toEqual([{ id: expect.any(String), reference: '[redacted]' }]);
    expect(body.errors?.map((error) => error.extensions?.['code'])).toEqual(['FIELD_DENIED']);
  });

  it('control: classified (internal), the same session sees both', async () => {
    const { body } = await post(classified, 'agent', withSession(classifiedSession.token));
    expect(body.errors).toBeUndefined();
    expect(body.data?.payments).toEqual([{ id: expect.any(String), reference: expect.stringMatching(/^RENT-HL\d+-\d{4}-\d\d$/) }]);
    expect(body.data?.tenant).toEqual({ id: 'ten_hl_001', leases: [{ id: 'lse_hl_001' }] });
  });
});
