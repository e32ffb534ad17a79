import { isInputObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';

const JANE_EMAIL = 'jane.doe@acme.example';

const UsersByEmail = graphql(`
  query UsersByEmail {
    account {
      users(filter: { email: "jane.doe@acme.example" }) {
        id
      }
    }
  }
`);

const UsersOrderedByEmail = graphql(`
  query UsersOrderedByEmail {
    account {
      users(orderBy: EMAIL) {
        id
      }
    }
  }
`);

const UsersByEmailVariable = graphql(`
  query UsersByEmailVariable($email: String) {
    account {
      users(filter: { email: $email }) {
        id
      }
    }
  }
`);

const UsersByFilterVariable = graphql(`
  query UsersByFilterVariable($filter: UserFilter) {
    account {
      users(filter: $filter) {
        id
      }
    }
  }
`);

const UsersOrderedBy = graphql(`
  query UsersOrderedBy($orderBy: UserOrder) {
    account {
      users(orderBy: $orderBy) {
        id
      }
    }
  }
`);

const UsersByDefaultEmail = graphql(`
  query UsersByDefaultEmail($email: String = "jane.doe@acme.example") {
    account {
      users(filter: { email: $email }) {
        id
      }
    }
  }
`);

const UsersByDefaultOrder = graphql(`
  query UsersByDefaultOrder($orderBy: UserOrder = EMAIL) {
    account {
      users(orderBy: $orderBy) {
        id
      }
    }
  }
`);

graphql(`
  fragment UsersByEmailFields on Account {
    users(filter: { email: "jane.doe@acme.example" }) {
      id
    }
  }
`);

const UsersByEmailInFragment = graphql(`
  query UsersByEmailInFragment {
    account {
      ...UsersByEmailFields
    }
  }
`);

const UsersByRole = graphql(`
  query UsersByRole {
    account {
      users(filter: { role: billing }, orderBy: ROLE) {
        id
        role
      }
    }
  }
`);

const UsersByName = graphql(`
  query UsersByName {
    account {
      users(filter: { nameContains: "omar" }, orderBy: NAME) {
        id
        name
      }
    }
  }
`);

const AllUsers = graphql(`
  query AllUsers {
    account {
      users {
        id
      }
    }
  }
`);

/** Support acting as Jane, the Acme owner, in a read-only session. */
const IMPERSONATING = { as: 'agent', actAs: 'usr_jane read_only' } as const;
// Sorted by id (the default order).
const ACME_USERS = ['usr_jane', 'usr_lena', 'usr_omar', 'usr_tom'];

/** An account whose users' names sort the other way round from their ids. */
const ORDER_ACCOUNT = 'acc_order';
const ORDER_USERS = [
  { id: 'usr_order_1', name: 'Zora Young' },
  { id: 'usr_order_2', name: 'Abe Xu' },
];

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
  await t.demo.insertInto('accounts').values({ id: ORDER_ACCOUNT, name: 'Order Ltd', plan: 'team', region: 'eu-west-2' }).execute();
  await t.demo
    .insertInto('users')
    .values(ORDER_USERS.map(({ id, name }, i) => ({ id, account_id: ORDER_ACCOUNT, name, email: `${id}@order.example`, role: i === 0 ? 'owner' : 'member', password_hash: '', mfa_recovery_codes: [] })))
    .execute();
});
afterAll(() => t.close());

/** Refused before execution: no `data` key at all (an executed operation always has one). */
function expectRefusedBeforeExecution(response: GraphQLResponse<unknown>, coordinate: string) {
  expect(response.body).not.toHaveProperty('data');
  expect(response.body.errors).toEqual([
    expect.objectContaining({
      message: expect.stringContaining(coordinate),
      extensions: expect.objectContaining({ code: 'FORBIDDEN', field: coordinate }),
    }),
  ]);
}

