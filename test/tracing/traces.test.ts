import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { ATTR } from '../../src/tracing/attributes.js';
import { openViewerSession, queriesFor, run, type CanaryWorld, type Reply, type Viewer } from '../support/canary-check.js';
import { CANARIES, CANARY_USER, NEVER_SHOWN, seedCanaries } from '../support/canaries.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { QUERY_STYLES } from '../support/query-generator.js';
import { endSessionAs, withSession, type OpenSession } from '../impersonation/sessions.js';

const { schema, catalog } = buildDemoSchema();
const WORLD: CanaryWorld = { schema, catalog, canaries: CANARIES, neverShown: NEVER_SHOWN };
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };
const AGENT: Viewer = { name: 'support, read-only session', column: 'impersonation_read_only', as: 'agent', session: { mode: 'read_only' }, roots: [['account', ''], ['me', '']] };

/** Reads a shown, a masked and a denied field of the canary account's owner. */
const TRACE_READ = 'query TraceRead { me { id name email birthDate } }';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let t: TestGateway;
let session: OpenSession | null;
beforeAll(async () => {
  t = await startTestGateway(GENEROUS_LIMITS, { realSessions: true, tracerProvider: provider });
  await seedCanaries(t.db);
  session = await openViewerSession(t, AGENT, CANARY_USER, 'Customer reports the national id on their invoices is wrong since the March update');
});
afterAll(async () => {
  if (session) await endSessionAs(t, 'agent', session.sessionId);
  await provider.shutdown();
  await t?.close();
});

/** Everything a span tells a trace backend: its name, attributes, events, links and status. */
const told = (spans: readonly ReadableSpan[]) =>
  JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, links: span.links, status: span.status })));

const childrenOf = (spans: readonly ReadableSpan[], parent: ReadableSpan) => spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);
const only = (spans: readonly ReadableSpan[], name: string) => {
  const named = spans.filter((span) => span.name === name);
  expect(named.map((span) => span.name)).toEqual([name]);
  return named[0] as ReadableSpan;
};

async function readInSession(query: string): Promise<Reply> {
  if (!session) throw new Error('no session');
  return run(t, AGENT, { query, variables: {}, operationName: 'TraceRead' }, session);
}

