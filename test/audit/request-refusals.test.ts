import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPEATED_DENIALS } from '../../src/audit/record-denial.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { auditRowsOfRequest, endOpenSessions, mapConcurrent, newRequestId, openAuditSession, withAuditInsertsFailing, type AuditSession } from './audit-support.js';

/**
 * A request refused before it runs is on the trail like any other refusal of a known caller:
 * one `request_refused` row, with the request id, the operation (or the document's hash), the
 * code, a summary in words and no value sent in, counted toward the repeated-denials alert.
 * During a session, the answer carries the banner too.
 */

let t: TestGateway;
let production: TestGateway;
let session: AuditSession;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
  production = await startTestGateway(
    { NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: 'test-checkpoint-key-'.padEnd(40, 'x') },
    { realSessions: true, database: t.database },
  );
  session = await openAuditSession(t, { agent: 'agent', userId: 'usr_tom' });
});
afterAll(async () => {
  if (t) await endOpenSessions(t);
  await production?.close();
  await t?.close();
});

interface Sent {
  body: string;
  contentType?: string;
  method?: 'GET' | 'POST' | 'PUT';
  query?: string;
  headers?: Record<string, string>;
}

/** Sends a request as Sarah in her session as Tom; answers with the response and the request's audit rows. */
async function asSarahInSession(sent: Sent, gateway: TestGateway = t) {
  const requestId = newRequestId('refused');
  const method = sent.method ?? 'POST';
  const response = await gateway.fetch(method === 'GET' ? `/graphql?${sent.query ?? ''}` : '/graphql', {
    method,
    headers: {
      accept: 'application/json',
      authorization: `Bearer ${await gateway.tokenFor('agent')}`,
      'x-request-id': requestId,
      ...(method === 'GET' ? {} : { 'content-type': sent.contentType ?? 'application/json' }),
      ...session.headers,
      ...sent.headers,
    },
    ...(method === 'GET' ? {} : { body: sent.body }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions: { code: string } }>; extensions?: { impersonation?: { sessionId: string } } };
  return { status: response.status, body, rows: await auditRowsOfRequest(t.db, requestId) };
}

const json = (query: string, variables?: Record<string, unknown>, operationName?: string) => JSON.stringify({ query, variables, operationName });
const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
const SECRET_LOOKING = 'tok_live_9c1f77ab42';

describe('each refusal before execution is one audit event of the session', () => {
  it.each<[string, Sent, string, RegExp]>([
    ['a syntax error', { body: json('query Broken { account { id ') }, 'GRAPHQL_PARSE_FAILED', /^Agent Sarah Lee's request as Tom Baker \(Acme Co\) was refused: its document is not valid GraphQL \(Expected Name, found <EOF>\.\)$/],
    ['an unknown field', { body: json('query Probe { account { nope } }') }, 'GRAPHQL_VALIDATION_FAILED', /^Agent Sarah Lee's query as Tom Baker \(Acme Co\) was refused: it asks for Account\.nope, which does not exist$/],
    ['an unknown argument', { body: json('query Probe { account(id: "acc_globex") { id } }') }, 'GRAPHQL_VALIDATION_FAILED', /it gives Query\.account an argument "id", which Query\.account does not take/],
    ['an argument of the wrong type', { body: json(`query Probe { account { invoices(first: "${SECRET_LOOKING}") { id } } }`) }, 'GRAPHQL_VALIDATION_FAILED', /a value written in it does not fit its type/],
    ['a variable that does not coerce', { body: json('query Probe($n: Int!) { account { invoices(first: $n) { id } } }', { n: SECRET_LOOKING }) }, 'BAD_USER_INPUT', /the variable \$n does not fit its type/],
    ['a required variable left out', { body: json('query Probe($n: Int!) { account { invoices(first: $n) { id } } }') }, 'BAD_USER_INPUT', /it leaves out the required variable \$n/],
    ['a query over a limit', { body: json(`query Probe { ${Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`) }, 'QUERY_TOO_COMPLEX', /it goes over a limit \(aliases limit of 15 exceeded/],
    ['the same field repeated past the limit', { body: json(`query Probe { viewer { ${'__typename '.repeat(150)}} }`) }, 'QUERY_TOO_COMPLEX', /it goes over a limit \("__typename" is selected 150 times in one selection set, over the limit of 100\)/],
    ['a missing CSRF header on a GET', { body: '', method: 'GET', query: `query=${encodeURIComponent('query Probe { viewer { id } }')}` }, 'BAD_REQUEST', /request as Tom Baker \(Acme Co\) was refused: it came without the x-warden-csrf header/],
    ['a media type other than JSON', { body: json('query Probe { viewer { id } }'), contentType: 'application/xml' }, 'BAD_REQUEST', /it was not sent as JSON/],
    ['a body that is not JSON', { body: '{"query": "query Probe { viewer { id } }"' }, 'BAD_REQUEST', /its body is not valid JSON/],
    ['a batch', { body: JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]) }, 'BAD_REQUEST', /it sent several operations as one batch/],
    ['a body over the size limit', { body: json(`query Probe { viewer { id } }\n${'# padding\n'.repeat(11_000)}`), contentType: 'application/json' }, 'BAD_REQUEST', /its body is over the 100000-byte limit/],
    ['a Content-Length that is not a number', { body: json('query Probe { viewer { id } }'), contentType: 'application/json', headers: { 'content-length': '12a' } }, 'BAD_REQUEST', /its Content-Length header is not one whole number/],
    ['a GET whose variables are not JSON', { body: '', method: 'GET', query: `query=${encodeURIComponent('query Probe { viewer { id } }')}&variables=%7Bbad`, headers: { 'x-warden-csrf': '1' } }, 'BAD_REQUEST', /its GET parameters are not valid JSON/],
    ['an Accept header that allows no JSON', { body: json('mutation Probe { endImpersonation(sessionId: "x") { id } }'), headers: { accept: 'text/html' } }, 'BAD_REQUEST', /its Accept header allows no type this gateway answers in/],
    ['a mutation sent with GET', { body: '', method: 'GET', query: `query=${encodeURIComponent('mutation Probe { endImpersonation(sessionId: "x") { id } }')}`, headers: { 'x-warden-csrf': '1' } }, 'BAD_REQUEST', /it sent a mutation with GET/],
  ])('%s', async (_kind, sent, code, summary) => {
    const { status, body, rows } = await asSarahInSession(sent);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(body.data ?? undefined).toBeUndefined();
    expect(body.errors?.[0]?.extensions.code).toBe(code);
    // The banner, as on every response of the session.
    expect(body.extensions?.impersonation?.sessionId).toBe(session.sessionId);
    const [row, ...more] = rows;
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      kind: 'request_refused',
      actor_kind: 'staff',
      actor_id: 'stf_sarah',
      session_id: session.sessionId,
      subject_user_id: 'usr_tom',
      account_id: 'acc_acme',
      decision: 'refused',
    });
    expect(row?.summary).toMatch(summary);
    expect(row?.details).toMatchObject({ code, refusals: [expect.objectContaining({ code })] });
    // Named by its operation where the document got that far, and by its hash whenever it was read.
    const read = sent.method !== 'GET' && !sent.contentType && !sent.headers?.['accept'] && sent.body.startsWith('{"query"') && sent.body.endsWith('}');
    if (read) expect(row?.details).toMatchObject({ documentHash: hashOf(String(JSON.parse(sent.body).query)) });
    if (/query Probe|mutation Probe/.test(sent.body + (sent.query ?? '')) && code !== 'BAD_REQUEST') expect(row?.operation).toBe('Probe');
    // No value sent in is kept, in clear or otherwise.
    expect(JSON.stringify(row)).not.toContain(SECRET_LOOKING);
  });

  it('introspection where it is off (production): refused and recorded, naming what was asked for', async () => {
    const { body, rows } = await asSarahInSession({ body: json('query Peek { __schema { types { name } } }') }, production);
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.extensions?.impersonation?.sessionId).toBe(session.sessionId);
    expect(rows.map((row) => [row.kind, row.operation, row.summary])).toEqual([
      ['request_refused', 'Peek', "Agent Sarah Lee's query as Tom Baker (Acme Co) was refused: it asks for the schema itself (introspection), which is not served here"],
    ]);
  });

  it('an operation the firewall refuses is recorded too (at execution, as access_denied)', async () => {
    const { body, rows } = await asSarahInSession({ body: json('query Peek { auditEvents(first: 1) { hasNextPage } }') });
    expect(body.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(rows.map((row) => [row.kind, row.type_field, row.session_id])).toEqual([['access_denied', 'Query.auditEvents', session.sessionId]]);
  });

  it('several refusals of one request are one event that names each', async () => {
    const { rows } = await asSarahInSession({ body: json('query Probe { account { nope zip } viewer { nope } }') });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.summary).toBe(
      "Agent Sarah Lee's query as Tom Baker (Acme Co) was refused: it asks for Account.nope, which does not exist; it asks for Account.zip, which does not exist; it asks for Viewer.nope, which does not exist",
    );
    expect(rows[0]?.details).toMatchObject({ refusals: [{ code: 'GRAPHQL_VALIDATION_FAILED' }, { code: 'GRAPHQL_VALIDATION_FAILED' }, { code: 'GRAPHQL_VALIDATION_FAILED' }] });
  });

  it('control: a request that runs leaves reads, not a request_refused row', async () => {
    const { body, rows } = await asSarahInSession({ body: json('query Fine { account { id } }') });
    expect(body.errors).toBeUndefined();
    expect(rows.map((row) => row.kind)).not.toContain('request_refused');
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe('outside sessions', () => {
  it("a customer's refusal is recorded in their own account's slice", async () => {
    const requestId = newRequestId('customer-refused');
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor('usr_tom')}`, 'x-request-id': requestId },
      body: json('query Probe { account { nope } }'),
    });
    expect(response.status).toBe(400);
    const rows = await auditRowsOfRequest(t.db, requestId);
    expect(rows.map((row) => [row.kind, row.actor_id, row.subject_user_id, row.account_id, row.summary])).toEqual([
      ['request_refused', 'usr_tom', 'usr_tom', 'acc_acme', "Tom Baker's query was refused: it asks for Account.nope, which does not exist"],
    ]);
  });

  it('fails closed: when the refusal cannot be recorded, the answer is AUDIT_UNAVAILABLE (503), without the reasons', async () => {
    const requestId = newRequestId('refused-unrecorded');
    const token = await t.tokenFor('auditor');
    const response = await withAuditInsertsFailing(t.db, () =>
      t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: json('query Probe { account { nope } }'),
      }),
    );
    expect(response.status).toBe(503);
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['AUDIT_UNAVAILABLE']);
    expect(JSON.stringify(body)).not.toMatch(/nope/);
  });
});

describe('a burst of refusals by one principal', () => {
  it('records every one and raises one repeated-denials alert', async () => {
    const alerts = async () =>
      (await t.db.selectFrom('notification_outbox').select('idempotency_key').where('kind', '=', 'repeated_denials').execute()).filter((row) =>
        row.idempotency_key.startsWith('repeated_denials:stf_ines:'),
      );
    expect(await alerts()).toEqual([]);
    const token = await t.tokenFor('oncall');
    const ids = Array.from({ length: 300 }, (_, i) => newRequestId(`burst-${i}`));
    const started = new Date();
    const statuses = await mapConcurrent(ids, 20, async (requestId, i) => {
      const response = await t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
        body: json(`query Probe { field${i} }`),
      });
      await response.text();
      return response.status;
    });
    expect(new Set(statuses)).toEqual(new Set([400]));
    const recorded = await t.db.selectFrom('audit_events').select('request_id').where('actor_id', '=', 'stf_ines').where('kind', '=', 'request_refused').where('occurred_at', '>=', started).execute();
    expect(new Set(recorded.map((row) => row.request_id))).toEqual(new Set(ids));
    expect(recorded).toHaveLength(300);
    const raised = await alerts();
    // One per window: the burst may straddle a window's edge, and never raises more than that.
    const windows = new Set([started, new Date()].map((d) => Math.floor(d.getTime() / (REPEATED_DENIALS.windowMinutes * 60_000)))).size;
    expect(raised.length).toBeGreaterThanOrEqual(1);
    expect(raised.length).toBeLessThanOrEqual(windows);
  });
});
