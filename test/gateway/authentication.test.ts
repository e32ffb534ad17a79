import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../src/auth/mint-token.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const Viewer = graphql(`
  query Viewer {
    viewer {
      id
      kind
      name
      roles
      accountId
    }
  }
`);

const ViewerQueryText = JSON.stringify({ query: '{ viewer { id } }' });

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

async function postWithAuthorization(authorization: string | undefined) {
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: ViewerQueryText,
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string }; message: string }> } };
}

describe('authentication', () => {
  it('answers a valid customer token with the customer and their account', async () => {
    const { body } = await t.execute(Viewer, { as: 'customer' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.viewer).toEqual({ id: 'usr_jane', kind: 'customer', name: 'Jane Doe', roles: [], accountId: 'acc_acme' });
  });

  it.each(['bearer', 'BEARER'])('reads the scheme in any case: %s', async (scheme) => {
    const { status, body } = await postWithAuthorization(`${scheme} ${await t.tokenFor('customer')}`);
    expect({ status, body }).toEqual({ status: 200, body: { data: { viewer: { id: 'usr_jane' } } } });
  });

  it('refuses a request without a token with UNAUTHENTICATED and status 401, never data', async () => {
    const { status, body } = await postWithAuthorization(undefined);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0]?.message).toMatch(/Authorization: Bearer/);
  });

  it.each([
    ['a malformed token', 'Bearer not-a-jwt'],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['an unsigned (alg none) token', `Bearer ${unsignedToken()}`],
  ])('refuses %s', async (_name, authorization) => {
    const { status, body } = await postWithAuthorization(authorization);
    expect(status).toBe(401);
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = await t.tokenFor('customer', { expiresInSeconds: -60 });
    const { status, body } = await postWithAuthorization(`Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.errors[0]?.message).toMatch(/expired/);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = await new SignJWT({ kind: 'staff', roles: ['auditor'], name: 'Dan Okafor', auth_time: now() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('stf_dan')
      .setExpirationTime(now() + 600)
      .sign(new TextEncoder().encode('a-different-secret-that-is-long-enough-000'));
    const { status, body } = await postWithAuthorization(`Bearer ${forged}`);
    expect(status).toBe(401);
    expect(body.errors[0]?.message).toMatch(/not signed by a key Warden trusts/);
  });

  it('refuses a token whose sign-in time is in the future, which would count as recent for ever', async () => {
    const ahead = await t.tokenFor('agent', { authTime: new Date(Date.now() + 3_600_000) });
    const refused = await postWithAuthorization(`Bearer ${ahead}`);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0]?.message).toMatch(/`auth_time` is in the future/);
    // Within the clock tolerance, a token from a slightly fast issuer clock is accepted.
    const skewed = await t.tokenFor('agent', { authTime: new Date(Date.now() + 2_000) });
    expect((await postWithAuthorization(`Bearer ${skewed}`)).status).toBe(200);
  });

  it('refuses a validly signed token for someone Warden does not know', async () => {
    const token = await t.tokenFor({ sub: 'usr_nobody', kind: 'customer', name: 'Nobody' });
    const { status, body } = await postWithAuthorization(`Bearer ${token}`);
    expect(status).toBe(401);
    expect(body.errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a customer token that claims staff roles', async () => {
    const token = await t.tokenFor({ sub: 'usr_jane', kind: 'customer', name: 'Jane Doe', roles: ['auditor'] });
    const { status } = await postWithAuthorization(`Bearer ${token}`);
    expect(status).toBe(401);
  });

  it("keeps only the staff roles Warden's record agrees with", async () => {
    // Sarah is a support agent; a token claiming she is also an auditor does not make her one.
    const token = await t.tokenFor({ sub: 'stf_sarah', kind: 'staff', name: 'Sarah Lee', roles: ['support_agent', 'auditor'] });
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { roles } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { roles: ['support_agent'] } } });
  });

  it('refuses a deactivated staff member at once, even with a valid token', async () => {
    const token = await t.tokenFor('oncall');
    await t.db.updateTable('staff').set({ active: false }).where('id', '=', 'stf_ines').execute();
    try {
      const { status } = await postWithAuthorization(`Bearer ${token}`);
      expect(status).toBe(401);
    } finally {
      await t.db.updateTable('staff').set({ active: true }).where('id', '=', 'stf_ines').execute();
    }
  });
});

describe('with WARDEN_JWT_ISSUER and WARDEN_JWT_AUDIENCE set', () => {
  const ISSUER = { WARDEN_JWT_ISSUER: 'https://id.warden.test', WARDEN_JWT_AUDIENCE: 'warden-gateway' };
  let strict: TestGateway;
  beforeAll(async () => {
    strict = await startTestGateway(ISSUER, { database: t.database });
  });
  afterAll(() => strict.close());

  const viewerWith = async (token: string) => {
    const response = await strict.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: ViewerQueryText,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('accepts the development tokens `npm run token` mints', async () => {
    const secret = strict.config.jwt.secret ?? '';
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/domain/cli/token.ts', 'customer'], {
      cwd: new URL('../../', import.meta.url),
      env: { ...process.env, NODE_ENV: 'test', WARDEN_JWT_SECRET: secret, ...ISSUER },
    });
    expect(await viewerWith(stdout.trim())).toEqual({ status: 200, body: { data: { viewer: { id: 'usr_jane' } } } });
  }, 60_000);

  it('refuses a token without them', async () => {
    const bare = await mintDevToken(strict.config.jwt.secret ?? '', { sub: 'usr_jane', kind: 'customer', name: 'Jane Doe' });
    expect(await viewerWith(bare)).toMatchObject({ status: 401 });
  });
});

function now(): number {
  return Math.floor(Date.now() / 1000);
}

function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'stf_dan', kind: 'staff', roles: ['auditor'], name: 'Dan', auth_time: now(), exp: now() + 600 })}.`;
}
