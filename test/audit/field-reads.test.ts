import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { auditReadsOfRequest, auditRowsOfRequest, codeOf, endOpenSessions, newRequestId, openAuditSession } from './audit-support.js';

const AuditAccountPeople = graphql(`
  query AuditAccountPeople {
    account {
      id
      name
      users {
        id
        name
        phone
        birthDate
      }
    }
  }
`);

const AuditMyPhone = graphql(`
  query AuditMyPhone {
    me {
      id
      phone
    }
  }
`);

const AuditDirectory = graphql(`
  query AuditDirectory($search: String!) {
    directory(search: $search) {
      userId
      name
      accountName
    }
  }
`);

const AuditViewer = graphql(`
  query AuditViewer {
    viewer {
      id
      name
      roles
    }
  }
`);

const AuditUsersByEmail = graphql(`
  query AuditUsersByEmail($email: String!) {
    account {
      users(filter: { email: $email }) {
        id
      }
    }
  }
`);

const AuditPeopleAndBilling = graphql(`
  query AuditPeopleAndBilling {
    account {
      users {
        id
        phone
      }
      billingContact {
        name
        phone
      }
    }
  }
`);

const AuditManyInvoices = graphql(`
  query AuditManyInvoices {
    account {
      invoices(first: 1000) {
        createdAt
      }
    }
  }
`);

const AuditFieldReadEvents = graphql(`
  query AuditFieldReadEvents($filter: AuditEventFilter!) {
    auditEvents(filter: $filter, first: 100) {
      edges {
        node {
          actorId
          userId
          sessionId
          requestId
          typeField
          decision
          details
        }
      }
    }
  }
`);

const AuditSchemaTypes = graphql(`
  query AuditSchemaTypes {
    __schema {
      types {
        name
      }
    }
  }
`);

const AuditRootTypename = graphql(`
  query AuditRootTypename {
    __typename
  }
`);

const AuditBirthDates = graphql(`
  query AuditBirthDates {
    account {
      users {
        id
        birthDate
      }
    }
  }
`);

const AuditTooManyInvoices = graphql(`
  query AuditTooManyInvoices {
    account {
      many: invoices(first: 0) {
        id
      }
    }
  }
`);

const AuditDirectoryAccounts = graphql(`
  query AuditDirectoryAccounts($search: String!) {
    directory(search: $search) {
      userId
      accountName
    }
    plansOnly: directory(search: $search, first: 5) {
      plan
    }
  }
`);

const AuditAccountRoles = graphql(`
  query AuditAccountRoles {
    account {
      users {
        id
        role
      }
    }
  }
`);

const ACME_USERS = ['usr_jane', 'usr_lena', 'usr_omar', 'usr_tom'];

let t: TestGateway;
let sessions: TestGateway;
beforeAll(async () => {
  [t, sessions] = await Promise.all([startTestGateway(), startTestGateway({}, { realSessions: true })]);
});
afterAll(async () => {
  await Promise.all([t?.close(), sessions?.close()]);
});

/** A request's rows, its public reads told field by field (`auditReadsOfRequest`). */
const rowsOf = async (db: TestGateway['db'], requestId: string) => {
  const rows = await auditReadsOfRequest(db, requestId);
  return rows.map((row) => ({ ...row, details: row.details as { count?: number; objectIds?: string[]; paths?: string[]; code?: string } }));
};

