import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyColumn } from '../../src/policy/data-class.js';
import { decideField } from '../../src/policy/decide.js';
import type { DevTokenSubject } from '../../src/auth/mint-token.js';
import { buildWardenSchema } from '../../src/server/warden-schema.js';
import { CANARIES, CANARY_USER, NEVER_SHOWN, seedCanaries, type Canary } from '../support/canaries.js';
import { startTestGateway, ACT_AS_HEADER, type TestGateway } from '../support/gateway.js';
import { generateQuery, QUERY_STYLES, type GeneratedQuery, type QueryStyle } from '../support/query-generator.js';

const { schema, catalog } = buildWardenSchema();
const GENEROUS_LIMITS = { WARDEN_MAX_ALIASES: '1000', WARDEN_MAX_COST: '10000000', WARDEN_MAX_DEPTH: '30', WARDEN_MAX_TOKENS: '100000' };

/** Who looks, and through which root fields. */
interface Viewer {
  name: string;
  column: PolicyColumn;
  as: string | DevTokenSubject;
  actAs?: string;
  grants?: string[];
  roots: Array<[root: string, args: string]>;
}

const SENSITIVE_GRANTS = ['User.birthDate', 'User.nationalId', 'PrivateNote.body', 'PaymentMethod.cardNumber', 'ApiToken.secret'];

const VIEWERS: Viewer[] = [
  { name: 'the customer on their own account', column: 'customer', as: { sub: CANARY_USER, kind: 'customer', name: 'Canary owner' }, roots: [['account', ''], ['me', ''], ['user', `(id: "${CANARY_USER}")`]] },
  { name: 'support, read-only session', column: 'impersonation_read_only', as: 'agent', actAs: `${CANARY_USER} read_only`, roots: [['account', ''], ['me', '']] },
  { name: 'support, read-write session', column: 'impersonation_read_write', as: 'agent', actAs: `${CANARY_USER} read_write`, roots: [['account', ''], ['me', '']] },
  {
    name: 'support with every field-access grant asked for',
    column: 'impersonation_read_only',
    as: 'agent',
    actAs: `${CANARY_USER} read_only ${SENSITIVE_GRANTS.join(',')}`,
    grants: SENSITIVE_GRANTS,
    roots: [['account', '']],
  },
  { name: 'staff without a session', column: 'staff', as: 'agent', roots: [['directory', '(search: "Cnryname")']] },
];

/** Tokens that must not appear for this viewer: every canary its policy does not show in full. */
function hiddenFrom(viewer: Viewer): Canary[] {
  const grants = new Set(viewer.grants ?? []);
  const hidden = CANARIES.filter((canary) => {
    const plan = catalog.fields.get(canary.field);
    if (!plan) throw new Error(`Canary for unknown field ${canary.field}`);
    if (viewer.column === 'staff') return canary.field !== 'User.name'; // staff reach only the directory
    const decision = decideField(plan, viewer.column, catalog.baseline);
    const granted = plan.classification === 'sensitive' && grants.has(canary.field);
    return decision !== 'allow' && !granted;
  });
  return [...hidden, ...NEVER_SHOWN];
}

let t: TestGateway;
let control: TestGateway;
beforeAll(async () => {
  [t, control] = await Promise.all([
    startTestGateway(GENEROUS_LIMITS),
    startTestGateway(GENEROUS_LIMITS, { policyEnforced: false }),
  ]);
  await Promise.all([seedCanaries(t.db), seedCanaries(control.db)]);
});
afterAll(async () => {
  await Promise.all([t.close(), control.close()]);
});

async function run(gateway: TestGateway, viewer: Viewer, generated: GeneratedQuery) {
  const token = await gateway.tokenFor(viewer.as);
  const response = await gateway.fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(viewer.actAs ? { [ACT_AS_HEADER]: viewer.actAs } : {}),
    },
    body: JSON.stringify(generated),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as { data?: unknown; errors?: Array<{ message: string; extensions?: { code?: string } }> } };
}

function leaks(text: string, canaries: Canary[]): string[] {
  return canaries.filter((canary) => text.includes(canary.token)).map((canary) => canary.field);
}

