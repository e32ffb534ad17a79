import path from 'node:path';
import { cpus } from 'node:os';
import type { Db } from '../../src/db/database.js';
import { createWorkloads, endOpenSessions, READ_SESSION_AGENT, startImpersonation, tokenFor, type ResponseTally } from '../http/workloads.js';
import type { BenchData } from '../support/bench-data.js';
import type { RunningLoad } from '../support/cleanup.js';
import { machineBusyCpuUs, processTreeCpuUs } from '../support/process-cpu.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import { percentile, round } from '../support/stats.js';
import { appendDelta, readAppendCounters, type AppendCounters } from './append-metrics.js';
import { startLockWaitSampler, type LockWaitSummary } from './lock-wait-sampler.js';
import type { ScaleOutOptions } from './options.js';
import { driveRoundRobin } from './round-robin-load.js';

/** What one process count measured; rates are per second of the measured load. */
export interface ScaleOutRun {
  processes: number;
  /** WARDEN_AUDIT_CHAINS the gateways ran with; null: unset. */
  chains: number | null;
  connections: number;
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Requests each gateway answered: round-robin keeps them within a request or so. */
  perGateway: number[];
  /** Rows audit_events gained during the load (counted, so any number of chains is seen). */
  auditRows: number;
  auditRowsPerSecond: number;
  auditRowsPerRequest: number;
  /** The gateways' own view of their group commits (null where they do not export it). */
  appends: { perSecond: number | null; rowsPerAppend: number | null; meanMs: number | null; totalSeconds: number | null };
  lockWaits: LockWaitSummary & {
    /** Backends waiting on a chain head, on average: backend-seconds per second. */
    chainHeadPerSecond: number;
    /** Backend-milliseconds of chain head waiting per 1,000 audit rows appended (null: no rows). */
    chainHeadMsPer1000Rows: number | null;
    anyLockPerSecond: number;
    /** Chain head waiting as a share of the time appends took (null without append metrics). */
    chainHeadShareOfAppendTime: number | null;
  };
  /**
   * CPU during the load, in cores (1 = one core busy all along); machine: all its cores, %.
   * `otherWork`: what the rest of the machine used besides these (other people's work on a shared
   * machine): the larger it is, the less the run's figures say.
   */
  cpu: { gateways: number; database: number | null; driver: number; otherWork: number | null; machineBusyPercent: number | null };
}

export interface MeasureContext {
  options: ScaleOutOptions;
  db: Db;
  data: BenchData;
  /** Each gateway's environment but its checkpoint file (one each: see `gatewayEnv`). */
  env: Record<string, string>;
  jwtSecret: string;
  metricsToken: string;
  checkpointDir: string;
  databaseUrl: string;
  postmasterPid: number | null;
  undo: (step: () => Promise<void>) => () => Promise<void>;
  track: (load: RunningLoad | null) => void;
  log: (line: string) => void;
}

/** Safety cap on one measured load: far above what ten seconds bring on loopback. */
const MAX_REQUESTS = 200_000;

/**
 * Starts `processes` gateways over the database, runs the warm-up then the measured load
 * across them, and stops them. One read session serves every gateway: they share its row.
 */
