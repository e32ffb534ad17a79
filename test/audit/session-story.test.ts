import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionStory } from '../../src/audit/session-story.js';
import { schemaLabels } from '../../src/audit/story-labels.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { auditEventRow } from './audit-event-row.js';
import { AUDIT_GOOD_REASON, AuditEndSession, codeOf, openAuditSession } from './audit-support.js';

const StoryBilling = graphql(`
  query StoryBilling {
    account {
      name
      plan
      invoices(first: 3) {
        number
        status
        taxRate
      }
      paymentMethods {
        brand
        cardNumber
      }
    }
  }
`);

const StoryPeople = graphql(`
  query StoryPeople {
    account {
      users {
        name
        email
      }
    }
  }
`);

const StoryBirthDate = graphql(`
  query StoryBirthDate {
    me {
      birthDate
    }
  }
`);

const StoryUsersByEmail = graphql(`
  query StoryUsersByEmail($email: String!) {
    account {
      users(filter: { email: $email }) {
        id
      }
    }
  }
`);

const StoryTimeline = graphql(`
  query StoryTimeline($agent: ID) {
    impersonationSessions(filter: { agent: $agent }) {
      sessionId
      story
      events {
        kind
        typeField
        details
      }
    }
  }
`);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(() => t?.close());

describe('a session timeline reads as a story', () => {
  it('tells a typical session request by request, in words', async () => {
    // Leo enters Tom's account, looks at the billing, at the people, asks for Tom's birth date,
    // searches the users by email (refused: it would reveal the masked addresses), and leaves.
    const session = await openAuditSession(t, { agent: 'agent2', userId: 'usr_tom', ticket: 'SUP-8100' });
    expect((await t.execute(StoryBilling, { as: 'agent2', headers: session.headers })).body.errors).toBeUndefined();
    expect((await t.execute(StoryPeople, { as: 'agent2', headers: session.headers })).body.errors).toBeUndefined();
    expect(codeOf((await t.execute(StoryBirthDate, { as: 'agent2', headers: session.headers })).body)).toBe('FIELD_DENIED');
    const search = { as: 'agent2', headers: session.headers, variables: { email: 'jane.doe@acme.example' } };
    expect(codeOf((await t.execute(StoryUsersByEmail, search)).body)).toBe('FORBIDDEN');
    // Ended from inside the session: the mutation's own field read is in the session's rows.
    const ended = await t.execute(AuditEndSession, { as: 'agent2', variables: { sessionId: session.sessionId }, headers: session.headers });
    expect(ended.body.errors).toBeUndefined();

    const result = await t.execute(StoryTimeline, { as: 'auditor', variables: { agent: 'stf_leo' } });
    expect(result.body.errors).toBeUndefined();
    const [timeline] = result.body.data!.impersonationSessions;
    expect(timeline?.sessionId).toBe(session.sessionId);
    expect(timeline!.story.every((line) => /^\d\d:\d\d UTC — /.test(line))).toBe(true);
    expect(timeline!.story.map((line) => line.replace(/^\d\d:\d\d UTC — /, ''))).toEqual([
      `Agent Leo Park started a read-only session as Tom Baker (Acme Co) for ticket SUP-8100: "${AUDIT_GOOD_REASON}"`,
      'Agent Leo Park viewed the account, 3 invoices and 2 payment methods',
      'Agent Leo Park saw the card number of 2 payment methods masked',
      'Agent Leo Park viewed the account',
      'Agent Leo Park saw the name of Jane Doe, Lena Berg, Omar Haddad and Tom Baker',
      'Agent Leo Park saw the email of Jane Doe, Lena Berg, Omar Haddad and Tom Baker masked',
      'Agent Leo Park was refused the birth date of Tom Baker',
      expect.stringMatching(/^Agent Leo Park was refused the email: \S/),
      expect.stringMatching(/^Agent Leo Park ended the session as Tom Baker \(Acme Co\) after \d+ minutes?$/),
    ]);
    // The rows it is told from are all there, schema names and all: a request's public reads in its one row.
    const typeFields = timeline!.events.flatMap((event) => event.typeField ?? Object.keys((JSON.parse(event.details) as { fields?: object }).fields ?? {}));
    expect(typeFields).toEqual(expect.arrayContaining(['Query.account', 'Invoice.number', 'PaymentMethod.cardNumber', 'User.email', 'User.birthDate', 'Mutation.endImpersonation']));
    expect(new Set(typeFields).size).toBeGreaterThan(15);
  });
});

