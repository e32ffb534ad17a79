import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { checkpointSigner } from '../../src/audit/checkpoint-signature.js';
import { checkpointToken, writeCheckpoint, type PublishedCheckpoint } from '../../src/audit/checkpoints.js';
import type { Db } from '../../src/db/database.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { chainSeqs, newRequestId } from './audit-support.js';

const ROOT = new URL('../../', import.meta.url);
const KEY = 'verify-cli-test-checkpoint-key-0123456789';
const SIGNER = checkpointSigner(KEY);

const VerifyCliPeople = graphql(`
  query VerifyCliPeople {
    account {
      users {
        id
        phone
      }
    }
  }
`);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npm run audit:verify -- …args` against the test database, as an operator runs it. */
async function auditVerify(url: string, ...args: string[]): Promise<Run> {
  const env = {
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: url,
    WARDEN_AUDIT_CHECKPOINT_KEY: KEY,
    WARDEN_AUDIT_CHECKPOINT_VERIFY_KEYS: '',
    WARDEN_AUDIT_CHECKPOINT_FILE: '',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)('npm', ['run', '--silent', 'audit:verify', '--', ...args], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof failed.code !== 'number') throw error;
    return { code: failed.code, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

async function traffic(t: TestGateway, requests: number): Promise<void> {
  for (let i = 0; i < requests; i++) {
    const read = await t.execute(VerifyCliPeople, { as: 'agent', actAs: 'usr_jane read_only', headers: { 'x-request-id': newRequestId('verify-cli') } });
    expect(read.status).toBe(200);
  }
}

async function checkpoint(db: Db, file?: string): Promise<PublishedCheckpoint> {
  const written = await writeCheckpoint(db, SIGNER, { file });
  if (!written) throw new Error('no checkpoint was written');
  return written;
}

/** Owner-only: runs statements with the append-only triggers off for this transaction (replica mode). */
async function asOwnerBypassingTriggers(db: Db, ...statements: Array<ReturnType<typeof sql>>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    for (const statement of statements) await statement.execute(trx);
  });
}

// The command opens its own connection: an in-memory PGlite of the test's cannot be reached from it.
describe.skipIf(inject('databaseUrl') === null)('npm run audit:verify (PostgreSQL server only)', () => {
  let t: TestGateway;
  let url: string;
  let dir: string;
  beforeEach(async () => {
    t = await startTestGateway({ WARDEN_AUDIT_CHECKPOINT_KEY: KEY });
    url = t.database.url!;
    dir = mkdtempSync(path.join(tmpdir(), 'warden-verify-cli-'));
    await traffic(t, 3);
  });
  afterEach(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 0 on an intact chain, names where it starts, and says what it cannot rule out without an outside checkpoint', async () => {
    const rows = (await chainSeqs(t.db)).length;
    await checkpoint(t.db);
    const run = await auditVerify(url);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain(`is intact as far as the database shows: rows: ${rows}, checkpoints: 1 (0 kept outside the database)`);
    expect(run.stdout).toContain('The chain starts at row 1: no retention record says older rows were detached.');
    expect(run.stdout).toContain('NOT RULED OUT: the newest rows removed back to a checkpoint');
    expect(run.stdout).toContain('--expect with the "expect" field of the newest "audit checkpoint signed" log line, or --checkpoint-file PATH');
  }, 60_000);

  it('exits 1 for a row the table owner changed behind the gateway’s back, naming it as the first broken link', async () => {
    const target = await t.db.selectFrom('audit_events').select('chain_seq').where('type_field', '=', 'User.phone').orderBy('chain_seq').executeTakeFirstOrThrow();
    await asOwnerBypassingTriggers(t.db, sql`update audit_events set summary = 'Agent Sarah Lee read nothing' where chain_seq = ${target.chain_seq}`);
    const run = await auditVerify(url);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is BROKEN');
    expect(run.stderr).toContain(`First problem: Row ${target.chain_seq} was changed after it was written (its content no longer matches its hash).`);
  }, 60_000);

  it('exits 1 for the newest rows removed back to a checkpoint, given the newer checkpoint by --expect or the checkpoint file', async () => {
    const file = path.join(dir, 'checkpoints.jsonl');
    const kept = await checkpoint(t.db, file);
    await traffic(t, 2);
    const removed = await checkpoint(t.db, file);
    // The owner removes the rows and the checkpoints after `kept` and resets the head; the gateway then signs new rows on top.
    const head = await t.db.selectFrom('audit_events').select('hash').where('chain_seq', '=', kept.seq).executeTakeFirstOrThrow();
    await asOwnerBypassingTriggers(
      t.db,
      sql`delete from audit_events where chain_seq > ${kept.seq}`,
      sql`delete from audit_checkpoints where chain_seq > ${kept.seq}`,
      sql`update audit_chain_heads set last_seq = ${kept.seq}, last_hash = ${head.hash} where chain_id = 0`,
    );
    await traffic(t, 3);
    await checkpoint(t.db);
    expect((await chainSeqs(t.db)).at(-1)).toBeGreaterThan(Number(removed.seq));

    // Inside the database nothing shows it, and the command says it cannot rule it out.
    const inside = await auditVerify(url);
    expect(inside.code).toBe(0);
    expect(inside.stdout).toContain('NOT RULED OUT');

    const expected = await auditVerify(url, '--expect', checkpointToken(removed));
    expect(expected.code).toBe(1);
    expect(expected.stderr).toContain(`First problem: Expected checkpoint at row ${removed.seq} does not match the row's hash: rows up to it were rewritten.`);

    const fromFile = await auditVerify(url, '--checkpoint-file', file);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stderr).toContain(`First problem: Checkpoint in the checkpoint file at row ${removed.seq} does not match the row's hash`);

    // Control: the older checkpoint, which the rows still reach, vouches for them up to there.
    const older = await auditVerify(url, '--expect', checkpointToken(kept));
    expect(older.code).toBe(0);
    expect(older.stdout).toContain(`is intact: rows:`);
    expect(older.stdout).toContain(`Rows up to ${kept.seq} are vouched for by a checkpoint kept outside the database (--expect, signed at ${kept.signedAt}). NOT RULED OUT: rows after it`);
  }, 120_000);
});