describe('under impersonation, filtering or sorting by a masked field is refused', () => {
  it('refuses a filter on User.email', async () => {
    expectRefusedBeforeExecution(await t.execute(UsersByEmail, IMPERSONATING), 'User.email');
  });

  it('refuses sorting by User.email', async () => {
    expectRefusedBeforeExecution(await t.execute(UsersOrderedByEmail, IMPERSONATING), 'User.email');
  });

  it('refuses the email when it comes from a variable inside the filter', async () => {
    const response = await t.execute(UsersByEmailVariable, { ...IMPERSONATING, variables: { email: JANE_EMAIL } });
    expectRefusedBeforeExecution(response, 'User.email');
  });

  it('refuses the email when the whole filter is a variable', async () => {
    const response = await t.execute(UsersByFilterVariable, { ...IMPERSONATING, variables: { filter: { email: JANE_EMAIL } } });
    expectRefusedBeforeExecution(response, 'User.email');
  });

  it('refuses the sort order when it comes from a variable', async () => {
    const response = await t.execute(UsersOrderedBy, { ...IMPERSONATING, variables: { orderBy: 'EMAIL' } });
    expectRefusedBeforeExecution(response, 'User.email');
  });

  it("refuses the email when it is a variable's default value", async () => {
    expectRefusedBeforeExecution(await t.execute(UsersByDefaultEmail, IMPERSONATING), 'User.email');
  });

  it("refuses the sort order when it is a variable's default value", async () => {
    expectRefusedBeforeExecution(await t.execute(UsersByDefaultOrder, IMPERSONATING), 'User.email');
  });

  it('refuses the filter inside a fragment', async () => {
    expectRefusedBeforeExecution(await t.execute(UsersByEmailInFragment, IMPERSONATING), 'User.email');
  });
});

describe('one document sent again (yoga hands each request the document it parsed first)', () => {
  it('is judged by the values each request sends: a filter by role, then by email, then by role again', async () => {
    const byRole = { ...IMPERSONATING, variables: { filter: { role: 'billing' } } } as const;
    const first = await t.execute(UsersByFilterVariable, byRole);
    expect(first.body).toEqual({ data: { account: { users: [{ id: 'usr_lena' }] } } });
    expectRefusedBeforeExecution(await t.execute(UsersByFilterVariable, { ...IMPERSONATING, variables: { filter: { email: JANE_EMAIL } } }), 'User.email');
    const again = await t.execute(UsersByFilterVariable, byRole);
    expect(again.body).toEqual(first.body);
  });

  it('is judged by who sends it: the same document and values, refused for support, served to the customer', async () => {
    const byEmail = { variables: { filter: { email: JANE_EMAIL } } };
    expectRefusedBeforeExecution(await t.execute(UsersByFilterVariable, { ...IMPERSONATING, ...byEmail }), 'User.email');
    const customer = await t.execute(UsersByFilterVariable, { as: 'customer', ...byEmail });
    expect(customer.body).toEqual({ data: { account: { users: [{ id: 'usr_jane' }] } } });
    expectRefusedBeforeExecution(await t.execute(UsersByFilterVariable, { ...IMPERSONATING, ...byEmail }), 'User.email');
  });
});

describe('under impersonation, filtering by what support sees in full works', () => {
  it('filters by role (public) and sorts by it', async () => {
    const { body } = await t.execute(UsersByRole, IMPERSONATING);
    expect(body).toEqual({ data: { account: { users: [{ id: 'usr_lena', role: 'billing' }] } } });
  });

  it('filters by name (pii, but shown in full under impersonation by the baseline override)', async () => {
    const { body } = await t.execute(UsersByName, IMPERSONATING);
    expect(body).toEqual({ data: { account: { users: [{ id: 'usr_omar', name: 'Omar Haddad' }] } } });
  });

  it('accepts an absent filter, a null filter and a null email', async () => {
    const absent = await t.execute(AllUsers, IMPERSONATING);
    expect(absent.body.errors).toBeUndefined();
    expect(absent.body.data?.account?.users.map((u) => u.id)).toEqual(ACME_USERS);

    for (const variables of [{ filter: null }, { filter: { email: null } }, {}]) {
      const response = await t.execute(UsersByFilterVariable, { ...IMPERSONATING, variables });
      expect(response.body.errors, JSON.stringify(variables)).toBeUndefined();
      expect(response.body.data?.account?.users.map((u) => u.id)).toEqual(ACME_USERS);
    }
    const noEmail = await t.execute(UsersByEmailVariable, { ...IMPERSONATING, variables: {} });
    expect(noEmail.body.data?.account?.users.map((u) => u.id)).toEqual(ACME_USERS);
  });
});

