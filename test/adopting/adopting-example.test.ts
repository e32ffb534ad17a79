import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, createLogger, type DatabaseHandle, type DevTokenSubject, loadConfig, mintDevToken, openDatabase, type Warden } from 'warden';
import { randomJwtSecret } from '../../src/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { shopIdentity } from './example/identity.js';
import { buildShopSchema } from './example/schema.js';
import { upsertStaff } from './example/staff.js';
import { startShop } from './example/start.js';
import { shop } from './example/tables.js';
import { shopTestGateway, type ShopResponse } from './example/testing.js';

/**
 * docs/adopting.md's example, run as the guide says: the shop under test/adopting/example,
 * which reaches Warden through its package name only, started with `startWarden` on a fresh
 * database with Warden's tables in their own schema (WARDEN_DB_SCHEMA), then asked as its
 * customers, support agents, a manager and an auditor. Each promise of the guide is checked
 * here, beside a control where the rule is what makes the difference; the last case checks
 * that the guide still shows every file of the example as it is.
 */

const EXAMPLE = new URL('./example/', import.meta.url);
const GUIDE = new URL('../../docs/adopting.md', import.meta.url);
const EXAMPLE_FILES = [
  'tables.ts',
  'migrations.ts',
  'identity.ts',
  'schema.ts',
  'policy.json',
  'orders.ts',
  'support-access.ts',
  'staff.ts',
  'migrate.ts',
  'start.ts',
  'main.ts',
  'testing.ts',
  'policy-check.ts',
];

const ADA: DevTokenSubject = { sub: 'mem_ada', kind: 'customer', name: 'Ada Park' };
const BOB: DevTokenSubject = { sub: 'mem_bob', kind: 'customer', name: 'Bob Stone' };
const AGENT: DevTokenSubject = { sub: 'stf_sam', kind: 'staff', name: 'Sam Rivera', roles: ['support_agent'] };
const MANAGER: DevTokenSubject = { sub: 'stf_mia', kind: 'staff', name: 'Mia Chen', roles: ['support_manager'] };
const AUDITOR: DevTokenSubject = { sub: 'stf_olu', kind: 'staff', name: 'Olu Ade', roles: ['auditor'] };

const REASON = 'Customer reports order NW-1001 was charged twice for the same shipment';
const TICKET = 'SHOP-42';

// The operations the guide's walk-through shows, word for word (checked below).
const START = 'mutation Start($input: StartImpersonationInput!) { startImpersonation(input: $input) { session { id } token approvalRequest { id } } }';
const APPROVE = 'mutation Approve($id: ID!) { approveRequest(id: $id, note: "Checked the ticket") { status } }';
const CLAIM = 'mutation Claim($id: ID!) { claimImpersonation(sessionId: $id) { token } }';
const PROFILE = '{ me { id name email phone dateOfBirth apiKey } team { name orders(first: 1) { number shippingAddress } } }';
const REFUND = 'mutation Refund($orderId: ID!) { refundOrder(orderId: $orderId) { number status } }';
const ASK_APPROVAL = 'mutation Ask($input: RequestMutationApprovalInput!) { requestMutationApproval(input: $input) { id status } }';
const PENDING = '{ pendingApprovals { id summary } }';
const ASK_FIELDS = 'mutation Fields($input: RequestFieldAccessInput!) { requestFieldAccess(input: $input) { id } }';
const END = 'mutation End($id: ID!) { endImpersonation(sessionId: $id) { status } }';
const HISTORY = '{ accessHistory(first: 10) { edges { node { agentName userName ticket } } } }';
const TRAIL = '{ auditEvents(first: 200) { edges { node { kind summary } } } }';
const WALK_THROUGH = [START, APPROVE, CLAIM, PROFILE, REFUND, ASK_APPROVAL, PENDING, ASK_FIELDS, END, HISTORY, TRAIL];

let testDatabase: TestDatabase;
let database: DatabaseHandle;
let warden: Warden | null = null;
let secret = '';
let shopGateway: ReturnType<typeof shopTestGateway>;
const ask = (...args: Parameters<ReturnType<typeof shopTestGateway>['ask']>) => shopGateway.ask(...args);

