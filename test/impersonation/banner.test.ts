import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codeOf, endOpenSessions, ImpMe, openSession, putPolicyInForce, withSession } from './sessions.js';

/**
 * Every response during a session carries `extensions.impersonation`, also one refused before
 * execution; never one for a token that does not open the caller's own session. Its names
 * reveal no more than the policy in force lets the session see of them.
 */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ WARDEN_MAX_DEPTH: '4', WARDEN_MAX_ALIASES: '2' }, { realSessions: true, livePolicy: { pollMs: 60_000 } });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
  await t.db.deleteFrom('policy_versions').execute();
  await t.policyStore?.refresh();
});

interface Banner {
  sessionId: string;
  user: { id: string; name: string | null };
  account: { id: string; name: string | null };
  banner: string;
}

/** A raw GraphQL request, as a client with a broken or oversized document sends it. */
async function raw(query: string, headers: Record<string, string>) {
  const response = await t.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }>; extensions?: { impersonation?: Banner } };
  return { code: body.errors?.[0]?.extensions?.code, impersonation: body.extensions?.impersonation };
}

const bearer = async (who: string) => ({ authorization: `Bearer ${await t.tokenFor(who)}` });

describe('responses refused before execution carry the banner during a session', () => {
  it.each([
    ['a parse error', '{ me { name ', 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', '{ me { shoeSize } }', 'GRAPHQL_VALIDATION_FAILED'],
    ['a depth limit', '{ account { users { account { users { account { name } } } } } }', 'QUERY_TOO_COMPLEX'],
    ['an alias limit', '{ a: me { id } b: me { id } c: me { id } }', 'QUERY_TOO_COMPLEX'],
  ])('%s', async (_name, query, code) => {
    const { sessionId, token } = await openSession(t);
    const response = await raw(query, { ...(await bearer('agent')), ...withSession(token) });
    expect(response.code).toBe(code);
    expect(response.impersonation).toMatchObject({ sessionId, user: { id: 'usr_tom', name: 'Tom Baker' }, account: { id: 'acc_acme', name: 'Acme Co' } });
    expect(response.impersonation?.banner).toMatch(/^Viewing as Tom Baker \(Acme Co\) · read-only · ends \d\d:\d\d UTC$/);
  });

  it('but not for a token of another agent’s session, a token Warden never issued, or a customer', async () => {
    const { token } = await openSession(t, { agent: 'agent2' });
    const foreign = await raw('{ me { name ', { ...(await bearer('agent')), ...withSession(token) });
    expect(foreign.impersonation).toBeUndefined();
    const made = await raw('{ me { name ', { ...(await bearer('agent')), ...withSession(`wimp_${'x'.repeat(43)}`) });
    expect(made.impersonation).toBeUndefined();
    const customer = await raw('{ me { name ', { ...(await bearer('usr_tom')), ...withSession(token) });
    expect(customer.impersonation).toBeUndefined();
    const unsigned = await raw('{ me { name ', withSession(token));
    expect(unsigned.impersonation).toBeUndefined();
  });

  it('control: without a session token, no banner', async () => {
    expect((await raw('{ me { name ', await bearer('agent'))).impersonation).toBeUndefined();
  });
});

describe('the banner shows names as the policy shows them', () => {
  it('masked when the policy masks User.name', async () => {
    await putPolicyInForce(t, (d) => {
      delete d.overrides['User.name'];
    });
    const { token } = await openSession(t);
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    const banner = body.extensions?.['impersonation'] as Banner;
    expect(body.data?.me?.name).toBe('[redacted]');
    expect(banner.user).toEqual({ id: 'usr_tom', name: '[redacted]' });
    expect(banner.banner).toMatch(/^Viewing as \[redacted\] \(Acme Co\) · /);
    expect(JSON.stringify(body)).not.toContain('Tom Baker');
  });

  it('left out when the policy denies User.name, on responses refused before execution too', async () => {
    await putPolicyInForce(t, (d) => {
      d.overrides['User.name'] = { impersonation_read_only: 'deny', impersonation_read_write: 'deny' };
    });
    const { token } = await openSession(t);
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(codeOf(body)).toBe('FIELD_DENIED');
    const banner = body.extensions?.['impersonation'] as Banner;
    expect(banner.user).toEqual({ id: 'usr_tom', name: null });
    expect(banner.banner).toMatch(/^Viewing as customer usr_tom \(Acme Co\) · /);
    expect(JSON.stringify(body)).not.toContain('Tom Baker');

    const refused = await raw('{ me { name ', { ...(await bearer('agent')), ...withSession(token) });
    expect(refused.impersonation?.user.name).toBeNull();
  });

  it('control: the baseline shows the name', async () => {
    const { token } = await openSession(t);
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect((body.extensions?.['impersonation'] as Banner).user.name).toBe('Tom Baker');
  });
});
