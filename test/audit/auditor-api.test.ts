import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { graphql } from '../gql/index.js';
import type { AuditApiEventsQuery, AuditEventFilter } from '../gql/graphql.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';
import { ImpDelegate, withSession } from '../impersonation/sessions.js';
import { codeOf, endAuditSession, newRequestId, openAuditSession } from './audit-support.js';

const AuditApiEvents = graphql(`
  query AuditApiEvents($filter: AuditEventFilter, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          occurredAt
          kind
          summary
          actorId
          userId
          accountId
          sessionId
          typeField
          decision
          details
        }
      }
      hasNextPage
      endCursor
    }
  }
`);

const AuditApiSessions = graphql(`
  query AuditApiSessions($agent: ID) {
    impersonationSessions(filter: { agent: $agent }) {
      sessionId
      agentName
      userName
      accountName
      reason
      ticket
      status
      startedAt
      endedAt
      story
      events {
        kind
      }
    }
  }
`);

const AuditApiReview = graphql(`
  query AuditApiReview($from: DateTime!, $to: DateTime!) {
    accessReview(from: $from, to: $to) {
      agentId
      agentName
      sessions
      accounts
      approvalsRequested
      approvalsGranted
      refusals
    }
  }
`);

const AuditApiExport = graphql(`
  query AuditApiExport($filter: AuditEventFilter, $format: AuditExportFormat!, $limit: Int! = 10000) {
    auditExport(filter: $filter, format: $format, limit: $limit) {
      content
      events
      truncated
    }
  }
`);

const AuditApiMe = graphql(`
  query AuditApiMe {
    me {
      id
      phone
      birthDate
    }
  }
`);

const AuditApiTaxRate = graphql(`
  mutation AuditApiTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
    }
  }
`);

const AuditApiDirectory = graphql(`
  query AuditApiDirectory {
    directory(search: "Acme") {
      userId
    }
  }
`);

const AuditApiAccessHistory = graphql(`
  query AuditApiAccessHistory {
    accessHistory(first: 5) {
      edges {
        node {
          sessionId
          agentName
        }
      }
    }
  }
`);

let t: TestGateway;
let sessionId: string;
let afterSession: Date;
let startedAt: Date;

beforeAll(async () => {
  t = await startTestGateway({}, { realSessions: true });
  startedAt = new Date();
  // Sarah enters Tom's account, sees his phone (masked), is denied his birth date, is stopped
  // from changing a tax rate in a read-only session, and ends the session.
  const session = await openAuditSession(t, { agent: 'agent', userId: 'usr_tom', ticket: 'SUP-7001' });
  sessionId = session.sessionId;
  const read = await t.execute(AuditApiMe, { as: 'agent', headers: session.headers });
  expect(read.body.data?.me?.id).toBe('usr_tom');
  const refused = await t.execute(AuditApiTaxRate, { as: 'agent', headers: session.headers, variables: { input: { invoiceId: 'inv_acme_012', taxRate: 3 } } });
  expect(codeOf(refused.body)).toBe('APPROVAL_REQUIRED');
  await endAuditSession(t, 'agent', sessionId);
  await sleep(20);
  afterSession = new Date();
  await sleep(20);
  // Later, outside any session: a refusal for Sarah, a directory read for Leo, a customer's change.
  expect(codeOf((await t.execute(AuditApiMe, { as: 'agent' })).body)).toBe('FORBIDDEN');
  expect((await t.execute(AuditApiDirectory, { as: 'agent2' })).body.errors).toBeUndefined();
  expect((await t.execute(AuditApiTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 12 } } })).body.errors).toBeUndefined();
});
afterAll(() => t?.close());

type Node = { id: string; occurredAt: string; kind: string; summary: string; actorId?: string | null; userId?: string | null; accountId?: string | null; sessionId?: string | null; typeField?: string | null; decision?: string | null; details?: string };

