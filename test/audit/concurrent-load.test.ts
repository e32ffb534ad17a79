import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';
import { carriesData, chainSeqs, codeOf, mapConcurrent, newRequestId, seqsByChain } from './audit-support.js';

const AuditLoadPeople = graphql(`
  query AuditLoadPeople {
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

const AuditLoadDirectory = graphql(`
  query AuditLoadDirectory {
    directory(search: "Acme") {
      userId
      name
    }
  }
`);

const AuditLoadRefused = graphql(`
  query AuditLoadRefused {
    me {
      id
    }
  }
`);

const AuditLoadTaxRate = graphql(`
  mutation AuditLoadTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

let t: TestGateway;
let second: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
  // A second instance over the same database, with its own audit writer: scale-out.
  second = await startTestGateway({}, { database: t.database });
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

type Kind = 'impersonated' | 'staff' | 'refused' | 'doomed';
const KINDS: Kind[] = ['impersonated', 'impersonated', 'staff', 'refused', 'impersonated', 'staff', 'impersonated', 'doomed', 'staff', 'impersonated'];

function send(gateway: TestGateway, kind: Kind, requestId: string): Promise<GraphQLResponse<unknown>> {
  const headers = { 'x-request-id': requestId };
  switch (kind) {
    case 'impersonated':
    case 'doomed':
      return gateway.execute(AuditLoadPeople, { as: 'agent', actAs: 'usr_jane read_only', headers });
    case 'staff':
      return gateway.execute(AuditLoadDirectory, { as: 'agent2', headers });
    case 'refused':
      return gateway.execute(AuditLoadRefused, { as: 'agent', headers });
  }
}

describe('under concurrent load', () => {
  it('records exactly the requests answered with data (200 requests, 20 at a time, some audit writes failing)', async () => {
    // Writes of the 'doomed' requests fail, and with them the group commit they share.
    await sql`create or replace function audit_test_doom() returns trigger language plpgsql as $$ begin raise exception 'doomed batch'; end $$`.execute(t.db);
    await sql`create trigger audit_test_doom before insert on audit_events for each row when (new.request_id like 'req-doomed-%') execute function audit_test_doom()`.execute(t.db);
    const plan = Array.from({ length: 200 }, (_, i) => {
      const kind = KINDS[i % KINDS.length] as Kind;
      return { kind, requestId: newRequestId(kind === 'doomed' ? 'doomed' : 'load'), gateway: i % 2 === 0 ? t : second };
    });
    const started = Date.now();
    let responses: Array<GraphQLResponse<unknown>>;
    try {
      responses = await mapConcurrent(plan, 20, ({ gateway, kind, requestId }) => send(gateway, kind, requestId));
    } finally {
      await sql`drop trigger audit_test_doom on audit_events`.execute(t.db);
      await sql`drop function audit_test_doom()`.execute(t.db);
    }
    expect(Date.now() - started).toBeLessThan(25_000);

    const ids = plan.map((p) => p.requestId);
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['request_id', 'kind', 'occurred_at'])
      .where('request_id', 'in', ids)
      .execute();
    const readIds = new Set(rows.filter((row) => row.kind === 'field_read').map((row) => String(row.request_id)));
    const answeredWithData = new Set(plan.filter((_, i) => carriesData(responses[i]!)).map((p) => p.requestId));

    expect(answeredWithData.size).toBe(readIds.size);
    expect([...answeredWithData].filter((id) => !readIds.has(id))).toEqual([]);
    expect([...readIds].filter((id) => !answeredWithData.has(id))).toEqual([]);

    for (const [i, { kind, requestId }] of plan.entries()) {
      const response = responses[i]!;
      if (kind === 'doomed') {
        expect({ requestId, status: response.status, code: codeOf(response.body) }).toEqual({ requestId, status: 503, code: 'AUDIT_UNAVAILABLE' });
      }
      if (!carriesData(response)) {
        // Refused by the firewall (data: { me: null }), or withheld because its batch failed (no data at all).
        expect(['FORBIDDEN', 'AUDIT_UNAVAILABLE']).toContain(codeOf(response.body));
        if (codeOf(response.body) === 'AUDIT_UNAVAILABLE') expect({ requestId, hasData: 'data' in response.body }).toEqual({ requestId, hasData: false });
      }
    }
    expect(answeredWithData.size).toBeGreaterThan(100);

    // Every answered request (with data, or refused) is recorded; every withheld one is not.
    const recordedIds = new Set(rows.map((row) => row.request_id));
    const answered = plan.filter((_, i) => codeOf(responses[i]!.body) !== 'AUDIT_UNAVAILABLE').map((p) => p.requestId);
    expect(recordedIds.size).toBe(answered.length);
    expect(answered.filter((id) => !recordedIds.has(id))).toEqual([]);

    // Concurrent requests shared commits: some batch holds the rows of several requests. Only on a
    // server: the embedded database runs one statement at a time, so a request seldom finishes
    // while a batch is being written, and batches of one are what it should make then.
    const requestsPerBatch = new Map<number, Set<string | null>>();
    for (const row of rows) {
      const batch = requestsPerBatch.get(row.occurred_at.getTime()) ?? new Set();
      batch.add(row.request_id);
      requestsPerBatch.set(row.occurred_at.getTime(), batch);
    }
    if (inject('databaseUrl') !== null) expect(Math.max(...[...requestsPerBatch.values()].map((b) => b.size))).toBeGreaterThan(1);

    // Writers at once spread over chains: each is numbered from 1 without a gap.
    for (const seqs of (await seqsByChain(t.db)).values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(await verifyAuditChain(t.db, t.config.audit.checkpointKey)).toMatchObject({ problem: null });
  });

  it('keeps the chain whole and gapless with reads and mutations racing on two instances', async () => {
    const before = (await chainSeqs(t.db)).length;
    const jobs = Array.from({ length: 60 }, (_, i) => i);
    const responses = await mapConcurrent(jobs, 20, (i) => {
      const gateway = i % 2 === 0 ? t : second;
      if (i % 3 === 0) {
        return gateway.execute(AuditLoadTaxRate, {
          as: 'customer',
          variables: { input: { invoiceId: 'inv_acme_012', taxRate: 5 + (i % 10) } },
          headers: { 'x-request-id': newRequestId('race-mutation') },
        });
      }
      return send(gateway, i % 3 === 1 ? 'impersonated' : 'staff', newRequestId('race-read'));
    });
    expect(responses.filter((r) => r.body.errors !== undefined).map((r) => r.body.errors)).toEqual([]);
    const mutations = await t.db.selectFrom('audit_events').select('chain_seq').where('kind', '=', 'mutation_executed').where('request_id', 'like', 'req-race-mutation-%').execute();
    expect(mutations).toHaveLength(20);

    const byChain = await seqsByChain(t.db);
    const rows = [...byChain.values()].reduce((sum, seqs) => sum + seqs.length, 0);
    expect(rows).toBeGreaterThan(before + 60);
    // Every chain is whole and gapless, and its head names its last row.
    const heads = await t.db.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq']).orderBy('chain_id').execute();
    expect(heads.map((head) => head.chain_id)).toEqual([...byChain.keys()]);
    for (const head of heads) {
      const seqs = byChain.get(head.chain_id) ?? [];
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      expect(head.last_seq).toBe(String(seqs.length));
    }
    expect(await verifyAuditChain(t.db, t.config.audit.checkpointKey)).toMatchObject({ rows, checkpoints: 0, problems: [] });
  });
});
