import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  auditOfSession,
  codeOf,
  endOpenSessions,
  GOOD_REASON,
  ImpApprove,
  ImpClaim,
  ImpMe,
  messageOf,
  openSession,
  sessionRow,
  start,
  withSession,
} from './sessions.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t.close());

/** Every test leaves no session open, so the next can start one (one open session per agent). */
afterEach(async () => {
  await endOpenSessions(t);
});

const deniedStarts = (agentId: string) =>
  t.db
    .selectFrom('audit_events')
    .selectAll()
    .where('kind', '=', 'access_denied')
    .where('actor_id', '=', agentId)
    .where('type_field', '=', 'Mutation.startImpersonation')
    .orderBy('occurred_at')
    .execute();

const sessionCount = async () =>
  Number((await t.db.selectFrom('impersonation_sessions').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('the reason and the ticket', () => {
  it.each(['support', 'check issue', 'help', 'Customer issue, need to check the account'])(
    'refuses the vague reason %j with REASON_TOO_VAGUE and a sentence saying what a good one is',
    async (reason) => {
      const before = await sessionCount();
      const { body } = await start(t, { reason });
      expect(body.data?.startImpersonation ?? null).toBeNull();
      expect(codeOf(body)).toBe('REASON_TOO_VAGUE');
      expect(messageOf(body)).toMatch(/^The reason is too vague\. Say what the customer reported and what you will check, in a sentence/);
      expect(messageOf(body)).toMatch(/e\.g\. ".+"\.$/);
      expect(await sessionCount()).toBe(before);
    },
  );

  it('accepts a specific reason', async () => {
    const { body } = await start(t, { reason: GOOD_REASON });
    expect(body.errors).toBeUndefined();
    expect(body.data?.startImpersonation.session.status).toBe('active');
  });

  it.each(['', 'asap', 'ticket 42', 'SUP-', 'https://support.example/tickets/1234'])('refuses the ticket %j with BAD_USER_INPUT', async (ticket) => {
    const before = await sessionCount();
    const { body } = await start(t, { ticket });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toMatch(/not a ticket reference; use the ticket's id, e\.g\. SUP-1234/);
    expect(await sessionCount()).toBe(before);
  });

  it.each([
    ['reason', { reason: 'support' }, 'REASON_TOO_VAGUE'],
    ['ticket', { ticket: 'asap' }, 'BAD_USER_INPUT'],
    ['minutes', { minutes: 90 }, 'BAD_USER_INPUT'],
    ['userId', { userId: 'usr_peter' }, 'FORBIDDEN'],
  ] as const)('names the input a refusal is about (%s) in extensions.field, so a form shows it there', async (field, input, code) => {
    const { body } = await start(t, input);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code, field });
  });

  it('control: a refusal about no one input (a nested start) names no field', async () => {
    const { body } = await start(t, { agent: 'oncall' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.errors?.[0]?.extensions).not.toHaveProperty('field');
  });

  it('records each refused start, with who tried and why', async () => {
    const before = (await deniedStarts('stf_sarah')).length;
    await start(t, { reason: 'help' });
    const rows = await deniedStarts('stf_sarah');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({
      actor_kind: 'staff',
      actor_name: 'Sarah Lee',
      subject_user_id: 'usr_tom',
      account_id: 'acc_acme',
      decision: 'denied',
    });
    expect(rows.at(-1)?.summary).toMatch(/^Agent Sarah Lee was refused: start a session as Tom Baker\. The reason is too vague\./);
  });

  it('records a forbidden start once, not again as a refusal in the response', async () => {
    const refusalsOf = async (actorId: string) =>
      (await t.db.selectFrom('audit_events').select(['kind', 'summary']).where('actor_id', '=', actorId).where('kind', '=', 'access_denied').execute()).length;
    const before = await refusalsOf('stf_ines');
    const { body } = await start(t, { agent: 'oncall' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(await refusalsOf('stf_ines')).toBe(before + 1);
  });
});

describe('recent authentication', () => {
  it('refuses an agent who signed in more than 5 minutes ago, asking them to sign in again', async () => {
    const stale = await t.tokenFor('agent', { authTime: new Date(Date.now() - 6 * 60_000) });
    const before = await sessionCount();
    const { body } = await start(t, { bearer: stale });
    expect(codeOf(body)).toBe('UNAUTHENTICATED');
    expect(messageOf(body)).toMatch(/You signed in 6 minutes ago; sign in again \(within 5 minutes\) to start a session\./);
    expect(await sessionCount()).toBe(before);
  });

  it('accepts an agent who signed in 4 minutes ago', async () => {
    const recent = await t.tokenFor('agent', { authTime: new Date(Date.now() - 4 * 60_000) });
    const { body } = await start(t, { bearer: recent });
    expect(body.errors).toBeUndefined();
    expect(body.data?.startImpersonation.token).toMatch(/^wimp_/);
  });

  it('uses the configured window', async () => {
    const strict = await startTestGateway({ WARDEN_AUTH_MAX_AGE_MINUTES: '2' }, { database: t.database, realSessions: true });
    try {
      const token = await strict.tokenFor('agent', { authTime: new Date(Date.now() - 3 * 60_000) });
      const { body } = await start(strict, { bearer: token });
      expect(codeOf(body)).toBe('UNAUTHENTICATED');
      expect(messageOf(body)).toMatch(/within 2 minutes/);
    } finally {
      await strict.close();
    }
  });
});

describe('the ticket pattern', () => {
  it('uses WARDEN_TICKET_PATTERN when it is set', async () => {
    const incidents = await startTestGateway({ WARDEN_TICKET_PATTERN: '^INC\\d{7}$' }, { database: t.database, realSessions: true });
    try {
      const refused = await start(incidents, { ticket: 'SUP-1234' });
      expect(codeOf(refused.body)).toBe('BAD_USER_INPUT');
      expect(messageOf(refused.body)).toMatch(/"SUP-1234" is not a ticket reference/);
      const accepted = await start(incidents, { ticket: 'INC0012345' });
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.body.data?.startImpersonation.session.status).toBe('active');
    } finally {
      await endOpenSessions(incidents);
      await incidents.close();
    }
  });
});

describe('the length of a session', () => {
  it.each([14, 61, 0, -30, 600])('refuses %i minutes with BAD_USER_INPUT', async (minutes) => {
    const before = await sessionCount();
    const { body } = await start(t, { minutes });
    expect(codeOf(body)).toBe('BAD_USER_INPUT');
    expect(messageOf(body)).toBe('A session lasts from 15 to 60 minutes (default 30).');
    expect(await sessionCount()).toBe(before);
  });

  it.each([15, 60])('accepts %i minutes, and the hard expiry is that far away', async (minutes) => {
    const { body } = await start(t, { minutes });
    expect(body.errors).toBeUndefined();
    const session = body.data?.startImpersonation.session;
    expect(session?.minutes).toBe(minutes);
    const row = await sessionRow(t, session?.id ?? '');
    const length = (row.expires_at?.getTime() ?? 0) - (row.started_at?.getTime() ?? 0);
    expect(length).toBe(minutes * 60_000);
    // The idle limit is 15 minutes, never later than the hard limit.
    expect((row.idle_expires_at?.getTime() ?? 0) - (row.started_at?.getTime() ?? 0)).toBe(15 * 60_000);
  });

  it('defaults to a read-only session of 30 minutes', async () => {
    const { body } = await start(t);
    expect(body.data?.startImpersonation.session).toMatchObject({ status: 'active', mode: 'read_only', minutes: 30 });
  });
});

describe('who may start a session, and as whom', () => {
  it('refuses staff without the support_agent role', async () => {
    for (const who of ['manager', 'auditor', 'security', 'oncall']) {
      const { body } = await start(t, { agent: who });
      expect(codeOf(body), who).toBe('FORBIDDEN');
      expect(messageOf(body), who).toBe('Only support agents may start impersonation sessions.');
    }
  });

  it('refuses customers outright', async () => {
    const { body } = await start(t, { agent: 'customer' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data?.startImpersonation ?? null).toBeNull();
  });

  it('refuses a user whose id is a staff id', async () => {
    await t.demo
      .insertInto('users')
      .values({ id: 'stf_leo', account_id: 'acc_acme', name: 'Leo Park', email: 'leo.personal@acme.example', phone: null, role: 'member', birth_date: null, national_id: null, password_hash: 'x' })
      .execute();
    const { body } = await start(t, { userId: 'stf_leo' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe('Staff accounts cannot be impersonated.');
    expect(await t.db.selectFrom('impersonation_sessions').select('id').where('user_id', '=', 'stf_leo').execute()).toEqual([]);
  });

  it("refuses a user whose email is a staff member's (in any case)", async () => {
    await t.demo
      .insertInto('users')
      .values({ id: 'usr_marcus_shadow', account_id: 'acc_acme', name: 'Marcus W', email: 'Marcus.Webb@Warden.example', phone: null, role: 'member', birth_date: null, national_id: null, password_hash: 'x' })
      .execute();
    const { body } = await start(t, { userId: 'usr_marcus_shadow' });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe('Staff accounts cannot be impersonated.');
  });

  it('refuses an unknown user without starting anything', async () => {
    const before = await sessionCount();
    const { body } = await start(t, { userId: 'usr_nobody' });
    expect(codeOf(body)).toBe('NOT_FOUND');
    expect(await sessionCount()).toBe(before);
  });

  it('refuses an account whose customer said never', async () => {
    for (const userId of ['usr_peter', 'usr_milton']) {
      const { body } = await start(t, { userId });
      expect(codeOf(body), userId).toBe('FORBIDDEN');
      expect(messageOf(body), userId).toMatch(/^Initech has asked that support never enter their account/);
    }
    expect(await t.db.selectFrom('impersonation_sessions').select('id').where('account_id', '=', 'acc_initech').execute()).toEqual([]);
  });

  it.each([
    {
      status: 'active',
      who: 'Tom Baker',
      open: async () => (await openSession(t)).sessionId,
      then: 'is open. End it (endImpersonation) before starting another.',
    },
    {
      status: 'approved',
      who: 'Jane Doe',
      open: async () => {
        const { body } = await start(t, { userId: 'usr_jane' });
        const payload = body.data?.startImpersonation;
        await t.execute(ImpApprove, { as: 'manager', variables: { id: payload?.approvalRequest?.id ?? '' } });
        return payload?.session.id ?? '';
      },
      then: 'is approved and waits for you. Collect it (claimImpersonation), or withdraw it (endImpersonation) before starting another.',
    },
    {
      status: 'pending_approval',
      who: 'Jane Doe',
      open: async () => (await start(t, { userId: 'usr_jane' })).body.data?.startImpersonation.session.id ?? '',
      then: "waits for a manager's approval. Withdraw it (endImpersonation) before starting another, or wait for the decision.",
    },
  ])('one open session per agent: a second start is FORBIDDEN, naming the $status session and the way out', async ({ status, who, open, then }) => {
    const sessionId = await open();
    expect((await sessionRow(t, sessionId)).status).toBe(status);
    const before = (await deniedStarts('stf_sarah')).length;
    const { body } = await start(t, { userId: 'usr_lena' });
    const why = `An agent has one session open at a time: session ${sessionId} as ${who} (Acme Co) ${then}`;
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toBe(why);
    expect(body.data ?? null).toBeNull();
    // Recorded once, as a refusal of the agent, with the sentence the agent was given.
    const rows = await deniedStarts('stf_sarah');
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ kind: 'access_denied', subject_user_id: 'usr_lena', decision: 'denied' });
    expect(rows.at(-1)?.summary).toBe(`Agent Sarah Lee was refused: start a session as Lena Berg. ${why}`);
    expect((await sessionRow(t, sessionId)).status).toBe(status);
    // Another agent is not held back by it.
    const other = await start(t, { agent: 'agent2' });
    expect(other.body.data?.startImpersonation.session.status).toBe('active');
  });

  // Two connections at once, one waiting on the other's lock: the embedded database has one.
  it.skipIf(inject('databaseUrl') === null)('records the refusal when two starts race and the database refuses the second', async () => {
    // Another instance's start holds the agent's one open session, not yet committed: this start
    // finds none open, then waits on the unique index until that one commits.
    const other = await t.db.startTransaction().execute();
    let committed = false;
    try {
      await other
        .insertInto('impersonation_sessions')
        .values({ id: 'ses_race_other', agent_id: 'stf_sarah', user_id: 'usr_tom', account_id: 'acc_acme', reason: GOOD_REASON, ticket: 'SUP-1', mode: 'read_only', minutes: 30, status: 'pending_approval', target_role_at_start: 'member', target_privileged_at_start: null, account_sensitive_at_start: false, user_name: 'Tom Baker', account_name: 'Acme Co' })
        .execute();
      const before = (await deniedStarts('stf_sarah')).length;
      const racing = start(t, { userId: 'usr_lena' });
      await vi.waitFor(
        async () => {
          const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and query like 'insert into "impersonation_sessions"%'`.execute(t.db);
          expect(waiting.rows[0]?.n).toBe(1);
        },
        { timeout: 10_000, interval: 20 },
      );
      await other.commit().execute();
      committed = true;
      const { body } = await racing;
      expect(codeOf(body)).toBe('FORBIDDEN');
      const why = "An agent has one session open at a time: session ses_race_other as Tom Baker (Acme Co) waits for a manager's approval. Withdraw it (endImpersonation) before starting another, or wait for the decision.";
      expect(messageOf(body)).toBe(why);
      const rows = await deniedStarts('stf_sarah');
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)?.summary).toBe(`Agent Sarah Lee was refused: start a session as Lena Berg. ${why}`);
    } finally {
      if (!committed) await other.rollback().execute();
      await sql`update impersonation_sessions set status = 'refused' where id = 'ses_race_other'`.execute(t.db);
    }
  });

  it('refuses a start sent with an impersonation token: sessions cannot nest', async () => {
    const { token, sessionId } = await openSession(t);
    const { body } = await start(t, { userId: 'usr_lena', headers: withSession(token) });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(messageOf(body)).toMatch(/^Sessions cannot nest/);
    const claim = await t.execute(ImpClaim, { as: 'agent', variables: { sessionId }, headers: withSession(token) });
    expect(codeOf(claim.body)).toBe('FORBIDDEN');
    expect(messageOf(claim.body)).toMatch(/^Sessions cannot nest/);
    expect(await t.db.selectFrom('impersonation_sessions').select('id').where('user_id', '=', 'usr_lena').execute()).toEqual([]);
  });
});

describe('a plain read-only session', () => {
  it('shows the customer, masked, with extensions.impersonation and a banner on every response', async () => {
    const started = await start(t);
    const payload = started.body.data?.startImpersonation;
    expect(payload?.approvalRequest).toBeNull();
    const token = payload?.token ?? '';
    const { body } = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(body.errors).toBeUndefined();
    expect(body.data?.me).toEqual({ id: 'usr_tom', name: 'Tom Baker', email: 't•••@acme.example' });
    const impersonation = body.extensions?.['impersonation'] as Record<string, unknown>;
    const row = await sessionRow(t, payload?.session.id ?? '');
    expect(impersonation).toEqual({
      sessionId: row.id,
      agent: { id: 'stf_sarah', name: 'Sarah Lee' },
      user: { id: 'usr_tom', name: 'Tom Baker' },
      account: { id: 'acc_acme', name: 'Acme Co' },
      mode: 'read_only',
      expiresAt: row.expires_at?.toISOString(),
      idleExpiresAt: row.idle_expires_at?.toISOString(),
      banner: expect.stringMatching(/^Viewing as Tom Baker \(Acme Co\) · read-only · ends \d\d:\d\d UTC$/),
    });
    const ends = row.expires_at ?? new Date();
    const hhmm = `${String(ends.getUTCHours()).padStart(2, '0')}:${String(ends.getUTCMinutes()).padStart(2, '0')}`;
    expect(impersonation['banner']).toBe(`Viewing as Tom Baker (Acme Co) · read-only · ends ${hhmm} UTC`);
  });

  it("leaves the customer's own token working, unmasked and without a banner", async () => {
    const { token } = await openSession(t);
    const agentView = await t.execute(ImpMe, { as: 'agent', headers: withSession(token) });
    expect(agentView.body.data?.me?.email).toBe('t•••@acme.example');
    const own = await t.execute(ImpMe, { as: 'usr_tom' });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?.me).toEqual({ id: 'usr_tom', name: 'Tom Baker', email: 'tom.baker@acme.example' });
    expect(own.body.extensions?.['impersonation']).toBeUndefined();
    // The agent's own bearer token, without the session token, is not the customer.
    const plain = await t.execute(ImpMe, { as: 'agent' });
    expect(codeOf(plain.body)).toBe('FORBIDDEN');
    expect(plain.body.extensions?.['impersonation']).toBeUndefined();
  });

  it('refuses a customer who sends an impersonation token', async () => {
    const { token } = await openSession(t);
    const { body } = await t.execute(ImpMe, { as: 'usr_tom', headers: withSession(token) });
    expect(codeOf(body)).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
  });

  it('issues a 256-bit random token and stores it only hashed', async () => {
    const { token, sessionId } = await openSession(t);
    expect(token).toMatch(/^wimp_[A-Za-z0-9_-]{43,}$/);
    expect(Buffer.from(token.slice('wimp_'.length), 'base64url').length).toBeGreaterThanOrEqual(32);
    const row = await sessionRow(t, sessionId);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // No row of any table holds the token itself.
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(t.db);
    expect(tables.rows.length).toBeGreaterThan(5);
    for (const { table_name } of tables.rows) {
      const hits = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} r where r::text like ${`%${token.slice(5)}%`}`.execute(t.db);
      expect(hits.rows[0]?.n, table_name).toBe(0);
    }
  });

  it('writes the start record, naming reason and ticket, before the token is returned', async () => {
    const started = await start(t);
    const sessionId = started.body.data?.startImpersonation.session.id ?? '';
    const rows = await auditOfSession(t, sessionId);
    expect(rows.map((r) => r.kind)).toEqual(['session_started']);
    expect(rows[0]).toMatchObject({
      actor_id: 'stf_sarah',
      subject_user_id: 'usr_tom',
      account_id: 'acc_acme',
      reason: GOOD_REASON,
      decision: 'started',
      summary: `Agent Sarah Lee started a read-only session as Tom Baker (Acme Co) for ticket SUP-1234: "${GOOD_REASON}"`,
    });
  });
});
