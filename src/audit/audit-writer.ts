import type pg from 'pg';
import type { Db } from '../db/database.js';
import { appendAuditRows, type AuditRowInput } from './append-audit-rows.js';
import { copyAuditRows } from './copy-audit-rows.js';

export interface AuditWriter {
  /** Resolves once the rows are committed; rejects if they could not be. */
  write(rows: readonly AuditRowInput[]): Promise<void>;
}

interface Pending {
  rows: readonly AuditRowInput[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that finish while a batch is being written wait together for the next
 * one, which appends all their rows to the chain in a single transaction. Each caller learns
 * whether its own rows committed; none is told "done" before the commit.
 *
 * On a real server (`pool` given) a batch goes in with COPY, the fastest way measured; on the
 * embedded database, which has no COPY from a client stream, as multi-row INSERTs.
 */
export function createAuditWriter(db: Db, pool: pg.Pool | null = null): AuditWriter {
  const append = pool
    ? (rows: readonly AuditRowInput[]) => copyAuditRows(pool, rows)
    : (rows: readonly AuditRowInput[]) => db.transaction().execute((trx) => appendAuditRows(trx, rows));
  let queue: Pending[] = [];
  let flushing = false;

  const flush = async (): Promise<void> => {
    flushing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await append(batch.flatMap((p) => p.rows));
        for (const pending of batch) pending.resolve();
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      }
    }
    flushing = false;
  };

  return {
    write(rows) {
      if (rows.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
