import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColleaguesPrivateDataQuery } from '../gql/graphql.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';

const ColleaguesPrivateData = graphql(`
  query ColleaguesPrivateData {
    account {
      users {
        id
        birthDate
        nationalId
      }
      privateNotes {
        id
        body
      }
    }
  }
`);

const ColleagueById = graphql(`
  query ColleagueById($id: ID!) {
    user(id: $id) {
      id
      birthDate
    }
  }
`);

const BIRTH_DATES: Record<string, string> = { usr_jane: '1986-04-12', usr_omar: '1990-09-30', usr_lena: '1979-01-05', usr_tom: '1995-07-21' };
const NATIONAL_IDS: Record<string, string> = { usr_jane: 'GB-QQ123456C', usr_omar: 'GB-QQ654321A', usr_lena: 'GB-QQ112233B', usr_tom: 'GB-QQ445566D' };
const GRANTS = 'User.birthDate,User.nationalId,PrivateNote.body';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(() => t.close());

type Reply = GraphQLResponse<ColleaguesPrivateDataQuery>;

/** Whose birth date and national ID came back, and the FORBIDDEN refusals, by user id. */
function seen(reply: Reply) {
  const users = reply.body.data?.account?.users ?? [];
  const shown = users.filter((u) => u.birthDate !== null).map((u) => u.id).sort();
  for (const user of users) {
    if (user.birthDate !== null) expect(user).toEqual({ id: user.id, birthDate: BIRTH_DATES[user.id], nationalId: NATIONAL_IDS[user.id] });
    else expect(user).toEqual({ id: user.id, birthDate: null, nationalId: null });
  }
  const refused = (reply.body.errors ?? []).map((e) => {
    expect(e.extensions?.['code']).toBe('FORBIDDEN');
    expect(e.message).toMatch(/^Only the account's owners and admins see a colleague's (birth date|national ID); everyone sees their own\.$/);
    return users[Number(e.path?.[2])]?.id;
  });
  return { shown, refused: [...new Set(refused)].sort(), notes: (reply.body.data?.account?.privateNotes ?? []).map((n) => n.id).sort() };
}

describe("a colleague's birth date, national ID and private notes", () => {
  it('are withheld from a member, who sees only their own', async () => {
    const reply = await t.execute(ColleaguesPrivateData, { as: 'usr_tom' });
    expect(seen(reply)).toEqual({ shown: ['usr_tom'], refused: ['usr_jane', 'usr_lena', 'usr_omar'], notes: [] });
    expect(reply.text).not.toContain('do not mention it to sales');
  });

  it('are withheld from a billing contact too, who sees the note they wrote', async () => {
    const reply = await t.execute(ColleaguesPrivateData, { as: 'usr_lena' });
    expect(seen(reply)).toEqual({ shown: ['usr_lena'], refused: ['usr_jane', 'usr_omar', 'usr_tom'], notes: ['note_acme_2'] });
  });

  it.each(['usr_jane', 'usr_omar'])('are shown to the account owner and admins (%s)', async (who) => {
    const reply = await t.execute(ColleaguesPrivateData, { as: who });
    expect(reply.body.errors).toBeUndefined();
    expect(seen(reply)).toEqual({ shown: ['usr_jane', 'usr_lena', 'usr_omar', 'usr_tom'], refused: [], notes: ['note_acme_1', 'note_acme_2'] });
  });

  it('are withheld when a member asks for one colleague by id', async () => {
    const { body } = await t.execute(ColleagueById, { as: 'usr_tom', variables: { id: 'usr_jane' } });
    expect(body.data).toEqual({ user: { id: 'usr_jane', birthDate: null } });
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const own = await t.execute(ColleagueById, { as: 'usr_tom', variables: { id: 'usr_tom' } });
    expect(own.body).toEqual({ data: { user: { id: 'usr_tom', birthDate: '1995-07-21' } } });
  });

  it('stay withheld from support acting as a member, even with the fields granted', async () => {
    const reply = await t.execute(ColleaguesPrivateData, { as: 'agent', actAs: `usr_lena read_only ${GRANTS}` });
    expect(seen(reply)).toEqual({ shown: ['usr_lena'], refused: ['usr_jane', 'usr_omar', 'usr_tom'], notes: ['note_acme_2'] });
    expect(reply.text).not.toContain('do not mention it to sales');
  });

  it('control: support acting as an admin with the same grants sees what the admin sees', async () => {
    const reply = await t.execute(ColleaguesPrivateData, { as: 'agent', actAs: `usr_omar read_only ${GRANTS}` });
    expect(seen(reply)).toEqual({ shown: ['usr_jane', 'usr_lena', 'usr_omar', 'usr_tom'], refused: [], notes: ['note_acme_1', 'note_acme_2'] });
  });
});
