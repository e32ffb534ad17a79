import pg from 'pg';
import { processCpuUs } from '../support/process-cpu.js';

/**
 * The tables an audit append locks a chain head row in: the single head of today's writer, and
 * the several heads of a writer spreading appends over parallel chains. Either may exist.
 */
export const CHAIN_HEAD_TABLES = ['audit_chain_head', 'audit_chain_heads'] as const;

export interface LockWaitSummary {
  samples: number;
  /** What the sampled span came to, seconds: the denominator of the rates below. */
  seconds: number;
  /** Mean time between samples, ms: the interval asked for, stretched by a busy machine. */
  meanIntervalMs: number;
  /** Mean wall time of one sampling query, ms (a busy machine stretches it). */
  meanQueryMs: number;
  /**
   * CPU the sampler's own backend used, in cores (0.05 = 5% of one): what sampling costs the
   * database, counted in its CPU column too. Null unless the cluster is local (/proc is read).
   */
  samplerDatabaseCores: number | null;
  /** Backend-seconds spent waiting for a lock on a chain head row (see `classify`). */
  chainHeadBackendSeconds: number;
  /** Backend-seconds spent waiting for any heavyweight lock in the bench database. */
  anyLockBackendSeconds: number;
  /** The most backends seen waiting on a chain head in one sample. */
  maxChainHeadWaiters: number;
  /** Backend-seconds by what was waited for, e.g. `tuple on audit_chain_head`. */
  byLock: Record<string, number>;
  /** Why sampling stopped early, if it did (the figures then cover less than the run). */
  error: string | null;
}

export interface LockWaitSampler {
  /** Stops sampling and sums up what the samples saw. */
  stop(): Promise<LockWaitSummary>;
}

/** One backend of the bench database waiting for a heavyweight lock, as one sample saw it. */
interface WaitingBackend {
  pid: number;
  wait_event: string | null;
  /** The relations its ungranted locks are on, comma-separated; null for transaction ids. */
  waiting_on: string | null;
  /** The chain head tables it already holds a lock on (held by an append past its FOR UPDATE). */
  holding_head: string | null;
  /** The start of the statement that waits, whitespace collapsed. */
  query: string;
}

/**
 * Backends of this database in a heavyweight-lock wait, what they wait for and whether they
 * hold a chain head lock. pg_locks is read only for the waiting pids' rows, but PostgreSQL
 * still builds its whole lock table each time: about half a millisecond a sample on an idle
 * server, more on a busy one (the summary reports what it came to).
 */
const SAMPLE_SQL = `
with waiting as (
  select pid, wait_event, left(btrim(regexp_replace(query, '\\s+', ' ', 'g')), 80) as query from pg_stat_activity
  where wait_event_type = 'Lock' and datname = current_database() and pid <> pg_backend_pid()
), locks as (
  select l.pid, l.granted, c.relname
  from pg_locks l left join pg_class c on c.oid = l.relation
  where l.pid in (select pid from waiting)
)
select w.pid, w.wait_event, w.query,
  (select string_agg(distinct k.relname, ', ') from locks k where k.pid = w.pid and not k.granted and k.relname is not null) as waiting_on,
  (select string_agg(distinct k.relname, ', ') from locks k where k.pid = w.pid and k.granted and k.relname = any($1)) as holding_head
from waiting w`;

/** Prepared once: planning the query took longer than running it. */
const SAMPLE_STATEMENT = 'warden-bench-lock-sample';

/**
 * Samples pg_stat_activity every `intervalMs` from a connection of its own, from the
 * database's side, so nothing in the gateway changes. Each sample's waiting backends count for
 * the time since the previous sample: the sum estimates backend-seconds of lock waiting. Waits
 * shorter than the interval are caught in proportion to their length, so the total is unbiased
 * over many samples, though any single wait may be missed. PostgreSQL reads a backend's wait
 * event and its statement without a common lock: now and then a wait shows beside the
 * statement that came after it (a sliver, listed apart as an "other" wait).
 */
