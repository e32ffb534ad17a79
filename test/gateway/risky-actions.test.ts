import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';
import { RiskyCancelPlan, RiskyChangeEmail, RiskyChangePlan, RiskyDeleteNote, RiskyRevokeToken, RiskySendLoginReset } from '../support/risky-actions.js';
import { graphql } from '../gql/index.js';

const OwnNotes = graphql(`
  query RiskyOwnNotes {
    account {
      privateNotes {
        id
      }
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

const codeOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.extensions?.['code'];
const messageOf = (response: GraphQLResponse<unknown>) => response.body.errors?.[0]?.message ?? '';
const user = (id: string) => t.demo.selectFrom('users').select(['email', 'login_reset_sent_at']).where('id', '=', id).executeTakeFirstOrThrow();
const acme = () => t.demo.selectFrom('accounts').select(['plan', 'plan_status']).where('id', '=', 'acc_acme').executeTakeFirstOrThrow();
const token = (id: string) => t.demo.selectFrom('api_tokens').select('revoked_at').where('id', '=', id).executeTakeFirstOrThrow();
const note = (id: string) => t.demo.selectFrom('private_notes').select(['body', 'deleted_at']).where('id', '=', id).executeTakeFirstOrThrow();
/** The newest record of a mutation, as the audit trail summarises it. */
const lastRecordOf = async (field: string) =>
  (await t.db.selectFrom('audit_events').select(['actor_id', 'summary']).where('type_field', '=', `Mutation.${field}`).where('kind', '=', 'mutation_executed').orderBy('chain_seq', 'desc').executeTakeFirst()) ?? null;

describe('a customer changes an email within their own rules', () => {
  it('their own', async () => {
    const reply = await t.execute(RiskyChangeEmail, { as: 'usr_tom', variables: { userId: 'usr_tom', email: ' Tom@Baker.example ' } });
    expect(reply.body.data?.changeUserEmail).toEqual({ id: 'usr_tom', email: 'tom@baker.example' });
    expect(await lastRecordOf('changeUserEmail')).toEqual({ actor_id: 'usr_tom', summary: "Tom Baker changed Tom Baker's email from t•••@acme.example to t•••@baker.example in account Acme Co" });
  });

  it("a colleague's, as an admin", async () => {
    const reply = await t.execute(RiskyChangeEmail, { as: 'usr_omar', variables: { userId: 'usr_lena', email: 'lena@acme.example' } });
    expect(reply.body.errors).toBeUndefined();
    expect((await user('usr_lena')).email).toBe('lena@acme.example');
  });

  it("not a colleague's, as a member: FORBIDDEN, nothing changed", async () => {
    const reply = await t.execute(RiskyChangeEmail, { as: 'usr_tom', variables: { userId: 'usr_jane', email: 'jane@evil.example' } });
    expect(codeOf(reply)).toBe('FORBIDDEN');
    expect(messageOf(reply)).toMatch(/^Only the account's owners and admins change a colleague's email/);
    expect((await user('usr_jane')).email).toBe('jane.doe@acme.example');
  });

  it.each([
    ['an address another user signs in with', 'grace.kim@globex.example', 'Another user already signs in with that address; choose another.'],
    ['something that is no address', 'jane at acme', 'Give a whole email address, e.g. name@example.com.'],
    // Naming nobody: an assistant running the call sees people only as stand-ins.
    ['the address the user signs in with already', 'jane.doe@acme.example', 'That user already signs in with that address; nothing to change.'],
  ])('not to %s: BAD_USER_INPUT', async (_what, email, message) => {
    const reply = await t.execute(RiskyChangeEmail, { as: 'customer', variables: { userId: 'usr_jane', email } });
    expect(codeOf(reply)).toBe('BAD_USER_INPUT');
    expect(messageOf(reply)).toBe(message);
    expect((await user('usr_jane')).email).toBe('jane.doe@acme.example');
  });

  it("not another account's user: NOT_FOUND", async () => {
    const reply = await t.execute(RiskyChangeEmail, { as: 'customer', variables: { userId: 'usr_grace', email: 'grace@acme.example' } });
    expect(codeOf(reply)).toBe('NOT_FOUND');
    expect((await user('usr_grace')).email).toBe('grace.kim@globex.example');
  });
});

describe('a customer sends a login reset within their own rules', () => {
  it('to themselves, recorded with when the last one went', async () => {
    const reply = await t.execute(RiskySendLoginReset, { as: 'usr_lena', variables: { userId: 'usr_lena' } });
    expect(reply.body.data?.sendLoginReset.loginResetSentAt).toBeTruthy();
    expect((await lastRecordOf('sendLoginReset'))?.summary).toMatch(/^Lena Berg sent Lena Berg a login reset link \(last login reset: never → \d{4}-\d\d-\d\d \d\d:\d\d UTC\) in account Acme Co$/);
  });

  it('not to a colleague, as a billing contact: FORBIDDEN', async () => {
    const reply = await t.execute(RiskySendLoginReset, { as: 'usr_lena', variables: { userId: 'usr_omar' } });
    expect(codeOf(reply)).toBe('FORBIDDEN');
    expect((await user('usr_omar')).login_reset_sent_at).toBeNull();
  });
});

describe('a customer changes or cancels the plan within their own rules', () => {
  beforeEach(async () => {
    await sql`update accounts set plan = 'team', plan_status = 'active' where id = 'acc_acme'`.execute(t.db);
  });

  it('a billing contact changes it', async () => {
    const reply = await t.execute(RiskyChangePlan, { as: 'usr_lena', variables: { plan: 'enterprise' } });
    expect(reply.body.data?.changePlan).toEqual({ id: 'acc_acme', plan: 'enterprise', planStatus: 'active' });
    expect((await lastRecordOf('changePlan'))?.summary).toBe("Lena Berg changed Acme Co's plan from team to enterprise in account Acme Co");
  });

  it('a member cannot change it: FORBIDDEN', async () => {
    expect(codeOf(await t.execute(RiskyChangePlan, { as: 'usr_tom', variables: { plan: 'free' } }))).toBe('FORBIDDEN');
    expect(await acme()).toEqual({ plan: 'team', plan_status: 'active' });
  });

  it.each(['usr_tom', 'usr_omar', 'usr_lena'])('only the owner cancels it: %s is refused FORBIDDEN', async (who) => {
    const reply = await t.execute(RiskyCancelPlan, { as: who });
    expect(codeOf(reply)).toBe('FORBIDDEN');
    expect(messageOf(reply)).toBe("Only the account's owner cancels its plan; ask them.");
    expect(await acme()).toEqual({ plan: 'team', plan_status: 'active' });
  });

  it('the owner cancels it, once; a cancelled plan no longer changes', async () => {
    const reply = await t.execute(RiskyCancelPlan, { as: 'customer' });
    expect(reply.body.data?.cancelPlan).toEqual({ id: 'acc_acme', plan: 'team', planStatus: 'cancelled' });
    expect((await lastRecordOf('cancelPlan'))?.summary).toBe('Jane Doe cancelled the team plan (plan status: active → cancelled) in account Acme Co');
    expect(codeOf(await t.execute(RiskyCancelPlan, { as: 'customer' }))).toBe('BAD_USER_INPUT');
    const changed = await t.execute(RiskyChangePlan, { as: 'customer', variables: { plan: 'enterprise' } });
    expect(codeOf(changed)).toBe('BAD_USER_INPUT');
    expect(messageOf(changed)).toMatch(/^The team plan of Acme Co is cancelled, and a cancelled plan does not change/);
  });
});

describe('a customer revokes an API token within their own rules', () => {
  beforeAll(async () => {
    await t.demo.insertInto('api_tokens').values({ id: 'tok_acme_tom', account_id: 'acc_acme', created_by: 'usr_tom', name: 'Calendar sync', secret: 'wdn_live_tomcalendar0000000000000001' }).execute();
  });

  it('a member revokes one they created; it stays listed, as revoked', async () => {
    const reply = await t.execute(RiskyRevokeToken, { as: 'usr_tom', variables: { tokenId: 'tok_acme_tom' } });
    expect(reply.body.data?.revokeApiToken).toMatchObject({ id: 'tok_acme_tom', state: 'revoked' });
    expect((await lastRecordOf('revokeApiToken'))?.summary).toBe('Tom Baker revoked API token “Calendar sync” (state: active → revoked) in account Acme Co');
    expect(codeOf(await t.execute(RiskyRevokeToken, { as: 'usr_tom', variables: { tokenId: 'tok_acme_tom' } }))).toBe('BAD_USER_INPUT');
  });

  it('a member cannot revoke one a colleague created: FORBIDDEN', async () => {
    expect(codeOf(await t.execute(RiskyRevokeToken, { as: 'usr_tom', variables: { tokenId: 'tok_acme_reports' } }))).toBe('FORBIDDEN');
    expect((await token('tok_acme_reports')).revoked_at).toBeNull();
  });

  it('an admin revokes any of the account’s, none of another account’s (NOT_FOUND)', async () => {
    expect((await t.execute(RiskyRevokeToken, { as: 'usr_omar', variables: { tokenId: 'tok_acme_reports' } })).body.errors).toBeUndefined();
    expect((await token('tok_acme_reports')).revoked_at).not.toBeNull();
    expect(codeOf(await t.execute(RiskyRevokeToken, { as: 'usr_omar', variables: { tokenId: 'tok_globex_etl' } }))).toBe('NOT_FOUND');
    expect((await token('tok_globex_etl')).revoked_at).toBeNull();
  });
});

describe('a customer deletes a private note within their own rules', () => {
  beforeAll(async () => {
    await t.demo.insertInto('private_notes').values({ id: 'note_acme_tom', account_id: 'acc_acme', author_id: 'usr_tom', body: 'Ask Jane about the expense policy before the offsite.' }).execute();
  });

  it('a member deletes their own: its text is erased and it is listed nowhere', async () => {
    const reply = await t.execute(RiskyDeleteNote, { as: 'usr_tom', variables: { noteId: 'note_acme_tom' } });
    expect(reply.body.data?.deletePrivateNote).toEqual({ id: 'note_acme_tom' });
    expect(await note('note_acme_tom')).toEqual({ body: '', deleted_at: expect.any(Date) });
    expect((await t.execute(OwnNotes, { as: 'usr_tom' })).body.data?.account?.privateNotes).toEqual([]);
    expect((await lastRecordOf('deletePrivateNote'))?.summary).toMatch(/^Tom Baker deleted Tom Baker's private note of \d{4}-\d\d-\d\d \(text: a sensitive value, not recorded\) in account Acme Co$/);
    expect(codeOf(await t.execute(RiskyDeleteNote, { as: 'usr_tom', variables: { noteId: 'note_acme_tom' } }))).toBe('NOT_FOUND');
  });

  it("a member cannot delete a colleague's, which is not theirs to see: NOT_FOUND", async () => {
    expect(codeOf(await t.execute(RiskyDeleteNote, { as: 'usr_tom', variables: { noteId: 'note_acme_1' } }))).toBe('NOT_FOUND');
    expect((await note('note_acme_1')).deleted_at).toBeNull();
  });

  it("the owner deletes a colleague's", async () => {
    expect((await t.execute(RiskyDeleteNote, { as: 'customer', variables: { noteId: 'note_acme_2' } })).body.errors).toBeUndefined();
    expect((await note('note_acme_2')).deleted_at).not.toBeNull();
  });
});
