import { appendFile, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { CheckpointScheme, CheckpointSigner } from './checkpoint-signature.js';
import { repeatTask } from './repeat-task.js';
import type { ExternalCheckpoint } from './chain-report.js';

/** A signed checkpoint as published outside the database (log line, checkpoint file). */
export interface PublishedCheckpoint {
  seq: string;
  hash: string;
  signedAt: string;
  keyId: string;
  scheme: CheckpointScheme;
  signature: string;
}

/**
 * Signs the chain's current head with a key kept outside the database. With checkpoints,
 * removing the newest rows (and rewriting the head to match) is caught too: a checkpoint then
 * names a row that is gone.
 *
 * Runs under a transaction-level advisory lock, held until the checkpoint is committed, so two
 * instances never sign at once. With `file`, the checkpoint is appended there (one JSON line)
 * before the commit: every checkpoint in the table is then in the file too, where whoever owns
 * the database cannot reach it. Returns the checkpoint, or null when another instance holds the
 * lock or nothing was appended since the last one.
 */
export async function writeCheckpoint(db: Db, signer: CheckpointSigner, options: { file?: string | undefined } = {}): Promise<PublishedCheckpoint | null> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('warden_audit_checkpoint')) as locked`.execute(trx);
    if (!rows[0]?.locked) return null;
    const head = await trx.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).forShare().executeTakeFirstOrThrow();
    if (head.last_seq === '0') return null;
    const latest = await trx.selectFrom('audit_checkpoints').select('chain_seq').orderBy('chain_seq', 'desc').executeTakeFirst();
    if (latest && BigInt(latest.chain_seq) >= BigInt(head.last_seq)) return null;
    const claim = { seq: head.last_seq, hash: head.last_hash, signedAt: new Date() };
    const signature = signer.sign(claim);
    await trx
      .insertInto('audit_checkpoints')
      .values({ chain_seq: claim.seq, hash: claim.hash, signed_at: claim.signedAt, key_id: signer.keyId, scheme: signer.scheme, signature })
      .execute();
    const published: PublishedCheckpoint = { ...claim, signedAt: claim.signedAt.toISOString(), keyId: signer.keyId, scheme: signer.scheme, signature };
    if (options.file) await appendFile(options.file, `${JSON.stringify(published)}\n`, { flag: 'a' });
    return published;
  });
}

/** `seq:hash:signedAt:signature`: one checkpoint as `npm run audit:verify -- --expect` takes it. */
export function checkpointToken(checkpoint: PublishedCheckpoint): string {
  return `${checkpoint.seq}:${checkpoint.hash}:${checkpoint.signedAt}:${checkpoint.signature}`;
}

export interface CheckpointerOptions {
  db: Db;
  signer: CheckpointSigner;
  logger: Logger;
  /** WARDEN_AUDIT_CHECKPOINT_FILE: also append each checkpoint to this file. */
  file?: string | undefined;
  /** @default 60000 */
  intervalMs?: number;
}

export interface Checkpointer {
  /** Why checkpoints are not being signed, for /health (no details: those are in the log); null while they are. */
  problem(): string | null;
  /** Stops the timer and signs the head once more, so rows written before the stop are covered. */
  stop(): Promise<void>;
}

/**
 * Signs a checkpoint every interval (one instance at a time) and publishes each in a log line
 * `audit checkpoint signed`, whose `expect` field `audit:verify -- --expect` takes back.
 * A failure is logged and reported by `problem()` until a later attempt succeeds.
 */
export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  let failingSince: Date | null = null;
  let failures = 0;
  const attempt = () =>
    writeCheckpoint(options.db, options.signer, { file: options.file }).then(
      (checkpoint) => {
        failingSince = null;
        failures = 0;
        if (checkpoint) options.logger.info({ auditCheckpoint: { ...checkpoint, expect: checkpointToken(checkpoint) } }, 'audit checkpoint signed');
      },
      (error: unknown) => {
        failingSince ??= new Date();
        failures += 1;
        options.logger.error({ err: error, failures, failingSince }, 'audit checkpoint failed: rows after the last checkpoint stay unsigned');
      },
    );
  const repeating = repeatTask(attempt, options.intervalMs ?? 60_000);
  return {
    problem: () => (failingSince ? `audit checkpoints are failing (${failures} attempts since ${failingSince.toISOString()}); see the log` : null),
    async stop() {
      await repeating.stop();
      await attempt();
    },
  };
}

/**
 * Why a production gateway's checkpoints may not survive the database owner: with no
 * checkpoint file they are kept outside the database only in the log, and only if someone
 * ships that log where the owner cannot edit it. Null when a file is configured, or outside
 * production. (With no file and a log level that hides them, loadConfig refuses to start.)
 */
export function checkpointPublishingWarning(config: { production: boolean; audit: { checkpointFile: string | undefined } }): string | null {
  if (!config.production || config.audit.checkpointFile) return null;
  return (
    'WARDEN_AUDIT_CHECKPOINT_FILE is unset: audit checkpoints are kept outside the database only in the "audit checkpoint signed" log lines. ' +
    'Ship them to a store the database owner cannot edit, or set WARDEN_AUDIT_CHECKPOINT_FILE to a file on append-only storage; ' +
    'without an outside checkpoint, removal of the newest audit rows back to a checkpoint goes undetected (docs/audit.md, "Keeping checkpoints outside").'
  );
}

const TOKEN = /^(\d+):([0-9a-f]{64})(?::(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z):([0-9a-f]+))?$/;

/** Reads `seq:hash` or a whole `checkpointToken`; null when it is neither. */
export function parseCheckpointToken(text: string): ExternalCheckpoint | null {
  const match = TOKEN.exec(text.trim());
  if (!match) return null;
  const [, seq = '', hash = '', signedAt, signature] = match;
  return { source: 'expected', seq, hash, ...(signedAt && signature ? { signed: { signedAt: new Date(signedAt), signature } } : {}) };
}

/**
 * The checkpoints in a checkpoint file, and the numbers of its lines that are not one (the file
 * was edited: `audit:verify` reports them).
 */
export async function readCheckpointFile(file: string): Promise<{ checkpoints: ExternalCheckpoint[]; malformedLines: number[] }> {
  const checkpoints: ExternalCheckpoint[] = [];
  const malformedLines: number[] = [];
  (await readFile(file, 'utf8')).split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const checkpoint = parsePublished(line);
    if (checkpoint) checkpoints.push(checkpoint);
    else malformedLines.push(index + 1);
  });
  return { checkpoints, malformedLines };
}

/** One line of a checkpoint file (a `PublishedCheckpoint` as JSON). */
function parsePublished(line: string): ExternalCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const text = (field: keyof PublishedCheckpoint): string | null => {
    const item: unknown = Reflect.get(value, field);
    return typeof item === 'string' ? item : null;
  };
  const token = parseCheckpointToken(`${text('seq')}:${text('hash')}:${text('signedAt')}:${text('signature')}`);
  const keyId = text('keyId');
  const scheme = text('scheme');
  if (!token?.signed || !keyId || !scheme) return null;
  return { source: 'file', seq: token.seq, hash: token.hash, signed: { ...token.signed, keyId, scheme } };
}
