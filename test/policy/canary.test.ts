import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevTokenSubject } from '../../src/auth/mint-token.js';
import type { PolicyColumn } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { ImpApprove, ImpRequestFields, openSession, withSession, type OpenSession } from '../impersonation/sessions.js';
import { CANARIES, CANARY_USER, NEVER_SHOWN, seedCanaries, type Canary } from '../support/canaries.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { generateQuery, QUERY_STYLES, selectableFields, type GeneratedQuery, type QueryStyle } from '../support/query-generator.js';

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
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };

/** Who looks, and through which root fields. */
interface Viewer {
  name: string;
  column: PolicyColumn;
  as: string | DevTokenSubject;
  /** A real impersonation session of `as`, as the canary account's owner, opened before the suite. */
  session?: { mode: 'read_only' | 'read_write'; grants?: string[] };
  roots: Array<[root: string, args: string]>;
}

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
const STAFF: Viewer = { name: 'staff without a session', column: 'staff', as: 'agent', roots: [['directory', '(search: "Cnryname")']] };

const VIEWERS: Viewer[] = [CUSTOMER, READ_ONLY, READ_WRITE, GRANTED, STAFF];

/** Tokens that must not appear for this viewer under `policy`: every canary it does not show in full. */
function hiddenFrom(viewer: Viewer, policy: PolicyDocument = catalog.baseline): Canary[] {
  const grants = new Set(viewer.session?.grants ?? []);
  const hidden = CANARIES.filter((canary) => {
    const plan = catalog.fields.get(canary.field);
    if (!plan) throw new Error(`Canary for unknown field ${canary.field}`);
    if (viewer.column === 'staff') return canary.field !== 'User.name'; // staff reach only the directory
    const decision = decideField(plan, viewer.column, policy);
    const granted = plan.classification === 'sensitive' && grants.has(canary.field);
    return decision !== 'allow' && !granted;
  });
  return [...hidden, ...NEVER_SHOWN];
}

const ECHO_STYLES = new Set<QueryStyle>(['echo-variables', 'echo-literals', 'echo-syntax']);

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

/** Opens `viewer`'s session on `gateway` (approved by a manager, grants too); null for no session. */
async function openViewerSession(gateway: TestGateway, viewer: Viewer): Promise<OpenSession | null> {
  if (!viewer.session || typeof viewer.as !== 'string') return null;
  const session = await openSession(gateway, { agent: viewer.as, userId: CANARY_USER, mode: viewer.session.mode });
  if (viewer.session.grants) {
    const requested = await gateway.execute(ImpRequestFields, {
      as: viewer.as,
      headers: withSession(session.token),
      variables: { input: { fields: viewer.session.grants, reason: 'Customer reports the national id on their invoices is wrong since the March update' } },
    });
    const id = requested.body.data?.requestFieldAccess.id;
    if (!id) throw new Error(`requestFieldAccess failed: ${requested.text}`);
    const approved = await gateway.execute(ImpApprove, { as: 'manager', variables: { id, note: 'Identity dispute, ticket checked' } });
    expect(approved.body.errors).toBeUndefined();
  }
  return session;
}

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

interface Reply {
  status: number;
  text: string;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
    extensions?: { impersonation?: { sessionId?: string; mode?: string } };
  };
}

async function run(gateway: TestGateway, viewer: Viewer, generated: GeneratedQuery, session = sessions.get(viewer) ?? null): Promise<Reply> {
  const token = await gateway.tokenFor(viewer.as);
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(session ? withSession(session.token) : {}) },
    body: JSON.stringify(generated),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Reply['body'] };
}

function leaks(text: string, canaries: readonly Canary[]): string[] {
  return canaries.filter((canary) => text.includes(canary.token)).map((canary) => canary.field);
}

/** Generates `style` from `root` for `viewer`; the error-echo styles send the viewer's hidden values. */
function queryFor(
  viewer: Viewer,
  root: string,
  args: string,
  style: QueryStyle | readonly QueryStyle[],
  policy: PolicyDocument = catalog.baseline,
  include?: ReadonlySet<string>,
): GeneratedQuery {
  return generateQuery(schema, root, args, { style, echo: hiddenFrom(viewer, policy).map((canary) => canary.value), ...(include ? { include } : {}) });
}

/**
 * The documents `style` is checked with: one, or for `echo-syntax` one per hidden value, since
 * parsing stops at the first value out of place.
 */
function queriesFor(viewer: Viewer, root: string, args: string, style: QueryStyle, policy: PolicyDocument = catalog.baseline): GeneratedQuery[] {
  if (style !== 'echo-syntax') return [queryFor(viewer, root, args, style, policy)];
  return hiddenFrom(viewer, policy).map((canary) => generateQuery(schema, root, args, { style, echo: [canary.value] }));
}

/**
 * The hidden canaries `query` would bring back if nothing stopped them: those of the fields it
 * selects, or for the error-echo styles those of the values it sends.
 */
function reachedBy(viewer: Viewer, root: string, query: GeneratedQuery, style: QueryStyle): Canary[] {
  const hidden = hiddenFrom(viewer);
  if (ECHO_STYLES.has(style)) {
    const sent = JSON.stringify(query);
    return hidden.filter((canary) => sent.includes(canary.token));
  }
  const selectable = new Set(selectableFields(schema, root));
  return hidden.filter((canary) => selectable.has(canary.field));
}

