import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { dispatchDueNotifications, enqueueNotification } from '../../src/notify/index.js';
import { manyNotifications } from '../notify/samples.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { endOpenSessions, endSessionAs, ImpMe, ImpMeBirthDate, openSession, start, withAuditStoreDown, withSession } from '../impersonation/sessions.js';
import { scrape, type Scrape } from './scrape.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t?.close());

/** How much a series moved between two scrapes (an absent series counts as 0). */
const moved = (before: Scrape, after: Scrape, name: string, labels: Record<string, string> = {}) =>
  (after.value(name, labels) ?? 0) - (before.value(name, labels) ?? 0);

describe('requests and latency, by operation', () => {
  it('counts an answered query under its name and type, and a request refused before any operation ran as none', async () => {
    const before = await scrape(t);
    expect((await t.execute(ImpMe, { as: 'customer' })).status).toBe(200);
    expect((await t.execute(ImpMe, { as: null })).status).toBe(401);
    const after = await scrape(t);

    expect(moved(before, after, 'warden_graphql_requests_total', { operation: 'ImpMe', operation_type: 'query', status: '200' })).toBe(1);
    expect(moved(before, after, 'warden_graphql_request_duration_seconds_count', { operation: 'ImpMe', operation_type: 'query' })).toBe(1);
    expect(moved(before, after, 'warden_graphql_request_duration_seconds_sum', { operation: 'ImpMe', operation_type: 'query' })).toBeGreaterThan(0);
    // The stranger's request never ran, so its operation name (sent in the body) is not a label.
    expect(moved(before, after, 'warden_graphql_requests_total', { operation: 'none', operation_type: 'none', status: '401' })).toBe(1);
    expect(moved(before, after, 'warden_unauthenticated_requests_total', { because: 'no-token' })).toBe(1);
    // Scrapes themselves are not GraphQL requests.
    expect(after.series('warden_graphql_requests_total').every((sample) => sample.labels['operation'] !== 'metrics')).toBe(true);
  });

  it('counts a known caller refused before execution under none, with its code', async () => {
    const before = await scrape(t);
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await t.tokenFor('customer')}` },
      body: JSON.stringify({ query: 'query Broken { me { notAField } }' }),
    });
    expect(response.status).toBe(400);
    const after = await scrape(t);
    expect(moved(before, after, 'warden_graphql_requests_total', { operation: 'none', operation_type: 'none', status: '400' })).toBe(1);
    expect(moved(before, after, 'warden_refused_requests_total', { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(1);
    expect(after.text).not.toContain('Broken');
  });
});

describe('field decisions, by class and outcome', () => {
  it("counts a customer's own reads, which the audit does not keep", async () => {
    const before = await scrape(t);
    await t.execute(ImpMe, { as: 'customer' });
    const after = await scrape(t);
    // name and email are personal data, shown to the customer; id is public and not counted.
    expect(moved(before, after, 'warden_field_decisions_total', { data_class: 'pii', decision: 'allowed' })).toBe(2);
    expect(moved(before, after, 'warden_field_decisions_total', { data_class: 'pii', decision: 'masked' })).toBe(0);
  });

  it("counts a session's masked and denied reads, once per request, as the audit grouped them", async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    try {
      const before = await scrape(t);
      const me = await t.execute(ImpMe, { as: 'agent', headers: withSession(session.token) });
      expect(me.body.data?.me?.email).toMatch(/•/);
      const birthDate = await t.execute(ImpMeBirthDate, { as: 'agent', headers: withSession(session.token) });
      expect(birthDate.body.errors?.[0]?.extensions?.['code']).toBe('FIELD_DENIED');
      const after = await scrape(t);

      // Under impersonation the name is shown (a policy override), the email masked, the birth date denied.
      expect(moved(before, after, 'warden_field_decisions_total', { data_class: 'pii', decision: 'allowed' })).toBe(1);
      expect(moved(before, after, 'warden_field_decisions_total', { data_class: 'pii', decision: 'masked' })).toBe(1);
      expect(moved(before, after, 'warden_field_decisions_total', { data_class: 'sensitive', decision: 'denied' })).toBe(1);
      expect(after.series('warden_field_decisions_total').every((sample) => sample.labels['data_class'] !== 'public')).toBe(true);
    } finally {
      await endSessionAs(t, 'agent', session.sessionId);
    }
  });

  it('never carries a masked value, a token, a name or an id', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    try {
      const me = await t.execute(ImpMe, { as: 'agent', headers: withSession(session.token) });
      const shown = me.body.data?.me;
      const stored = await t.demo.selectFrom('users').select(['email', 'name']).where('id', '=', 'usr_tom').executeTakeFirstOrThrow();
      const { text } = await scrape(t);
      for (const secret of [stored.email, shown?.email ?? 'masked email', stored.name, session.token, session.sessionId, 'usr_tom', 'stf_sarah', 'acc_acme']) {
        expect(text).not.toContain(secret);
      }
      expect(text).not.toMatch(/usr_|stf_|acc_|•/);
    } finally {
      await endSessionAs(t, 'agent', session.sessionId);
    }
  });
});

describe('audit appends', () => {
  it('counts committed rows and their latency, and a failed append whose response was withheld', async () => {
    const session = await openSession(t, { userId: 'usr_tom' });
    try {
      const before = await scrape(t);
      expect((await t.execute(ImpMe, { as: 'agent', headers: withSession(session.token) })).status).toBe(200);
      const committed = await scrape(t);
      expect(moved(before, committed, 'warden_audit_appends_total', { outcome: 'committed' })).toBe(1);
      expect(moved(before, committed, 'warden_audit_rows_appended_total')).toBeGreaterThanOrEqual(2);
      expect(moved(before, committed, 'warden_audit_append_duration_seconds_count', { outcome: 'committed' })).toBe(1);

      const refused = await withAuditStoreDown(t, () => t.execute(ImpMe, { as: 'agent', headers: withSession(session.token) }));
      expect(refused.status).toBe(503);
      const failed = await scrape(t);
      expect(moved(committed, failed, 'warden_audit_appends_total', { outcome: 'failed' })).toBe(1);
      expect(moved(committed, failed, 'warden_audit_rows_appended_total')).toBe(0);
      expect(moved(committed, failed, 'warden_graphql_requests_total', { operation: 'ImpMe', operation_type: 'query', status: '503' })).toBe(1);
    } finally {
      await endSessionAs(t, 'agent', session.sessionId);
    }
  });
});

describe('sessions and approvals, read from the database', () => {
  it('reports a session active while it runs, and counts its start and its end by reason', async () => {
    await endOpenSessions(t);
    const before = await scrape(t);
    expect(before.value('warden_impersonation_sessions_active', { mode: 'read_only' })).toBe(0);
    const session = await openSession(t, { userId: 'usr_tom' });
    const running = await scrape(t);
    expect(running.value('warden_impersonation_sessions_active', { mode: 'read_only' })).toBe(1);
    expect(moved(before, running, 'warden_impersonation_sessions_started_total', { mode: 'read_only' })).toBe(1);
    await endSessionAs(t, 'agent', session.sessionId);
    const ended = await scrape(t);
    expect(ended.value('warden_impersonation_sessions_active', { mode: 'read_only' })).toBe(0);
    expect(moved(running, ended, 'warden_impersonation_sessions_ended_total', { reason: 'ended' })).toBe(1);
    // Every reason is reported, at 0 until one happens: an alert on a rate has a series to read.
    expect(ended.series('warden_impersonation_sessions_ended_total').map((sample) => sample.labels['reason']).sort()).toEqual(
      ['ended', 'expired', 'idle_timeout', 'revoked', 'role_lost', 'target_changed'],
    );
  });

  it('reports a start waiting for a manager as a pending approval, with its age, until it is decided', async () => {
    await endOpenSessions(t);
    const before = await scrape(t);
    expect(before.value('warden_approval_requests_pending', { kind: 'session_start' })).toBe(0);
    const started = await start(t, { agent: 'agent2', userId: 'usr_jane' });
    expect(started.body.data?.startImpersonation.approvalRequest?.status).toBe('pending');
    await sql`update approval_requests set created_at = now() - interval '90 seconds' where status = 'pending'`.execute(t.db);
    const waiting = await scrape(t);
    expect(waiting.value('warden_approval_requests_pending', { kind: 'session_start' })).toBe(1);
    expect(waiting.value('warden_approval_requests_oldest_pending_age_seconds', { kind: 'session_start' })).toBeGreaterThanOrEqual(90);
    // A start that never ran neither started nor ended.
    expect(moved(before, waiting, 'warden_impersonation_sessions_started_total', { mode: 'read_only' })).toBe(0);
    await endOpenSessions(t);
    const withdrawn = await scrape(t);
    expect(withdrawn.value('warden_approval_requests_pending', { kind: 'session_start' })).toBe(0);
    expect(withdrawn.value('warden_approval_requests_oldest_pending_age_seconds', { kind: 'session_start' })).toBe(0);
    expect(moved(waiting, withdrawn, 'warden_impersonation_sessions_ended_total', { reason: 'ended' })).toBe(0);
  });
});

describe('notification outbox', () => {
  it('reports the backlog by state and its age, and counts failed deliveries, retries and deliveries', async () => {
    // Messages that stand alone (no two about one session, which wait for each other).
    await t.db.deleteFrom('notification_outbox').execute();
    const undelivered = 4;
    await t.db.transaction().execute(async (trx) => {
      for (const notification of manyNotifications(undelivered)) await enqueueNotification(trx, notification);
    });
    const before = await scrape(t);
    expect(before.value('warden_notification_outbox_undelivered', { state: 'waiting' })).toBe(undelivered);
    expect(before.value('warden_notification_outbox_undelivered', { state: 'retrying' })).toBe(0);

    const dispatch = (status: number) =>
      dispatchDueNotifications({
        db: t.db,
        webhookUrl: 'http://127.0.0.1:9/hooks/secret-part',
        logger: createLogger('silent'),
        batchSize: 100,
        fetch: () => Promise.resolve(new Response('', { status })),
        metrics: t.metrics,
      });
    expect((await dispatch(503)).failed).toBe(undelivered);
    const failing = await scrape(t);
    expect(failing.value('warden_notification_outbox_undelivered', { state: 'waiting' })).toBe(0);
    expect(failing.value('warden_notification_outbox_undelivered', { state: 'retrying' })).toBe(undelivered);
    expect(failing.value('warden_notification_outbox_oldest_undelivered_age_seconds', { state: 'retrying' })).toBeGreaterThanOrEqual(0);
    expect(moved(before, failing, 'warden_notification_deliveries_total', { outcome: 'failed' })).toBe(undelivered);
    expect(moved(before, failing, 'warden_notification_retries_total')).toBe(0);

    await sql`update notification_outbox set next_attempt_at = now() where delivered_at is null`.execute(t.db);
    expect((await dispatch(200)).delivered).toBe(undelivered);
    const delivered = await scrape(t);
    expect(delivered.value('warden_notification_outbox_undelivered', { state: 'retrying' })).toBe(0);
    expect(moved(failing, delivered, 'warden_notification_deliveries_total', { outcome: 'delivered' })).toBe(undelivered);
    expect(moved(failing, delivered, 'warden_notification_retries_total')).toBe(undelivered);
    expect(delivered.text).not.toContain('secret-part');
  });
});
