import { afterEach, describe, expect, it } from 'vitest';
import { recordAuditEvent, type AuditScope } from '../../../src/audit/index.js';
import { httpSink, startAuditStream, type OcsfApiActivity } from '../../../src/audit/stream/index.js';
import { mintDevToken } from '../../../src/auth/mint-token.js';
import { loadConfig, randomJwtSecret } from '../../../src/config/config.js';
import { customerIdentity } from '../../../src/domain/accounts/index.js';
import { demoSubject } from '../../../src/domain/demo-principals.js';
import { buildDemoSchema } from '../../../src/domain/schema.js';
import { createLogger } from '../../../src/log/logger.js';
import { startWarden, type Warden } from '../../../src/server/start-warden.js';
import { graphql } from '../../gql/index.js';
import { freePort } from '../../notify/webhook-receiver.js';
import { waitUntil } from '../../notify/wait-until.js';
import { startTestGateway, type TestGateway } from '../../support/gateway.js';
import { capturingLogger } from '../../support/capturing-logger.js';
import { createSeededTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { codeOf, openAuditSession } from '../audit-support.js';
import { startStreamReceiver, type StreamReceiver } from './stream-receiver.js';

const logger = createLogger('silent');
const FAST = { pollMs: 20, backoff: { initialMs: 30, maxMs: 150, jitter: 0 } };

const StreamPeople = graphql(`
  query StreamPeople {
    account {
      users {
        name
        email
      }
    }
  }
`);

const StreamUsersByEmail = graphql(`
  query StreamUsersByEmail($email: String!) {
    account {
      users(filter: { email: $email }) {
        id
      }
    }
  }
`);

let receiver: StreamReceiver | null = null;
let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step();
  cleanup = [];
  await receiver?.close();
  receiver = null;
});

const keptEvents = (r: StreamReceiver) => r.batches.filter((b) => b.kept).flatMap((b) => b.text.trim().split('\n').map((line) => JSON.parse(line) as OcsfApiActivity));

describe('streamed events carry the rows as the table holds them', () => {
  it('never carry a clear value of a masked, searched-for or withheld field: only what the table keeps', async () => {
    const t: TestGateway = await startTestGateway({}, { realSessions: true });
    cleanup.push(() => t.close());
    const session = await openAuditSession(t, { agent: 'agent' });
    expect((await t.execute(StreamPeople, { as: 'agent', headers: session.headers })).body.errors).toBeUndefined();
    expect(codeOf((await t.execute(StreamUsersByEmail, { as: 'agent', headers: session.headers, variables: { email: 'jane.doe@acme.example' } })).body)).toBe('FORBIDDEN');
    const scope: AuditScope = { actor: { kind: 'staff', id: 'stf_sarah', name: 'Sarah Lee', title: 'Agent' }, requestId: 'req-stream-change', fields: buildDemoSchema().catalog.fields };
    await t.db.transaction().execute((trx) =>
      recordAuditEvent(
        trx,
        {
          kind: 'mutation_executed',
          typeField: 'Mutation.testChange',
          account: { id: 'acc_acme', name: 'Acme Co' },
          subjectUserId: 'usr_jane',
          target: 'Jane Doe',
          changes: [
            { field: 'User.email', label: 'email', before: 'jane.doe@acme.example', after: 'jane.d@personal.example' },
            { field: 'PaymentMethod.cardNumber', label: 'card number', before: '4242 4242 4242 4242', after: '5555 5555 5555 4444' },
          ],
        },
        scope,
      ),
    );

    receiver = await startStreamReceiver();
    const stream = startAuditStream({ db: t.db, sinks: [httpSink({ url: receiver.url, batchEvents: 1000 })], logger, ...FAST });
    cleanup.push(() => stream.stop());
    const head = (await t.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select('last_seq').executeTakeFirstOrThrow()).last_seq;
    await waitUntil(() => keptEvents(receiver!).some((e) => String(e.metadata.sequence) === head));

    const events = keptEvents(receiver);
    const streamed = JSON.stringify(events);
    // The clear values the requests carried and the resolvers read…
    for (const clear of ['jane.doe@acme.example', 'jane.d@personal.example', 'tom.baker@acme.example', '4242 4242 4242 4242', '5555 5555 5555 4444']) expect(streamed).not.toContain(clear);
    // …and what the table keeps instead: the email masked, the card number withheld.
    expect(streamed).toContain('j•••@acme.example');
    expect(streamed).toContain('"values":"withheld"');
    // Each event's row is the table's row, unchanged.
    const rows = await t.db.selectFrom('audit_events').selectAll().orderBy('chain_seq').execute();
    // As hashed: chain 0's rows carry no chain_id (their hash never covered one).
    expect(rows.every((row) => row.chain_id === 0)).toBe(true);
    expect(events.map((e) => e.unmapped.warden.row)).toEqual(rows.map(({ chain_id: _chain, ...row }) => ({ ...row, occurred_at: row.occurred_at.toISOString() })));
    const change = events.find((e) => e.metadata.event_code === 'mutation_executed');
    expect(change).toMatchObject({ class_uid: 6003, category_uid: 6, activity_id: 3, type_uid: 600303, status: 'Success', actor: { user: { uid: 'stf_sarah', name: 'Sarah Lee', type: 'staff' } } });
    const refused = events.find((e) => e.metadata.event_code === 'access_denied' || e.metadata.event_code === 'mutation_refused');
    expect(refused).toMatchObject({ status_id: 2, status: 'Failure' });
  });
});