export async function measureProcessCount(context: MeasureContext, processes: number, chains: number | null): Promise<ScaleOutRun> {
  const { options, log } = context;
  const gateways = await startGateways(context, processes, chains);
  try {
    const urls = gateways.map((g) => g.url);
    log(`${processes} gateway${processes > 1 ? 's' : ''}: ${gateways.map((g) => `${g.url} (pid ${g.pid})`).join(', ')}`);
    const session = await startImpersonation(urls[0] ?? '', await tokenFor(context.jwtSecret, READ_SESSION_AGENT));
    const workload = createWorkloads({ jwtSecret: context.jwtSecret, connections: options.connections, acmeInvoices: context.data.accountInvoices, openInvoiceIds: context.data.openInvoiceIds, session })[options.workload];
    for (const url of urls) await workload.verify(url, 'policy+audit');

    const load = async (seconds: number) => {
      const tally: ResponseTally = { errors: 0, firstError: null };
      const request = (await workload.plan(tally)).requests?.[0];
      if (!request) throw new Error(`the ${workload.name} workload has no request to send`);
      const result = await driveRoundRobin({ urls, request, connections: options.connections, seconds, maxRequests: MAX_REQUESTS, track: context.track });
      const errors = tally.errors + result.transportErrors;
      if (errors > 0) throw new Error(`${processes} gateways: ${errors} of ${result.requests} requests failed (first: ${tally.firstError ?? result.firstTransportError})`);
      return result;
    };
    if (options.warmupSeconds > 0) await load(options.warmupSeconds);

    // Counting rows costs the database a scan: outside the CPU window, before and after.
    const countedBefore = await counters(context, gateways);
    const sampler = await startLockWaitSampler({ url: context.databaseUrl, intervalMs: options.sampleMs, localCluster: context.postmasterPid !== null });
    const cpuBefore = await cpuTimes(context, gateways);
    const result = await load(options.seconds);
    const cpuAfter = await cpuTimes(context, gateways);
    const lockWaits = await sampler.stop();
    const countedAfter = await counters(context, gateways);
    await endOpenSessions(urls[0] ?? '', context.jwtSecret, [READ_SESSION_AGENT]);

    const seconds = result.seconds;
    const auditRows = countedAfter.rows - countedBefore.rows;
    const appended = appendDelta(countedBefore.appends, countedAfter.appends);
    const cores = (from: number | null, to: number | null) => (from === null || to === null ? null : round((to - from) / (cpuAfter.atUs - cpuBefore.atUs), 2));
    const machine = cores(cpuBefore.machineUs, cpuAfter.machineUs);
    const gatewayCores = cores(cpuBefore.gatewaysUs, cpuAfter.gatewaysUs) ?? 0;
    const databaseCores = cores(cpuBefore.databaseUs, cpuAfter.databaseUs);
    const driverCores = cores(cpuBefore.driverUs, cpuAfter.driverUs) ?? 0;
    return {
      processes,
      chains,
      connections: options.connections,
      requests: result.requests,
      seconds: round(seconds, 2),
      requestsPerSecond: round(result.requests / seconds, 1),
      p50Ms: round(percentile(result.latenciesMs, 50), 2),
      p99Ms: round(percentile(result.latenciesMs, 99), 2),
      perGateway: result.perGateway,
      auditRows,
      auditRowsPerSecond: Math.round(auditRows / seconds),
      auditRowsPerRequest: round(auditRows / Math.max(1, result.requests), 1),
      appends: {
        perSecond: appended.appends === null ? null : round(appended.appends / seconds, 1),
        rowsPerAppend: appended.appends && appended.rows !== null ? round(appended.rows / appended.appends, 1) : null,
        meanMs: appended.appends && appended.seconds !== null ? round((appended.seconds * 1000) / appended.appends, 2) : null,
        totalSeconds: appended.seconds === null ? null : round(appended.seconds, 3),
      },
      lockWaits: {
        ...lockWaits,
        chainHeadPerSecond: round(lockWaits.chainHeadBackendSeconds / Math.max(lockWaits.seconds, 1e-9), 3),
        chainHeadMsPer1000Rows: auditRows > 0 ? round((lockWaits.chainHeadBackendSeconds * 1000) / (auditRows / 1000), 2) : null,
        anyLockPerSecond: round(lockWaits.anyLockBackendSeconds / Math.max(lockWaits.seconds, 1e-9), 3),
        chainHeadShareOfAppendTime: appended.seconds ? round(lockWaits.chainHeadBackendSeconds / appended.seconds, 3) : null,
      },
      cpu: {
        gateways: gatewayCores,
        database: databaseCores,
        driver: driverCores,
        otherWork: machine === null || databaseCores === null ? null : round(Math.max(0, machine - gatewayCores - databaseCores - driverCores), 2),
        machineBusyPercent: machine === null ? null : Math.round((100 * machine) / cpus().length),
      },
    };
  } finally {
    await Promise.all(gateways.map((g) => g.stop()));
  }
}

/**
 * The gateways, started side by side. Each signs its checkpoints into a file of its own, as
 * separate instances would; all share the database, the secrets and `chains` (WARDEN_AUDIT_CHAINS).
 */
async function startGateways(context: MeasureContext, processes: number, chains: number | null): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(
    Array.from({ length: processes }, async (_, i) => {
      const env = {
        ...context.env,
        ...(chains === null ? {} : { WARDEN_AUDIT_CHAINS: String(chains) }),
        WARDEN_AUDIT_CHECKPOINT_FILE: path.join(context.checkpointDir, `checkpoints-${processes}-${chains ?? 'default'}-${i + 1}.jsonl`),
      };
      const gateway = await startServerProcess({ mode: 'policy+audit', env, log: (line) => console.error(`[gateway ${i + 1}/${processes}] ${line}`) });
      context.undo(() => gateway.stop());
      return gateway;
    }),
  );
  const failed = started.find((s) => s.status === 'rejected');
  const gateways = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(gateways.map((g) => g.stop()));
    throw failed.reason;
  }
  return gateways;
}

/** What the database and the gateways hold: read before and after the load, outside its CPU window. */
async function counters(context: MeasureContext, gateways: readonly ServerProcess[]): Promise<{ rows: number; appends: AppendCounters[] }> {
  const { n } = await context.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { rows: Number(n), appends: await Promise.all(gateways.map((g) => readAppendCounters(g.url, context.metricsToken))) };
}

/** CPU used so far, µs: the gateways, the database cluster, this process (load driver and lock sampler) and the machine. */
async function cpuTimes(context: MeasureContext, gateways: readonly ServerProcess[]) {
  const samples = await Promise.all(gateways.map((g) => g.sample()));
  const own = process.cpuUsage();
  return {
    atUs: performance.now() * 1000,
    gatewaysUs: samples.reduce((sum, s) => sum + s.cpuUserUs + s.cpuSystemUs, 0),
    databaseUs: processTreeCpuUs(context.postmasterPid),
    driverUs: own.user + own.system,
    machineUs: machineBusyCpuUs(),
  };
}
