import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/database.js';
import type { Logger } from '../log/logger.js';
import { readOutboxBacklog, readPendingApprovals, readSessionCounts, type Backlog } from './database-state.js';

export interface DatabaseGaugesOptions {
  db: Db;
  /** Where a failed read is reported. */
  logger: Logger;
  /**
   * A read that takes longer is reported as failed, so a slow database cannot make the scrape
   * time out as a whole. @default 2000
   */
  timeoutMs?: number;
}

const SHARED = 'Read from the database at scrape time; every instance reports the same value (aggregate with max, not sum).';

/**
 * The metrics that describe the database's state rather than this instance's work: sessions
 * active, started and ended; approvals pending; the notification outbox's backlog. Computed
 * when scraped, one query per source. A source that cannot be read is logged and left out of
 * that scrape (its series go missing, `warden_database_gauges_up` says 0); the rest of the
 * scrape is answered. Registered once per registry: a second gateway on the same metrics keeps
 * the first one's database.
 */
export function registerDatabaseGauges(registry: Registry, options: DatabaseGaugesOptions): void {
  if (registry.getSingleMetric('warden_database_gauges_up')) return;
  const { db } = options;
  const sessions = sharedRead('sessions', () => readSessionCounts(db), options);
  const approvals = sharedRead('approvals', () => readPendingApprovals(db), options);
  const outbox = sharedRead('notification_outbox', () => readOutboxBacklog(db), options);
  const registers = [registry];

  new Gauge({
    name: 'warden_database_gauges_up',
    help: 'Whether the database-derived metrics of each source (sessions, approvals, notification_outbox) could be read in this scrape: 1 yes, 0 no (the log says why).',
    labelNames: ['source'],
    registers,
    async collect() {
      const [s, a, o] = await Promise.all([sessions(), approvals(), outbox()]);
      this.set({ source: 'sessions' }, s ? 1 : 0);
      this.set({ source: 'approvals' }, a ? 1 : 0);
      this.set({ source: 'notification_outbox' }, o ? 1 : 0);
    },
  });
  new Gauge({
    name: 'warden_impersonation_sessions_active',
    help: `Impersonation sessions running now, by mode. ${SHARED}`,
    labelNames: ['mode'],
    registers,
    async collect() {
      report(this, 'mode', (await sessions())?.active);
    },
  });
  new Counter({
    name: 'warden_impersonation_sessions_started_total',
    help: `Impersonation sessions that started (a token was issued), by mode; counted in the sessions table, so every start is counted once whichever instance made it. ${SHARED}`,
    labelNames: ['mode'],
    registers,
    async collect() {
      report(this, 'mode', (await sessions())?.started);
    },
  });
  new Counter({
    name: 'warden_impersonation_sessions_ended_total',
    help: `Impersonation sessions that ended, by reason: ended (by the agent), idle_timeout, expired (hard limit), revoked (by a manager), role_lost, target_changed; counted in the sessions table. ${SHARED}`,
    labelNames: ['reason'],
    registers,
    async collect() {
      report(this, 'reason', (await sessions())?.ended);
    },
  });
  backlogGauges(registers, approvals, {
    count: 'warden_approval_requests_pending',
    oldest: 'warden_approval_requests_oldest_pending_age_seconds',
    what: 'Approval requests waiting for a manager (pending, not lapsed), by kind',
    label: 'kind',
  });
  backlogGauges(registers, outbox, {
    count: 'warden_notification_outbox_undelivered',
    oldest: 'warden_notification_outbox_oldest_undelivered_age_seconds',
    what: 'Notifications in the outbox not yet delivered to the webhook, by state: waiting (not tried yet) or retrying (failed at least once)',
    label: 'state',
  });
}

/** A count gauge and an oldest-age gauge over one backlog. */
function backlogGauges(
  registers: Registry[],
  read: () => Promise<Map<string, Backlog> | null>,
  { count, oldest, what, label }: { count: string; oldest: string; what: string; label: string },
): void {
  new Gauge({
    name: count,
    help: `${what}. ${SHARED}`,
    labelNames: [label],
    registers,
    async collect() {
      report(this, label, mapValues(await read(), (backlog) => backlog.count));
    },
  });
  new Gauge({
    name: oldest,
    help: `Age of the oldest of them, in seconds (0 when there is none). ${what}. ${SHARED}`,
    labelNames: [label],
    registers,
    async collect() {
      report(this, label, mapValues(await read(), (backlog) => backlog.oldestAgeSeconds));
    },
  });
}

/** Sets one series per key; with nothing read, none, so a failed read never looks like zero. */
function report(metric: Gauge | Counter, label: string, values: ReadonlyMap<string, number> | null | undefined): void {
  metric.reset();
  if (!values) return;
  for (const [key, value] of values) {
    if (metric instanceof Gauge) metric.set({ [label]: key }, value);
    else metric.inc({ [label]: key }, value);
  }
}

function mapValues<T>(map: ReadonlyMap<string, T> | null, pick: (value: T) => number): Map<string, number> | null {
  return map && new Map([...map].map(([key, value]) => [key, pick(value)]));
}

/**
 * One read shared by the gauges of a scrape (they are collected side by side, so they join the
 * read the first one started) and by scrapes that overlap it. A query still running after its
 * answer timed out is joined, not repeated: a stalled database gets one query per source, not
 * one per scrape. Answers null, logged once, when the read fails or outlasts the timeout.
 */
function sharedRead<T>(source: string, read: () => Promise<T>, options: DatabaseGaugesOptions): () => Promise<T | null> {
  const timeoutMs = options.timeoutMs ?? 2000;
  let running: Promise<T> | null = null;
  let answer: Promise<T | null> | null = null;
  return () => {
    if (answer) return answer;
    const query = (running ??= read().finally(() => {
      running = null;
    }));
    answer = withTimeout(query, timeoutMs)
      .catch((error: unknown) => {
        options.logger.warn({ err: error, source }, 'metrics: could not read from the database; its series are left out of this scrape');
        return null;
      })
      .finally(() => {
        answer = null;
      });
    return answer;
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