export async function startLockWaitSampler(options: { url: string; intervalMs: number; localCluster: boolean }): Promise<LockWaitSampler> {
  const { intervalMs } = options;
  const client = new pg.Client({ connectionString: options.url, application_name: 'warden-bench-lock-sampler' });
  client.on('error', () => {});
  await client.connect();
  const backend = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
  const backendCpu = () => (options.localCluster && backend !== undefined ? processCpuUs(backend) : null);
  const cpuBefore = backendCpu();
  const summary: LockWaitSummary = {
    samples: 0,
    seconds: 0,
    meanIntervalMs: 0,
    meanQueryMs: 0,
    samplerDatabaseCores: null,
    chainHeadBackendSeconds: 0,
    anyLockBackendSeconds: 0,
    maxChainHeadWaiters: 0,
    byLock: {},
    error: null,
  };
  let queryMs = 0;
  let stopped = false;
  const started = performance.now();
  let previous = started;

  const loop = async (): Promise<void> => {
    while (!stopped) {
      const at = performance.now();
      try {
        const { rows } = await client.query<WaitingBackend>({ name: SAMPLE_STATEMENT, text: SAMPLE_SQL, values: [CHAIN_HEAD_TABLES] });
        addSample(summary, rows, (at - previous) / 1000);
      } catch (error) {
        summary.error = error instanceof Error ? error.message : String(error);
        return;
      }
      previous = at;
      queryMs += performance.now() - at;
      const rest = intervalMs - (performance.now() - at);
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
  };
  const running = loop();

  return {
    async stop() {
      stopped = true;
      await running;
      const cpuAfter = backendCpu();
      await client.end().catch(() => {});
      summary.seconds = (previous - started) / 1000;
      summary.samplerDatabaseCores = cpuBefore !== null && cpuAfter !== null && summary.seconds > 0 ? (cpuAfter - cpuBefore) / 1e6 / summary.seconds : null;
      summary.meanIntervalMs = summary.samples > 0 ? (summary.seconds * 1000) / summary.samples : 0;
      summary.meanQueryMs = summary.samples > 0 ? queryMs / summary.samples : 0;
      return summary;
    },
  };
}

/** Adds one sample's waiters, each weighted by the time since the previous sample. */
function addSample(summary: LockWaitSummary, rows: readonly WaitingBackend[], weightSeconds: number): void {
  summary.samples += 1;
  let onHead = 0;
  for (const row of rows) {
    const { label, chainHead } = classify(row);
    summary.byLock[label] = (summary.byLock[label] ?? 0) + weightSeconds;
    summary.anyLockBackendSeconds += weightSeconds;
    if (chainHead) onHead += 1;
  }
  summary.chainHeadBackendSeconds += onHead * weightSeconds;
  summary.maxChainHeadWaiters = Math.max(summary.maxChainHeadWaiters, onHead);
}

/** A statement naming a chain head table (quoted or not). */
const NAMES_CHAIN_HEAD = /\baudit_chain_heads?\b/;

/**
 * What a waiting backend waits for, and whether that is a chain head. A row lock queue in
 * PostgreSQL has two kinds of waiter: the first waits for the holder's transaction id, holding
 * the row's tuple lock (and the table lock its FOR UPDATE took); the rest wait for that tuple
 * lock, on the head table itself. Both count as waiting for the head. pg_locks is read a moment
 * after pg_stat_activity: a wait that ended in between has no lock left to show, and is then
 * told by its statement, read with the wait itself.
 */
function classify(row: WaitingBackend): { label: string; chainHead: boolean } {
  const event = row.wait_event ?? 'lock';
  const heads: readonly string[] = CHAIN_HEAD_TABLES;
  if (row.waiting_on && row.waiting_on.split(', ').some((relation) => heads.includes(relation))) {
    return { label: `${event} on ${row.waiting_on}`, chainHead: true };
  }
  if (event === 'transactionid' && row.holding_head) {
    return { label: `transactionid, holding ${row.holding_head}`, chainHead: true };
  }
  if (!row.waiting_on && NAMES_CHAIN_HEAD.test(row.query)) {
    return { label: `${event}, in a statement on ${NAMES_CHAIN_HEAD.exec(row.query)?.[0] ?? 'a chain head'}`, chainHead: true };
  }
  return { label: `${event}${row.waiting_on ? ` on ${row.waiting_on}` : ''}: ${row.query}`, chainHead: false };
}
