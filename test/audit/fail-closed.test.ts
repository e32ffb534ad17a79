import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { auditRowsOfRequest, carriesData, chainSeqs, codeOf, endAuditSession, mapConcurrent, newRequestId, openAuditSession, withAuditInsertsFailing, withOwnClient } from './audit-support.js';

const AuditFailPeople = graphql(`
  query AuditFailPeople {
    account {
      id
      users {
        id
        name
        phone
      }
    }
  }
`);

const AuditFailDirectory = graphql(`
  query AuditFailDirectory {
    directory(search: "Acme") {
      userId
      name
    }
  }
`);

const AuditFailTaxRate = graphql(`
  mutation AuditFailTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

const AuditFailEvents = graphql(`
  query AuditFailEvents {
    auditEvents(first: 5) {
      edges {
        node {
          summary
        }
      }
    }
  }
`);

let t: TestGateway;
let sessions: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
  sessions = await startTestGateway({}, { realSessions: true, database: t.database });
});
afterAll(async () => {
  await sessions?.close();
  await t?.close();
});

const impersonating = (requestId: string) => ({ as: 'agent', actAs: 'usr_jane read_only', headers: { 'x-request-id': requestId } });

describe('when the audit write fails, the response carries no data', () => {
  it('answers an impersonated read with 503 AUDIT_UNAVAILABLE and no data; the control run answers', async () => {
    const requestId = newRequestId('store-down');
    const refused = await withAuditInsertsFailing(t.db, () => t.execute(AuditFailPeople, impersonating(requestId)));
    expect(refused.status).toBe(503);
    expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');
    expect(refused.body.errors).toHaveLength(1);
    expect('data' in refused.body).toBe(false);
    // Nothing of what was read leaves: not the names, not the masked phones, not the ids.
    expect(refused.text).not.toContain('usr_tom');
    expect(refused.text).not.toContain('Tom Baker');
    expect(refused.text).not.toContain('0104');
    expect(refused.text).not.toContain('audit store down');
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);

    // Control: the same request with the audit store back answers, and is recorded.
    const controlId = newRequestId('store-up');
    const answered = await t.execute(AuditFailPeople, impersonating(controlId));
    expect(answered.status).toBe(200);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.body.data?.account?.users).toHaveLength(4);
    expect((await auditRowsOfRequest(t.db, controlId)).some((row) => row.type_field === 'User.phone')).toBe(true);
  });

  it("logs why a row was refused without quoting the row: PostgreSQL's detail holds it whole", async () => {
    const requestId = newRequestId('refused-row');
    const logged = t.logs.length;
    // A check constraint that refuses this request's rows: the error's detail is "Failing row contains (…)".
    await sql`alter table audit_events add constraint audit_test_refuse_row check (request_id is distinct from ${sql.lit(requestId)})`.execute(t.db);
    try {
      const refused = await t.execute(AuditFailPeople, impersonating(requestId));
      expect(refused.status).toBe(503);
      expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');
    } finally {
      await sql`alter table audit_events drop constraint audit_test_refuse_row`.execute(t.db);
    }
    const lines = t.logs.slice(logged).filter((line) => line.includes('audit write failed; response withheld'));
    expect(lines).toHaveLength(1);
    const line = lines[0] ?? '';
    // What failed and where: the SQLSTATE and the constraint.
    expect(line).toContain('"code":"23514"');
    expect(line).toContain('audit_test_refuse_row');
    // Not the row: its summary says who read what of whom, its details the objects read.
    expect(line).not.toContain('Failing row');
    expect(line).not.toContain('read User.');
    expect(line).not.toContain('usr_tom');
    expect(line).not.toContain('Tom Baker');
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);
  });

  it('withholds a staff read outside any session too', async () => {
    const requestId = newRequestId('store-down-staff');
    const refused = await withAuditInsertsFailing(t.db, () => t.execute(AuditFailDirectory, { as: 'agent', headers: { 'x-request-id': requestId } }));
    expect(refused.status).toBe(503);
    expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');
    expect('data' in refused.body).toBe(false);
    expect(refused.text).not.toContain('Jane Doe');
  });

  it('still answers a customer reading their own account, which is not audited by default', async () => {
    const result = await withAuditInsertsFailing(t.db, () => t.execute(AuditFailPeople, { as: 'customer' }));
    expect(result.status).toBe(200);
    expect(result.body.data?.account?.users).toHaveLength(4);
  });
});

describe("when an operation's own audit record cannot be written, it is 503 AUDIT_UNAVAILABLE", () => {
  const taxRateOf = async (invoiceId: string) =>
    (await t.demo.selectFrom('invoices').select('tax_rate_bp').where('id', '=', invoiceId).executeTakeFirstOrThrow()).tax_rate_bp;

  it('rolls a mutation back when its mutation_executed record fails, and answers with no data', async () => {
    const before = await taxRateOf('inv_acme_012');
    const requestId = newRequestId('mutation-record-down');
    const variables = { input: { invoiceId: 'inv_acme_012', taxRate: 17 } };
    const refused = await withAuditInsertsFailing(t.db, () => t.execute(AuditFailTaxRate, { as: 'customer', variables, headers: { 'x-request-id': requestId } }), 'mutation_executed');
    expect(refused.status).toBe(503);
    expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');
    expect(refused.body.errors).toHaveLength(1);
    expect('data' in refused.body).toBe(false);
    expect(refused.text).not.toContain('audit store down');
    // The operator learns why, from the log.
    expect(t.logs.some((line) => line.includes('audit write failed inside the operation') && line.includes('audit store down'))).toBe(true);
    expect(await taxRateOf('inv_acme_012')).toBe(before);
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);

    // Control: with its record written, the same change goes through.
    const answered = await t.execute(AuditFailTaxRate, { as: 'customer', variables });
    expect(answered.status).toBe(200);
    expect(answered.body.data?.setInvoiceTaxRate.taxRate).toBe(17);
    expect(await taxRateOf('inv_acme_012')).toBe(1700);
  });

  it('withholds the audit from an auditor when the record of their reading it fails', async () => {
    const refused = await withAuditInsertsFailing(t.db, () => t.execute(AuditFailEvents, { as: 'auditor' }), 'audit_read');
    expect(refused.status).toBe(503);
    expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');
    expect('data' in refused.body).toBe(false);
    expect(refused.text).not.toContain('summary');

    const answered = await t.execute(AuditFailEvents, { as: 'auditor' });
    expect(answered.status).toBe(200);
    expect(answered.body.data?.auditEvents.edges.length).toBeGreaterThan(0);
  });

  it("answers a session's refused mutation with 503 when the refusal cannot be recorded", async () => {
    const session = await openAuditSession(sessions, { agent: 'agent2', userId: 'usr_tom' });
    try {
      const variables = { input: { invoiceId: 'inv_acme_012', taxRate: 3 } };
      const refused = await withAuditInsertsFailing(t.db, () => sessions.execute(AuditFailTaxRate, { as: 'agent2', variables, headers: session.headers }), 'mutation_refused');
      expect(refused.status).toBe(503);
      expect(codeOf(refused.body)).toBe('AUDIT_UNAVAILABLE');

      const recorded = await sessions.execute(AuditFailTaxRate, { as: 'agent2', variables, headers: session.headers });
      expect(codeOf(recorded.body)).toBe('APPROVAL_REQUIRED');
    } finally {
      await endAuditSession(sessions, 'agent2', session.sessionId);
    }
  });
});

/**
 * The database going away while a request's records are being written: the backend holding the
 * audit transaction is killed (pg_terminate_backend, as a crash or failover would) after the
 * request executed and while its flush is in the database.
 */
describe.skipIf(inject('databaseUrl') === null)('when the database stops mid-request (PostgreSQL server only)', () => {
  it('returns nothing unrecorded and loses no committed record', async () => {
    const url = t.database.url;
    if (!url) throw new Error('a server database has a URL');
    // Traffic committed before the failure.
    for (let i = 0; i < 3; i++) {
      const ok = await t.execute(AuditFailPeople, impersonating(newRequestId('before-crash')));
      expect(ok.status).toBe(200);
    }
    const committed = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq').execute();

    // The flush of requests marked 'req-stall' waits in the database, so it can be killed there.
    await sql`create or replace function audit_test_stall() returns trigger language plpgsql as $$ begin perform pg_sleep(10); return new; end $$`.execute(t.db);
    await sql`create trigger audit_test_stall before insert on audit_events for each row when (new.request_id like 'req-stall-%') execute function audit_test_stall()`.execute(t.db);
    const requestId = newRequestId('stall');
    let killed = 0;
    const response = await withOwnClient(url, async (admin) => {
      const pending = t.execute(AuditFailPeople, impersonating(requestId));
      const deadline = Date.now() + 10_000;
      while (killed === 0 && Date.now() < deadline) {
        const { rows } = await admin.query<{ pid: number }>(
          `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and wait_event = 'PgSleep'`,
        );
        for (const { pid } of rows) {
          await admin.query('select pg_terminate_backend($1)', [pid]);
          killed += 1;
        }
        if (killed === 0) await sleep(20);
      }
      await admin.query('drop trigger audit_test_stall on audit_events');
      await admin.query('drop function audit_test_stall()');
      return pending;
    });
    expect(killed).toBe(1);
    expect(response.status).toBe(503);
    expect(codeOf(response.body)).toBe('AUDIT_UNAVAILABLE');
    expect('data' in response.body).toBe(false);
    expect(response.text).not.toContain('usr_tom');
    // Its records rolled back with the connection...
    expect(await auditRowsOfRequest(t.db, requestId)).toEqual([]);
    // ...and every record committed before is still there, unchanged, the chain whole.
    const after = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq').execute();
    expect(after.slice(0, committed.length)).toEqual(committed);
    expect(await verifyAuditChain(t.db, t.config.audit.checkpointKey)).toMatchObject({ problem: null });

    // The gateway recovers: the next request answers and is recorded, right after the last good row.
    const nextId = newRequestId('after-crash');
    const next = await t.execute(AuditFailPeople, impersonating(nextId));
    expect(next.status).toBe(200);
    expect(next.body.data?.account?.users).toHaveLength(4);
    expect(await auditRowsOfRequest(t.db, nextId)).not.toEqual([]);
    const seqs = await chainSeqs(t.db);
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 1) + i));
    expect(await verifyAuditChain(t.db, t.config.audit.checkpointKey)).toMatchObject({ problem: null });
  });

  it('under load, with every connection killed twice, answers with data only what it recorded', async () => {
    const url = t.database.url;
    if (!url) throw new Error('a server database has a URL');
    const committed = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq').execute();
    // Each audit insert takes a little while in the database, so a kill lands on flushes in flight.
    await sql`create or replace function audit_test_slow() returns trigger language plpgsql as $$ begin perform pg_sleep(0.03); return null; end $$`.execute(t.db);
    await sql`create trigger audit_test_slow before insert on audit_events for each statement execute function audit_test_slow()`.execute(t.db);
    const ids = Array.from({ length: 80 }, () => newRequestId('crash-load'));
    const kills: number[] = [];
    let responses: Array<Awaited<ReturnType<TestGateway['execute']>>>;
    try {
      responses = await withOwnClient(url, async (admin) => {
        let done = 0;
        const load = mapConcurrent(ids, 10, async (id) => {
          const response = await t.execute(AuditFailPeople, impersonating(id));
          done += 1;
          return response;
        });
        // Once 15 and once 45 of the 80 requests are answered, and while a flush is in the
        // database, kill every connection to it.
        for (const after of [15, 45]) {
          const deadline = Date.now() + 10_000;
          while (done < after && Date.now() < deadline) await sleep(2);
          for (;;) {
            const { rows } = await admin.query<{ n: number }>(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event = 'PgSleep'`,
            );
            if ((rows[0]?.n ?? 0) > 0 || Date.now() > deadline) break;
            await sleep(1);
          }
          const { rowCount } = await admin.query(
            'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
          );
          kills.push(rowCount ?? 0);
        }
        return load;
      });
    } finally {
      await sql`drop trigger if exists audit_test_slow on audit_events`.execute(t.db);
      await sql`drop function if exists audit_test_slow()`.execute(t.db);
    }
    expect(kills).toHaveLength(2);
    expect(kills.every((n) => n > 0)).toBe(true);

    const recorded = new Set(
      (await t.db.selectFrom('audit_events').select('request_id').distinct().where('request_id', 'in', ids).execute()).map((r) => r.request_id),
    );
    const withData = ids.filter((_, i) => carriesData(responses[i]!));
    // Every answer that carried data was recorded first.
    expect(withData.filter((id) => !recorded.has(id))).toEqual([]);
    // Every other answer is an error and shows nothing of what the request would have read.
    const without = responses.filter((response) => !carriesData(response));
    for (const response of without) {
      expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
      expect(response.text).not.toContain('usr_tom');
      expect(response.text).not.toContain('Tom Baker');
    }
    // The kills landed on flushes in flight: some requests were withheld for want of their record.
    expect(without.filter((response) => codeOf(response.body) === 'AUDIT_UNAVAILABLE').length).toBeGreaterThan(0);
    expect(withData.length).toBeGreaterThan(0);

    // Nothing committed before was lost, and the chain is whole and gapless.
    const after = await t.db.selectFrom('audit_events').select(['chain_seq', 'hash']).orderBy('chain_seq').execute();
    expect(after.slice(0, committed.length)).toEqual(committed);
    const seqs = after.map((row) => Number(row.chain_seq));
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 1) + i));
    expect(await verifyAuditChain(t.db, t.config.audit.checkpointKey)).toMatchObject({ problem: null });
  });
});
