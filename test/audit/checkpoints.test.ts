import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { appendAuditRows } from '../../src/audit/append-audit-rows.js';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { parseCheckpointToken, readCheckpointFile, startCheckpointer, writeCheckpoint, type Checkpointer } from '../../src/audit/checkpoints.js';
import { verifyAuditChain } from '../../src/audit/verify-chain.js';
import { loadConfig, randomJwtSecret } from '../../src/config/config.js';
import type { Db } from '../../src/db/database.js';
import { createGateway } from '../../src/server/gateway.js';
import { waitUntil } from '../notify/wait-until.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { withOwnClient } from './audit-support.js';
import { customerIdentity } from '../../src/domain/accounts/index.js';
import { buildDemoSchema } from '../../src/domain/schema.js';

const KEY = 'checkpointer-test-checkpoint-key-01234567';
const SIGNER = checkpointSigner(KEY);
const WAIT = { timeoutMs: 20_000, everyMs: 25 };

let database: TestDatabase;
let dir: string;
beforeEach(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'warden-checkpointer-'));
});
afterEach(async () => {
  await database?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const appendRows = (db: Db, n: number) =>
  db.transaction().execute((trx) => appendAuditRows(trx, Array.from({ length: n }, (_, i) => ({ kind: 'test_event', actor_kind: 'system' as const, details: { i }, summary: `event ${i}` }))));

const checkpointCount = async (db: Db) => (await db.selectFrom('audit_checkpoints').select('chain_seq').execute()).length;

describe('the checkpointer', () => {
  it('publishes each checkpoint in a log line and the checkpoint file, which verify takes back', async () => {
    const file = path.join(dir, 'checkpoints.jsonl');
    const { logger, lines } = capturingLogger();
    await appendRows(database.db, 3);
    const checkpointer = startCheckpointer({ db: database.db, signer: SIGNER, logger, file, intervalMs: 20 });
    try {
      await waitUntil(() => lines.some((line) => line.includes('audit checkpoint signed')), WAIT);
    } finally {
      await checkpointer.stop();
    }
    const logged = JSON.parse(lines.find((line) => line.includes('audit checkpoint signed'))!) as { auditCheckpoint: { seq: string; expect: string } };
    expect(logged.auditCheckpoint).toMatchObject({ seq: '3', keyId: SIGNER.keyId, scheme: 'hmac-sha256-v2' });
    const stored = await database.db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
    expect(logged.auditCheckpoint.expect).toBe(`3:${stored.hash}:${stored.signed_at.toISOString()}:${stored.signature}`);
    expect(readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line))).toEqual([
      { seq: '3', hash: stored.hash, signedAt: stored.signed_at.toISOString(), keyId: SIGNER.keyId, scheme: 'hmac-sha256-v2', signature: stored.signature },
    ]);
    const external = [...(await readCheckpointFile(file)).checkpoints, parseCheckpointToken(logged.auditCheckpoint.expect)!];
    expect(await verifyAuditChain(database.db, KEY, { external })).toMatchObject({ checkpoints: 3, problems: [] });
  });

  it('signs the rows written before it stops', async () => {
    const { logger } = capturingLogger();
    const checkpointer = startCheckpointer({ db: database.db, signer: SIGNER, logger, intervalMs: 3_600_000 });
    await appendRows(database.db, 2);
    await checkpointer.stop();
    expect(await database.db.selectFrom('audit_checkpoints').select('chain_seq').execute()).toEqual([{ chain_seq: '2' }]);
  });

  it('reports failing checkpoints through /health ("degraded", still 200) until one succeeds', async () => {
    const { logger, lines } = capturingLogger();
    await appendRows(database.db, 1);
    await sql`create function checkpoint_test_refuse() returns trigger language plpgsql as $$ begin raise exception 'checkpoint store down'; end $$`.execute(database.db);
    await sql`create trigger checkpoint_test_refuse before insert on audit_checkpoints for each row execute function checkpoint_test_refuse()`.execute(database.db);
    const checkpointer: Checkpointer = startCheckpointer({ db: database.db, signer: SIGNER, logger, intervalMs: 20 });
    const gateway = createGateway({
      db: database.db,
      schema: buildDemoSchema(),
      identity: customerIdentity(database.db),
      config: loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: randomJwtSecret() }),
      logger,
      healthProblems: () => [checkpointer.problem()].filter((problem) => problem !== null),
    });
    const health = async () => {
      const response = await gateway.fetch('http://warden.test/health');
      return { status: response.status, body: (await response.json()) as { status: string; problems?: string[] } };
    };
    try {
      await waitUntil(() => checkpointer.problem() !== null, WAIT);
      const degraded = await health();
      expect(degraded.status).toBe(200);
      expect(degraded.body).toMatchObject({ status: 'degraded', database: 'reachable', problems: [expect.stringMatching(/^audit checkpoints are failing \(\d+ attempts since .*\); see the log$/)] });
      // The cause is in the log, not in the unauthenticated answer.
      expect(JSON.stringify(degraded.body)).not.toContain('checkpoint store down');
      expect(lines.some((line) => line.includes('audit checkpoint failed') && line.includes('checkpoint store down'))).toBe(true);

      await sql`drop trigger checkpoint_test_refuse on audit_checkpoints`.execute(database.db);
      await waitUntil(() => checkpointer.problem() === null, WAIT);
      expect(await health()).toEqual({ status: 200, body: { status: 'ok', database: 'reachable' } });
    } finally {
      await checkpointer.stop();
      await sql`drop trigger if exists checkpoint_test_refuse on audit_checkpoints`.execute(database.db);
      await sql`drop function checkpoint_test_refuse()`.execute(database.db);
    }
  });
});

