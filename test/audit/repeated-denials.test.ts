import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { REPEATED_DENIALS } from '../../src/audit/record-denial.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { ImpDelegate, withSession } from '../impersonation/sessions.js';
import { codeOf, endOpenSessions, openAuditSession } from './audit-support.js';

const AuditDenyTaxRate = graphql(`
  mutation AuditDenyTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
    }
  }
`);

const AuditDenyPersonalIds = graphql(`
  query AuditDenyPersonalIds {
    me {
      id
      birthDate
      nationalId
    }
  }
`);

const AuditDenyEvents = graphql(`
  query AuditDenyEvents {
    auditEvents(first: 1) {
      hasNextPage
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterEach(() => endOpenSessions(t));
afterAll(() => t?.close());

const alertsFor = async (agentId: string) =>
  (await t.db.selectFrom('notification_outbox').select(['idempotency_key', 'payload']).where('kind', '=', 'repeated_denials').execute()).filter((row) =>
    row.idempotency_key.startsWith(`repeated_denials:${agentId}:`),
  );

const windowOf = (date: Date) => Math.floor(date.getTime() / (REPEATED_DENIALS.windowMinutes * 60_000));

describe('repeated denials raise one alert through the notification outbox', () => {
  it('five refused mutations by one agent within ten minutes enqueue one repeated_denials row', async () => {
    expect(REPEATED_DENIALS).toEqual({ threshold: 5, windowMinutes: 10 });
    const session = await openAuditSession(t, { agent: 'agent', userId: 'usr_tom' });
    const refuse = async () => {
      const result = await t.execute(AuditDenyTaxRate, { as: 'agent', headers: session.headers, variables: { input: { invoiceId: 'inv_acme_012', taxRate: 1 } } });
      expect(codeOf(result.body)).toBe('APPROVAL_REQUIRED');
    };
    for (let i = 0; i < 4; i++) await refuse();
    expect(await alertsFor('stf_sarah')).toEqual([]);

    const fifthAt = new Date();
    await refuse();
    const [alert, ...more] = await alertsFor('stf_sarah');
    expect(more).toEqual([]);
    expect(JSON.stringify(alert?.payload)).toContain('Sarah Lee was refused access 5 times in 10 minutes');

    // A sixth refusal in the same window does not alert again.
    await refuse();
    if (windowOf(fifthAt) === windowOf(new Date())) expect(await alertsFor('stf_sarah')).toHaveLength(1);
    // Nobody else was alerted about.
    expect(await alertsFor('stf_leo')).toEqual([]);
  });

  it('does not count refusals older than the window', async () => {
    // Four refusals of Leo's from eleven minutes ago...
    const old = new Date(Date.now() - 11 * 60_000);
    await t.db.transaction().execute((trx) =>
      appendAuditRows(
        trx,
        Array.from({ length: 4 }, () => ({
          kind: 'access_denied',
          actor_kind: 'staff' as const,
          actor_id: 'stf_leo',
          actor_name: 'Leo Park',
          decision: 'denied',
          occurred_at: old,
          details: {},
          summary: 'Agent Leo Park was refused: an earlier attempt',
        })),
      ),
    );
    // ...and one now: not five within ten minutes.
    const session = await openAuditSession(t, { agent: 'agent2', userId: 'usr_tom' });
    const result = await t.execute(AuditDenyTaxRate, { as: 'agent2', headers: session.headers, variables: { input: { invoiceId: 'inv_acme_012', taxRate: 1 } } });
    expect(codeOf(result.body)).toBe('APPROVAL_REQUIRED');
    expect(await alertsFor('stf_leo')).toEqual([]);
  });

  it('counts firewall refusals too: five FORBIDDEN requests alert once', async () => {
    // The manager asks for the audit five times; only auditors and security admins may read it.
    for (let i = 0; i < 4; i++) expect(codeOf((await t.execute(AuditDenyEvents, { as: 'manager' })).body)).toBe('FORBIDDEN');
    expect(await alertsFor('stf_marcus')).toEqual([]);
    expect(codeOf((await t.execute(AuditDenyEvents, { as: 'manager' })).body)).toBe('FORBIDDEN');
    const denials = await t.db.selectFrom('audit_events').select('chain_seq').where('actor_id', '=', 'stf_marcus').where('kind', '=', 'access_denied').execute();
    expect(denials).toHaveLength(5);
    const alerts = await alertsFor('stf_marcus');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain('Marcus Webb was refused access 5 times');
  });

  it('counts denied fields too: a session asking again and again for birth date and national id alerts once', async () => {
    const session = await openAuditSession(t, { agent: 'manager2', userId: 'usr_tom' });
    const ask = async () => {
      const result = await t.execute(AuditDenyPersonalIds, { as: 'manager2', headers: session.headers });
      expect(result.body.data?.me?.id).toBe('usr_tom');
      expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FIELD_DENIED', 'FIELD_DENIED']);
    };
    // Two fields denied a request: four refusals after two requests, six after three.
    await ask();
    await ask();
    expect(await alertsFor('stf_nadia')).toEqual([]);
    await ask();
    const denied = await t.db.selectFrom('audit_events').select('type_field').where('actor_id', '=', 'stf_nadia').where('kind', '=', 'field_read').where('decision', '=', 'denied').execute();
    expect(denied).toHaveLength(6);
    const alerts = await alertsFor('stf_nadia');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain('Nadia Rahman was refused access 6 times in 10 minutes');
  });

  it("counts an assistant's denials per assistant, and the alert names it and whom it works for", async () => {
    const session = await openAuditSession(t, { agent: 'agent', userId: 'usr_tom' });
    const delegated = await t.execute(ImpDelegate, { as: 'agent', headers: session.headers, variables: { sessionId: session.sessionId, assistantId: 'ast_triage' } });
    const token = delegated.body.data?.delegateSession?.token;
    if (!token) throw new Error(delegated.text);
    const sarahsAlerts = (await alertsFor('stf_sarah')).length;
    const ask = async () => {
      const result = await t.execute(AuditDenyPersonalIds, { as: 'assistant', headers: withSession(token) });
      expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FIELD_DENIED', 'FIELD_DENIED']);
    };
    await ask();
    await ask();
    expect(await alertsFor('ast_triage')).toEqual([]);
    await ask();
    const alerts = await alertsFor('ast_triage');
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0]?.payload)).toContain('Assistant Triage-Bot, for Sarah Lee, was refused access 6 times in 10 minutes');
    // Counted as the assistant's, not as the agent who lent it the session.
    expect(await alertsFor('stf_sarah')).toHaveLength(sarahsAlerts);
  });
});
