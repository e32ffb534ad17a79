import { createServer, type IncomingMessage, type Server } from 'node:http';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTR } from '../../src/tracing/attributes.js';
import { openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { startProxyWorld, type ProxyWorld } from '../support/proxy-world.js';

/**
 * Proxy mode's calls to the upstream in the request's trace: a client span under the execution,
 * and a `traceparent` naming it on the call, so the upstream's own spans join the trace. The
 * span says where the call went and which codes came back, never what was asked or answered.
 */

/** Stands between Warden and the upstream: keeps each call's headers and body, passes the call on. */
interface Relay {
  url: string;
  calls: Array<{ headers: IncomingMessage['headers']; body: string }>;
  forwardTo: string;
  close(): Promise<void>;
}

async function startRelay(): Promise<Relay> {
  const relay: Relay = { url: '', calls: [], forwardTo: '', close: () => Promise.resolve() };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      relay.calls.push({ headers: request.headers, body });
      const headers = Object.fromEntries(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === 'string' && name !== 'host' && name !== 'content-length' ? [[name, value]] : [])));
      void fetch(relay.forwardTo, { method: request.method ?? 'POST', headers, body }).then(
        async (answer) => {
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(await answer.text());
        },
        () => {
          response.writeHead(502);
          response.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  relay.url = `http://127.0.0.1:${address.port}/graphql`;
  relay.close = () => new Promise((resolve) => server.close(() => resolve()));
  return relay;
}

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let relay: Relay;
let world: ProxyWorld;
let session: OpenSession;
beforeAll(async () => {
  relay = await startRelay();
  world = await startProxyWorld({ customerCallsTo: relay.url, tracerProvider: provider });
  relay.forwardTo = world.upstream.url;
  session = await openSession(world.t, { agent: 'agent', userId: 'usr_jess', mode: 'read_only' });
});
afterAll(async () => {
  await world?.close();
  await relay?.close();
  await provider.shutdown();
});

async function read(query: string, headers: Record<string, string> = {}) {
  const response = await world.t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await world.t.tokenFor('agent')}`, ...withSession(session.token), ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ extensions?: Record<string, unknown> }> };
}

const upstreamSpans = () => exporter.getFinishedSpans().filter((span) => span.name === 'warden.upstream');
const byId = (spans: readonly ReadableSpan[], id: string | undefined) => spans.find((span) => span.spanContext().spanId === id);

describe("an upstream call in the request's trace", () => {
  it('is a client span under the execution, and the call carries a traceparent naming it', async () => {
    exporter.reset();
    relay.calls.length = 0;
    const reply = await read('{ tenant(id: "ten_hl_001") { id email } }');
    expect(reply.data?.['tenant']).toMatchObject({ id: 'ten_hl_001' });

    const [call] = upstreamSpans();
    if (!call) throw new Error(`no warden.upstream span among ${exporter.getFinishedSpans().map((span) => span.name).join(', ')}`);
    expect(call.kind).toBe(2); // SpanKind.CLIENT
    const spans = exporter.getFinishedSpans();
    expect(byId(spans, call.parentSpanContext?.spanId)?.name).toBe('graphql.execute');

    const customerCalls = relay.calls.filter((each) => each.body.includes('ten_hl_001'));
    expect(customerCalls).toHaveLength(1);
    const { traceId, spanId } = call.spanContext();
    expect(customerCalls[0]?.headers['traceparent']).toBe(`00-${traceId}-${spanId}-01`);
  });

  it('continues the trace a caller sent, down to the upstream', async () => {
    exporter.reset();
    relay.calls.length = 0;
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    await read('{ tenant(id: "ten_hl_001") { id } }', { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01` });
    const traceparent = relay.calls.find((each) => each.body.includes('ten_hl_001'))?.headers['traceparent'];
    expect(traceparent).toMatch(new RegExp(`^00-${callerTrace}-[0-9a-f]{16}-01$`));
  });

  it("keeps none of a caller's tracestate: not on Warden's spans, not on to the upstream", async () => {
    exporter.reset();
    relay.calls.length = 0;
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4737';
    await read('{ tenant(id: "ten_hl_001") { id } }', { traceparent: `00-${callerTrace}-00f067aa0ba902b7-01`, tracestate: 'pii=jane.doe.acme.example' });
    const spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === callerTrace);
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.map((span) => span.spanContext().traceState?.serialize() ?? '')).toEqual(spans.map(() => ''));
    const call = relay.calls.find((each) => each.body.includes('ten_hl_001'));
    expect(call?.headers['traceparent']).toMatch(new RegExp(`^00-${callerTrace}-`));
    expect(call?.headers['tracestate']).toBeUndefined();
  });

  it('says where the call went and what codes came back, never the document, the variables or a value', async () => {
    exporter.reset();
    relay.calls.length = 0;
    await read('{ tenant(id: "ten_hl_001") { id email phone } }');
    const [call] = upstreamSpans();
    if (!call) throw new Error('no warden.upstream span');
    const upstream = new URL(relay.url);
    expect(call.attributes).toEqual({
      [ATTR.serverAddress]: upstream.hostname,
      [ATTR.serverPort]: Number(upstream.port),
      [ATTR.errorCount]: 0,
      [ATTR.errorCodes]: [],
    });
    const answered = relay.calls.map((each) => each.body).join('');
    const told = JSON.stringify({ attributes: call.attributes, events: call.events, links: call.links, status: call.status });
    for (const secret of ['ten_hl_001', 'email', 'phone', answered.slice(0, 40)]) expect(told).not.toContain(secret);
  });

  it('ends in error, with the code, when the upstream cannot be reached', async () => {
    exporter.reset();
    const reachable = relay.forwardTo;
    relay.forwardTo = 'http://127.0.0.1:9/graphql';
    try {
      const reply = await read('{ tenant(id: "ten_hl_001") { id } }');
      expect(reply.errors?.[0]?.extensions?.['code']).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      relay.forwardTo = reachable;
    }
    const [call] = upstreamSpans();
    if (!call) throw new Error('no warden.upstream span');
    expect(call.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(call.attributes[ATTR.errorCodes]).toEqual(['UPSTREAM_UNAVAILABLE']);
  });
});