describe('a checkpoint row beyond the head', () => {
  it('does not stop the checkpointer: the rows written are signed all the same', async () => {
    await appendRows(database.db, 2);
    // Put in by hand, naming a row that does not exist, with no valid signature.
    await sql`insert into audit_checkpoints (chain_seq, hash, key_id, scheme, signature) values (999999999, ${'f'.repeat(64)}, 'junk', 'hmac-sha256-v2', 'junk')`.execute(database.db);
    expect(await writeCheckpoint(database.db, SIGNER)).toMatchObject({ seq: '2' });
    await appendRows(database.db, 1);
    expect(await writeCheckpoint(database.db, SIGNER)).toMatchObject({ seq: '3' });
    expect(await writeCheckpoint(database.db, SIGNER)).toBeNull();
  });
});

describe.skipIf(inject('databaseUrl') === null)('one instance signs at a time (PostgreSQL server only)', () => {
  it('holds its lock until the checkpoint is written: another instance signs nothing meanwhile', async () => {
    await appendRows(database.db, 2);
    await withOwnClient(database.url!, async (blocker) => {
      // Hold the checkpoint's insert back, as a slow disk would.
      await blocker.query('begin; lock table audit_checkpoints in exclusive mode');
      const first = writeCheckpoint(database.db, SIGNER);
      await waitUntil(async () => {
        const { rows } = await blocker.query<{ waiting: number }>(
          "select count(*)::int as waiting from pg_locks where relation = 'audit_checkpoints'::regclass and not granted",
        );
        return (rows[0]?.waiting ?? 0) > 0;
      }, WAIT);
      // The first writer is inside its insert: its lock must still be held, so a second instance skips.
      const { rows } = await blocker.query<{ held: number }>(
        "select count(*)::int as held from pg_locks where locktype = 'advisory' and granted and objid = hashtext('warden_audit_checkpoint')::oid",
      );
      expect(rows[0]?.held).toBe(1);
      expect(await writeCheckpoint(database.db, SIGNER)).toBeNull();
      await blocker.query('commit');
      expect(await first).toMatchObject({ seq: '2' });
    });
    expect(await checkpointCount(database.db)).toBe(1);
  });
});
