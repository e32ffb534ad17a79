import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { codeOf, endOpenSessions, ImpMe, messageOf, putPolicyInForce, sessionRow, start, withSession } from './sessions.js';

/** On-call engineers impersonate only when the policy in force says so (`oncallMayImpersonate`). */

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true, livePolicy: { pollMs: 60_000 } });
});
afterAll(() => t.close());

afterEach(async () => {
  await endOpenSessions(t);
  await t.db.deleteFrom('policy_versions').execute();
  await t.policyStore?.refresh();
});

describe('on-call engineers', () => {
  it('control: under the baseline, an on-call engineer cannot start a session', async () => {
    const { body } = await start(t, { agent: 'oncall' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe('Only support agents may start impersonation sessions.');
  });

  it('start, use and keep a session when the policy lets them', async () => {
    await putPolicyInForce(t, (d) => {
      d.oncallMayImpersonate = true;
    });
    const { body } = await start(t, { agent: 'oncall' });
    expect(body.errors).toBeUndefined();
    const token = body.data?.startImpersonation.token ?? '';
    const sessionId = body.data?.startImpersonation.session.id ?? '';
    const me = await t.execute(ImpMe, { as: 'oncall', headers: withSession(token) });
    expect(me.body.data?.me?.id).toBe('usr_tom');
    expect((me.body.extensions?.['impersonation'] as { agent: { id: string } }).agent.id).toBe('stf_ines');
    // The sweeper, told the same policy, leaves the session alone.
    await sweepSessions(t.db, { identity: t.identity, oncallMayImpersonate: true });
    expect((await sessionRow(t, sessionId)).status).toBe('active');
  });

  it('lose the session when the policy stops letting them (role_lost)', async () => {
    await putPolicyInForce(t, (d) => {
      d.oncallMayImpersonate = true;
    });
    const { body } = await start(t, { agent: 'oncall' });
    const token = body.data?.startImpersonation.token ?? '';
    const sessionId = body.data?.startImpersonation.session.id ?? '';
    await putPolicyInForce(t, (d) => {
      d.oncallMayImpersonate = false;
    });
    const me = await t.execute(ImpMe, { as: 'oncall', headers: withSession(token) });
    expect(codeOf(me.body)).toBe('SESSION_EXPIRED');
    expect(await sessionRow(t, sessionId)).toMatchObject({ status: 'ended', end_reason: 'role_lost' });
  });
});