/** What every reply must satisfy: nothing hidden anywhere in it, and a session's banner when in one. */
function expectNoLeak(viewer: Viewer, reply: Reply, echo: boolean, policy: PolicyDocument = catalog.baseline): void {
  expect(leaks(reply.text, hiddenFrom(viewer, policy))).toEqual([]);
  const codes = (reply.body.errors ?? []).map((e) => e.extensions?.code);
  // Proof the request ran in the real session. A document that fails to parse or validate never
  // reaches execution, and today such a reply carries no banner; the canary check above holds either way.
  const session = sessions.get(viewer);
  if (session && !codes.some((code) => code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED')) {
    expect(reply.body.extensions?.impersonation).toMatchObject({ sessionId: session.sessionId, mode: viewer.session?.mode });
  }
  if (echo) {
    // Refused as a whole, without repeating what was sent.
    expect(reply.body.data ?? null).toBeNull();
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((code) => code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED'), JSON.stringify(codes)).toBe(true);
  } else {
    expect(reply.body.data, reply.text.slice(0, 500)).toBeTruthy();
    expect(codes.filter((code) => code !== 'FIELD_DENIED')).toEqual([]);
  }
}

describe('canaries: no masked or denied value leaves the gateway, on any path', () => {
  for (const viewer of VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        for (const [root, args] of viewer.roots) {
          for (const query of queriesFor(viewer, root, args, style)) {
            const reply = await run(tight, viewer, query);
            expectNoLeak(viewer, reply, ECHO_STYLES.has(style));
          }
        }
      });
    }
  }

  it('masks fields inherited from an interface, on every type that implements it', async () => {
    const query = `query Contacts { account { billingContact { ... on Contact { name email phone } address } users { ... on Contact { email phone } email } } }`;
    const reply = await run(t, READ_ONLY, { query, variables: {}, operationName: 'Contacts' });
    expectNoLeak(READ_ONLY, reply, false);
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
        for (const [root, args] of viewer.roots) {
          for (const query of queriesFor(viewer, root, args, style, TIGHTENED)) {
            const reply = await run(tight, viewer, query);
            expectNoLeak(viewer, reply, ECHO_STYLES.has(style), TIGHTENED);
          }
        }
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
      const leaked = new Set<string>();
      for (const [root, args] of READ_ONLY.roots) {
        for (const query of queriesFor(READ_ONLY, root, args, style)) {
          const reply = await run(control, READ_ONLY, query, controlSession);
          if (!ECHO_STYLES.has(style)) expect(reply.body.extensions?.impersonation).toMatchObject({ sessionId: controlSession?.sessionId });
          const reached = reachedBy(READ_ONLY, root, query, style).map((canary) => canary.field);
          expect(leaks(reply.text, hiddenFrom(READ_ONLY))).toEqual(expect.arrayContaining(reached));
          for (const field of reached) leaked.add(field);
        }
      }
      // Between them the roots reach every hidden canary: through the schema, or sent as a value.
      const reachable = hiddenFrom(READ_ONLY).filter((canary) => ECHO_STYLES.has(style) || !NEVER_SHOWN.includes(canary));
      expect([...leaked].sort()).toEqual(reachable.map((canary) => canary.field).sort());
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

describe('property: random selections, mixed styles, every viewer', () => {
  it('leaks nothing, whatever fields are selected and however the query is written', async () => {
    const picks = fc.constantFrom(...VIEWERS).chain((viewer) =>
      fc.constantFrom(...viewer.roots).chain(([root, args]) =>
        fc.record({
          viewer: fc.constant(viewer),
          root: fc.constant(root),
          args: fc.constant(args),
          // fast-check's own generators, so a failure shrinks to the fewest fields and styles.
          fields: fc.subarray(selectableFields(schema, root), { minLength: 1 }),
          styles: fc.subarray([...QUERY_STYLES], { minLength: 1 }),
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(picks, async ({ viewer, root, args, fields, styles }) => {
        const reply = await run(t, viewer, queryFor(viewer, root, args, styles, catalog.baseline, new Set(fields)));
        expect(leaks(reply.text, hiddenFrom(viewer))).toEqual([]);
      }),
      { numRuns: 120 },
    );
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
    const rows = await t.db.selectFrom('audit_events').selectAll().execute();
    expect(rows.some((row) => row.kind === 'session_started')).toBe(true);
    expect(rows.some((row) => row.kind === 'field_read' && row.decision === 'masked')).toBe(true);
    // The customer's name is the one canary an audit row may hold, and only where it names the
    // person the event concerns: the summary and the subject (`user`) in the details. Auditors
    // need to read whose account was entered ("Agent Sarah Lee started a read-only session as
    // <name>"), and the baseline shows support the name anyway. The other place is what staff
    // typed: the directory searched by that name keeps its search text (`details.arguments`).
    // And a row of the customer's own doing (a refused request of theirs) names them as its
    // actor. Every other canary stays out entirely, arguments included, and the name stays out
    // of every other column and value.
    const name = CANARIES.find((canary) => canary.field === 'User.name');
    const others = [...CANARIES, ...NEVER_SHOWN].filter((canary) => canary !== name);
    expect(leaks(JSON.stringify(rows), others)).toEqual([]);
    const withoutSubject = rows.map(({ summary: _summary, details, actor_name, ...row }) => ({
      ...row,
      actor_name: row.actor_kind === 'customer' && row.actor_id === row.subject_user_id ? '(the customer)' : actor_name,
      details: withoutSubjectName(details),
    }));
    expect(leaks(JSON.stringify(withoutSubject), name ? [name] : [])).toEqual([]);
  });
});

/**
 * `details` with the name of the customer it concerns (every `user: { id, name }`) and what the
 * caller searched for (`arguments`, as typed) taken out.
 */
function withoutSubjectName(details: unknown): unknown {
  return JSON.parse(JSON.stringify(details), (key: string, value: unknown) => {
    if (key === 'arguments') return '(what the caller asked for)';
    return key === 'user' && typeof value === 'object' && value !== null ? { ...value, name: '(the customer)' } : value;
  });
}
