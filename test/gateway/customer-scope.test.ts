import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const OwnAccount = graphql(`
  query OwnAccount {
    me {
      id
      name
    }
    account {
      id
      name
      users {
        id
      }
      invoices(first: 100) {
        id
      }
      paymentMethods {
        id
      }
      apiTokens {
        id
      }
      privateNotes {
        id
      }
    }
  }
`);

const InvoiceById = graphql(`
  query InvoiceById($id: ID!) {
    invoice(id: $id) {
      id
      number
    }
  }
`);

const UserById = graphql(`
  query UserById($id: ID!) {
    user(id: $id) {
      id
      name
    }
  }
`);

const StaffDirectory = graphql(`
  query StaffDirectory($search: String!) {
    directory(search: $search) {
      userId
      name
      accountName
      plan
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

describe('a customer sees only their own account', () => {
  it('lists only objects of their own account', async () => {
    const { body } = await t.execute(OwnAccount, { as: 'customer' });
    expect(body.errors).toBeUndefined();
    const account = body.data?.account;
    expect(account?.id).toBe('acc_acme');
    const ids = (rows: Array<{ id: string }> | null | undefined) => (rows ?? []).map((row) => row.id);
    const own = async (table: 'users' | 'invoices' | 'payment_methods' | 'api_tokens' | 'private_notes') =>
      (await t.demo.selectFrom(table).select('id').where('account_id', '=', 'acc_acme').execute()).map((r) => r.id).sort();
    expect(ids(account?.users).sort()).toEqual(await own('users'));
    expect(ids(account?.invoices).sort()).toEqual(await own('invoices'));
    expect(ids(account?.paymentMethods).sort()).toEqual(await own('payment_methods'));
    expect(ids(account?.apiTokens).sort()).toEqual(await own('api_tokens'));
    expect(ids(account?.privateNotes).sort()).toEqual(await own('private_notes'));
  });

  it("answers null for another account's invoice, as if it did not exist", async () => {
    const { body } = await t.execute(InvoiceById, { as: 'customer', variables: { id: 'inv_glbx_001' } });
    expect(body).toEqual({ data: { invoice: null } });
    const control = await t.execute(InvoiceById, { as: 'usr_grace', variables: { id: 'inv_glbx_001' } });
    expect(control.body.data?.invoice?.number).toBe('GLBX-2026-001');
  });

  it("answers null for a user of another account", async () => {
    const { body } = await t.execute(UserById, { as: 'customer', variables: { id: 'usr_grace' } });
    expect(body).toEqual({ data: { user: null } });
    const colleague = await t.execute(UserById, { as: 'customer', variables: { id: 'usr_tom' } });
    expect(colleague.body.data?.user?.name).toBe('Tom Baker');
  });

  it('refuses the staff directory to customers', async () => {
    const { body } = await t.execute(StaffDirectory, { as: 'customer', variables: { search: 'Grace' } });
    expect(body.data?.directory ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('staff without an impersonation session', () => {
  it('find customers in a minimal directory: names, account and plan', async () => {
    const { body } = await t.execute(StaffDirectory, { as: 'agent', variables: { search: 'globex' } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.directory).toEqual([
      { userId: 'usr_grace', name: 'Grace Kim', accountName: 'Globex Bank', plan: 'enterprise' },
      { userId: 'usr_victor', name: 'Victor Hugo', accountName: 'Globex Bank', plan: 'enterprise' },
    ]);
  });

  it('treat directory search text literally (no wildcards)', async () => {
    const { body } = await t.execute(StaffDirectory, { as: 'agent', variables: { search: '%_' } });
    expect(body.data?.directory).toEqual([]);
  });

  it.each(['agent', 'manager', 'auditor', 'security', 'oncall'])('see no account data as %s', async (who) => {
    const { body, text } = await t.execute(OwnAccount, { as: who });
    expect(body.data?.account ?? null).toBeNull();
    expect(body.data?.me ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(text).not.toContain('acc_acme');
  });
});
