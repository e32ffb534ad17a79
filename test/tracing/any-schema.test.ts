import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type DatabaseHandle, type DevTokenSubject, loadConfig, mintDevToken, openDatabase, startWarden, type Warden } from 'warden';
import { randomJwtSecret } from '../../src/config/config.js';
import { ATTR } from '../../src/tracing/attributes.js';
import { shopIdentity } from '../adopting/example/identity.js';
import { migrateShop, pendingShopMigrations } from '../adopting/example/migrations.js';
import { buildShopSchema } from '../adopting/example/schema.js';
import { upsertStaff } from '../adopting/example/staff.js';
import { shop } from '../adopting/example/tables.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Traces are the layer's, not the reference domain's: an application's own schema (the shop of
 * docs/adopting.md), started with `startWarden` and the application's own tracer provider, gets
 * the same spans, and none of them holds what its customer's fields hold.
 */

const AGENT: DevTokenSubject = { sub: 'stf_sam', kind: 'staff', name: 'Sam Rivera', roles: ['support_agent'] };
const BOB = { id: 'mem_bob', email: 'bob.stone@northwind.example', phone: '+1 415 555 0199', dateOfBirth: '1992-09-30', apiKey: 'sk_live_0a1b2c3d4e5f77' };

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
let testDatabase: TestDatabase;
let database: DatabaseHandle;
let warden: Warden | null = null;
let secret = '';

beforeAll(async () => {
  testDatabase = await createTestDatabase({ migrated: false });
  database = openDatabase({ url: testDatabase.url ?? undefined, dataDir: 'memory://', schema: 'warden', poolSize: 4 });
  secret = randomJwtSecret();
  warden = await startWarden({
    database,
    schema: buildShopSchema(),
    identity: shopIdentity(database.db),
    config: loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: secret, WARDEN_DB_SCHEMA: 'warden' }),
    logger: createLogger('silent'),
    migrations: { apply: migrateShop, pending: pendingShopMigrations, command: 'npm run migrate' },
    tracerProvider: provider,
  });
  const app = shop(database.db);
  await app.insertInto('teams').values({ id: 'team_nw', name: 'Northwind Traders' }).execute();
  await app
    .insertInto('members')
    .values({ id: BOB.id, team_id: 'team_nw', name: 'Bob Stone', email: BOB.email, role: 'member', phone: BOB.phone, date_of_birth: BOB.dateOfBirth, api_key: BOB.apiKey })
    .execute();
  await upsertStaff(database.db, { id: AGENT.sub, name: AGENT.name, email: 'sam@shop.example', roles: ['support_agent'] });
}, 120_000);

afterAll(async () => {
  await warden?.stop();
  await provider.shutdown();
  await database?.db.destroy();
  await testDatabase?.destroy();
});

async function ask(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  if (!warden) throw new Error('Warden did not start');
  const response = await warden.gateway.fetch('http://shop.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await mintDevToken(secret, AGENT)}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

const childrenOf = (spans: readonly ReadableSpan[], parent: ReadableSpan) => spans.filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId);

describe("an application's own schema behind startWarden", () => {
  it("traces a session's reads under the application's provider, without a value of the customer's", async () => {
    const started = await ask('mutation Start($input: StartImpersonationInput!) { startImpersonation(input: $input) { token } }', {
      input: { userId: BOB.id, reason: 'Customer reports order NW-1001 was charged twice for the same shipment', ticket: 'SHOP-42', mode: 'read_only' },
    });
    const token = (JSON.parse(started.text) as { data?: { startImpersonation?: { token?: string } } }).data?.startImpersonation?.token;
    if (!token) throw new Error(`no session: ${started.text}`);
    exporter.reset();

    const read = await ask('query ShopProfile { me { id name email phone dateOfBirth apiKey } }', {}, { 'x-impersonation-token': token });
    expect(read.status).toBe(200);
    expect(read.text).toContain('•');

    const spans = exporter.getFinishedSpans();
    const root = spans.find((span) => span.attributes[ATTR.operationName] === 'ShopProfile' && span.parentSpanContext === undefined);
    if (!root) throw new Error(`no request span among ${spans.map((span) => span.name).join(', ')}`);
    const phases = childrenOf(spans, root);
    expect(phases.map((span) => span.name).sort()).toEqual(['graphql.execute', 'graphql.parse', 'graphql.validate', 'warden.authenticate']);
    const lookup = phases.filter((span) => span.name === 'warden.authenticate').flatMap((span) => childrenOf(spans, span));
    expect(lookup.map((span) => [span.name, span.attributes[ATTR.sessionOutcome]])).toEqual([['warden.session.lookup', 'active']]);
    const execute = phases.find((span) => span.name === 'graphql.execute');
    expect(execute?.attributes[ATTR.fieldsMasked]).toBeGreaterThan(0);
    expect(execute?.attributes[ATTR.fieldsDenied]).toBeGreaterThan(0);
    const appends = spans.filter((span) => span.name === 'warden.audit.append');
    expect(appends.map((span) => span.attributes[ATTR.auditOutcome])).toContain('committed');

    const told = JSON.stringify(spans.map((span) => ({ name: span.name, attributes: span.attributes, events: span.events, links: span.links, status: span.status })));
    for (const value of [BOB.email, 'bob.stone', BOB.phone, BOB.dateOfBirth, BOB.apiKey, token, BOB.id]) expect(told).not.toContain(value);
  });
});