/** Every page of auditEvents for a filter, following the cursor; asserts the pages are consistent. */
async function allEvents(filter: AuditEventFilter, pageSize: number): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result: GraphQLResponse<AuditApiEventsQuery> = await t.execute(AuditApiEvents, { as: 'auditor', variables: { filter, first: pageSize, after } });
    expect(result.body.errors).toBeUndefined();
    const connection = result.body.data!.auditEvents;
    expect(connection.edges.length).toBeLessThanOrEqual(pageSize);
    for (const edge of connection.edges) expect(edge.cursor).toBe(edge.node.id);
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.hasNextPage) return nodes;
    after = connection.endCursor ?? null;
    expect(after).not.toBeNull();
  }
  throw new Error('more than 100 pages');
}

const seqsOf = (nodes: Node[]) => nodes.map((n) => Number(n.id));
const descending = (values: number[]) => values.every((v, i) => i === 0 || v < values[i - 1]!);

describe('auditEvents', () => {
  it("filters by actor: every page, newest first, each event with a summary, and nothing of Sarah's left out", async () => {
    const nodes = await allEvents({ actor: 'stf_sarah' }, 3);
    const expected = await t.db.selectFrom('audit_events').select('chain_seq').where('actor_id', '=', 'stf_sarah').orderBy('chain_seq', 'desc').execute();
    expect(seqsOf(nodes)).toEqual(expected.map((r) => Number(r.chain_seq)));
    expect(nodes.length).toBeGreaterThan(5);
    expect(nodes.every((n) => n.actorId === 'stf_sarah' && n.summary.length > 10)).toBe(true);
    expect(descending(seqsOf(nodes))).toBe(true);
    expect(nodes.map((n) => n.summary)).toContainEqual(expect.stringMatching(/^Agent Sarah Lee read User\.phone once \(masked\) as Tom Baker \(Acme Co\)/));
  });

  it('filters by user, account and session', async () => {
    const byUser = await allEvents({ user: 'usr_tom' }, 50);
    expect(byUser.length).toBeGreaterThan(3);
    // Tom's: as the customer acted as, or as a user whose data a read read (Leo's directory search).
    const tomsData = (n: Node) => n.kind === 'field_read' && (JSON.parse(n.details ?? '{}') as { subjectIds?: string[] }).subjectIds?.includes('usr_tom');
    expect(byUser.every((n) => n.userId === 'usr_tom' || tomsData(n))).toBe(true);
    // (Public fields a request read share its one row, under `details.fields`.)
    const readsField = (n: Node, field: string) => n.typeField === field || field in ((JSON.parse(n.details ?? '{}') as { fields?: object }).fields ?? {});
    expect(byUser.some((n) => n.userId === null && n.actorId === 'stf_leo' && readsField(n, 'DirectoryEntry.userId'))).toBe(true);

    const byAccount = await allEvents({ account: 'acc_acme' }, 50);
    expect(byAccount.every((n) => n.accountId === 'acc_acme')).toBe(true);
    // The customer's own change is in the account's slice, though it was no session.
    expect(byAccount.some((n) => n.kind === 'mutation_executed' && n.actorId === 'usr_jane')).toBe(true);

    const bySession = await allEvents({ session: sessionId }, 50);
    expect(bySession.every((n) => n.sessionId === sessionId)).toBe(true);
    expect(bySession.map((n) => n.kind)).toEqual(expect.arrayContaining(['session_started', 'field_read', 'mutation_refused', 'session_ended']));
  });

  it('filters by kinds and decisions', async () => {
    const masked = await allEvents({ session: sessionId, kinds: ['field_read'], decisions: ['masked'] }, 50);
    expect(masked.map((n) => n.typeField)).toEqual(['User.phone']);
    const denied = await allEvents({ actor: 'stf_sarah', decisions: ['denied', 'refused'] }, 50);
    expect(denied.map((n) => `${n.kind}:${n.typeField}`).sort()).toEqual(['access_denied:Query.me', 'field_read:User.birthDate', 'mutation_refused:Mutation.setInvoiceTaxRate']);
    const kinds = await allEvents({ actor: 'stf_sarah', kinds: ['session_started', 'session_ended'] }, 50);
    expect(kinds.map((n) => n.kind)).toEqual(['session_ended', 'session_started']);
  });

  it('filters by time: from is inclusive, to exclusive', async () => {
    const later = await allEvents({ actor: 'stf_sarah', from: afterSession.toISOString() }, 50);
    expect(later.map((n) => `${n.kind}:${n.typeField}`)).toEqual(['access_denied:Query.me']);
    const earlier = await allEvents({ actor: 'stf_sarah', from: startedAt.toISOString(), to: afterSession.toISOString() }, 50);
    expect(earlier.map((n) => n.kind)).toEqual(expect.arrayContaining(['session_started', 'field_read', 'mutation_refused', 'session_ended']));
    expect(earlier.some((n) => n.kind === 'access_denied')).toBe(false);
    expect(earlier.every((n) => Date.parse(n.occurredAt) >= startedAt.getTime() && Date.parse(n.occurredAt) < afterSession.getTime())).toBe(true);
    expect(earlier.length + later.length).toBe((await allEvents({ actor: 'stf_sarah' }, 50)).length);
  });

  it('pages in chain order even when clocks disagree (a second instance a little behind)', async () => {
    const now = Date.now();
    // Three rows appended in this order; the second by an instance whose clock runs 2 s behind.
    for (const [offset, summary] of [[0, 'first'], [-2000, 'second'], [1, 'third']] as const) {
      await t.db.transaction().execute((trx) =>
        appendAuditRows(trx, [{ kind: 'test_event', actor_kind: 'staff', actor_id: 'stf_skewed', actor_name: 'Skewed', occurred_at: new Date(now + offset), details: {}, summary }]),
      );
    }
    const nodes = await allEvents({ actor: 'stf_skewed' }, 1);
    expect(nodes.map((n) => n.summary).sort()).toEqual(['first', 'second', 'third']);
    expect(new Set(seqsOf(nodes)).size).toBe(3);
  });

  it('refuses a page size out of range and a cursor it did not give out', async () => {
    for (const variables of [{ first: 0 }, { first: 501 }, { first: 10, after: 'abc' }]) {
      const result = await t.execute(AuditApiEvents, { as: 'auditor', variables });
      expect(codeOf(result.body)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('impersonationSessions', () => {
  it('tells each session as a timeline a manager can read', async () => {
    const result = await t.execute(AuditApiSessions, { as: 'auditor', variables: { agent: 'stf_sarah' } });
    expect(result.body.errors).toBeUndefined();
    const [timeline, ...others] = result.body.data!.impersonationSessions;
    expect(others).toEqual([]);
    expect(timeline).toMatchObject({ sessionId, agentName: 'Sarah Lee', userName: 'Tom Baker', accountName: 'Acme Co', ticket: 'SUP-7001', status: 'ended' });
    expect(timeline!.endedAt).not.toBeNull();
    const story = timeline!.story;
    expect(story.every((line) => /^\d\d:\d\d UTC — /.test(line))).toBe(true);
    const started = story.findIndex((l) => /started a read-only session as Tom Baker \(Acme Co\) for ticket SUP-7001: "Customer reports invoices/.test(l));
    const viewed = story.findIndex((l) => /Agent Sarah Lee saw Tom Baker's phone masked$/.test(l));
    const denied = story.findIndex((l) => /Agent Sarah Lee was refused the birth date of Tom Baker$/.test(l));
    const stopped = story.findIndex((l) => /was stopped from running setInvoiceTaxRate as Tom Baker/.test(l));
    const ended = story.findIndex((l) => /Agent Sarah Lee ended the session as Tom Baker/.test(l));
    expect({ started, viewed, denied, stopped, ended }).toEqual({
      started: expect.any(Number),
      viewed: expect.any(Number),
      denied: expect.any(Number),
      stopped: expect.any(Number),
      ended: story.length - 1,
    });
    expect(started).toBeGreaterThanOrEqual(0);
    expect(started).toBeLessThan(viewed);
    expect(viewed).toBeLessThan(stopped);
    expect(denied).toBeGreaterThan(started);
  });
});

describe('accessReview', () => {
  it('counts sessions, accounts entered, approvals and refusals per agent', async () => {
    const from = new Date(startedAt.getTime() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    const result = await t.execute(AuditApiReview, { as: 'auditor', variables: { from, to } });
    expect(result.body.errors).toBeUndefined();
    const rows = result.body.data!.accessReview;
    const sarah = rows.find((r) => r.agentId === 'stf_sarah');
    const approvals = await t.db.selectFrom('approval_requests').select('id').where('requester_id', '=', 'stf_sarah').execute();
    // Refusals: the birth date denied, the tax rate stopped, the customer field refused.
    expect(sarah).toEqual({
      agentId: 'stf_sarah',
      agentName: 'Sarah Lee',
      sessions: 1,
      accounts: ['Acme Co'],
      approvalsRequested: approvals.length,
      approvalsGranted: approvals.length,
      refusals: 3,
    });
    // Leo only read the directory: nothing to review.
    expect(rows.find((r) => r.agentId === 'stf_leo')).toBeUndefined();

    const empty = await t.execute(AuditApiReview, { as: 'auditor', variables: { from: '2020-01-01T00:00:00Z', to: '2020-04-01T00:00:00Z' } });
    expect(empty.body.data?.accessReview).toEqual([]);
    const backwards = await t.execute(AuditApiReview, { as: 'auditor', variables: { from: to, to: from } });
    expect(codeOf(backwards.body)).toBe('BAD_USER_INPUT');
    // Every month in the range is scanned: at most a year at a time.
    const unbounded = await t.execute(AuditApiReview, { as: 'auditor', variables: { from: '0001-01-01T00:00:00Z', to: '9999-01-01T00:00:00Z' } });
    expect(codeOf(unbounded.body)).toBe('BAD_USER_INPUT');
    expect(unbounded.body.errors?.[0]?.message).toBe('An access review covers at most 366 days (a year); review a longer period a year at a time.');
  });

  it("gives an assistant a row of its own, labelled as one: the session lent it, its account and its refusals", async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const session = await openAuditSession(t, { agent: 'agent', userId: 'usr_tom' });
    const delegated = await t.execute(ImpDelegate, { as: 'agent', headers: session.headers, variables: { sessionId: session.sessionId, assistantId: 'ast_triage' } });
    const token = delegated.body.data?.delegateSession?.token;
    if (!token) throw new Error(delegated.text);
    const read = await t.execute(AuditApiMe, { as: 'assistant', headers: withSession(token) });
    expect(read.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FIELD_DENIED']);
    await endAuditSession(t, 'agent', session.sessionId);

    const to = new Date(Date.now() + 60_000).toISOString();
    const result = await t.execute(AuditApiReview, { as: 'auditor', variables: { from, to } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.accessReview.find((r) => r.agentId === 'ast_triage')).toEqual({
      agentId: 'ast_triage',
      agentName: 'Assistant Triage-Bot',
      sessions: 1,
      accounts: ['Acme Co'],
      approvalsRequested: 0,
      approvalsGranted: 0,
      // The birth date it was denied.
      refusals: 1,
    });
  });
});

describe('auditExport', () => {
  beforeAll(async () => {
    await t.db.transaction().execute((trx) =>
      appendAuditRows(trx, [
        { kind: 'test_event', actor_kind: 'staff', actor_id: 'stf_csv', actor_name: '=HYPERLINK("http://evil.example","x")', details: {}, summary: '+1+2' },
        { kind: 'test_event', actor_kind: 'staff', actor_id: 'stf_csv', actor_name: '@SUM(A1)', reason: '-2+3', details: {}, summary: '\t=cmd|" /C calc"!A0' },
        { kind: 'test_event', actor_kind: 'staff', actor_id: 'stf_csv', actor_name: 'Plain, "quoted"', details: {}, summary: 'two\nlines' },
      ]),
    );
  });

  it('exports a filtered range as CSV: a header and one quoted row per event, no cell a formula', async () => {
    const result = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter: { actor: 'stf_csv' }, format: 'CSV' } });
    expect(result.body.errors).toBeUndefined();
    expect(result.body.data!.auditExport).toMatchObject({ events: 3, truncated: false });
    const csv = result.body.data!.auditExport.content;
    const [header, ...lines] = csv.split(/\n(?=")/);
    expect(header).toBe(
      'chain_seq,occurred_at,kind,actor_kind,actor_id,actor_name,subject_user_id,account_id,session_id,request_id,operation,type_field,path,data_class,decision,policy_version,reason,summary,details',
    );
    expect(lines).toHaveLength(3);
    const cells = lines.map(parseCsvLine);
    // Newest first.
    expect(cells.map((c) => c[5])).toEqual(['Plain, "quoted"', "'@SUM(A1)", `'=HYPERLINK("http://evil.example","x")`]);
    expect(cells[1]![16]).toBe("'-2+3");
    expect(cells[1]![17]).toBe(`'\t=cmd|" /C calc"!A0`);
    expect(cells[2]![17]).toBe("'+1+2");
    expect(cells[0]![17]).toBe('two\nlines');
    for (const row of cells) {
      expect(row).toHaveLength(19);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('exports the path and the details (object ids, paths) of each event as CSV columns', async () => {
    const result = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter: { session: sessionId, kinds: ['field_read'], decisions: ['masked'] }, format: 'CSV' } });
    const [header, ...lines] = result.body.data!.auditExport.content.split(/\n(?=")/);
    const columns = header!.split(',');
    const [phone, ...others] = lines.map(parseCsvLine).map((cells) => Object.fromEntries(columns.map((c, i) => [c, cells[i]])));
    expect(others).toEqual([]);
    expect(phone).toMatchObject({ type_field: 'User.phone', path: 'me.phone', operation: 'AuditApiMe', decision: 'masked' });
    expect(JSON.parse(phone!['details']!)).toMatchObject({ count: 1, objectIds: ['usr_tom'], subjectIds: ['usr_tom'], paths: ['me.phone'] });
  });

  it('says when it was cut short: in the field, and in a last line a reader sees', async () => {
    const filter = { actor: 'stf_csv' };
    const csv = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter, format: 'CSV', limit: 2 } });
    expect(csv.body.data!.auditExport).toMatchObject({ events: 2, truncated: true });
    const lines = csv.body.data!.auditExport.content.split(/\n(?=")/).map(parseCsvLine);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)![0]).toMatch(/^Cut short: more events matched than the 2 here, which are the newest/);
    expect(lines.at(-1)!.slice(1).every((cell) => cell === '')).toBe(true);

    const jsonl = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter, format: 'JSONL', limit: 2 } });
    expect(jsonl.body.data!.auditExport).toMatchObject({ events: 2, truncated: true });
    const records = jsonl.body.data!.auditExport.content.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toHaveLength(3);
    expect(records.at(-1)).toEqual({ truncated: true, events: 2, note: expect.stringMatching(/^Cut short/) });

    // Control: a limit the range fits in is not cut, and has no such line.
    const whole = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter, format: 'JSONL', limit: 3 } });
    expect(whole.body.data!.auditExport).toMatchObject({ events: 3, truncated: false });
    expect(whole.body.data!.auditExport.content).not.toContain('Cut short');
  });

  it('exports JSON Lines with every column', async () => {
    const result = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter: { session: sessionId }, format: 'JSONL' } });
    const lines = result.body.data!.auditExport.content.split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const expected = await t.db.selectFrom('audit_events').select('chain_seq').where('session_id', '=', sessionId).orderBy('chain_seq', 'desc').execute();
    expect(lines.map((l) => l['chain_seq'])).toEqual(expected.map((r) => r.chain_seq));
    expect(Object.keys(lines[0]!)).toEqual(expect.arrayContaining(['chain_seq', 'occurred_at', 'kind', 'summary', 'details', 'prev_hash', 'hash']));
  });
});

describe('reading the audit', () => {
  it('is itself recorded, with what was read and the filter', async () => {
    const requestId = newRequestId('audit-read');
    const queries = [
      () => t.execute(AuditApiEvents, { as: 'auditor', variables: { filter: { user: 'usr_tom' }, first: 5 }, headers: { 'x-request-id': `${requestId}-1` } }),
      () => t.execute(AuditApiSessions, { as: 'security', variables: { agent: 'stf_sarah' }, headers: { 'x-request-id': `${requestId}-2` } }),
      () => t.execute(AuditApiReview, { as: 'auditor', variables: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }, headers: { 'x-request-id': `${requestId}-3` } }),
      () => t.execute(AuditApiExport, { as: 'auditor', variables: { format: 'JSONL', filter: { actor: 'stf_csv' } }, headers: { 'x-request-id': `${requestId}-4` } }),
    ];
    for (const query of queries) expect((await query()).body.errors).toBeUndefined();
    const reads = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('kind', '=', 'audit_read')
      .where('request_id', 'like', `${requestId}-%`)
      .orderBy('chain_seq')
      .execute();
    expect(reads.map((r) => [r.request_id, r.actor_id, (r.details as { what: string }).what])).toEqual([
      [`${requestId}-1`, 'stf_dan', 'auditEvents'],
      [`${requestId}-2`, 'stf_priya', 'impersonationSessions'],
      [`${requestId}-3`, 'stf_dan', 'accessReview'],
      [`${requestId}-4`, 'stf_dan', 'auditExport (JSONL)'],
    ]);
    expect((reads[0]!.details as { filter: unknown }).filter).toEqual({ user: 'usr_tom' });
    // Which page, or how many: what the reader could have seen.
    expect(reads.map((r) => (r.details as { page?: unknown }).page)).toEqual([{ first: 5, after: null }, { first: 20 }, undefined, { limit: 10_000 }]);
    expect(reads[0]!.summary).toBe('Auditor Dan Okafor read the audit (auditEvents)');
  });

  it('records what an export held: how many events, and the chain_seq of its first and last', async () => {
    const requestId = newRequestId('export-sent');
    const result = await t.execute(AuditApiExport, { as: 'auditor', variables: { filter: { session: sessionId }, format: 'JSONL', limit: 3 }, headers: { 'x-request-id': requestId } });
    expect(result.body.data?.auditExport.truncated).toBe(true);
    const exported = result.body.data!.auditExport.content.split('\n').map((line) => JSON.parse(line) as { chain_seq?: string }).filter((line) => line.chain_seq);
    expect(exported).toHaveLength(3);
    const [read] = await t.db.selectFrom('audit_events').selectAll().where('kind', '=', 'audit_read').where('request_id', '=', requestId).execute();
    expect((read?.details as { sent?: unknown }).sent).toEqual({ events: 3, firstChainSeq: exported[0]!.chain_seq, lastChainSeq: exported[2]!.chain_seq, truncated: true });
  });

  it("records a customer reading their account's access history, in that account's slice", async () => {
    const requestId = newRequestId('access-history');
    const result = await t.execute(AuditApiAccessHistory, { as: 'usr_tom', headers: { 'x-request-id': requestId } });
    expect(result.body.data?.accessHistory.edges.map((e) => e.node.sessionId)).toContain(sessionId);
    const rows = await t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).execute();
    expect(rows.map((r) => [r.kind, r.actor_kind, r.actor_id, r.subject_user_id, r.account_id])).toEqual([['audit_read', 'customer', 'usr_tom', 'usr_tom', 'acc_acme']]);
    expect(rows[0]?.details).toMatchObject({ what: 'accessHistory', filter: { account: 'acc_acme' }, page: { first: 5, after: null } });
    expect(rows[0]?.summary).toBe('Tom Baker read the audit (accessHistory)');
  });

  it.each(['agent', 'manager', 'customer', 'oncall'])('is refused to %s with FORBIDDEN, and nothing of the audit is returned', async (who) => {
    const before = await t.db.selectFrom('audit_events').select('chain_seq').where('kind', '=', 'audit_read').execute();
    const results = [
      await t.execute(AuditApiEvents, { as: who, variables: { first: 5 } }),
      await t.execute(AuditApiSessions, { as: who, variables: {} }),
      await t.execute(AuditApiReview, { as: who, variables: { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' } }),
      await t.execute(AuditApiExport, { as: who, variables: { format: 'CSV' } }),
    ];
    for (const result of results) {
      expect(codeOf(result.body)).toBe('FORBIDDEN');
      expect(result.body.data ?? null).toBeNull();
      expect(result.text).not.toContain('Sarah Lee');
    }
    const after = await t.db.selectFrom('audit_events').select('chain_seq').where('kind', '=', 'audit_read').execute();
    expect(after.length).toBe(before.length);
  });
});

/** One CSV record of always-quoted cells (quotes doubled), as the export writes them. */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|$)/gy;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line)) !== null) {
    cells.push(match[1]!.replaceAll('""', '"'));
    if (pattern.lastIndex >= line.length) break;
  }
  return cells;
}
