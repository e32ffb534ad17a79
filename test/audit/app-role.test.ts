import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { sealAuditChains, writeCheckpoint } from '../../src/audit/checkpoints.js';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { ensureAuditPartitions } from '../../src/audit/partitions.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { streamPass } from '../../src/audit/stream/audit-streamer.js';
import { DEFAULT_CHAIN, httpSink } from '../../src/audit/stream/index.js';
import { demoSubject } from '../../src/domain/demo-principals.js';
import { mintDevToken } from '../../src/auth/mint-token.js';
import { randomJwtSecret } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { pendingDemoMigrations } from '../../src/domain/migrate.js';
import { sweepSessions } from '../../src/impersonation/sweeper.js';
import { createLogger } from '../../src/log/logger.js';
import { dispatchDueNotifications } from '../../src/notify/index.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/test-database.js';
import { waitUntil } from '../notify/wait-until.js';
import { RiskyChangeEmail, RiskyChangePlan, RiskyDeleteNote, RiskyRevokeToken, RiskySendLoginReset } from '../support/risky-actions.js';
import { AUDIT_IMPERSONATION_HEADER, endAuditSession, openAuditSession } from './audit-support.js';
import { customerIdentity } from '../../src/domain/accounts/index.js';
import { demoDb } from '../../src/domain/database.js';

const KEY = 'app-role-test-checkpoint-key-0123456789ab';

const AppRoleAccount = graphql(`
  query AppRoleAccount {
    account {
      name
      users {
        id
        email
      }
      invoices(first: 2) {
        number
        taxRate
      }
    }
  }
`);

const AppRoleTaxRate = graphql(`
  mutation AppRoleTaxRate($input: SetInvoiceTaxRateInput!) {
    setInvoiceTaxRate(input: $input) {
      id
      taxRate
    }
  }
`);

const AppRoleAuditEvents = graphql(`
  query AppRoleAuditEvents {
    auditEvents(first: 5, filter: { kinds: ["mutation_executed"] }) {
      edges {
        node {
          kind
          summary
        }
      }
    }
  }
`);

