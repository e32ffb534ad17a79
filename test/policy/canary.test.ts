import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { ImpRequestFields, withSession, type OpenSession } from '../impersonation/sessions.js';
import {
  expectControlLeaksAll,
  expectNoCanaryInAudit,
  expectNoLeak,
  expectNoLeakInRandomSelections,
  expectNoLeakInStyle,
  hiddenFrom as hiddenIn,
  leaks,
  openViewerSession as openViewerSessionAs,
  run as runIn,
  type CanaryWorld,
  type Reply,
  type Viewer,
} from '../support/canary-check.js';
import { CANARIES, CANARY_USER, NEVER_SHOWN, seedCanaries } from '../support/canaries.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { QUERY_STYLES, type GeneratedQuery } from '../support/query-generator.js';

const CanaryPublishPolicy = graphql(`
  mutation CanaryPublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
    }
  }
`);

const CanaryNames = graphql(`
  query CanaryNames {
    me {
      name
    }
    account {
      billingContact {
        name
      }
      users {
        id
        name
      }
    }
  }
`);

const { schema, catalog } = buildDemoSchema();
const WORLD: CanaryWorld = { schema, catalog, canaries: CANARIES, neverShown: NEVER_SHOWN };
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };

/** Every sensitive field of the canary account: what a manager can grant (secrets never are). */
const SENSITIVE_GRANTS = ['PrivateNote.body', 'User.birthDate', 'User.nationalId'];

const CUSTOMER: Viewer = {
  name: 'the customer on their own account',
  column: 'customer',
  as: { sub: CANARY_USER, kind: 'customer', name: 'Canary owner' },
  roots: [['account', ''], ['me', ''], ['user', `(id: "${CANARY_USER}")`]],
};
// One agent per session: an agent has one open session at a time.
const READ_ONLY: Viewer = { name: 'support, read-only session', column: 'impersonation_read_only', as: 'agent', session: { mode: 'read_only' }, roots: [['account', ''], ['me', '']] };
const READ_WRITE: Viewer = { name: 'support, read-write session', column: 'impersonation_read_write', as: 'agent2', session: { mode: 'read_write' }, roots: [['account', ''], ['me', '']] };
const GRANTED: Viewer = {
  name: 'support with every field-access grant a manager can give',
  column: 'impersonation_read_only',
  as: 'manager2',
  session: { mode: 'read_only', grants: SENSITIVE_GRANTS },
  roots: [['account', ''], ['me', '']],
};
// Staff reach only the directory, which shows the customer's name and nothing else of theirs.
const STAFF: Viewer = { name: 'staff without a session', column: 'staff', as: 'agent', roots: [['directory', '(search: "Cnryname")']], mayShow: (canary) => canary.field === 'User.name' };

// An AI assistant in a session its own agent delegated to it: pseudonyms for pii, nothing sensitive.
const CANARY_AGENT = { sub: 'stf_canary_agent', kind: 'staff', name: 'Canary Agent', roles: ['support_agent'] } as const;
const ASSISTANT: Viewer = {
  name: 'an AI assistant in a delegated session',
  column: 'assistant_session',
  as: 'assistant',
  session: { mode: 'read_only', delegatedBy: { ...CANARY_AGENT, roles: [...CANARY_AGENT.roles] } },
  roots: [['account', ''], ['me', '']],
};

const VIEWERS: Viewer[] = [CUSTOMER, READ_ONLY, READ_WRITE, GRANTED, STAFF, ASSISTANT];

/** Tokens that must not appear for this viewer under `policy`: every canary it does not show in full. */
const hiddenFrom = (viewer: Viewer, policy: PolicyDocument = catalog.baseline) => hiddenIn(WORLD, viewer, policy);

const SESSIONS_MASKED = { impersonation_read_only: 'mask', impersonation_read_write: 'mask' } as const;
/**
 * Tighter than the baseline, which shows support the customer's name: masked in sessions like
 * other pii. Under the baseline no run checks that a hidden name stays hidden; under this one
 * every run does.
 */
const TIGHTENED: PolicyDocument = {
  ...catalog.baseline,
  overrides: { ...catalog.baseline.overrides, 'User.name': SESSIONS_MASKED, 'BillingContact.name': SESSIONS_MASKED },
};

/** Opens `viewer`'s session as the canary account's owner; null for no session. */
const openViewerSession = (gateway: TestGateway, viewer: Viewer) =>
  openViewerSessionAs(gateway, viewer, CANARY_USER, 'Customer reports the national id on their invoices is wrong since the March update');

