import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../db/database.js';
import type { Logger } from '../../log/logger.js';
import type { GatewayMetrics } from '../../metrics/gateway-metrics.js';
import { retryDelayMs, type BackoffOptions } from '../../notify/retry-delay.js';
import { StreamLeaseLost, type AuditSink, type StreamEvent } from './audit-sink.js';
import { chainName, chainOfName, ocsfEventOf } from './ocsf-event.js';
import {
  advanceStreamCursor,
  chainHeadSeq,
  checkpointsFor,
  claimStreamCursor,
  firstRowAfter,
  readRowsAfter,
  releaseStreamCursor,
  startDestinationAtHeads,
  streamedChains,
  type LeaseOptions,
  type StreamPosition,
  type StreamStart,
} from './stream-cursor.repository.js';

export interface AuditStreamOptions {
  db: Db;
  sinks: readonly AuditSink[];
  logger: Logger;
  /** Where a destination seen for the first time starts. @default first (the whole chain) */
  start?: StreamStart;
  /** The pause after a pass that found nothing more to send. @default 1000 */
  pollMs?: number;
  /** Waits after failed passes. @default { initialMs: 1000, maxMs: 60000, jitter: 0.5 } */
  backoff?: BackoffOptions;
  /** How long a destination stays this instance's without it moving the cursor. @default 60000 */
  leaseMs?: number;
  /** Where lag and delivered events are counted. @default not counted */
  metrics?: Pick<GatewayMetrics, 'auditStreamLag' | 'auditStreamEvents' | 'auditStreamWithheld'> | undefined;
}

export interface AuditStream {
  /** Why destinations are not being streamed, one each, for /health; empty while all are. */
  problems(): string[];
  /** Stops polling, delivers what is waiting (a segment not yet full) once more, and gives the leases back. */
  stop(): Promise<void>;
}

type PassOutcome = 'more' | 'idle';

/**
 * Streams committed audit rows to each sink, each chain in its own order with a cursor of its
 * own (destination, chain), at least once: a destination's cursor moves only after its sink acknowledged, so a restart or an outage resumes after the
 * last acknowledged row (what was sent but not acknowledged is sent again, with the same
 * event ids). One instance streams a destination at a time (a lease on its cursor). The audit
 * write path knows nothing of this: a sink that is down only lets the stream fall behind.
 */
export function startAuditStream(options: AuditStreamOptions): AuditStream {
  const { db, logger, metrics } = options;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 60_000;
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000, jitter: 0.5 };
  const instance = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const stopping = new AbortController();
  const failing = new Map<string, { since: Date; attempts: number }>();

  const loops = options.sinks.map(async (sink) => {
    const leaseOf = (chain: number): LeaseOptions => ({
      destination: sink.destination,
      chain: chainName(chain),
      owner: `${instance}:${sink.destination}`,
      leaseMs,
      start: options.start ?? 'first',
    });
    let chains: number[] = [];
    logger.info({ destination: sink.destination, to: sink.description }, 'audit stream started');
    // At 0 from the start, so an alert on its increase sees the first withheld event.
    metrics?.auditStreamWithheld.inc({ destination: sink.destination }, 0);
    let failures = 0;
    const attempt = async (final: boolean): Promise<PassOutcome | 'failed'> => {
      try {
        if (options.start === 'next') await startDestinationAtHeads(db, sink.destination);
        chains = await streamedChains(db);
        const outcome = await streamChains(db, sink, chains.map(leaseOf), logger, metrics, final);
        if (failures > 0) logger.info({ destination: sink.destination, failures }, 'audit stream delivering again');
        failures = 0;
        failing.delete(sink.destination);
        return outcome;
      } catch (error) {
        if (error instanceof StreamLeaseLost) return 'idle';
        failures += 1;
        const since = failing.get(sink.destination)?.since ?? new Date();
        failing.set(sink.destination, { since, attempts: failures });
        logger.warn({ destination: sink.destination, failures, error: error instanceof Error ? error.message : String(error) }, 'audit stream delivery failed; the rows wait in the table and are sent again');
        return 'failed';
      }
    };
    while (!stopping.signal.aborted) {
      const outcome = await attempt(false);
      if (outcome === 'more') continue;
      const wait = outcome === 'failed' ? retryDelayMs(failures, backoff) : pollMs;
      await sleep(wait, undefined, { signal: stopping.signal, ref: false }).catch(() => undefined);
    }
    // Once more on the way out, so a segment waiting to fill up is written.
    if (failures === 0) await attempt(true);
    for (const chain of chains) await releaseStreamCursor(db, leaseOf(chain)).catch(() => undefined);
  });

  return {
    problems: () => [...failing].map(([destination, f]) => `audit stream to ${destination} is failing (${f.attempts} attempts since ${f.since.toISOString()}); see the log`),
    async stop() {
      stopping.abort();
      await Promise.all(loops);
    },
  };
}

/**
 * One pass over every chain for one destination: the outcome is 'more' when any chain has more
 * waiting; the lag reported is the rows waiting on all of them.
 */
