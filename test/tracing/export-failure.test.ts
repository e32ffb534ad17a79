import { createServer, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, randomJwtSecret } from '../../src/config/config.js';
import { startTracing, type Tracing } from '../../src/tracing/start-tracing.js';
import { TRACES_NOT_EXPORTED } from '../../src/tracing/warn-on-export-failure.js';
import { endOpenSessions, ImpMe, openSession, withSession } from '../impersonation/sessions.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** Warden's own exporter, as startWarden builds it from these OTEL_* variables. */
function tracingFrom(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: randomJwtSecret(), ...env }).tracing;
  if (!config) throw new Error('the variables configure no exporter');
  const log = capturingLogger('debug');
  return { tracing: startTracing(config, log.logger), lines: log.lines };
}

async function listening(server: Server | ReturnType<typeof createServer>): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** A port on this machine that nothing listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listening(server);
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

/** An agent's read in a session: answered, its rows committed to the trail under its request id. */
async function readInSession(t: TestGateway, token: string) {
  const me = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
  expect(me.status).toBe(200);
  expect(me.body.data?.me?.email).toMatch(/•/);
  const requestId = me.headers.get('x-request-id') ?? '';
  const rows = await t.db.selectFrom('audit_events').select('kind').where('request_id', '=', requestId).execute();
  expect(rows.map((row) => row.kind)).toContain('field_read');
}

let t: TestGateway | undefined;
const stops: Array<() => Promise<void>> = [];
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(async () => {
  for (const stop of stops) await stop();
  await t?.close();
});

describe('an OTLP endpoint that cannot take the spans', () => {
  it('nobody listening: requests are answered and audited, and the export failure is a warning naming only where', async () => {
    if (!t) throw new Error('no gateway');
    const port = await closedPort();
    const { tracing, lines } = tracingFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: `http://user:secret@127.0.0.1:${port}/otlp`, OTEL_EXPORTER_OTLP_TIMEOUT: '1000' });
    stops.push(() => tracing.stop().catch(() => undefined));
    const traced = await startTestGateway({}, { database: t.database, realSessions: true, tracerProvider: tracing.tracerProvider });
    const session = await openSession(traced, { userId: 'usr_tom' });
    try {
      await readInSession(traced, session.token);
    } finally {
      await endOpenSessions(traced);
    }

    await expect(tracing.flush()).rejects.toBeDefined();
    const warnings = lines.map((line) => JSON.parse(line) as { level: number; msg: string; endpoint?: string }).filter((entry) => entry.msg === TRACES_NOT_EXPORTED);
    expect(warnings[0]).toMatchObject({ level: 40, endpoint: `http://127.0.0.1:${port}` });
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('a receiver that never answers: requests are answered and audited while an export waits on it', async () => {
    if (!t) throw new Error('no gateway');
    const held: ServerResponse[] = [];
    let answering = false;
    const receiver = createServer((request, response) => {
      request.resume();
      if (answering) response.end();
      else held.push(response);
    });
    const port = await listening(receiver);
    // Longer than the test may take: an export on a request's path would hold the request.
    const { tracing } = tracingFrom({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`, OTEL_EXPORTER_OTLP_TIMEOUT: '600000' });
    stops.push(async () => {
      answering = true;
      for (const response of held) response.end();
      await tracing.stop();
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    });
    const traced = await startTestGateway({}, { database: t.database, realSessions: true, tracerProvider: tracing.tracerProvider });
    const session = await openSession(traced, { userId: 'usr_tom' });
    try {
      const exporting = tracing.flush();
      // The receiver holds the export: wait (bounded) until it has it.
      for (let tries = 0; held.length === 0 && tries < 500; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(held.length).toBeGreaterThan(0);
      await readInSession(traced, session.token);
      await readInSession(traced, session.token);
      answering = true;
      for (const response of held.splice(0)) response.end();
      await exporting;
    } finally {
      await endOpenSessions(traced);
    }
  });
});
