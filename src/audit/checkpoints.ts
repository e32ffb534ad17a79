import { appendFile, readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { CheckpointScheme, CheckpointSigner } from './checkpoint-signature.js';
import { repeatTask } from './repeat-task.js';
import type { ExternalCheckpoint, ExternalSeal } from './chain-report.js';
import { parseSealStatement, parseSealToken, SEAL_FORMAT, sealStatement, sealToken, type PublishedSeal, type SealedHead } from './audit-seal.js';
import { readChainHeads, type ChainHead } from './chain-heads.js';

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
 * Signs the heads of the audit chains with a key kept outside the database. With checkpoints,
 * removing the newest rows of a chain (and rewriting its head to match) is caught too: a
 * checkpoint then names a row that is gone.
 *
 * The heads are read in one snapshot, without locking them (writers go on appending
 * meanwhile, to the chains they hold). While chain 0 is the only one, the checkpoint is of
 * today's single-chain form (`writeCheckpoint`); once there are more, one seal names them all
 * (audit-seal.ts): removing a whole chain, head and all, is then caught by the seals naming it.
 *
 * Runs under a transaction-level advisory lock, held until the checkpoint is committed, so two
 * instances never sign at once. With `file`, the checkpoint is appended there (one JSON line)
 * before the commit: every checkpoint in the table is then in the file too, where whoever owns
 * the database cannot reach it. Returns what was signed, or null when another instance holds the
 * lock or nothing was appended since the last one.
 */
export async function sealAuditChains(db: Db, signer: CheckpointSigner, options: { file?: string | undefined } = {}): Promise<PublishedCheckpoint | PublishedSeal | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await signingLock(trx))) return null;
    const heads = await readChainHeads(trx);
    const [first] = heads;
    if (heads.length === 1 && first?.chain_id === 0) return signChainZero(trx, signer, first, options);
    return signSeal(trx, signer, heads, options);
  });
}

/**
 * Signs chain 0's head alone, in the single-chain form (`seq:hash:signedAt`) that checkpoints,
 * log tokens and checkpoint files have always had. `sealAuditChains` is what the checkpointer
 * runs: with more chains than chain 0, this covers chain 0 only.
 */
export async function writeCheckpoint(db: Db, signer: CheckpointSigner, options: { file?: string | undefined } = {}): Promise<PublishedCheckpoint | null> {
  return db.transaction().execute(async (trx) => {
    if (!(await signingLock(trx))) return null;
    const head = await trx.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).where('chain_id', '=', 0).executeTakeFirstOrThrow();
    return signChainZero(trx, signer, head, options);
  });
}

