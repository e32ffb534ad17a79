import { ROOT_CONTEXT, SpanStatusCode, trace, type Span, type Tracer } from '@opentelemetry/api';
import type pg from 'pg';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { appendAuditRows, type AuditRowInput } from './append-audit-rows.js';
import type { AuditActor } from './audit-event.js';
import { appendsByCopyOnly, copyAuditRows } from './copy-audit-rows.js';
import { groupCommitThrough } from './left-heads.js';
import { alertOnRepeatedDenials } from './record-denial.js';
import { ATTR } from '../tracing/attributes.js';

export interface AuditWriter {
  /**
   * Resolves once the rows are committed; rejects if they could not be. `denied`: a staff
   * member or AI assistant these rows record denials of, whose repeated-denials check then runs in the rows'
   * own transaction (the alert is queued exactly when the denials are recorded). `span`: the
   * request's span waiting for these rows; the group commit that appends them is traced under
   * the first such span of its batch and linked from the others.
   */
  write(rows: readonly AuditRowInput[], denied?: AuditActor | null, span?: Span): Promise<void>;
}

interface Pending {
  rows: readonly AuditRowInput[];
  denied: AuditActor | null;
  span: Span | undefined;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: requests that finish while a batch is being written wait together for the next
 * one, which appends all their rows to the chain in a single transaction. Each caller learns
 * whether its own rows committed; none is told "done" before the commit.
 *
 * On a real server (`pool` given) a batch goes in one round trip (`copyAuditRows`: prepared
 * statements in one pipeline for a request's few rows, COPY for more); on the embedded database,
 * which has neither from a client, as multi-row INSERTs. A batch that
 * records denials goes in as INSERTs wherever it runs, in a transaction that also runs the
 * repeated-denials check of each staff member or assistant denied: rare, and it keeps COPY off the normal path.
 *
 * `chains` (WARDEN_AUDIT_CHAINS): a batch goes on the lowest chain no other writer holds, a new
 * one while there are fewer, else waits for one; instances writing at once take different chains.
 */
export function createAuditWriter(
  db: Db,
  pool: pg.Pool | null = null,
  metrics: Pick<GatewayMetrics, 'auditAppends' | 'auditRowsAppended' | 'auditAppendDuration'> | null = null,
  tracer: Tracer | null = null,
  chains = 1,
  /** Told once when the pool's connections lose the writer's prepared statements and it falls back to COPY. */
  logger: Pick<Logger, 'warn'> | null = null,
): AuditWriter {
  if (pool) groupCommitThrough(db, pool);
  let warnedCopyOnly = false;
  const append = pool
    ? async (rows: readonly AuditRowInput[]) => {
        await copyAuditRows(pool, rows, chains);
        if (!warnedCopyOnly && appendsByCopyOnly(pool)) {
          warnedCopyOnly = true;
          logger?.warn(
            'the audit writer lost its prepared statements on a database connection (a pooler handing each transaction another session, such as PgBouncer in transaction mode before 1.21, or a DEALLOCATE); it appends by COPY from now on, slower, keeping every row. See docs/operations.md.',
          );
        }
      }
    : (rows: readonly AuditRowInput[]) => db.transaction().execute((trx) => appendAuditRows(trx, rows, chains));
  const appendWithAlerts = (rows: readonly AuditRowInput[], denied: ReadonlyMap<string | null, AuditActor>) =>
    db.transaction().execute(async (trx) => {
      await appendAuditRows(trx, rows, chains);
      for (const actor of denied.values()) await alertOnRepeatedDenials(trx, actor);
    });
  let queue: Pending[] = [];
  let flushing = false;
  const counted = (outcome: 'committed' | 'failed', startedAt: number, rows: number) => {
    if (!metrics) return;
    metrics.auditAppends.inc({ outcome });
    metrics.auditAppendDuration.observe({ outcome }, (performance.now() - startedAt) / 1000);
    if (rows > 0) metrics.auditRowsAppended.inc(rows);
  };

  const flush = async (): Promise<void> => {
    flushing = true;
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      const denied = new Map<string | null, AuditActor>();
      for (const pending of batch) if (pending.denied) denied.set(pending.denied.id, pending.denied);
      const startedAt = performance.now();
      const rows = batch.flatMap((p) => p.rows);
      const span = appendSpan(batch, pool && denied.size === 0 ? 'copy' : 'insert');
      try {
        await (denied.size === 0 ? append(rows) : appendWithAlerts(rows, denied));
        counted('committed', startedAt, rows.length);
        span?.setAttributes({ [ATTR.auditOutcome]: 'committed', [ATTR.auditRowsAppended]: rows.length });
        for (const pending of batch) pending.resolve();
      } catch (error) {
        counted('failed', startedAt, 0);
        // PostgreSQL's SQLSTATE, never its message: a message can quote the value it refused.
        const sqlState: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
        span?.setAttributes({ [ATTR.auditOutcome]: 'failed', [ATTR.auditRowsAppended]: 0, ...(typeof sqlState === 'string' ? { [ATTR.dbStatus]: sqlState } : {}) });
        span?.setStatus({ code: SpanStatusCode.ERROR });
        for (const pending of batch) pending.reject(error);
      } finally {
        span?.end();
      }
    }
    flushing = false;
  };

  /** The group commit's span, under the first traced request of the batch; none when no request in it is traced. */
  const appendSpan = (batch: readonly Pending[], method: 'copy' | 'insert'): Span | null => {
    const waiting = batch.flatMap((pending) => (pending.span ? [pending.span] : []));
    const [first, ...others] = waiting;
    if (!tracer || !first) return null;
    return tracer.startSpan(
      'warden.audit.append',
      {
        attributes: { [ATTR.auditRequests]: batch.length, [ATTR.auditMethod]: method },
        links: others.map((span) => ({ context: span.spanContext() })),
      },
      trace.setSpan(ROOT_CONTEXT, first),
    );
  };

  return {
    write(rows, denied = null, span) {
      if (rows.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        queue.push({ rows, denied, span, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
}