describe('canaries: no masked or denied value leaves the gateway, on any path', () => {
  for (const viewer of VIEWERS) {
    for (const style of QUERY_STYLES) {
      it(`${viewer.name}: ${style}`, async () => {
        for (const [root, args] of viewer.roots) {
          const generated = generateQuery(schema, root, args, { style });
          const { text, body } = await run(t, viewer, generated);
          expect(body.data, text.slice(0, 500)).toBeTruthy();
          const unexpected = (body.errors ?? []).filter((e) => e.extensions?.code !== 'FIELD_DENIED');
          expect(unexpected).toEqual([]);
          expect(leaks(text, hiddenFrom(viewer))).toEqual([]);
        }
      });
    }
  }

  it('masks fields inherited from an interface, on every type that implements it', async () => {
    const viewer = VIEWERS[1]!;
    const query = `query Contacts { account { billingContact { ... on Contact { name email phone } address } users { ... on Contact { email phone } email } } }`;
    const { body, text } = await run(t, viewer, { query, variables: {}, operationName: 'Contacts' });
    expect(leaks(text, hiddenFrom(viewer))).toEqual([]);
    expect(body.data).toMatchObject({
      account: { billingContact: { email: 'q•••@canary.example', phone: '•••• 1357', address: '[redacted]' } },
    });
  });

  it('resolves denied fields to null with FIELD_DENIED and the path, never the value', async () => {
    const viewer = VIEWERS[1]!;
    const query = 'query Denied { me { id birthDate nationalId } }';
    const { body } = await run(t, viewer, { query, variables: {}, operationName: 'Denied' });
    expect(body.data).toEqual({ me: { id: CANARY_USER, birthDate: null, nationalId: null } });
    expect(body.errors).toEqual([
      expect.objectContaining({ path: ['me', 'birthDate'], extensions: expect.objectContaining({ code: 'FIELD_DENIED', field: 'User.birthDate' }) }),
      expect.objectContaining({ path: ['me', 'nationalId'], extensions: expect.objectContaining({ code: 'FIELD_DENIED', field: 'User.nationalId' }) }),
    ]);
  });

  it('lets a grant reveal a sensitive field, but never a secret', async () => {
    const viewer = VIEWERS[3]!;
    const query = 'query Granted { me { birthDate nationalId } account { paymentMethods { cardNumber } apiTokens { secret } } }';
    const { body } = await run(t, viewer, { query, variables: {}, operationName: 'Granted' });
    expect(body.data).toEqual({
      me: { birthDate: '1931-07-19', nationalId: 'CNRYNATIONALID42zz' },
      account: { paymentMethods: [{ cardNumber: '•••• 9010' }], apiTokens: [{ secret: '••••••ab' }] },
    });
  });

  it('keeps canaries out of the logs and the audit table', async () => {
    const everything = [...CANARIES, ...NEVER_SHOWN];
    expect(leaks(t.logs.join('\n'), everything)).toEqual([]);
    const rows = await t.db.selectFrom('audit_events').selectAll().execute();
    expect(leaks(JSON.stringify(rows), everything)).toEqual([]);
  });

  it('control: with the policy plugin switched off, the same queries do leak (so this suite can fail)', async () => {
    const viewer = VIEWERS[1]!;
    const { text } = await run(control, viewer, generateQuery(schema, 'account', '', { style: 'plain' }));
    expect(leaks(text, hiddenFrom(viewer))).toEqual(
      expect.arrayContaining(['User.email', 'User.birthDate', 'PaymentMethod.cardNumber', 'ApiToken.secret', 'PrivateNote.body']),
    );
  });
});

describe('property: random selection sets over the schema leak nothing', () => {
  it('holds for any subset of fields, styles and viewers', async () => {
    const viewers = VIEWERS.filter((v) => v.column !== 'customer');
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.constantFrom(...viewers),
        fc.constantFrom<QueryStyle>(...QUERY_STYLES),
        async (seed, viewer, style) => {
          const [root, args] = viewer.roots[seed % viewer.roots.length]!;
          const generated = generateQuery(schema, root, args, { style, random: mulberry32(seed) });
          const { text } = await run(t, viewer, generated);
          expect(leaks(text, hiddenFrom(viewer))).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
  });
});

/** A small seeded generator, so a failing case reproduces from its seed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