describe('a list nobody asked to sort', () => {
  it('comes in a public order (by id), not by a field support may not see in full', async () => {
    const { body } = await t.execute(AllUsers, { as: 'agent', actAs: 'usr_order_1 read_only' });
    expect(body).toEqual({ data: { account: { users: [{ id: 'usr_order_1' }, { id: 'usr_order_2' }] } } });
  });

  it('control: sorted by name on request, the same users come the other way round', async () => {
    const ordered = await t.execute(UsersOrderedBy, { as: 'agent', actAs: 'usr_order_1 read_only', variables: { orderBy: 'NAME' } });
    expect(ordered.body).toEqual({ data: { account: { users: [{ id: 'usr_order_2' }, { id: 'usr_order_1' }] } } });
  });
});

describe('an argument that does not declare what it reads (a production build)', () => {
  /** The served schema built for production, with `UserFilter.nameContains`'s declaration removed. */
  function schemaWithUndeclaredFilter() {
    const built = buildDemoSchema({ onUnclassified: 'secret' });
    const filter = built.schema.getType('UserFilter');
    const field = isInputObjectType(filter) ? filter.getFields()['nameContains'] : undefined;
    if (!field) throw new Error('UserFilter.nameContains is gone');
    Object.assign(field, { extensions: {} });
    return built;
  }

  let production: TestGateway;
  beforeAll(async () => {
    production = await startTestGateway({}, { schema: schemaWithUndeclaredFilter() });
  });
  afterAll(() => production.close());

  it('is refused under impersonation, naming the argument, before anything runs', async () => {
    const { body } = await production.execute(UsersByName, IMPERSONATING);
    expect(body).not.toHaveProperty('data');
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('UserFilter.nameContains does not declare what data it reads'),
        extensions: expect.objectContaining({ code: 'FORBIDDEN', argument: 'UserFilter.nameContains' }),
      }),
    ]);
  });

  it('control: the customer may use it, and with its declaration support may too', async () => {
    const asCustomer = await production.execute(UsersByName, { as: 'usr_omar' });
    expect(asCustomer.body).toEqual({ data: { account: { users: [{ id: 'usr_omar', name: 'Omar Haddad' }] } } });
    const declared = await t.execute(UsersByName, IMPERSONATING);
    expect(declared.body.errors).toBeUndefined();
  });
});

describe('the customer themselves', () => {
  it('may filter and sort by their own account’s emails (control: same documents, full view)', async () => {
    const byEmail = await t.execute(UsersByEmail, { as: 'customer' });
    expect(byEmail.body).toEqual({ data: { account: { users: [{ id: 'usr_jane' }] } } });
    const ordered = await t.execute(UsersOrderedByEmail, { as: 'customer' });
    expect(ordered.body.errors).toBeUndefined();
    expect(ordered.body.data?.account?.users).toHaveLength(4);
    const byDefault = await t.execute(UsersByDefaultEmail, { as: 'customer' });
    expect(byDefault.body).toEqual({ data: { account: { users: [{ id: 'usr_jane' }] } } });
  });
});

describe('the refusal comes before any resolver runs', () => {
  /** The served schema, with `Query.account` counting its calls (before the firewall wraps it). */
  function countingSchema() {
    const built = buildDemoSchema();
    const account = built.schema.getQueryType()?.getFields()['account'];
    const original = account?.resolve;
    if (!account || !original) throw new Error('Query.account has no resolver');
    const counter = { calls: 0 };
    account.resolve = (...args) => {
      counter.calls += 1;
      return original(...args);
    };
    return { built, counter };
  }

  const { built, counter } = countingSchema();
  let counted: TestGateway;
  beforeAll(async () => {
    counted = await startTestGateway({}, { schema: built });
  });
  afterAll(() => counted.close());

  it('does not call the root resolver of a refused document', async () => {
    const before = counter.calls;
    expectRefusedBeforeExecution(await counted.execute(UsersByEmail, IMPERSONATING), 'User.email');
    expectRefusedBeforeExecution(await counted.execute(UsersByDefaultOrder, IMPERSONATING), 'User.email');
    expect(counter.calls).toBe(before);
  });

  it('control: the same resolver runs for an allowed filter, and for the customer with the same document', async () => {
    const before = counter.calls;
    expect((await counted.execute(UsersByRole, IMPERSONATING)).body.errors).toBeUndefined();
    expect(counter.calls).toBe(before + 1);
    const asCustomer = await counted.execute(UsersByEmail, { as: 'customer' });
    expect(asCustomer.body).toEqual({ data: { account: { users: [{ id: 'usr_jane' }] } } });
    expect(counter.calls).toBe(before + 2);
  });
});