describe('the story of rows it cannot check against a live session', () => {
  const labels = schemaLabels(buildDemoSchema().schema);
  const row = auditEventRow;

  it('names a few people and counts the rest, and tells a mutation without an event of its own', () => {
    const people = Array.from({ length: 200 }, (_, i) => `usr_${i}`);
    const story = sessionStory(
      [
        row({ type_field: 'User.email', data_class: 'pii', decision: 'masked', details: { count: 230, subjectIds: people, truncated: true, distinctSubjectIds: 230 } }),
        row({ request_id: 'req-2', operation: 'AskForFields', type_field: 'Mutation.requestFieldAccess' }),
      ],
      'Sarah Lee',
      new Map([['usr_0', 'Ann'], ['usr_1', 'Bo'], ['usr_2', 'Cy'], ['usr_3', 'Di'], ['usr_4', 'Ed']]),
      labels,
    );
    expect(story).toEqual([
      '14:05 UTC — Agent Sarah Lee saw the email of Ann, Bo, Cy, Di, Ed and 225 others masked',
      '14:05 UTC — Agent Sarah Lee ran request field access',
    ]);
  });

  it("tells a request's shared rows as it told a row per field: the same lines from either shape", () => {
    const perField = [
      row({ type_field: 'Query.account', path: 'account', details: { count: 1 } }),
      row({ type_field: 'Account.invoices', path: 'account.invoices', details: { count: 1 } }),
      row({ type_field: 'Invoice.number', path: 'account.invoices[0].number', details: { count: 3 } }),
      row({ type_field: 'Invoice.createdAt', path: 'account.invoices[0].createdAt', data_class: 'internal', details: { count: 3, objectIds: ['inv_1', 'inv_2', 'inv_3'] } }),
      row({ type_field: 'User.email', data_class: 'pii', decision: 'masked', details: { count: 1, subjectIds: ['usr_tom'] } }),
    ];
    const shared = [
      row({
        details: {
          fields: {
            'Query.account': { count: 1, paths: ['account'] },
            'Account.invoices': { count: 1, paths: ['account.invoices'] },
            'Invoice.number': { count: 3, paths: ['account.invoices[0-2].number'] },
          },
          count: 5,
        },
      }),
      row({ data_class: 'internal', details: { fields: { 'Invoice.createdAt': { count: 3, paths: ['account.invoices[0-2].createdAt'], objectIds: ['inv_1', 'inv_2', 'inv_3'] } }, count: 3 } }),
      row({ type_field: 'User.email', data_class: 'pii', decision: 'masked', details: { count: 1, subjectIds: ['usr_tom'] } }),
    ];
    const names = new Map([['usr_tom', 'Tom Baker']]);
    const told = sessionStory(perField, 'Sarah Lee', names, labels);
    expect(told).toEqual(['14:05 UTC — Agent Sarah Lee viewed the account and 3 invoices', "14:05 UTC — Agent Sarah Lee saw Tom Baker's email masked"]);
    expect(sessionStory(shared, 'Sarah Lee', names, labels)).toEqual(told);
  });

  it('tells a value a resolver refused once: whose it was, and why', () => {
    const why = "Only the account's owners and admins see a colleague's birth date; everyone sees their own.";
    const story = sessionStory(
      [
        row({ type_field: 'User.birthDate', data_class: 'sensitive', decision: 'allowed', details: { count: 1, subjectIds: ['usr_tom'] } }),
        row({ type_field: 'User.birthDate', data_class: 'sensitive', decision: 'denied', details: { count: 2, subjectIds: ['usr_jane', 'usr_lena'] } }),
        row({ kind: 'access_denied', type_field: 'User.birthDate', decision: 'denied', reason: why, details: { code: 'FORBIDDEN', count: 2 } }),
        // Control: a refusal with no denied read of its field keeps its own line.
        row({ kind: 'access_denied', type_field: 'Account.invoices', decision: 'denied', reason: 'Ask for between 1 and 1000 invoices.', details: { code: 'BAD_USER_INPUT' } }),
      ],
      'Sarah Lee',
      new Map([['usr_tom', 'Tom Baker'], ['usr_jane', 'Jane Doe'], ['usr_lena', 'Lena Berg']]),
      labels,
    );
    expect(story).toEqual([
      "14:05 UTC — Agent Sarah Lee saw Tom Baker's birth date",
      `14:05 UTC — Agent Sarah Lee was refused the birth date of Jane Doe and Lena Berg: ${why}`,
      '14:05 UTC — Agent Sarah Lee was refused the invoices: Ask for between 1 and 1000 invoices.',
    ]);
  });

  it('names the assistant, and the agent it works for, for what it did in a session the agent lent it', () => {
    const assistant = { actor_kind: 'assistant' as const, actor_id: 'ast_triage', actor_name: 'Triage-Bot' };
    const story = sessionStory(
      [
        row({ request_id: 'req-a1', type_field: 'Account.name', details: { count: 1 }, ...assistant }),
        row({ request_id: 'req-a1', type_field: 'User.email', data_class: 'pii', decision: 'pseudonym', details: { count: 1, subjectIds: ['usr_tom'] }, ...assistant }),
        row({ request_id: 'req-a2', kind: 'access_denied', type_field: 'Account.invoices', decision: 'denied', reason: 'Ask for between 1 and 1000 invoices.', details: { code: 'BAD_USER_INPUT' }, ...assistant }),
        // Control: the agent's own read in the same session is still the agent's.
        row({ request_id: 'req-s1', type_field: 'Account.name', details: { count: 1 } }),
      ],
      'Sarah Lee',
      new Map([['usr_tom', 'Tom Baker']]),
      labels,
    );
    expect(story[0]).toBe('14:05 UTC — Assistant Triage-Bot, for Agent Sarah Lee, viewed the account');
    expect(story[1]).toMatch(/^14:05 UTC — Assistant Triage-Bot, for Agent Sarah Lee, saw Tom Baker's email/);
    expect(story.slice(2)).toEqual([
      '14:05 UTC — Assistant Triage-Bot, for Agent Sarah Lee, was refused the invoices: Ask for between 1 and 1000 invoices.',
      '14:05 UTC — Agent Sarah Lee viewed the account',
    ]);
  });

  it('writes acronyms in capitals: API tokens, not api tokens', () => {
    expect(labels.objects('ApiToken', 2)).toBe('2 API tokens');
    expect(labels.field('User.nationalId')).toBe('national ID');
  });
});
