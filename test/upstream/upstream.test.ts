import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type DirectiveNode,
  type DocumentNode,
  Kind,
  buildASTSchema,
  buildClientSchema,
  getIntrospectionQuery,
  isInterfaceType,
  isObjectType,
  parse,
  printSchema,
  visit,
} from 'graphql';
import { type CryptoKey, type JWK, type JWTPayload, SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ids, startUpstream, type Upstream } from '../../examples/proxy/upstream/server.mjs';

/**
 * The Lettings API under examples/proxy/upstream: the kind of existing GraphQL API Warden's
 * proxy mode sits in front of. These tests pin what Warden relies on: its own authorization
 * (a token per customer, scoped to their organisation), the `act` and `sid` claims reaching it,
 * the service-only identity lookup, the data classes in schema.graphql matching what it
 * serves, an error that echoes what was sent, and a list long enough to benchmark.
 */

const ISSUER = 'warden';
const AUDIENCE = 'lettings-api';
const SCHEMA_FILE = new URL('../../examples/proxy/upstream/schema.graphql', import.meta.url);

let privateKey: CryptoKey;
let publicJwk: JWK;
let upstream: Upstream;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  upstream = await startUpstream({ keys: { keys: [publicJwk] }, issuer: ISSUER, audience: AUDIENCE });
});

afterAll(() => upstream?.close());

beforeEach(() => upstream.reset());

interface TokenOptions {
  claims?: JWTPayload;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  key?: CryptoKey;
}

function token(sub: string, { claims = {}, issuer = ISSUER, audience = AUDIENCE, expiresIn = 300, key = privateKey }: TokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .sign(key);
}

const serviceToken = (scope = 'warden:identity') => token('warden', { claims: { scope } });

interface GraphQLResponse {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }[];
}

async function post(url: string, bearer: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: GraphQLResponse; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer === null ? {} : { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse, headers: response.headers };
}

const gql = (bearer: string | null, query: string, variables?: Record<string, unknown>) => post(upstream.url, bearer, query, variables);