async function signingLock(trx: Db): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('warden_audit_checkpoint')) as locked`.execute(trx);
  return rows[0]?.locked === true;
}

async function signChainZero(trx: Db, signer: CheckpointSigner, head: ChainHead, options: { file?: string | undefined }): Promise<PublishedCheckpoint | null> {
  if (head.last_seq === '0') return null;
  // Only checkpoints up to the head count: one beyond it names a row that does not exist (a row
  // put in by hand; audit:verify reports it), and must not stop every checkpoint after it.
  const latest = await trx
    .selectFrom('audit_checkpoints')
    .select('chain_seq')
    .where('chain_seq', '<=', head.last_seq)
    .orderBy('chain_seq', 'desc')
    .executeTakeFirst();
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
}

/** One seal over every head that has rows, unless none moved since the newest seal. */
async function signSeal(trx: Db, signer: CheckpointSigner, chainHeads: readonly ChainHead[], options: { file?: string | undefined }): Promise<PublishedSeal | null> {
  const heads: SealedHead[] = chainHeads.filter((h) => h.last_seq !== '0').map((h) => ({ chain: h.chain_id, seq: h.last_seq, hash: h.last_hash }));
  if (heads.length === 0) return null;
  const latest = await trx.selectFrom('audit_seals').select('statement').orderBy('seal_id', 'desc').limit(1).executeTakeFirst();
  const before = latest ? parseSealStatement(latest.statement) : null;
  if (before && sameHeads(before.heads, heads)) return null;
  const signedAt = new Date();
  const statement = sealStatement({ heads, signedAt });
  const signature = signer.signStatement(statement);
  const { seal_id: sealId } = await trx
    .insertInto('audit_seals')
    .values({ signed_at: signedAt, key_id: signer.keyId, scheme: signer.scheme, statement, signature })
    .returning('seal_id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('audit_seal_heads')
    .values(heads.map((h) => ({ seal_id: sealId, chain_id: h.chain, chain_seq: h.seq, hash: h.hash })))
    .execute();
  const published: PublishedSeal = { seal: SEAL_FORMAT, heads, signedAt: signedAt.toISOString(), keyId: signer.keyId, scheme: signer.scheme, signature };
  if (options.file) await appendFile(options.file, `${JSON.stringify(published)}\n`, { flag: 'a' });
  return published;
}

function sameHeads(a: readonly SealedHead[], b: readonly SealedHead[]): boolean {
  return a.length === b.length && a.every((head, i) => head.chain === b[i]?.chain && head.seq === b[i]?.seq && head.hash === b[i]?.hash);
}

/** The `expect` token of what the checkpointer signed: a checkpoint's or a seal's. */
export function signedToken(signed: PublishedCheckpoint | PublishedSeal): string {
  return 'heads' in signed ? sealToken(signed) : checkpointToken(signed);
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
 * Signs a checkpoint (or, with several chains, a seal) every interval (one instance at a time)
 * and publishes each in a log line `audit checkpoint signed`, whose `expect` field
 * `audit:verify -- --expect` takes back.
 * A failure is logged and reported by `problem()` until a later attempt succeeds.
 */
export function startCheckpointer(options: CheckpointerOptions): Checkpointer {
  let failingSince: Date | null = null;
  let failures = 0;
  const attempt = () =>
    sealAuditChains(options.db, options.signer, { file: options.file }).then(
      (checkpoint) => {
        failingSince = null;
        failures = 0;
        if (checkpoint) options.logger.info({ auditCheckpoint: { ...checkpoint, expect: signedToken(checkpoint) } }, 'audit checkpoint signed');
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

/** An `--expect` token of either form: a checkpoint's (`seq:hash…`) or a seal's (`seal:…`); null when it is neither. */
export function parseExpectToken(text: string): ExternalCheckpoint | ExternalSeal | null {
  const seal = parseSealToken(text);
  return seal ? { source: 'expected', ...seal } : parseCheckpointToken(text);
}

/**
 * The checkpoints and seals in a checkpoint file, and the numbers of its lines that are neither
 * (the file was edited: `audit:verify` reports them).
 */
export async function readCheckpointFile(file: string): Promise<{ checkpoints: ExternalCheckpoint[]; seals: ExternalSeal[]; malformedLines: number[] }> {
  const checkpoints: ExternalCheckpoint[] = [];
  const seals: ExternalSeal[] = [];
  const malformedLines: number[] = [];
  (await readFile(file, 'utf8')).split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const value = jsonObject(line);
    const checkpoint = value && 'heads' in value ? parsePublishedSeal(value) : value && parsePublished(value);
    if (!checkpoint) malformedLines.push(index + 1);
    else if ('heads' in checkpoint) seals.push(checkpoint);
    else checkpoints.push(checkpoint);
  });
  return { checkpoints, seals, malformedLines };
}

function jsonObject(line: string): object | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null ? value : null;
  } catch {
    return null;
  }
}

/** One seal line of a checkpoint file (a `PublishedSeal` as JSON). */
function parsePublishedSeal(value: object): ExternalSeal | null {
  const text = (field: keyof PublishedSeal): string | null => {
    const item: unknown = Reflect.get(value, field);
    return typeof item === 'string' ? item : null;
  };
  const heads: unknown = Reflect.get(value, 'heads');
  if (text('seal') !== SEAL_FORMAT || !Array.isArray(heads)) return null;
  const listed = heads.map((h: unknown) => (typeof h === 'object' && h !== null ? `${String(Reflect.get(h, 'chain'))}/${String(Reflect.get(h, 'seq'))}/${String(Reflect.get(h, 'hash'))}` : ''));
  const token = parseSealToken(`seal:${text('signedAt')}:${listed.join(',')}:${text('signature')}`);
  const keyId = text('keyId');
  const scheme = text('scheme');
  if (!token?.signed || !keyId || !scheme) return null;
  return { source: 'file', heads: token.heads, signed: { ...token.signed, keyId, scheme } };
}

/** One checkpoint line of a checkpoint file (a `PublishedCheckpoint` as JSON). */
function parsePublished(value: object): ExternalCheckpoint | null {
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
