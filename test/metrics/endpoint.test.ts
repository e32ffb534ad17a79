import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { parseScrape, scrape } from './scrape.js';

const CHECKPOINT_KEY = 'test-checkpoint-key-'.padEnd(40, 'x');
const TOKEN = 'metrics-scrape-token-for-the-tests-0123456789';

let development: TestGateway;
let production: TestGateway;
let protectedProduction: TestGateway;
let openProduction: TestGateway;
beforeAll(async () => {
  development = await startTestGateway({}, { processMetrics: true });
  const database = development.database;
  production = await startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY }, { database });
  protectedProduction = await startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY, WARDEN_METRICS_TOKEN: TOKEN }, { database });
  openProduction = await startTestGateway({ NODE_ENV: 'production', WARDEN_AUDIT_CHECKPOINT_KEY: CHECKPOINT_KEY, WARDEN_METRICS: 'on' }, { database });
});
afterAll(async () => {
  await Promise.all([production?.close(), protectedProduction?.close(), openProduction?.close()]);
  await development?.close();
});

describe('GET /metrics', () => {
  it('answers outside production without a token, in Prometheus text format, with Node process metrics', async () => {
    const { text, value } = await scrape(development);
    expect(text).toContain('# TYPE warden_graphql_requests_total counter');
    expect(text).toContain('# TYPE warden_graphql_request_duration_seconds histogram');
    expect(value('process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('nodejs_heap_size_used_bytes');
  });

  it('is an unknown path in production unless a token protects it: 404, like any other', async () => {
    const metrics = await production.fetch('/metrics');
    const unknown = await production.fetch('/no-such-path');
    expect(metrics.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await metrics.text()).toBe(await unknown.text());
  });

  it('with a token, answers 401 without it or with another, and 200 with it', async () => {
    const without = await protectedProduction.fetch('/metrics');
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await without.text()).not.toContain('warden_');
    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${Buffer.from(`metrics:${TOKEN}`).toString('base64')}`, TOKEN, 'Bearer ']) {
      const wrong = await protectedProduction.fetch('/metrics', { headers: { authorization } });
      expect(wrong.status, authorization).toBe(401);
    }
    // A GraphQL caller's JWT is not the metrics token either.
    const jwt = await protectedProduction.fetch('/metrics', { headers: { authorization: `Bearer ${await protectedProduction.tokenFor('auditor')}` } });
    expect(jwt.status).toBe(401);

    const scraped = await scrape(protectedProduction, { authorization: `Bearer ${TOKEN}` });
    expect(scraped.text).toContain('warden_graphql_requests_total');
    // The scheme is case-insensitive, as for GraphQL callers.
    expect((await protectedProduction.fetch('/metrics', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });

  it('in production, explicitly on without a token, answers anyone (the start warns)', async () => {
    await scrape(openProduction);
  });

  it('answers only GET: a POST to /metrics is an unknown route', async () => {
    const posted = await development.fetch('/metrics', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(posted.status).toBe(404);
  });

  it('is answered before authentication and is not a GraphQL request: no 401 for a missing JWT, not counted as a request', async () => {
    const before = await scrape(development);
    await scrape(development);
    const after = await scrape(development);
    const total = (s: typeof before) => s.series('warden_graphql_requests_total').reduce((sum, sample) => sum + sample.value, 0);
    expect(total(after)).toBe(total(before));
    expect(after.value('warden_unauthenticated_requests_total', { because: 'no-token' }) ?? 0).toBe(before.value('warden_unauthenticated_requests_total', { because: 'no-token' }) ?? 0);
  });
});

describe('a source the database cannot answer', () => {
  it('is left out of the scrape and logged; the rest of the scrape answers', async () => {
    await sql`alter table notification_outbox rename to notification_outbox_away`.execute(development.db);
    let partial;
    try {
      partial = await scrape(development);
    } finally {
      await sql`alter table notification_outbox_away rename to notification_outbox`.execute(development.db);
    }
    expect(partial.value('warden_database_gauges_up', { source: 'notification_outbox' })).toBe(0);
    expect(partial.series('warden_notification_outbox_undelivered')).toEqual([]);
    expect(partial.series('warden_notification_outbox_oldest_undelivered_age_seconds')).toEqual([]);
    // Never a zero that looks like an empty outbox; the other sources are there.
    expect(partial.value('warden_database_gauges_up', { source: 'sessions' })).toBe(1);
    expect(partial.value('warden_impersonation_sessions_active', { mode: 'read_only' })).toBeTypeOf('number');
    expect(partial.value('warden_approval_requests_pending', { kind: 'mutation' })).toBeTypeOf('number');
    const logged = development.logs.map((line) => JSON.parse(line) as { msg: string; source?: string }).filter((entry) => entry.msg.startsWith('metrics: could not read'));
    expect(logged.map((entry) => entry.source)).toEqual(['notification_outbox']);

    // Control: with the table back, the next scrape reports it again.
    const whole = await scrape(development);
    expect(whole.value('warden_database_gauges_up', { source: 'notification_outbox' })).toBe(1);
    expect(whole.value('warden_notification_outbox_undelivered', { state: 'waiting' })).toBeTypeOf('number');
  });
});

describe('the scrape text', () => {
  it('parses as Prometheus exposition: every sample line belongs to a declared metric', async () => {
    const { text, samples } = await scrape(development);
    const declared = new Set([...text.matchAll(/^# TYPE (\S+) (\w+)$/gm)].map((match) => match[1]));
    for (const sample of samples) {
      const base = sample.name.replace(/_(bucket|sum|count)$/, '');
      expect(declared.has(sample.name) || declared.has(base), sample.name).toBe(true);
    }
    expect(parseScrape(text).samples.length).toBe(samples.length);
  });
});