async function streamChains(
  db: Db,
  sink: AuditSink,
  leases: readonly LeaseOptions[],
  logger: Logger,
  metrics: AuditStreamOptions['metrics'],
  stopping: boolean,
): Promise<PassOutcome> {
  let outcome: PassOutcome = 'idle';
  let lag: number | null = 0;
  for (const lease of leases) {
    const pass = await streamChainPass(db, sink, lease, logger, metrics, stopping);
    if (pass.outcome === 'more') outcome = 'more';
    lag = lag === null || pass.lag === null ? null : lag + pass.lag;
  }
  reportLag(metrics, sink.destination, lag);
  return outcome;
}

/** Null: another instance holds a lease and reports the lag; a value left here would go stale. */
function reportLag(metrics: AuditStreamOptions['metrics'], destination: string, lag: number | null): void {
  if (lag === null) metrics?.auditStreamLag.remove({ destination });
  else metrics?.auditStreamLag.set({ destination }, lag);
}

/** One pass for one destination and the chain its lease names (`streamChainPass`), its lag reported. */
export async function streamPass(
  db: Db,
  sink: AuditSink,
  lease: LeaseOptions,
  logger: Logger,
  metrics: AuditStreamOptions['metrics'],
  stopping = false,
): Promise<PassOutcome> {
  const pass = await streamChainPass(db, sink, lease, logger, metrics, stopping);
  reportLag(metrics, sink.destination, pass.lag);
  return pass.outcome;
}

/**
 * One pass for one destination and one chain: take the lease, read the chain's rows after its
 * cursor, deliver them (or wait, when the sink wants more), and move the cursor as the sink
 * acknowledges. The lag is null while another instance holds the lease.
 */
async function streamChainPass(
  db: Db,
  sink: AuditSink,
  lease: LeaseOptions,
  logger: Logger,
  metrics: AuditStreamOptions['metrics'],
  stopping: boolean,
): Promise<{ outcome: PassOutcome; lag: number | null }> {
  const chain = chainOfName(lease.chain);
  if (chain === null) throw new Error(`"${lease.chain}" is not an audit chain's name`);
  let position = await claimStreamCursor(db, lease, chain);
  if (!position) return { outcome: 'idle', lag: null };
  const head = BigInt(await chainHeadSeq(db, chain));
  const lag = (at: StreamPosition) => Math.max(0, Number(head - BigInt(at.lastSeq)));
  // Asked before the rows are read: a segment waiting to fill up costs two small queries a pass.
  const oldest = sink.deliverNow ? await firstRowAfter(db, chain, position.lastSeq) : undefined;
  const waiting = { rows: Math.min(sink.batchEvents, Math.max(0, Number(head - BigInt(position.lastSeq)))), oldest: oldest?.occurred_at ?? new Date() };
  if (sink.deliverNow && (!oldest || !sink.deliverNow(waiting, new Date(), stopping))) return { outcome: 'idle', lag: lag(position) };
  const rows = await readRowsAfter(db, chain, position.lastSeq, sink.batchEvents);
  const first = rows[0];
  const last = rows.at(-1);
  if (!first || !last) return { outcome: 'idle', lag: lag(position) };
  reportBreaks(rows, position, sink.destination, logger);
  const attestation = await checkpointsFor(db, chain, first.chain_seq, last.chain_seq);
  const events: StreamEvent[] = rows.map((row) => ({
    seq: row.chain_seq,
    hash: row.hash,
    prevHash: row.prev_hash,
    occurredAt: row.occurred_at,
    event: ocsfEventOf(lease.chain, row, attestation(row.chain_seq)),
  }));
  await sink.deliver(events, async (upTo) => {
    if (!position) throw new StreamLeaseLost();
    const delivered = BigInt(upTo.seq) - BigInt(position.lastSeq);
    const from = position;
    if (!(await advanceStreamCursor(db, lease, from, { seq: upTo.seq, hash: upTo.hash }))) throw new StreamLeaseLost();
    position = { lastSeq: upTo.seq, lastHash: upTo.hash };
    metrics?.auditStreamEvents.inc({ destination: sink.destination }, Number(delivered > 0n ? delivered : 0n));
  }, {
    notice: (message, fields) => logger.warn({ destination: sink.destination, ...fields }, message),
    withheld: () => metrics?.auditStreamWithheld.inc({ destination: sink.destination }),
  });
  return { outcome: rows.length >= sink.batchEvents ? 'more' : 'idle', lag: lag(position) };
}

/**
 * Rows missing (retention detached them before they were streamed, or someone removed them) or
 * a link that does not follow: streamed as they are (the receiver sees the same break in the
 * events' `prev_hash`), and said in the log at error level.
 */
function reportBreaks(rows: readonly { chain_seq: string; prev_hash: string; hash: string }[], position: { lastSeq: string; lastHash: string | null }, destination: string, logger: Logger): void {
  let expected = position.lastHash === null ? null : { seq: BigInt(position.lastSeq) + 1n, prev: position.lastHash };
  for (const row of rows) {
    const seq = BigInt(row.chain_seq);
    if (expected && seq !== expected.seq) {
      logger.error({ destination, expectedSeq: expected.seq.toString(), foundSeq: row.chain_seq }, 'audit stream found rows missing from the chain: streaming on from the next row; run npm run audit:verify');
    } else if (expected && row.prev_hash !== expected.prev) {
      logger.error({ destination, seq: row.chain_seq }, 'audit stream found a row that does not follow the one before it: streaming it as it is; run npm run audit:verify');
    }
    expected = { seq: seq + 1n, prev: row.hash };
  }
}