beforeAll(async () => {
  testDatabase = await createTestDatabase({ migrated: false });
  // Warden's tables in a schema of their own, as WARDEN_DB_SCHEMA=warden does.
  database = openDatabase({ url: testDatabase.url ?? undefined, dataDir: 'memory://', schema: 'warden', poolSize: 4 });
  secret = randomJwtSecret();
  const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: secret, WARDEN_DB_SCHEMA: 'warden' });
  warden = await startShop(database, config, createLogger('silent'));

  const app = shop(database.db);
  await app.insertInto('teams').values({ id: 'team_nw', name: 'Northwind Traders' }).execute();
  await app
    .insertInto('members')
    .values([
      { id: 'mem_ada', team_id: 'team_nw', name: 'Ada Park', email: 'ada.park@northwind.example', role: 'owner', phone: '+1 415 555 0142', date_of_birth: '1988-04-12', api_key: 'sk_live_4f9a8b7c6d5e21' },
      { id: 'mem_bob', team_id: 'team_nw', name: 'Bob Stone', email: 'bob.stone@northwind.example', role: 'member', phone: '+1 415 555 0199', date_of_birth: '1992-09-30', api_key: 'sk_live_0a1b2c3d4e5f77' },
      { id: 'mem_cy', team_id: 'team_nw', name: 'Cy Lane', email: 'cy.lane@northwind.example', role: 'member', phone: null, date_of_birth: null, api_key: 'sk_live_9z8y7x6w5v4u33' },
    ])
    .execute();
  await app
    .insertInto('orders')
    .values([
      { id: 'ord_1001', team_id: 'team_nw', number: 'NW-1001', total_cents: 12000, currency: 'USD', status: 'paid', shipping_address: '12 Harbour St, Portland', placed_on: '2027-01-03' },
      { id: 'ord_1002', team_id: 'team_nw', number: 'NW-1002', total_cents: 4550, currency: 'USD', status: 'paid', shipping_address: '12 Harbour St, Portland', placed_on: '2027-01-09' },
    ])
    .execute();
  for (const person of [AGENT, MANAGER, AUDITOR]) {
    await upsertStaff(database.db, { id: person.sub, name: person.name, email: `${person.sub}@shop.example`, roles: [...(person.roles ?? [])] });
  }
  shopGateway = shopTestGateway(database.db, secret);
}, 120_000);

afterAll(async () => {
  await warden?.stop();
  await database?.db.destroy();
  await testDatabase?.destroy();
});

function codeOf(response: ShopResponse): string | undefined {
  return response.body.errors?.[0]?.extensions?.code;
}

/** Starts a session as `customer`; when it waits for a manager, MANAGER approves and the agent collects it. */
async function openSession(customer: DevTokenSubject, mode: 'read_only' | 'read_write' = 'read_only') {
  const started = await ask(AGENT, START, { input: { userId: customer.sub, reason: REASON, ticket: TICKET, mode } });
  expect(started.body.errors).toBeUndefined();
  const payload = started.body.data?.['startImpersonation'] as { session: { id: string }; token: string | null; approvalRequest: { id: string } | null };
  if (payload.token) return { sessionId: payload.session.id, headers: { 'x-impersonation-token': payload.token }, approvalNeeded: false };
  await approve(payload.approvalRequest?.id ?? '');
  const claimed = await ask(AGENT, CLAIM, { id: payload.session.id });
  const token = (claimed.body.data?.['claimImpersonation'] as { token: string }).token;
  return { sessionId: payload.session.id, headers: { 'x-impersonation-token': token }, approvalNeeded: true };
}

async function approve(requestId: string): Promise<void> {
  const approved = await ask(MANAGER, APPROVE, { id: requestId });
  expect(approved.body.data?.['approveRequest']).toEqual({ status: 'approved' });
}

async function endSession(sessionId: string): Promise<void> {
  const ended = await ask(AGENT, END, { id: sessionId });
  expect(ended.body.errors).toBeUndefined();
}


