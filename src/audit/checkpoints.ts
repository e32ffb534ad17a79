import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { keyId, signCheckpoint } from './audit-hash.js';

/**
 * Signs the chain's current head with a key kept outside the database. With checkpoints,
 * removing the newest rows (and rewriting the head to match) is caught too: a checkpoint then
 * names a row that is gone. Returns the checkpointed sequence, or null if nothing new.
 */
export async function writeCheckpoint(db: Db, key: string): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('audit_chain_head').select(['last_seq', 'last_hash']).forShare().executeTakeFirstOrThrow();
    if (head.last_seq === '0') return null;
    const latest = await trx.selectFrom('audit_checkpoints').select('chain_seq').orderBy('chain_seq', 'desc').executeTakeFirst();
    if (latest && BigInt(latest.chain_seq) >= BigInt(head.last_seq)) return null;
    await trx
      .insertInto('audit_checkpoints')
      .values({ chain_seq: head.last_seq, hash: head.last_hash, key_id: keyId(key), signature: signCheckpoint(key, head.last_seq, head.last_hash) })
      .onConflict((c) => c.column('chain_seq').doNothing())
      .execute();
    return head.last_seq;
  });
}

export interface CheckpointerOptions {
  db: Db;
  key: string;
  logger: Logger;
  /** @default 60000 */
  intervalMs?: number;
}

/** Signs a checkpoint every interval; one instance at a time does it (an advisory lock). */
export function startCheckpointer(options: CheckpointerOptions): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = options.db
      .transaction()
      .execute(async (trx) => {
        const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(hashtext('warden_audit_checkpoint')) as locked`.execute(trx);
        return rows[0]?.locked ?? false;
      })
      .then((mine) => (mine ? writeCheckpoint(options.db, options.key) : null))
      .catch((error: unknown) => options.logger.error({ err: error }, 'audit checkpoint failed'));
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