/** A login role in warden_app, as docs/audit.md has an operator create one; roles belong to the whole cluster. */
async function createLoginRole(owner: TestDatabase): Promise<{ role: string; url: string; drop(): Promise<void> }> {
  const role = `warden_gateway_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await sql.raw(`create role ${role} login password '${password}' in role warden_app`).execute(owner.db);
  const url = new URL(owner.url!);
  url.username = role;
  url.password = password;
  return { role, url: url.toString(), drop: () => sql.raw(`drop role if exists ${role}`).execute(owner.db).then(() => undefined) };
}

/** The same database, reached as another role: what the gateway sees when it connects as that role. */
function connectAs(url: string): TestDatabase {
  const { db, engine, pool, listen } = openDatabase({ url, dataDir: 'memory://', poolSize: 4 });
  return { db, demo: demoDb(db), url, engine, pool, listen, destroy: () => db.destroy() };
}

describe.skipIf(inject('databaseUrl') === null)('the gateway connected as a login role in warden_app (PostgreSQL server only)', () => {
  let owner: TestDatabase;
  let login: Awaited<ReturnType<typeof createLoginRole>>;
  let app: TestDatabase;
  let t: TestGateway;
  beforeAll(async () => {
    owner = await createSeededTestDatabase();
    // The owner's job: partitions ahead (`npm run audit:partitions`).
    await ensureAuditPartitions(owner.db);
    login = await createLoginRole(owner);
    app = connectAs(login.url);
    t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY, WARDEN_AUDIT_CUSTOMER_READS: 'true' }, { database: app, realSessions: true, livePolicy: {} });
  });
  afterAll(async () => {
    await t?.close();
    await app?.destroy();
    await login?.drop();
    await owner?.destroy();
  });

  it('is connected as that role, which owns nothing and is no superuser', async () => {
    const { rows } = await sql<{ current_user: string; rolsuper: boolean }>`select current_user, rolsuper from pg_roles where rolname = current_user`.execute(app.db);
    expect(rows).toEqual([{ current_user: login.role, rolsuper: false }]);
  });

  it('serves reads, mutations, impersonation and the auditors’ API, and writes their audit rows', async () => {
    const read = await t.execute(AppRoleAccount, { as: 'customer' });
    expect(read.body.errors).toBeUndefined();
    expect(read.body.data?.account?.name).toBe('Acme Co');

    const changed = await t.execute(AppRoleTaxRate, { as: 'customer', variables: { input: { invoiceId: 'inv_acme_012', taxRate: 10 } } });
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data?.setInvoiceTaxRate.taxRate).toBe(10);

    const session = await openAuditSession(t, { userId: 'usr_tom' });
    const impersonated = await t.execute(AppRoleAccount, { as: 'agent', headers: { [AUDIT_IMPERSONATION_HEADER]: session.token } });
    expect(impersonated.body.errors).toBeUndefined();
    expect(impersonated.body.data?.account?.users.find((u) => u.id === 'usr_tom')?.email).toMatch(/^t•••@/);
    await endAuditSession(t, 'agent', session.sessionId);

    const audit = await t.execute(AppRoleAuditEvents, { as: 'auditor' });
    expect(audit.body.errors).toBeUndefined();
    expect(audit.body.data?.auditEvents.edges.map((e) => e.node.kind)).toContain('mutation_executed');

    const kinds = new Set((await owner.db.selectFrom('audit_events').select('kind').execute()).map((r) => r.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['field_read', 'mutation_executed', 'session_started', 'session_ended', 'audit_read']));
    expect(await owner.db.selectFrom('notification_outbox').select('kind').where('kind', '=', 'session_started').execute()).toHaveLength(1);
  });

  it("runs the reference domain's risky actions: it may change users, plans, API tokens and private notes", async () => {
    const replies = [
      await t.execute(RiskyChangeEmail, { as: 'usr_tom', variables: { userId: 'usr_tom', email: 'tom.baker@app-role.example' } }),
      await t.execute(RiskySendLoginReset, { as: 'usr_tom', variables: { userId: 'usr_tom' } }),
      await t.execute(RiskyChangePlan, { as: 'customer', variables: { plan: 'enterprise' } }),
      await t.execute(RiskyRevokeToken, { as: 'customer', variables: { tokenId: 'tok_acme_reports' } }),
      await t.execute(RiskyDeleteNote, { as: 'customer', variables: { noteId: 'note_acme_1' } }),
    ];
    expect(replies.map((reply) => reply.body.errors)).toEqual(replies.map(() => undefined));
    expect(await owner.demo.selectFrom('private_notes').select(['body', 'deleted_at']).where('id', '=', 'note_acme_1').executeTakeFirstOrThrow()).toEqual({ body: '', deleted_at: expect.any(Date) });
  });

  it('runs the background work: checkpoints, the session sweep, notification delivery, the migration check', async () => {
    expect(await writeCheckpoint(app.db, checkpointSigner(KEY))).not.toBeNull();
    expect(await sweepSessions(app.db, { identity: customerIdentity(app.db) })).toBeGreaterThanOrEqual(0);
    const delivered = await dispatchDueNotifications({ db: app.db, logger: createLogger('silent'), webhookUrl: 'http://127.0.0.1:9/hook', fetch: async () => new Response('ok') });
    expect(delivered.failed).toBe(0);
    expect(await pendingDemoMigrations(app.db)).toEqual([]);
    expect((await verifyAuditChain(owner.db, KEY)).problems).toEqual([]);
  });

  it('streams the trail: creates its cursor, reads the rows and checkpoints, moves the cursor', async () => {
    const sent: string[] = [];
    const sink = httpSink({ url: 'http://127.0.0.1:9/ingest', batchEvents: 10_000, fetch: async (_url, init) => (sent.push(String(init?.body)), new Response('ok')) });
    const lease = { destination: 'app-role', chain: DEFAULT_CHAIN, owner: 'app-role-test', leaseMs: 60_000, start: 'first' as const };
    await streamPass(app.db, sink, lease, createLogger('silent'), undefined);
    const head = await owner.db.selectFrom('audit_chain_heads').where('chain_id', '=', 0).select('last_seq').executeTakeFirstOrThrow();
    const cursor = await owner.db.selectFrom('audit_stream_cursors').select('last_seq').where('destination', '=', 'app-role').executeTakeFirstOrThrow();
    expect(cursor.last_seq).toBe(head.last_seq);
    expect(sent.join('').trim().split('\n')).toHaveLength(Number(head.last_seq));
  });

  it('is refused UPDATE, DELETE and TRUNCATE on audit_events, rewriting checkpoints, migrating and creating partitions', async () => {
    const refused = [
      sql`update audit_events set summary = 'rewritten' where chain_seq = 1`,
      sql`delete from audit_events where chain_seq = 1`,
      sql`truncate audit_events`,
      sql`delete from audit_checkpoints`,
      sql`truncate audit_checkpoints`,
      sql`insert into kysely_migration (name, timestamp) values ('x', 'y')`,
      sql`insert into warden_migration (name, timestamp) values ('x', 'y')`,
    ];
    for (const statement of refused) await expect(statement.execute(app.db)).rejects.toThrow(/permission denied/);
    await expect(ensureAuditPartitions(app.db, new Date(Date.UTC(2030, 0, 1)), 0)).rejects.toThrow(/permission denied|must be owner/);
    expect((await verifyAuditChain(owner.db, KEY)).problems).toEqual([]);
  });

  it('creates a chain head when every one is busy, and seals the chains, but may not rewrite heads away or touch a seal', async () => {
    const row = { kind: 'test_event', actor_kind: 'system' as const, details: {}, summary: 'app role' };
    const holder = app.db.transaction().execute(async (trx) => {
      await appendAuditRows(trx, [row], 8);
      await sql`select pg_sleep(0.3)`.execute(trx);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await app.db.transaction().execute((trx) => appendAuditRows(trx, [row], 8));
    await holder;
    expect((await owner.db.selectFrom('audit_chain_heads').select('chain_id').execute()).length).toBeGreaterThan(1);
    expect(await sealAuditChains(app.db, checkpointSigner(KEY))).toMatchObject({ seal: 'warden-audit-seal-v1' });
    for (const statement of [sql`delete from audit_chain_heads where chain_id = 1`, sql`update audit_seals set statement = 'x'`, sql`delete from audit_seal_heads`, sql`truncate audit_seals`]) {
      await expect(statement.execute(app.db)).rejects.toThrow(/permission denied|append-only/);
    }
    expect((await verifyAuditChain(owner.db, KEY)).problems).toEqual([]);
  });
});

describe.skipIf(inject('databaseUrl') === null)('npm start as a login role in warden_app (PostgreSQL server only)', () => {
  let owner: TestDatabase;
  let login: Awaited<ReturnType<typeof createLoginRole>>;
  beforeAll(async () => {
    // Migrated, seeded by the owner; no monthly partitions: nobody has run `npm run audit:partitions`.
    owner = await createSeededTestDatabase();
    login = await createLoginRole(owner);
  });
  afterAll(async () => {
    await login?.drop();
    await owner?.destroy();
  });

  const secret = randomJwtSecret();
  const start = () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/domain/main.ts'], {
      cwd: new URL('../../', import.meta.url),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: '0',
        HOST: '127.0.0.1',
        WARDEN_LOG_LEVEL: 'info',
        DATABASE_URL: login.url,
        WARDEN_JWT_SECRET: secret,
        WARDEN_AUDIT_CHECKPOINT_KEY: KEY,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { text: '' };
    child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
    return { child, output };
  };

  it('does not migrate, warns that partitions are missing, serves and records; /health says degraded', async () => {
    const { child, output } = start();
    try {
      const listening = () => {
        if (child.exitCode !== null) throw new Error('exited');
        return /"url":"http:\/\/[^"]+\/graphql"/.test(output.text);
      };
      await waitUntil(listening, { timeoutMs: 60_000, everyMs: 100 }).catch(() => {
        throw new Error(`The gateway did not start:\n${output.text}`);
      });
      const url = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(output.text)![1];
      expect(output.text).not.toContain('migrations applied');
      expect(output.text).toContain('AUDIT PARTITIONS MISSING');
      // No checkpoint file: the log is the only place checkpoints leave the database, and the start says so.
      expect(output.text).toContain('WARDEN_AUDIT_CHECKPOINT_FILE is unset: audit checkpoints are kept outside the database only in the');

      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'degraded', problems: [expect.stringMatching(/^audit partitions missing for \d{4}-\d{2}, \d{4}-\d{2}; run npm run audit:partitions/)] });

      const token = await mintDevToken(secret, demoSubject('agent')!);
      const reply = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'req-app-role-main-1' },
        body: JSON.stringify({ query: '{ directory(search: "Acme") { userId } }' }),
      });
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { data?: { directory: unknown[] } }).data?.directory.length).toBeGreaterThan(0);
      // Recorded, in the default partition: a missing partition never fails a request.
      const rows = await sql<{ table: string }>`select tableoid::regclass::text as table from audit_events where request_id = 'req-app-role-main-1'`.execute(owner.db);
      expect(rows.rows.map((r) => r.table)).toContain('audit_events_default');

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
      // The final checkpoint on the way out signed the request's rows.
      expect((await verifyAuditChain(owner.db, KEY)).problems).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);

  it('refuses to start on a database that lacks a migration, saying who must run it', async () => {
    const latest = '20261124000410_application_role_grants';
    await sql`delete from warden_migration where name = ${latest}`.execute(owner.db);
    const { child, output } = start();
    try {
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(1);
      expect(output.text).toContain(`the database lacks migrations ${latest}: run \`npm run migrate\` as the database owner`);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await sql`insert into warden_migration (name, timestamp) values (${latest}, ${new Date().toISOString()})`.execute(owner.db);
    }
  }, 90_000);
});