describe('an impersonated request records every resolved field, grouped by field and decision', () => {
  it('gives each type.field and decision one row with its count, object ids and paths', async () => {
    const requestId = newRequestId('people');
    const result = await t.execute(AuditAccountPeople, {
      as: 'agent',
      actAs: 'usr_jane read_only',
      headers: { 'x-request-id': requestId },
    });
    // birthDate is sensitive: denied under impersonation, so the response has errors for it.
    expect(result.body.data?.account?.users).toHaveLength(4);
    const rows = await rowsOf(t.db, requestId);
    const fieldReads = rows.filter((row) => row.kind === 'field_read');
    const byKey = new Map(fieldReads.map((row) => [`${row.type_field}/${row.decision}`, row]));
    // One row per (type.field, decision): no duplicates.
    expect(byKey.size).toBe(fieldReads.length);
    // Each names the operation it was read in.
    expect(fieldReads.every((row) => row.operation === 'AuditAccountPeople')).toBe(true);

    const phone = byKey.get('User.phone/masked');
    expect(phone).toMatchObject({
      actor_kind: 'staff',
      actor_id: 'stf_sarah',
      subject_user_id: 'usr_jane',
      account_id: 'acc_acme',
      data_class: 'pii',
      decision: 'masked',
    });
    expect(phone?.details.count).toBe(4);
    expect([...(phone?.details.objectIds ?? [])].sort()).toEqual(ACME_USERS);
    expect([...(phone?.details.paths ?? [])].sort()).toEqual(['account.users[0].phone', 'account.users[1].phone', 'account.users[2].phone', 'account.users[3].phone']);
    expect(phone?.summary).toMatch(/^Agent Sarah Lee read User\.phone 4 times \(masked\)/);

    expect(byKey.get('User.birthDate/denied')).toMatchObject({ data_class: 'sensitive', decision: 'denied' });
    expect(byKey.get('User.birthDate/denied')?.details.count).toBe(4);
    expect(byKey.get('User.name/allowed')?.details.count).toBe(4);

    // Public fields are counted too, from the result.
    expect(byKey.get('User.id/allowed')).toMatchObject({ data_class: 'public', decision: 'allowed' });
    expect(byKey.get('User.id/allowed')?.details.count).toBe(4);
    expect(byKey.get('Query.account/allowed')?.details.count).toBe(1);
    expect(byKey.get('Account.id/allowed')?.details.count).toBe(1);
    expect(byKey.get('Account.name/allowed')?.details.count).toBe(1);
    expect(byKey.get('Account.users/allowed')?.details.count).toBe(1);

    // The public fields share one row of the request, each with its count and paths; the others have a row each.
    const stored = (await auditRowsOfRequest(t.db, requestId)).filter((row) => row.kind === 'field_read');
    const shared = stored.filter((row) => row.type_field === null);
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ data_class: 'public', decision: 'allowed', operation: 'AuditAccountPeople', subject_user_id: 'usr_jane' });
    expect(shared[0]?.details).toMatchObject({
      count: 8,
      fields: {
        'Query.account': { count: 1, paths: ['account'] },
        'Account.id': { count: 1, paths: ['account.id'] },
        // Paths over a list as one range: the four users, each by its index.
        'User.id': { count: 4, paths: ['account.users[0-3].id'] },
      },
    });
    expect(shared[0]?.summary).toBe('Agent Sarah Lee read 5 public fields (shown): Query.account, Account.id, Account.name, Account.users, User.id');
    expect(stored.filter((row) => row.type_field !== null).map((row) => `${row.type_field}/${row.decision}`).sort()).toEqual(['User.birthDate/denied', 'User.name/allowed', 'User.phone/masked']);

    // Every field the document selected, with its decision: nothing more, nothing less.
    expect([...byKey.keys()].sort()).toEqual(
      [
        'Query.account/allowed',
        'Account.id/allowed',
        'Account.name/allowed',
        'Account.users/allowed',
        'User.id/allowed',
        'User.name/allowed',
        'User.phone/masked',
        'User.birthDate/denied',
      ].sort(),
    );
  });

  it("answers 'did agent X see user Y's phone number on date Z' from a real session", async () => {
    const session = await openAuditSession(sessions, { agent: 'agent', userId: 'usr_tom' });
    const requestId = newRequestId('my-phone');
    const result = await sessions.execute(AuditMyPhone, { as: 'agent', headers: { ...session.headers, 'x-request-id': requestId } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.me?.id).toBe('usr_tom');
    expect(result.body.data?.me?.phone).not.toBe('+44 20 7946 0104');
    await endOpenSessions(sessions);

    const today = new Date();
    const dayStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    const dayEnd = new Date(dayStart.getTime() + 86_400_000);
    const seen = (agent: string, user: string) =>
      sessions.db
        .selectFrom('audit_events')
        .select(['chain_seq', 'session_id', 'request_id', 'decision', 'details', 'summary'])
        .where('kind', '=', 'field_read')
        .where('type_field', '=', 'User.phone')
        .where('actor_id', '=', agent)
        .where(sql<boolean>`(subject_user_id = ${user} or details->'objectIds' ? ${user})`)
        .where('occurred_at', '>=', dayStart)
        .where('occurred_at', '<', dayEnd)
        .execute();
    const [row, ...others] = await seen('stf_sarah', 'usr_tom');
    expect(others).toEqual([]);
    expect(row).toMatchObject({ session_id: session.sessionId, request_id: requestId, decision: 'masked' });
    expect((row?.details as { objectIds: string[] }).objectIds).toEqual(['usr_tom']);
    expect(row?.summary).toMatch(/^Agent Sarah Lee read User\.phone once \(masked\) as Tom Baker \(Acme Co\)/);
    // Another agent saw nothing of the kind.
    expect(await seen('stf_leo', 'usr_tom')).toEqual([]);
  });

  it("finds a user's phone read through someone else's session by its object id", async () => {
    const requestId = newRequestId('others-phone');
    await t.execute(AuditAccountPeople, { as: 'agent2', actAs: 'usr_jane read_only', headers: { 'x-request-id': requestId } });
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['subject_user_id', 'details'])
      .where('request_id', '=', requestId)
      .where('type_field', '=', 'User.phone')
      .where('actor_id', '=', 'stf_leo')
      .where(sql<boolean>`details->'objectIds' ? ${'usr_tom'}`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.subject_user_id).toBe('usr_jane');
  });
});

