import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { endOpenSessions, ImpDelegate, openSession, withSession } from '../impersonation/sessions.js';
import { newRequestId } from './audit-support.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
});
afterAll(async () => {
  await endOpenSessions(t);
  await t.close();
});

// A document the schema refuses before anything runs: a request-level refusal row.
const Unknown = parse('query Unknown { account { nope } }') as TypedDocumentNode<unknown, Record<string, never>>;

it("says who an assistant works for in a refused request's summary, in a sentence that reads", async () => {
  const session = await openSession(t);
  const delegated = await t.execute(ImpDelegate, { as: 'agent', headers: withSession(session.token), variables: { sessionId: session.sessionId, assistantId: 'ast_triage' } });
  const token = delegated.body.data?.delegateSession?.token;
  if (!token) throw new Error(delegated.text);

  const requestId = newRequestId('assistant-refused');
  const refused = await t.execute(Unknown, { as: 'assistant', headers: { ...withSession(token), 'x-request-id': requestId } });
  expect(refused.status).toBe(400);
  const rows = await t.db.selectFrom('audit_events').select(['kind', 'actor_kind', 'summary', 'details']).where('request_id', '=', requestId).execute();
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ kind: 'request_refused', actor_kind: 'assistant' });
  expect(rows[0]?.summary).toMatch(/^Assistant Triage-Bot, for Agent Sarah Lee, was refused a query as Tom Baker \(Acme Co\): /);
  expect(rows[0]?.summary).not.toContain(",'s");
});