let t: TestGateway;
let control: TestGateway;
/** A second instance over `t`'s database, serving TIGHTENED, published the way a security admin does. */
let tight: TestGateway;
const sessions = new Map<Viewer, OpenSession>();
let controlSession: OpenSession | null;
beforeAll(async () => {
  [t, control] = await Promise.all([
    startTestGateway(GENEROUS_LIMITS, { realSessions: true }),
    startTestGateway(GENEROUS_LIMITS, { policyEnforced: false, errorMessagesCleaned: false, realSessions: true }),
  ]);
  await Promise.all([seedCanaries(t.db), seedCanaries(control.db)]);
  await t.db.insertInto('staff').values({ id: CANARY_AGENT.sub, name: CANARY_AGENT.name, email: 'canary.agent@warden.example', roles: [...CANARY_AGENT.roles] }).execute();
  for (const viewer of VIEWERS) {
    const session = await openViewerSession(t, viewer);
    if (session) sessions.set(viewer, session);
  }
  controlSession = await openViewerSession(control, READ_ONLY);

  tight = await startTestGateway(GENEROUS_LIMITS, { database: t.database, realSessions: true, livePolicy: { pollMs: 60_000 } });
  const published = await tight.execute(CanaryPublishPolicy, {
    as: 'security',
    variables: { input: { document: JSON.stringify(TIGHTENED), reason: 'Names masked in sessions: the canaries under a tighter policy' } },
  });
  expect(published.body.data?.publishPolicy.status, published.text).toBe('active');
  expect(tight.policyStore?.current().version).toBe(published.body.data?.publishPolicy.version);
});
afterAll(async () => {
  await tight.close();
  await Promise.all([t.close(), control.close()]);
});

const sessionOf = (viewer: Viewer) => sessions.get(viewer) ?? null;
const run = (gateway: TestGateway, viewer: Viewer, generated: GeneratedQuery): Promise<Reply> =>
  runIn(gateway, viewer, generated, sessionOf(viewer));

describe('canaries: no masked or denied value leaves the gateway, on any path', () => {
  for (const viewer of VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        await expectNoLeakInStyle(WORLD, tight, viewer, style, sessionOf(viewer));
      });
    }
  }

  it('masks fields inherited from an interface, on every type that implements it', async () => {
    const query = `query Contacts { account { billingContact { ... on Contact { name email phone } address } users { ... on Contact { email phone } email } } }`;
    const reply = await run(t, READ_ONLY, { query, variables: {}, operationName: 'Contacts' });
    expectNoLeak(WORLD, READ_ONLY, reply, false, sessionOf(READ_ONLY));
    expect(reply.body.data).toMatchObject({
      account: { billingContact: { email: 'q•••@canary.example', phone: '•••• 1357', address: '[redacted]' } },
    });
  });

  it('resolves denied fields to null with FIELD_DENIED and the path, never the value', async () => {
    const query = 'query Denied { me { id birthDate nationalId } }';
    const reply = await run(t, READ_ONLY, { query, variables: {}, operationName: 'Denied' });
    expect(reply.body.data).toEqual({ me: { id: CANARY_USER, birthDate: null, nationalId: null } });
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ path: ['me', 'birthDate'], extensions: expect.objectContaining({ code: 'FIELD_DENIED', field: 'User.birthDate' }) }),
      expect.objectContaining({ path: ['me', 'nationalId'], extensions: expect.objectContaining({ code: 'FIELD_DENIED', field: 'User.nationalId' }) }),
    ]);
  });

  it('lets an approved grant reveal a sensitive field, but never a secret', async () => {
    const query = 'query Granted { me { birthDate nationalId } account { paymentMethods { cardNumber } apiTokens { secret } } }';
    const reply = await run(t, GRANTED, { query, variables: {}, operationName: 'Granted' });
    expect(reply.body.data).toEqual({
      me: { birthDate: '1931-07-19', nationalId: 'CNRYNATIONALID42zz' },
      account: { paymentMethods: [{ cardNumber: '•••• 9010' }], apiTokens: [{ secret: '••••••ab' }] },
    });
    const session = sessions.get(GRANTED);
    if (!session) throw new Error('no granted session');
    const secret = await t.execute(ImpRequestFields, {
      as: 'manager2',
      headers: withSession(session.token),
      variables: { input: { fields: ['ApiToken.secret'], reason: 'Customer reports their API token stopped working after the rotation on Monday' } },
    });
    expect(secret.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

});

describe('under a tightened policy in force (names masked in sessions), the same holds', () => {
  for (const viewer of VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        await expectNoLeakInStyle(WORLD, tight, viewer, style, sessionOf(viewer), TIGHTENED);
      });
    }
  }

  it('control: the tightened policy hides more than the baseline, the name included', () => {
    expect(hiddenFrom(READ_ONLY, TIGHTENED).map((canary) => canary.field)).toEqual(['User.name', ...hiddenFrom(READ_ONLY).map((canary) => canary.field)]);
  });
});

