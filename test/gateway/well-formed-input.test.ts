import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const WellFormedDirectory = graphql(`
  query WellFormedDirectory($search: String!) {
    directory(search: $search) {
      userId
      name
    }
  }
`);

const WellFormedStart = graphql(`
  mutation WellFormedStart($input: StartImpersonationInput!) {
    startImpersonation(input: $input) {
      session {
        id
      }
      token
    }
  }
`);

const REFUSED = 'contains a NUL character or an unpaired UTF-16 surrogate, which cannot be stored: remove it and send the request again.';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t?.close());

const auditRowCount = async () => Number((await t.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('strings PostgreSQL cannot store are refused before anything runs', () => {
  it.each([
    ['a NUL character', 'Acme\u0000'],
    ['a lone high surrogate', 'Acme\ud800'],
    ['a lone low surrogate', '\udc00Acme'],
  ])('refuses a variable with %s: BAD_USER_INPUT naming the variable, no data, nothing read, the refusal recorded', async (_what, search) => {
    const before = await auditRowCount();
    const reply = await t.execute(WellFormedDirectory, { as: 'agent', variables: { search } });
    expect(reply.body.errors).toEqual([{ message: `The variable $search ${REFUSED}`, extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(reply.body.data).toBeUndefined();
    // Nothing was executed, so nothing was read: the one row is the refusal's, without the value.
    expect(await auditRowCount()).toBe(before + 1);
    const row = await t.db.selectFrom('audit_events').select(['kind', 'details']).where('request_id', '=', reply.headers.get('x-request-id')).executeTakeFirstOrThrow();
    expect(row.kind).toBe('request_refused');
    expect(JSON.stringify(row.details)).not.toContain('Acme');
  });

  it('keeps whole characters: the same search with an emoji answers (the control)', async () => {
    const reply = await t.execute(WellFormedDirectory, { as: 'agent', variables: { search: 'Acme \u{1F600}' } });
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.directory).toEqual([]);
  });

  it('refuses one nested in an input object, naming its path, before the session is started', async () => {
    const reply = await t.execute(WellFormedStart, {
      as: 'agent',
      variables: { input: { userId: 'usr_tom', reason: 'Customer reports invoice ACME-2026-012 shows\u0000 20% tax', ticket: 'SUP-1234' } },
    });
    expect(reply.body.errors).toEqual([{ message: `The variable $input.reason ${REFUSED}`, extensions: { code: 'BAD_USER_INPUT' } }]);
    expect(await t.db.selectFrom('impersonation_sessions').select('id').execute()).toEqual([]);
  });

  it('refuses an escaped NUL in a string literal of the document', async () => {
    const response = await t.fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${await t.tokenFor('agent')}` },
      body: JSON.stringify({ query: '{ directory(search: "Acme\\u0000") { userId } }' }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: unknown };
    expect(body.errors).toEqual([expect.objectContaining({ message: `A string in the document ${REFUSED}`, extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(body.data).toBeUndefined();
  });

  it('refuses variables nested past any input of the API with 400 (401 unsigned, unread), and keeps serving', async () => {
    // Written out, since JSON.stringify itself would run out of stack on it.
    const deep = `${'['.repeat(5_000)}"x"${']'.repeat(5_000)}`;
    for (const [authorization, status, code] of [
      [`Bearer ${await t.tokenFor('agent')}`, 400, 'BAD_REQUEST'],
      [undefined, 401, 'UNAUTHENTICATED'],
    ] as const) {
      const response = await t.fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(authorization ? { authorization } : {}) },
        body: `{"query": "{ viewer { id } }", "variables": {"x": ${deep}}}`,
      });
      expect(response.status).toBe(status);
      const body = (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }>; data?: unknown };
      expect(body.data).toBeUndefined();
      expect(body.errors?.map((e) => e.extensions.code)).toEqual([code]);
      if (status === 400) expect(body.errors?.[0]?.message).toMatch(/^The variables nest deeper than 64 levels/);
    }
    // Control: an ordinary depth is read, and the gateway still answers.
    const reply = await t.execute(WellFormedDirectory, { as: 'agent', variables: { search: 'Acme' } });
    expect(reply.body.errors).toBeUndefined();
  });
});