describe("the adopting guide's shop", () => {
  it("starts with startWarden: Warden's tables in WARDEN_DB_SCHEMA, the shop's in public, and serves", async () => {
    expect(warden).not.toBeNull();
    const { rows } = await sql<{ schemaname: string; tablename: string }>`
      select schemaname, tablename from pg_tables
       where tablename in ('teams', 'members', 'orders', 'kysely_migration', 'staff', 'audit_events', 'impersonation_sessions', 'warden_migration')`.execute(database.db);
    const where = Object.fromEntries(rows.map((row) => [row.tablename, row.schemaname]));
    expect(where).toEqual({
      teams: 'public',
      members: 'public',
      orders: 'public',
      kysely_migration: 'public',
      staff: 'warden',
      audit_events: 'warden',
      impersonation_sessions: 'warden',
      warden_migration: 'warden',
    });
    const gateway = warden!.gateway;
    expect((await gateway.fetch('http://shop.test/health')).status).toBe(200);
    const response = await gateway.fetch('http://shop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(secret, BOB)}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { name: 'Bob Stone' } } });
  });

  it('control: a customer sees their own personal and sensitive data in full, and their secret masked', async () => {
    const own = await ask(BOB, PROFILE);
    expect(own.body).toEqual({
      data: {
        me: { id: 'mem_bob', name: 'Bob Stone', email: 'bob.stone@northwind.example', phone: '+1 415 555 0199', dateOfBirth: '1992-09-30', apiKey: '••••••77' },
        team: { name: 'Northwind Traders', orders: [{ number: 'NW-1002', shippingAddress: '12 Harbour St, Portland' }] },
      },
    });
  });

  it("an agent acting as that customer gets personal data masked, the sensitive field denied, names by the shop's override, and the banner", async () => {
    const { sessionId, headers, approvalNeeded } = await openSession(BOB);
    expect(approvalNeeded).toBe(false);
    const seen = await ask(AGENT, PROFILE, {}, headers);
    expect(seen.body.data).toEqual({
      me: { id: 'mem_bob', name: 'Bob Stone', email: 'b•••@northwind.example', phone: '•••• 0199', dateOfBirth: null, apiKey: '••••••77' },
      team: { name: 'Northwind Traders', orders: [{ number: 'NW-1002', shippingAddress: '[redacted]' }] },
    });
    expect(seen.body.errors).toEqual([expect.objectContaining({ path: ['me', 'dateOfBirth'], extensions: expect.objectContaining({ code: 'FIELD_DENIED' }) })]);
    expect(seen.body.extensions?.impersonation?.user).toEqual({ id: 'mem_bob', name: 'Bob Stone' });
    expect(seen.body.extensions?.impersonation?.banner).toMatch(/^Viewing as Bob Stone \(Northwind Traders\) · read-only · ends \d\d:\d\d UTC$/);

    // Control: without \`names\`, the banner looks for User.name and Account.name, which the shop lacks.
    const built = buildShopSchema();
    const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: secret });
    const unnamed = createGateway({ db: database.db, identity: shopIdentity(database.db), schema: { ...built, catalog: { ...built.catalog, names: undefined } }, config, logger: createLogger('silent') });
    const response = await unnamed.fetch('http://shop.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(secret, AGENT)}`, ...headers },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const banner = ((await response.json()) as ShopResponse['body']).extensions?.impersonation?.banner;
    expect(banner).toMatch(/^Viewing as customer mem_bob \(account team_nw\) · read-only/);
    await endSession(sessionId);
  });

  it('a grant of the sensitive field shows it in that session, after a manager read what `reveals` says', async () => {
    const { sessionId, headers } = await openSession(BOB);
    const requested = await ask(
      AGENT,
      ASK_FIELDS,
      { input: { fields: ['Member.dateOfBirth'], reason: 'Customer says the birth date on the age check is wrong; compare it with the ID they sent' } },
      headers,
    );
    const requestId = (requested.body.data?.['requestFieldAccess'] as { id: string }).id;
    const pending = await ask(MANAGER, PENDING);
    const summary = (pending.body.data?.['pendingApprovals'] as Array<{ id: string; summary: string }>).find((request) => request.id === requestId)?.summary;
    expect(summary).toContain('the date of birth of every member of the team (3)');
    await approve(requestId);
    const granted = await ask(AGENT, '{ me { dateOfBirth } }', {}, headers);
    expect(granted.body).toMatchObject({ data: { me: { dateOfBirth: '1992-09-30' } } });
    await endSession(sessionId);
  });

  it('the risky mutation is refused in a session until a manager approves that exact call, then runs once, recorded with its change', async () => {
    const { sessionId, headers, approvalNeeded } = await openSession(ADA, 'read_write');
    expect(approvalNeeded).toBe(true);

    const refused = await ask(AGENT, REFUND, { orderId: 'ord_1001' }, headers);
    expect(codeOf(refused)).toBe('APPROVAL_REQUIRED');
    expect(refused.body.data ?? null).toBeNull();

    const requested = await ask(
      AGENT,
      ASK_APPROVAL,
      { input: { document: REFUND, variables: JSON.stringify({ orderId: 'ord_1001' }), reason: 'Refund the duplicate charge on NW-1001 the customer reported' } },
      headers,
    );
    const request = requested.body.data?.['requestMutationApproval'] as { id: string; status: string };
    expect(request.status).toBe('pending');
    const pending = await ask(MANAGER, PENDING);
    const summary = (pending.body.data?.['pendingApprovals'] as Array<{ id: string; summary: string }>).find((found) => found.id === request.id)?.summary;
    expect(summary).toContain('Sam Rivera asks to refund order NW-1001 (USD 120.00, paid) in Northwind Traders, acting as Ada Park, ticket SHOP-42');
    await approve(request.id);

    const ran = await ask(AGENT, REFUND, { orderId: 'ord_1001' }, headers);
    expect(ran.body.data).toEqual({ refundOrder: { number: 'NW-1001', status: 'refunded' } });
    const recorded = await database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'session_id', 'summary'])
      .where('kind', '=', 'mutation_executed')
      .where('type_field', '=', 'Mutation.refundOrder')
      .execute();
    expect(recorded).toEqual([expect.objectContaining({ actor_id: 'stf_sam', session_id: sessionId })]);
    expect(recorded[0]?.summary).toBe('Agent Sam Rivera changed the status from paid to refunded on order NW-1001 in account Northwind Traders');

    // Used once: the same call again needs a new approval.
    const again = await ask(AGENT, REFUND, { orderId: 'ord_1001' }, headers);
    expect(codeOf(again)).toBe('APPROVAL_REQUIRED');
    await endSession(sessionId);

    // Control: the customer herself refunds without anyone's approval; the gate is the session's.
    const own = await ask(ADA, REFUND, { orderId: 'ord_1002' });
    expect(own.body).toEqual({ data: { refundOrder: { number: 'NW-1002', status: 'refunded' } } });
  });

  it("the customer reads who entered as whom (accessHistory), and auditors read the trail's summaries (auditEvents)", async () => {
    const history = await ask(ADA, HISTORY);
    const visits = (history.body.data?.['accessHistory'] as { edges: Array<{ node: { agentName: string; userName: string | null; ticket: string } }> }).edges;
    expect(visits.map((edge) => edge.node)).toEqual(expect.arrayContaining([{ agentName: 'Sam Rivera', userName: 'Bob Stone', ticket: TICKET }]));

    const trail = await ask(AUDITOR, TRAIL);
    const events = (trail.body.data?.['auditEvents'] as { edges: Array<{ node: { kind: string; summary: string } }> }).edges.map((edge) => edge.node);
    expect(events).toContainEqual({
      kind: 'mutation_executed',
      summary: 'Agent Sam Rivera changed the status from paid to refunded on order NW-1001 in account Northwind Traders',
    });
    // Every field the session resolved is in the trail, the denied one included.
    expect(events).toEqual(
      expect.arrayContaining([
        { kind: 'field_read', summary: 'Agent Sam Rivera read Member.dateOfBirth once (denied) as Bob Stone (Northwind Traders): mem_bob' },
        { kind: 'field_read', summary: 'Agent Sam Rivera read Member.email once (masked) as Bob Stone (Northwind Traders): mem_bob' },
      ]),
    );
  });

  it('a customer who says support may never enter ends the session at once; exports of that choice never run in a session', async () => {
    const { headers } = await openSession(BOB);
    const inSession = await ask(AGENT, 'mutation { setSupportAccess(value: never) { supportAccess } }', {}, headers);
    expect(codeOf(inSession)).toBe('FORBIDDEN');

    const decided = await ask(ADA, 'mutation { setSupportAccess(value: never) { supportAccess } }');
    expect(decided.body).toEqual({ data: { setSupportAccess: { supportAccess: 'never' } } });
    const after = await ask(AGENT, '{ me { name } }', {}, headers);
    expect(codeOf(after)).toBe('SESSION_EXPIRED');
    await ask(ADA, 'mutation { setSupportAccess(value: allow) { supportAccess } }');
  });

  it('passes its policy check (the script the guide shows), which lists every field for review', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', new URL('policy-check.ts', EXAMPLE).pathname], { encoding: 'utf8' });
    expect(stdout).toContain('Member.dateOfBirth');
    expect(stdout).toContain('Order.shippingAddress');
  }, 60_000);

  it('the guide shows every file of the example as it is', () => {
    expect(readdirSync(EXAMPLE).sort()).toEqual([...EXAMPLE_FILES].sort());
    const guide = readFileSync(GUIDE, 'utf8');
    const missing = EXAMPLE_FILES.filter((file) => {
      const text = readFileSync(new URL(file, EXAMPLE), 'utf8');
      const fence = file.endsWith('.json') ? 'json' : 'ts';
      return !guide.includes(`\`\`\`${fence}\n${text}\`\`\``);
    });
    expect(missing).toEqual([]);
    expect(WALK_THROUGH.filter((operation) => !guide.includes(operation))).toEqual([]);
  });
});