describe('a sink that is down or misconfigured never blocks or drops audit writes', () => {
  it('serves and records while the receiver is down and the segment directory unusable, says so in /health, and catches up', async () => {
    const database: TestDatabase = await createSeededTestDatabase();
    cleanup.push(() => database.destroy());
    const port = await freePort();
    const secret = randomJwtSecret();
    const config = loadConfig({
      NODE_ENV: 'test',
      WARDEN_JWT_SECRET: secret,
      WARDEN_AUDIT_STREAM_URL: `http://127.0.0.1:${port}/ingest`,
      WARDEN_AUDIT_STREAM_TOKEN: 'stream-token-never-logged-9f8e7d',
      WARDEN_AUDIT_STREAM_DIR: '/dev/null/segments',
      WARDEN_AUDIT_STREAM_SEGMENT_SECONDS: '1',
      WARDEN_AUDIT_STREAM_POLL_MS: '50',
    });
    const { logger: captured, lines } = capturingLogger('info');
    const handle = { db: database.db, listen: database.listen, engine: database.engine, pool: database.pool, description: 'a test database' };
    const warden: Warden | null = await startWarden({ database: handle, schema: buildDemoSchema(), identity: customerIdentity(database.db), config, logger: captured });
    if (!warden) throw new Error('startWarden returned null');
    cleanup.push(() => warden.stop());
    expect(lines.some((line) => line.includes('WARDEN_AUDIT_STREAM_DIR /dev/null/segments cannot take audit segments'))).toBe(true);

    const token = await mintDevToken(secret, demoSubject('auditor')!);
    const before = (await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select('last_seq').executeTakeFirstOrThrow()).last_seq;
    const response = await warden.gateway.fetch('http://warden.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ auditEvents(first: 1) { edges { node { kind } } } }' }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data?: unknown }).data).toBeTruthy();
    const after = (await database.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select('last_seq').executeTakeFirstOrThrow()).last_seq;
    expect(BigInt(after)).toBeGreaterThan(BigInt(before));

    const health = async () => (await (await warden.gateway.fetch('http://warden.test/health')).json()) as { status: string; problems: string[] };
    await waitUntil(async () => (await health()).problems.filter((p) => p.startsWith('audit stream to')).length === 2);
    expect(await health()).toMatchObject({
      status: 'degraded',
      problems: expect.arrayContaining([expect.stringMatching(/^audit stream to https is failing/), expect.stringMatching(/^audit stream to segments is failing/)]),
    });

    receiver = await startStreamReceiver({ port });
    await waitUntil(() => keptEvents(receiver!).some((e) => String(e.metadata.sequence) === after));
    expect(lines.join('\n')).not.toContain('stream-token-never-logged-9f8e7d');
  });
});
