import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const SetTaxRate = graphql(`
  mutation SetTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

const UpdateNotifications = graphql(`
  mutation UpdateNotifications($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      smsAlerts
      productUpdates
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const taxRateOf = async (id: string) =>
  (await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', id).executeTakeFirstOrThrow()).tax_rate_bp;
const auditRowsFor = (requestId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();

describe('a change and its audit event commit together', () => {
  it('records who changed the tax rate from what to what, in plain words', async () => {
    const result = await t.execute(SetTaxRate, {
      as: 'customer',
      variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 } },
      headers: { 'x-request-id': 'req-tax-rate-0001' },
    });
    expect(result.body).toEqual({ data: { setInvoiceTaxRate: { id: 'inv_acme_012', taxRate: 10 } } });
    expect(result.headers.get('x-request-id')).toBe('req-tax-rate-0001');
    expect(await taxRateOf('inv_acme_012')).toBe(1000);

    const [event, ...others] = await auditRowsFor('req-tax-rate-0001');
    expect(others).toEqual([]);
    expect(event).toMatchObject({
      kind: 'mutation_executed',
      actor_kind: 'customer',
      actor_id: 'usr_jane',
      account_id: 'acc_acme',
      type_field: 'Mutation.setInvoiceTaxRate',
      operation: 'SetTaxRate',
      summary: 'Jane Doe changed the tax rate from 20% to 10% on invoice ACME-2026-012 in account Acme Co',
    });
  });

  it('rolls the change back when its audit event cannot be written', async () => {
    await sql`create function refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit store down'; end $$`.execute(t.db);
    await sql`create trigger refuse_audit before insert on audit_events for each row execute function refuse_audit()`.execute(t.db);
    try {
      const before = await taxRateOf('inv_acme_012');
      const result = await t.execute(SetTaxRate, {
        as: 'usr_lena',
        variables: { input: { invoiceId: 'inv_acme_012', taxRate: 5 } },
      });
      expect(result.body.data?.setInvoiceTaxRate ?? null).toBeNull();
      expect(result.status).toBe(503);
      expect(result.body.errors?.[0]?.extensions?.['code']).toBe('AUDIT_UNAVAILABLE');
      expect(result.text).not.toContain('audit store down');
      expect(await taxRateOf('inv_acme_012')).toBe(before);
    } finally {
      await sql`drop trigger refuse_audit on audit_events`.execute(t.db);
      await sql`drop function refuse_audit()`.execute(t.db);
    }
  });

  it('records each changed notification setting', async () => {
    const result = await t.execute(UpdateNotifications, {
      as: 'usr_tom',
      variables: { input: { smsAlerts: true } },
      headers: { 'x-request-id': 'req-notify-0001' },
    });
    expect(result.body.data?.updateNotificationSettings?.smsAlerts).toBe(true);
    const [event] = await auditRowsFor('req-notify-0001');
    expect(event?.summary).toBe('Tom Baker changed the SMS alerts from off to on on the notification settings of Tom Baker in account Acme Co');
  });
});

describe('bad input is refused clearly and changes nothing', () => {
  it.each([
    ['a rate above 100%', 150],
    ['a negative rate', -1],
    ['more than two decimals', 7.125],
  ])('refuses %s with BAD_USER_INPUT', async (_name, taxRate) => {
    const before = await taxRateOf('inv_acme_012');
    const { body } = await t.execute(SetTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_012', taxRate } } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(/percentage from 0 to 100/);
    expect(await taxRateOf('inv_acme_012')).toBe(before);
  });

  it('refuses members, who may not change billing', async () => {
    const { body } = await t.execute(SetTaxRate, { as: 'usr_tom', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 3 } } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("cannot reach another account's invoice", async () => {
    const before = await taxRateOf('inv_glbx_006');
    const { body } = await t.execute(SetTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_glbx_006', taxRate: 3 } } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(await taxRateOf('inv_glbx_006')).toBe(before);
  });

  it('refuses a paid invoice', async () => {
    const { body } = await t.execute(SetTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_001', taxRate: 3 } } });
    expect(body.errors?.[0]?.message).toMatch(/ACME-2026-001 is paid/);
  });

  it('refuses an empty settings change', async () => {
    const { body } = await t.execute(UpdateNotifications, { as: 'customer', variables: { input: {} } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('does not echo an ill-typed variable back', async () => {
    const canary = 'wdn_live_CANARY_9f8e7d6c';
    const { body, text } = await t.execute(SetTaxRate, {
      as: 'customer',
      variables: { input: { invoiceId: 'inv_acme_012', taxRate: canary as unknown as number } },
    });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(text).not.toContain(canary);
  });
});