describe('spans of a request in an impersonation session', () => {
  it('nest authentication and the session lookup, parse, validate, and the execution with its audit write and group commit', async () => {
    exporter.reset();
    const reply = await readInSession(TRACE_READ);
    expect(reply.status).toBe(200);
    const spans = exporter.getFinishedSpans();

    const root = spans.find((span) => span.attributes[ATTR.operationName] === 'TraceRead' && span.parentSpanContext === undefined);
    if (!root) throw new Error(`no request span among ${spans.map((span) => span.name).join(', ')}`);
    expect(root.name).toBe('POST /graphql');
    expect(root.attributes).toMatchObject({
      [ATTR.httpStatus]: 200,
      [ATTR.operationType]: 'query',
      [ATTR.principalKind]: 'staff',
      [ATTR.policyColumn]: 'impersonation_read_only',
    });
    const phases = childrenOf(spans, root);
    expect(phases.map((span) => span.name).sort()).toEqual(['graphql.execute', 'graphql.parse', 'graphql.validate', 'warden.authenticate']);

    const lookup = only(childrenOf(spans, only(phases, 'warden.authenticate')), 'warden.session.lookup');
    expect(lookup.attributes).toMatchObject({ [ATTR.sessionOutcome]: 'active', [ATTR.sessionMode]: 'read_only' });

    const execute = only(phases, 'graphql.execute');
    // The name is shown to support (a policy override), the email masked, the birth date denied.
    expect(execute.attributes).toMatchObject({ [ATTR.fieldsAllowed]: 1, [ATTR.fieldsMasked]: 1, [ATTR.fieldsDenied]: 1, [ATTR.errorCodes]: ['FIELD_DENIED'] });
    const write = only(childrenOf(spans, execute), 'warden.audit.write');
    expect(write.attributes[ATTR.auditRows]).toBeGreaterThanOrEqual(3);
    const append = only(childrenOf(spans, write), 'warden.audit.append');
    expect(append.attributes).toMatchObject({ [ATTR.auditOutcome]: 'committed', [ATTR.auditRequests]: 1 });
    expect(append.attributes[ATTR.auditRowsAppended]).toBe(write.attributes[ATTR.auditRows]);
    // The rows are in the trail under the request id the span carries.
    const rows = await t.db.selectFrom('audit_events').select('kind').where('request_id', '=', String(root.attributes[ATTR.requestId])).execute();
    expect(rows.length).toBe(write.attributes[ATTR.auditRows]);
  });

  it('hold no canary, session token or bearer token, whatever the documents read or send', async () => {
    if (!session) throw new Error('no session');
    exporter.reset();
    const replies: Reply[] = [];
    for (const style of QUERY_STYLES) {
      for (const [root, args] of AGENT.roots) {
        for (const query of queriesFor(WORLD, AGENT, root, args, style)) replies.push(await run(t, AGENT, query, session));
      }
    }
    replies.push(await readInSession(TRACE_READ));
    // The requests did reach the canaries: masked and denied in the answers, sent back as variables and literals.
    const answered = replies.map((reply) => reply.text).join('\n');
    expect(answered).toContain('•');
    expect(replies.some((reply) => reply.body.errors?.some((error) => error.extensions?.code === 'FIELD_DENIED'))).toBe(true);
    expect(replies.some((reply) => reply.body.errors?.some((error) => error.extensions?.code === 'BAD_USER_INPUT'))).toBe(true);

    const spans = exporter.getFinishedSpans();
    expect(spans.filter((span) => span.name === 'graphql.execute').length).toBeGreaterThan(QUERY_STYLES.length);
    const text = told(spans);
    for (const canary of [...CANARIES, ...NEVER_SHOWN]) {
      expect(text, canary.field).not.toContain(canary.token);
      expect(text, canary.field).not.toContain(canary.value);
    }
    expect(text).not.toContain(session.token);
    expect(text).not.toContain(await t.tokenFor('agent'));
    // Nor whose data it was: no person, account or session id.
    expect(text).not.toMatch(/usr_|stf_|acc_|ses_/);
    expect(text).not.toContain(session.sessionId);
  });

  it('record a refused session by its code, and a stranger by why, without the tokens sent', async () => {
    exporter.reset();
    const stale = 'wimp_' + 'x'.repeat(43);
    const refused = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor('agent')}`, ...withSession(stale) },
      body: JSON.stringify({ query: TRACE_READ }),
    });
    expect(((await refused.json()) as Reply['body']).errors?.[0]?.extensions?.code).toBe('SESSION_EXPIRED');
    const stranger = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not.a-jwt.CNRYTOKENSECRET99' },
      body: JSON.stringify({ query: TRACE_READ }),
    });
    expect(stranger.status).toBe(401);

    const spans = exporter.getFinishedSpans();
    const lookup = only(spans, 'warden.session.lookup');
    expect(lookup.attributes[ATTR.sessionOutcome]).toBe('refused');
    expect(lookup.attributes[ATTR.errorCodes]).toEqual(['SESSION_EXPIRED']);
    const authentications = spans.filter((span) => span.name === 'warden.authenticate');
    expect(authentications.map((span) => span.attributes[ATTR.unauthenticatedBecause])).toContain('malformed');
    // Neither request ran an operation: no execution span, and no name taken from the body.
    expect(spans.filter((span) => span.name === 'graphql.execute')).toEqual([]);
    const text = told(spans);
    expect(text).not.toContain(stale);
    expect(text).not.toContain('CNRYTOKENSECRET99');
    expect(text).not.toContain('TraceRead');
  });

  it("put a refused document's audit write and group commit under its request, without the document", async () => {
    exporter.reset();
    // Refused in validation, with a canary sent as a literal: the refusal is recorded, the literal is not traced.
    const reply = await readInSession('query TraceRead { me { id nope(where: "CNRYNATIONALID42zz") } }');
    expect(reply.status).toBe(400);
    const spans = exporter.getFinishedSpans();
    const root = only(spans, 'POST /graphql');
    expect(root.attributes[ATTR.httpStatus]).toBe(400);
    const phases = childrenOf(spans, root);
    expect(phases.map((span) => span.name).sort()).toEqual(['graphql.parse', 'graphql.validate', 'warden.audit.write', 'warden.authenticate']);
    expect(only(phases, 'graphql.validate').attributes[ATTR.validationErrors]).toBeGreaterThan(0);
    const write = only(phases, 'warden.audit.write');
    expect(write.attributes[ATTR.auditRows]).toBe(1);
    expect(only(childrenOf(spans, write), 'warden.audit.append').attributes).toMatchObject({ [ATTR.auditOutcome]: 'committed', [ATTR.auditRowsAppended]: 1 });
    const text = told(spans);
    expect(text).not.toContain('CNRYNATIONALID42');
    expect(text).not.toContain('TraceRead');
    expect(text).not.toContain('nope');
  });
});