describe('a customer', () => {
  it('sees their own organisation and nothing of another', async () => {
    const { status, body } = await gql(
      await token(ids.users.maya),
      `query Home($other: ID!) {
        me { id role organisation { id name } }
        organisation { id tenantCount tenants(first: 100) { id } }
        grace: tenant(id: "${ids.grace}") { fullName }
        other: tenant(id: $other) { fullName }
        node(id: $other) { id }
        orgs: node(id: "${ids.organisations.northside}") { id }
      }`,
      { other: ids.northsideTenant },
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.me).toEqual({ id: ids.users.maya, role: 'OWNER', organisation: { id: ids.organisations.harbour, name: 'Harbour Lettings' } });
    expect(body.data!.grace).toEqual({ fullName: 'Grace Holloway' });
    expect(body.data!.other).toBeNull();
    expect(body.data!.node).toBeNull();
    expect(body.data!.orgs).toBeNull();
    const tenantIds: string[] = body.data!.organisation.tenants.map((t: { id: string }) => t.id);
    expect(tenantIds).toHaveLength(body.data!.organisation.tenantCount);
    expect(tenantIds.every((id) => id.startsWith('ten_hl_'))).toBe(true);
  });

  it('cannot change or refund what belongs to another organisation', async () => {
    const bearer = await token(ids.users.priya);
    const phone = await gql(bearer, `mutation { updateTenantPhone(tenantId: "${ids.grace}", phone: "+44 7700 900999") { id } }`);
    expect(phone.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const refund = await gql(bearer, `mutation { refundPayment(paymentId: "${ids.gracePayment}", reason: "test") { id } }`);
    expect(refund.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(upstream.data.tenants.find((t) => t.id === ids.grace)?.phone).toBe('+44 7700 900461');
    expect(upstream.data.payments.find((p) => p.id === ids.gracePayment)?.status).toBe('paid');
  });

  it('gets the secret fields by role: the bank account for owners and admins, the API key only for themself', async () => {
    const query = `{ me { apiKey organisation { bankAccountNumber members { id apiKey } } } }`;
    const owner = await gql(await token(ids.users.maya), query);
    expect(owner.body.data!.me.apiKey).toMatch(/^lt_live_/);
    expect(owner.body.data!.me.organisation.bankAccountNumber).toBe('41926819');
    const others = owner.body.data!.me.organisation.members.filter((m: { id: string }) => m.id !== ids.users.maya);
    expect(others.every((m: { apiKey: string | null }) => m.apiKey === null)).toBe(true);
    const member = await gql(await token(ids.users.jess), query);
    expect(member.body.data!.me.organisation.bankAccountNumber).toBeNull();
  });

  it('can search and sort tenants by the fields their values come from', async () => {
    const bearer = await token(ids.users.tom);
    const { body } = await gql(
      bearer,
      `{ byName: tenants(search: "hollo") { id } byEmail: tenants(emailContains: "GRACE.HOLL") { id }
         oldest: tenants(orderBy: DATE_OF_BIRTH_ASC, first: 1) { id dateOfBirth } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.byName).toEqual([{ id: ids.grace }]);
    expect(body.data!.byEmail).toEqual([{ id: ids.grace }]);
    const births = upstream.data.tenants.filter((t) => t.organisationId === ids.organisations.harbour).map((t) => t.dateOfBirth!);
    expect(body.data!.oldest[0].dateOfBirth).toBe(births.sort()[0]);
  });

  it('reads rows a test adds to the data', async () => {
    upstream.data.tenants.push({
      id: 'ten_hl_canary',
      organisationId: ids.organisations.harbour,
      fullName: 'Canary Tenant',
      email: 'canary-7f3a@mailbox.example',
      phone: '+44 7700 900777',
      dateOfBirth: '1970-01-01',
      nationalId: 'QQ 77 77 77 A',
      notes: 'canary-notes-7f3a',
      status: 'active',
      createdAt: '2024-01-01T00:00:00.000Z',
    });
    const { body } = await gql(await token(ids.users.jess), `{ tenant(id: "ten_hl_canary") { email nationalId notes } }`);
    expect(body.data!.tenant).toEqual({ email: 'canary-7f3a@mailbox.example', nationalId: 'QQ 77 77 77 A', notes: 'canary-notes-7f3a' });
    upstream.reset();
    expect(upstream.data.tenants.some((t) => t.id === 'ten_hl_canary')).toBe(false);
  });
});

describe('tokens', () => {
  it('an agent acting for the customer is told apart from the customer, in the log and on a refund', async () => {
    await gql(await token(ids.users.maya), `query AsMaya { me { id } }`);
    const asAgent = await token(ids.users.maya, { claims: { act: { sub: 'stf_agent_42' }, sid: 'ses_123' } });
    const { body } = await gql(asAgent, `mutation Refund { refundPayment(paymentId: "${ids.gracePayment}", reason: "Charged twice") { id status } }`);
    expect(body.data!.refundPayment).toEqual({ id: ids.gracePayment, status: 'REFUNDED' });

    expect(upstream.calls).toEqual([
      { sub: ids.users.maya, act: null, sid: null, operationName: 'AsMaya', fields: ['Query.me', 'User.id'] },
      {
        sub: ids.users.maya,
        act: { sub: 'stf_agent_42' },
        sid: 'ses_123',
        operationName: 'Refund',
        fields: ['Mutation.refundPayment', 'Payment.id', 'Payment.status'],
      },
    ]);
    expect(upstream.data.payments.find((p) => p.id === ids.gracePayment)).toMatchObject({ refundedBy: ids.users.maya, refundedByAgent: 'stf_agent_42' });
  });

  it('logs the fields an operation selects through its fragments', async () => {
    await gql(
      await token(ids.users.maya),
      `query WithFragments { tenant(id: "${ids.grace}") { ...Contact leases { id } } }
       fragment Contact on Tenant { email phone }`,
    );
    expect(upstream.calls.at(-1)?.fields.sort()).toEqual(['Lease.id', 'Query.tenant', 'Tenant.email', 'Tenant.leases', 'Tenant.phone']);
  });

  it('keeps only the last 1,000 calls', async () => {
    const bearer = await token(ids.users.jess);
    for (let i = 0; i < 1005; i += 201) {
      // One request, many operations would be one call: send 201 requests per round instead.
      await Promise.all(Array.from({ length: 201 }, (_, n) => gql(bearer, `query Call${i + n} { me { id } }`)));
    }
    expect(upstream.calls).toHaveLength(1000);
  });

  it.each([
    ['no token', async () => null],
    ['a token for another audience', async () => token(ids.users.maya, { audience: 'someone-else' })],
    ['a token from another issuer', async () => token(ids.users.maya, { issuer: 'not-warden' })],
    ['an expired token', async () => token(ids.users.maya, { expiresIn: -60 })],
    ['a token signed with another key', async () => token(ids.users.maya, { key: (await generateKeyPair('ES256')).privateKey })],
    ['a token for nobody', async () => token('usr_nobody')],
    ['not a JWT', async () => 'not-a-jwt'],
  ])('refuses %s with 401 and a GraphQL error', async (_label, makeToken) => {
    const { status, body, headers } = await gql(await makeToken(), `{ me { id } }`);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(upstream.calls).toEqual([]);
  });

  it('verifies tokens against a JWKS URL', async () => {
    const jwks: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const remote = await startUpstream({ jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`, audience: AUDIENCE });
    try {
      const ok = await post(remote.url, await token(ids.users.owen), `{ me { id } }`);
      expect(ok.body.data!.me).toEqual({ id: ids.users.owen });
      const expired = await post(remote.url, await token(ids.users.owen, { expiresIn: -60 }), `{ me { id } }`);
      expect(expired.status).toBe(401);
    } finally {
      await remote.close();
      await new Promise((resolve) => jwks.close(resolve));
    }
  });
});

describe('supportIdentity', () => {
  const query = `query Identity($userId: ID!) {
    supportIdentity(userId: $userId) { id name email role privileged account { id name sensitive supportAccess } }
  }`;

  it('answers the service token', async () => {
    const bearer = await serviceToken();
    const owner = await gql(bearer, query, { userId: ids.users.maya });
    expect(owner.body).toEqual({
      data: {
        supportIdentity: {
          id: ids.users.maya,
          name: 'Maya Patel',
          email: 'maya.patel@harbourlettings.example',
          role: 'owner',
          privileged: "the organisation's owner",
          account: { id: ids.organisations.harbour, name: 'Harbour Lettings', sensitive: false, supportAccess: 'allow' },
        },
      },
    });
    const member = await gql(bearer, query, { userId: ids.users.sam });
    expect(member.body.data!.supportIdentity).toMatchObject({ role: 'member', privileged: null, account: { id: ids.organisations.meridian, sensitive: true, supportAccess: 'allow' } });
    const optedOut = await gql(bearer, query, { userId: ids.users.nina });
    expect(optedOut.body.data!.supportIdentity.account).toMatchObject({ id: ids.organisations.quayside, supportAccess: 'never' });
    const askFirst = await gql(bearer, query, { userId: ids.users.ben });
    expect(askFirst.body.data!.supportIdentity.account).toMatchObject({ id: ids.organisations.eastgate, supportAccess: 'ask_first' });
    const nobody = await gql(bearer, query, { userId: 'usr_nobody' });
    expect(nobody.body).toEqual({ data: { supportIdentity: null } });
  });

  it('sees a change in the data on the next call', async () => {
    const bearer = await serviceToken();
    upstream.data.users.find((u) => u.id === ids.users.jess)!.role = 'admin';
    const { body } = await gql(bearer, query, { userId: ids.users.jess });
    expect(body.data!.supportIdentity).toMatchObject({ role: 'admin', privileged: 'an admin of the organisation' });
  });

  it.each([
    ['a customer', () => token(ids.users.maya)],
    ['a customer with the scope', () => token(ids.users.maya, { claims: { scope: 'warden:identity' } })],
    ['the service without the scope', () => serviceToken('openid')],
  ])('refuses %s with FORBIDDEN', async (_label, makeToken) => {
    const { status, body } = await gql(await makeToken(), query, { userId: ids.users.maya });
    expect(status).toBe(200);
    expect(body.data).toEqual({ supportIdentity: null });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is all the service token may read', async () => {
    const { body } = await gql(await serviceToken(), `{ organisation { id } }`);
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('schema.graphql', () => {
  async function servedSchema(bearer: string) {
    const { status, body } = await gql(bearer, getIntrospectionQuery({ descriptions: true }));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    return buildClientSchema(body.data as Parameters<typeof buildClientSchema>[0]);
  }

  const isDataClass = (node: DirectiveNode) => node.name.value === 'dataClass';

  function withoutDataClasses(document: DocumentNode): DocumentNode {
    return visit(document, {
      Directive: (node) => (isDataClass(node) ? null : undefined),
      DirectiveDefinition: (node) => (node.name.value === 'dataClass' ? null : undefined),
    });
  }

  it('is the served schema with data classes added', async () => {
    const annotated = parse(await readFile(SCHEMA_FILE, 'utf8'));
    const fromFile = printSchema(buildASTSchema(withoutDataClasses(annotated)));
    // Introspected with either kind of token: Warden introspects with its service token.
    expect(printSchema(await servedSchema(await serviceToken()))).toBe(fromFile);
    expect(printSchema(await servedSchema(await token(ids.users.jess)))).toBe(fromFile);
  });

  it('gives every field of every object and interface one data class, and a mask Warden knows', async () => {
    const schema = buildASTSchema(parse(await readFile(SCHEMA_FILE, 'utf8')));
    const classes = new Map<string, { class: string; mask: string | null }>();
    const problems: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const annotations = field.astNode?.directives?.filter(isDataClass) ?? [];
        if (annotations.length !== 1) {
          problems.push(`${coordinate} has ${annotations.length} @dataClass`);
          continue;
        }
        const argument = (name: string) => {
          const value = annotations[0]!.arguments?.find((a) => a.name.value === name)?.value;
          return value?.kind === Kind.STRING ? value.value : null;
        };
        const dataClass = argument('class') ?? '';
        const mask = argument('mask');
        if (!['public', 'internal', 'pii', 'sensitive', 'secret'].includes(dataClass)) problems.push(`${coordinate}: class ${dataClass}`);
        if (mask !== null && !['email', 'last4', 'last2', 'redact', 'null'].includes(mask)) problems.push(`${coordinate}: mask ${mask}`);
        classes.set(coordinate, { class: dataClass, mask });
      }
    }
    expect(problems).toEqual([]);
    // The fields Warden's proxy-mode tests lean on.
    expect(classes.get('Organisation.bankAccountNumber')).toEqual({ class: 'secret', mask: 'last4' });
    expect(classes.get('User.apiKey')).toEqual({ class: 'secret', mask: 'last2' });
    expect(classes.get('User.email')).toEqual({ class: 'pii', mask: 'email' });
    expect(classes.get('Tenant.email')).toEqual({ class: 'pii', mask: 'email' });
    expect(classes.get('Tenant.phone')).toEqual({ class: 'pii', mask: 'last4' });
    expect(classes.get('Tenant.fullName')).toEqual({ class: 'pii', mask: 'redact' });
    expect(classes.get('Tenant.dateOfBirth')).toEqual({ class: 'sensitive', mask: null });
    expect(classes.get('Tenant.nationalId')).toEqual({ class: 'sensitive', mask: null });
    expect(classes.get('Payment.amountPence')).toEqual({ class: 'internal', mask: null });
  });
});

describe('errors and volume', () => {
  it('a bad phone number comes back in the error message, as sent', async () => {
    const { status, body } = await gql(await token(ids.users.jess), `mutation Phone($phone: String!) { updateTenantPhone(tenantId: "${ids.grace}", phone: $phone) { phone } }`, {
      phone: 'call 07700 900461 after 6',
    });
    expect(status).toBe(200);
    expect(body.errors?.[0]).toMatchObject({
      message: 'Phone "call 07700 900461 after 6" is not valid',
      path: ['updateTenantPhone'],
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'phone' },
    });
    expect(upstream.data.tenants.find((t) => t.id === ids.grace)?.phone).toBe('+44 7700 900461');
  });

  it('a good one is saved', async () => {
    const { body } = await gql(await token(ids.users.jess), `mutation { updateTenantPhone(tenantId: "${ids.grace}", phone: "+44 7700 900999") { id phone } }`);
    expect(body.data!.updateTenantPhone).toEqual({ id: ids.grace, phone: '+44 7700 900999' });
  });

  it('refunds and exports are for owners and admins', async () => {
    const member = await token(ids.users.jess);
    const refund = await gql(member, `mutation { refundPayment(paymentId: "${ids.gracePayment}", reason: "x") { id } }`);
    expect(refund.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const memberExport = await gql(member, `mutation { exportTenants { rowCount } }`);
    expect(memberExport.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const admin = await gql(await token(ids.users.tom), `mutation { exportTenants(format: CSV) { rowCount content } }`);
    expect(admin.body.data!.exportTenants.rowCount).toBe(43);
    expect(admin.body.data!.exportTenants.content).toContain('Grace Holloway,grace.holloway@mailbox.example,+44 7700 900461');
    const again = await gql(await token(ids.users.tom), `mutation { refundPayment(paymentId: "${ids.refundedPayment}", reason: "again") { id } }`);
    expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('one organisation has over 1,000 payments, and one request can read 1,000 of them', async () => {
    expect(upstream.data.payments.filter((p) => p.organisationId === ids.organisations.harbour).length).toBeGreaterThanOrEqual(1000);
    const bearer = await token(ids.users.maya);
    const { body } = await gql(bearer, `{ payments(first: 1000) { id amountPence status dueDate tenant { id } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.payments).toHaveLength(1000);
    expect(new Set(body.data!.payments.map((p: { id: string }) => p.id)).size).toBe(1000);
    const tooMany = await gql(bearer, `{ payments(first: 1001) { id } }`);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('the seed is the same every time', async () => {
    const { createSeedData } = await import('../../examples/proxy/upstream/server.mjs');
    expect(createSeedData()).toEqual(createSeedData());
  });
});