describe("'did agent X see user Y's phone number on date Z?', asked through auditEvents", () => {
  const day = () => {
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    return { from: from.toISOString(), to: new Date(from.getTime() + 86_400_000).toISOString() };
  };
  const fieldReads = async (actor: string, user: string) => {
    const result = await sessions.execute(AuditFieldReadEvents, { as: 'auditor', variables: { filter: { actor, user, kinds: ['field_read'], ...day() } } });
    expect(result.body.errors).toBeUndefined();
    return (result.body.data?.auditEvents.edges ?? []).map(({ node }) => ({ ...node, details: JSON.parse(node.details) as { subjectIds?: string[]; objectIds: string[]; truncated?: boolean; distinctObjectIds?: number } }));
  };

  it("finds Jane's phone, read by an agent in a session as Tom, and her billing contact's", async () => {
    const session = await openAuditSession(sessions, { agent: 'agent', userId: 'usr_tom' });
    const result = await sessions.execute(AuditPeopleAndBilling, { as: 'agent', headers: session.headers });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.account?.users).toHaveLength(4);

    const janes = await fieldReads('stf_sarah', 'usr_jane');
    const phone = janes.find((row) => row.typeField === 'User.phone' && row.sessionId === session.sessionId);
    // The session's customer is Tom; Jane is one of the users whose phone it read.
    expect(phone).toMatchObject({ actorId: 'stf_sarah', userId: 'usr_tom', decision: 'masked' });
    expect([...(phone?.details.subjectIds ?? [])].sort()).toEqual(ACME_USERS);

    // The billing contact has no id of its own: it is Lena's data (Acme's billing user).
    const lenas = await fieldReads('stf_sarah', 'usr_lena');
    const billingPhone = lenas.find((row) => row.typeField === 'BillingContact.phone' && row.sessionId === session.sessionId);
    expect(billingPhone).toMatchObject({ decision: 'masked' });
    expect(billingPhone?.details.subjectIds).toEqual(['usr_lena']);
    expect(lenas.some((row) => row.typeField === 'BillingContact.name')).toBe(true);

    // Control: another agent saw nothing of Jane's, and a user of another account shows nothing.
    expect(await fieldReads('stf_leo', 'usr_jane')).toEqual([]);
    expect(await fieldReads('stf_sarah', 'usr_grace')).toEqual([]);
  });

  it("finds Jane's name read by staff in the directory, outside any session", async () => {
    const result = await sessions.execute(AuditDirectory, { as: 'agent2', variables: { search: 'Jane' } });
    expect(result.body.data?.directory.map((entry) => entry.userId)).toEqual(['usr_jane']);
    const rows = await fieldReads('stf_leo', 'usr_jane');
    const name = rows.find((row) => row.typeField === 'DirectoryEntry.name');
    expect(name).toMatchObject({ actorId: 'stf_leo', userId: null, sessionId: null, decision: 'allowed' });
    expect(name?.details.subjectIds).toEqual(['usr_jane']);
  });

  it("finds a directory search that showed only Jane's public fields, and what was searched for", async () => {
    const requestId = newRequestId('directory-public');
    const result = await sessions.execute(AuditDirectoryAccounts, { as: 'agent2', variables: { search: 'Jane' }, headers: { 'x-request-id': requestId } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data?.directory).toEqual([{ userId: 'usr_jane', accountName: 'Acme Co' }]);
    const rows = (await fieldReads('stf_leo', 'usr_jane')).filter((row) => row.requestId === requestId);
    // The request's public reads, in its one row: whose entry it was is known even where the
    // document did not ask for the user's id (`plan`), and each field names the entry it read.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ typeField: null, decision: 'allowed' });
    expect(rows[0]?.details.subjectIds).toEqual(['usr_jane']);
    const fields = (rows[0]?.details as { fields?: Record<string, { subjectIds?: string[] }> }).fields ?? {};
    expect(Object.entries(fields).map(([field, read]) => [field, read.subjectIds]).sort()).toEqual([
      ['DirectoryEntry.accountName', ['usr_jane']],
      ['DirectoryEntry.plan', ['usr_jane']],
      ['DirectoryEntry.userId', ['usr_jane']],
      ['Query.directory', undefined],
    ]);
    // The search text, by response key; the page size chooses no data and is left out.
    const [root] = (await rowsOf(sessions.db, requestId)).filter((row) => row.type_field === 'Query.directory');
    expect((root?.details as { arguments?: unknown }).arguments).toEqual({ directory: { search: 'Jane' }, plansOnly: { search: 'Jane' } });
    // Control: nobody else's slice has it.
    expect((await fieldReads('stf_leo', 'usr_grace')).filter((row) => row.typeField?.startsWith('DirectoryEntry.'))).toEqual([]);
  });

  it('records what a refused search asked for', async () => {
    const requestId = newRequestId('directory-refused');
    const result = await sessions.execute(AuditDirectoryAccounts, { as: 'agent2', variables: { search: 'J' }, headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    const refusals = (await rowsOf(sessions.db, requestId)).filter((row) => row.kind === 'access_denied');
    expect(refusals.map((row) => [row.type_field, (row.details as { arguments?: unknown }).arguments])).toEqual([
      // (The list is non-null: the first refusal nulls the whole response, and is the one reported.)
      ['Query.directory', { directory: { search: 'J' } }],
    ]);
  });

  it("gives a session's public reads of users their ids too: whose role was read", async () => {
    const session = await openAuditSession(sessions, { agent: 'agent', userId: 'usr_tom' });
    const requestId = newRequestId('user-roles');
    const result = await sessions.execute(AuditAccountRoles, { as: 'agent', headers: { ...session.headers, 'x-request-id': requestId } });
    expect(result.body.data?.account?.users).toHaveLength(4);
    const [role] = (await rowsOf(sessions.db, requestId)).filter((row) => row.type_field === 'User.role');
    const details = role?.details as { count: number; objectIds: string[]; subjectIds: string[] };
    expect(details.count).toBe(4);
    expect([...details.objectIds].sort()).toEqual(ACME_USERS);
    expect([...details.subjectIds].sort()).toEqual(ACME_USERS);
    // And on the request's public-reads row itself, where the user filter finds them.
    const [shared] = (await auditRowsOfRequest(sessions.db, requestId)).filter((row) => row.kind === 'field_read' && row.type_field === null);
    expect([...((shared?.details as { subjectIds?: string[] }).subjectIds ?? [])].sort()).toEqual(ACME_USERS);
  });

  it('says when it kept only some of the ids, and how many there were', async () => {
    const existing = await sessions.demo.selectFrom('invoices').select('id').where('account_id', '=', 'acc_acme').execute();
    await sessions.demo
      .insertInto('invoices')
      .values(
        Array.from({ length: 230 }, (_, i) => ({
          id: `inv_audit_many_${i}`,
          account_id: 'acc_acme',
          number: `AUDIT-MANY-${i}`,
          amount_cents: 100,
          currency: 'EUR',
          tax_rate_bp: 2000,
          status: 'open' as const,
          issued_on: '2026-01-01',
        })),
      )
      .execute();
    const session = await openAuditSession(sessions, { agent: 'agent', userId: 'usr_tom' });
    const requestId = newRequestId('many-invoices');
    const result = await sessions.execute(AuditManyInvoices, { as: 'agent', headers: { ...session.headers, 'x-request-id': requestId } });
    expect(result.body.data?.account?.invoices).toHaveLength(existing.length + 230);
    const [row] = (await rowsOf(sessions.db, requestId)).filter((r) => r.type_field === 'Invoice.createdAt');
    const details = row?.details as { count: number; objectIds: string[]; truncated?: boolean; distinctObjectIds?: number };
    expect(details.count).toBe(existing.length + 230);
    expect(details.objectIds).toHaveLength(200);
    expect(details.truncated).toBe(true);
    expect(details.distinctObjectIds).toBe(existing.length + 230);
  });
});

describe('staff reading outside a session are recorded too', () => {
  it("records the directory's fields read by an agent, the pii ones with their class", async () => {
    const requestId = newRequestId('directory');
    const result = await t.execute(AuditDirectory, { as: 'agent', variables: { search: 'Acme' }, headers: { 'x-request-id': requestId } });
    expect(result.body.errors).toBeUndefined();
    const entries = result.body.data?.directory ?? [];
    expect(entries.length).toBeGreaterThan(0);
    const rows = await rowsOf(t.db, requestId);
    const name = rows.find((row) => row.type_field === 'DirectoryEntry.name');
    expect(name).toMatchObject({ kind: 'field_read', actor_id: 'stf_sarah', session_id: null, subject_user_id: null, data_class: 'pii', decision: 'allowed' });
    expect(name?.details.count).toBe(entries.length);
    const userId = rows.find((row) => row.type_field === 'DirectoryEntry.userId');
    expect(userId).toMatchObject({ data_class: 'public', decision: 'allowed' });
    expect(userId?.details.count).toBe(entries.length);
  });

  it('counts public fields read by any staff member (a security admin asking who they are)', async () => {
    const requestId = newRequestId('viewer');
    const result = await t.execute(AuditViewer, { as: 'security', headers: { 'x-request-id': requestId } });
    expect(result.body.data?.viewer.id).toBe('stf_priya');
    const rows = await rowsOf(t.db, requestId);
    expect(rows.map((row) => `${row.type_field}:${row.details.count}`).sort()).toEqual(['Query.viewer:1', 'Viewer.id:1', 'Viewer.name:1', 'Viewer.roles:1']);
    expect(rows.every((row) => row.actor_id === 'stf_priya' && row.kind === 'field_read' && row.data_class === 'public')).toBe(true);
  });
});

describe('a value the resolver refused is recorded as denied, for that object', () => {
  it("a member's colleagues' birth dates, granted but refused by the account's privacy rule", async () => {
    const requestId = newRequestId('colleague-birth-dates');
    const result = await t.execute(AuditBirthDates, { as: 'agent', actAs: 'usr_tom read_only User.birthDate', headers: { 'x-request-id': requestId } });
    const shown = (result.body.data?.account?.users ?? []).filter((user) => user.birthDate !== null).map((user) => user.id);
    expect(shown).toEqual(['usr_tom']);
    expect(result.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);

    const rows = await rowsOf(t.db, requestId);
    const birthDate = (decision: string) => rows.find((row) => row.kind === 'field_read' && row.type_field === 'User.birthDate' && row.decision === decision);
    expect(birthDate('allowed')?.details).toMatchObject({ count: 1, objectIds: ['usr_tom'], subjectIds: ['usr_tom'], paths: [expect.stringMatching(/^account\.users\[\d\]\.birthDate$/)] });
    const denied = birthDate('denied')?.details as { count: number; objectIds: string[]; subjectIds: string[] } | undefined;
    expect(denied?.count).toBe(3);
    expect([...(denied?.objectIds ?? [])].sort()).toEqual(['usr_jane', 'usr_lena', 'usr_omar']);
    expect([...(denied?.subjectIds ?? [])].sort()).toEqual(['usr_jane', 'usr_lena', 'usr_omar']);
    // The refusal itself, once for the field, named by it (not by the root it was under).
    const refusals = rows.filter((row) => row.kind === 'access_denied');
    expect(refusals.map((row) => [row.type_field, row.details.code, row.details.count])).toEqual([['User.birthDate', 'FORBIDDEN', 3]]);
    expect(refusals[0]?.reason).toMatch(/^Only the account's owners and admins see a colleague's birth date/);
    expect(refusals[0]?.details.paths).toHaveLength(3);
  });

  it("control: the account's owner, with the same grant, is shown all four", async () => {
    const requestId = newRequestId('owner-birth-dates');
    const result = await t.execute(AuditBirthDates, { as: 'agent', actAs: 'usr_jane read_only User.birthDate', headers: { 'x-request-id': requestId } });
    expect(result.body.errors).toBeUndefined();
    const rows = (await rowsOf(t.db, requestId)).filter((row) => row.type_field === 'User.birthDate');
    expect(rows.map((row) => [row.kind, row.decision, row.details.count])).toEqual([['field_read', 'allowed', 4]]);
  });

  it('names a refused nested field by its type and name, not its alias or root', async () => {
    const requestId = newRequestId('nested-refusal');
    const result = await t.execute(AuditTooManyInvoices, { as: 'agent', actAs: 'usr_tom read_only', headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    const refusals = (await rowsOf(t.db, requestId)).filter((row) => row.kind === 'access_denied');
    expect(refusals.map((row) => [row.type_field, row.path, row.details.code])).toEqual([['Account.invoices', 'account.many', 'BAD_USER_INPUT']]);
  });
});

describe('reading the schema itself (introspection)', () => {
  it('is recorded for staff, outside a session and inside one', async () => {
    for (const actAs of [undefined, 'usr_tom read_only']) {
      const requestId = newRequestId('introspection');
      const result = await t.execute(AuditSchemaTypes, { as: 'agent', ...(actAs ? { actAs } : {}), headers: { 'x-request-id': requestId } });
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data?.__schema.types.length).toBeGreaterThan(10);
      const rows = await rowsOf(t.db, requestId);
      expect(rows.map((row) => [row.kind, row.type_field, row.decision, row.details.count, row.subject_user_id])).toEqual([
        ['field_read', 'Query.__schema', 'allowed', 1, actAs ? 'usr_tom' : null],
      ]);
    }
  });

  it('counts a bare { __typename } too, but not a customer reading their own account', async () => {
    const staff = newRequestId('typename');
    expect((await t.execute(AuditRootTypename, { as: 'agent', headers: { 'x-request-id': staff } })).body.data?.__typename).toBe('Query');
    expect((await rowsOf(t.db, staff)).map((row) => row.type_field)).toEqual(['Query.__typename']);
    const customer = newRequestId('typename-customer');
    expect((await t.execute(AuditRootTypename, { as: 'customer', headers: { 'x-request-id': customer } })).body.data?.__typename).toBe('Query');
    expect(await auditRowsOfRequest(t.db, customer)).toEqual([]);
  });
});

describe("customers' reads of their own account", () => {
  it('are not recorded by default', async () => {
    const requestId = newRequestId('self');
    const result = await t.execute(AuditMyPhone, { as: 'customer', headers: { 'x-request-id': requestId } });
    expect(result.body.data?.me?.phone).toBe('+44 20 7946 0101');
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);
  });

  it('are recorded with WARDEN_AUDIT_CUSTOMER_READS=true', async () => {
    const recording = await startTestGateway({ WARDEN_AUDIT_CUSTOMER_READS: 'true' });
    try {
      const requestId = newRequestId('self-recorded');
      const result = await recording.execute(AuditMyPhone, { as: 'customer', headers: { 'x-request-id': requestId } });
      expect(result.body.data?.me?.phone).toBe('+44 20 7946 0101');
      const rows = await rowsOf(recording.db, requestId);
      const phone = rows.find((row) => row.type_field === 'User.phone');
      expect(phone).toMatchObject({ kind: 'field_read', actor_kind: 'customer', actor_id: 'usr_jane', subject_user_id: 'usr_jane', decision: 'allowed' });
      expect(phone?.details.objectIds).toEqual(['usr_jane']);
      expect(rows.map((row) => row.type_field).sort()).toEqual(['Query.me', 'User.id', 'User.phone']);
    } finally {
      await recording.close();
    }
  });
});

describe('refusals are recorded as access_denied', () => {
  it('records a firewall refusal (an agent asking for a customer-only field without a session)', async () => {
    const requestId = newRequestId('firewall');
    const result = await t.execute(AuditMyPhone, { as: 'agent', headers: { 'x-request-id': requestId } });
    expect(codeOf(result.body)).toBe('FORBIDDEN');
    expect(result.body.data?.me ?? null).toBeNull();
    const rows = await rowsOf(t.db, requestId);
    const denied = rows.filter((row) => row.kind === 'access_denied');
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ actor_id: 'stf_sarah', decision: 'denied', type_field: 'Query.me', path: 'me', operation: 'AuditMyPhone' });
    expect(denied[0]?.details.code).toBe('FORBIDDEN');
    expect(denied[0]?.summary).toMatch(/^Agent Sarah Lee was refused/);
    // Nothing was read: the refused field is not also recorded as read and shown.
    expect(rows.filter((row) => row.kind === 'field_read')).toEqual([]);
  });

  it('records an argument-policy refusal (filtering by a masked field during impersonation)', async () => {
    const requestId = newRequestId('argument');
    const result = await t.execute(AuditUsersByEmail, {
      as: 'agent',
      actAs: 'usr_jane read_only',
      variables: { email: 'tom.baker@acme.example' },
      headers: { 'x-request-id': requestId },
    });
    expect(codeOf(result.body)).toBe('FORBIDDEN');
    expect(result.body.data ?? null).toBeNull();
    const rows = await rowsOf(t.db, requestId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: 'access_denied',
      actor_id: 'stf_sarah',
      subject_user_id: 'usr_jane',
      account_id: 'acc_acme',
      type_field: 'User.email',
      decision: 'denied',
    });
    expect(rows[0]?.details.code).toBe('FORBIDDEN');
  });
});

afterEach(async () => {
  await endOpenSessions(sessions);
});