describe('control: with the plugin and the error cleaning switched off, every style leaks all it reaches (so this suite can fail)', () => {
  for (const style of QUERY_STYLES) {
    it(style, async () => {
      await expectControlLeaksAll(WORLD, control, READ_ONLY, style, controlSession);
    });
  }
});

describe("one person's name is shown the same way on every path", () => {
  const cases = [
    { policy: 'the baseline', gateway: () => t, shown: CANARIES.find((canary) => canary.field === 'User.name')?.value },
    { policy: 'a policy that masks names in sessions', gateway: () => tight, shown: '[redacted]' },
  ];

  // The canary account's owner is also its billing contact.
  it.each(cases)('under $policy: as the user, as the billing contact and in the banner', async ({ gateway, shown }) => {
    const session = sessions.get(READ_ONLY);
    if (!session) throw new Error('no read-only session');
    const { body } = await gateway().execute(CanaryNames, { as: 'agent', headers: withSession(session.token) });
    expect(body.errors).toBeUndefined();
    const asUser = body.data?.account?.users.find((user) => user.id === CANARY_USER)?.name;
    const names = { me: body.data?.me?.name, user: asUser, billingContact: body.data?.account?.billingContact?.name };
    expect(names).toEqual({ me: shown, user: shown, billingContact: shown });
    expect(body.extensions).toMatchObject({ impersonation: { user: { name: shown } } });
  });
});

describe('an AI assistant sees stand-ins for personal data', () => {
  it('of the field\'s type, never equal to or containing the value, the same on every path of one session', async () => {
    const session = sessions.get(ASSISTANT);
    if (!session) throw new Error('no delegated session');
    const query = 'query Stand { me { name email phone } account { billingContact { name email } users { id name email } } }';
    const reply = await run(t, ASSISTANT, { query, variables: {}, operationName: 'Stand' });
    expectNoLeak(WORLD, ASSISTANT, reply, false, session);
    const data = reply.body.data as { me: Record<string, string>; account: { billingContact: Record<string, string>; users: Array<Record<string, string>> } };
    const owner = data.account.users.find((user) => user.id === CANARY_USER);
    expect(data.me.name).toMatch(/^person_[0-9a-f]{8}$/);
    expect(data.me.email).toMatch(/^email_[0-9a-f]{8}@masked\.invalid$/);
    expect(data.me.phone).toMatch(/^phone_[0-9a-f]{8}$/);
    // The owner is also the billing contact: one person, one stand-in, wherever they appear.
    expect([owner?.name, data.account.billingContact.name]).toEqual([data.me.name, data.me.name]);
    expect([owner?.email, data.account.billingContact.email]).toEqual([data.me.email, data.me.email]);
    for (const canary of CANARIES) {
      for (const shown of [data.me.name, data.me.email, data.me.phone]) {
        expect(shown).not.toBe(canary.value);
        expect(shown?.toLowerCase()).not.toContain(canary.value.toLowerCase());
        expect(shown?.toLowerCase()).not.toContain(canary.token.toLowerCase());
      }
    }
  });
});

describe('property: random selections, mixed styles, every viewer', () => {
  it('leaks nothing, whatever fields are selected and however the query is written', async () => {
    await expectNoLeakInRandomSelections(WORLD, t, VIEWERS, sessionOf, 120);
  });
});

describe('and nothing hidden reached the logs or the audit table', () => {
  it('keeps every canary out of the logs', () => {
    for (const gateway of [t, tight]) {
      expect(gateway.logs.length).toBeGreaterThan(0);
      expect(leaks(gateway.logs.join('\n'), [...CANARIES, ...NEVER_SHOWN])).toEqual([]);
    }
  });

  it("keeps every canary out of the audit rows' details and values", async () => {
    // The customer's name is the one canary an audit row may hold, and only where it names the
    // person the event concerns: the summary and the subject (`user`) in the details. Auditors
    // need to read whose account was entered ("Agent Sarah Lee started a read-only session as
    // <name>"), and the baseline shows support the name anyway. The other place is what staff
    // typed: the directory searched by that name keeps its search text (`details.arguments`).
    // And a row of the customer's own doing (a refused request of theirs) names them as its
    // actor. Every other canary stays out entirely, arguments included, and the name stays out
    // of every other column and value.
    await expectNoCanaryInAudit(WORLD, t.db, CANARIES.find((canary) => canary.field === 'User.name'));
  });
});
