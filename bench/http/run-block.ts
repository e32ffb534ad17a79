import autocannon, { type Instance, type Result } from 'autocannon';
import { machineBusyCpuUs, processTreeCpuUs } from '../support/process-cpu.js';
import { cpus } from 'node:os';
import type { ServerProcess, ServerSample } from '../support/server-process.js';
import { percentile } from '../support/stats.js';
import type { ResponseTally, Workload } from './workloads.js';

export interface BlockResult {
  mode: string;
  round: number;
  connections: number;
  /** Completed responses in the block. */
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Server process CPU (user + system) per completed request. */
  serverCpuUsPerRequest: number;
  /** CPU of the servers behind it (the API a proxy calls) per request; null when there are none. */
  behindCpuUsPerRequest: number | null;
  /** PostgreSQL CPU per request (our own throwaway cluster only; null otherwise). */
  dbCpuUsPerRequest: number | null;
  /** Audit rows appended per request (the chain head's sequence before and after the block). */
  auditRowsPerRequest: number;
  /** Highest RSS of the server during the block (sampled every 100 ms). */
  peakRssMb: number;
  /**
   * Share of the machine's CPU used during the block by processes outside the benchmark (other
   * people's test runs on a shared machine): 0 on a quiet machine. Null when it cannot be told.
   */
  foreignCpuPercent: number | null;
  /** Times this block was run again because other processes took too much of the machine. */
  reruns: number;
  errors: number;
}

export interface BlockOptions {
  server: ServerProcess;
  /** Servers `server` calls on each request: their CPU is the benchmark's, not other load. */
  behind: readonly ServerProcess[];
  workload: Workload;
  seconds: number;
  round: number;
  postmasterPid: number | null;
  /** How many rows the audit chain holds (its head's sequence number). */
  auditRows: () => Promise<number>;
  /** A pause before the block, so requests still in flight do not land in its CPU time. */
  settleMs: number;
  /** The running load, so an interrupt can stop it. */
  track: (instance: Instance | null) => void;
}

/**
 * One measured block: one workload against one server for a bounded time. Latency is taken
 * from each response's own timing (µs resolution), not from autocannon's whole-ms histogram.
 */
export async function runBlock(options: BlockOptions): Promise<BlockResult> {
  const { server, workload } = options;
  const tally: ResponseTally = { errors: 0, firstError: null };
  const plan = await workload.plan(tally);
  await new Promise((resolve) => setTimeout(resolve, options.settleMs));
  const rowsBefore = await options.auditRows();
  const before = await server.sample();
  const behindBefore = await Promise.all(options.behind.map((s) => s.sample()));
  const dbBefore = processTreeCpuUs(options.postmasterPid);
  const machineBefore = machineBusyCpuUs();
  const ownBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const latencies: number[] = [];
  const result = await runAutocannon(
    {
      url: server.url,
      connections: plan.connections,
      duration: options.seconds,
      timeout: 30,
      ...(plan.requests ? { requests: plan.requests } : {}),
      ...(plan.setupClient ? { setupClient: plan.setupClient } : {}),
    },
    (responseTime) => latencies.push(responseTime),
    options.track,
  );
  const after = await server.sample();
  const behindAfter = await Promise.all(options.behind.map((s) => s.sample()));
  const dbAfter = processTreeCpuUs(options.postmasterPid);
  const machineAfter = machineBusyCpuUs();
  const own = process.cpuUsage(ownBefore);
  const wallUs = Number(process.hrtime.bigint() - wallBefore) / 1000;
  const rowsAfter = await options.auditRows();
  await workload.afterBlock?.(server.url);

  const requests = latencies.length;
  const errors = tally.errors + result.errors + result.timeouts + result.non2xx;
  if (errors > 0) {
    throw new Error(`${workload.name} on ${server.mode}: ${errors} of ${requests} requests failed (first: ${tally.firstError ?? 'a connection error or timeout'})`);
  }
  if (requests === 0) throw new Error(`${workload.name} on ${server.mode}: no request completed in ${options.seconds} s`);
  const cpuUs = cpuOf(after) - cpuOf(before);
  const behindUs = behindAfter.reduce((sum, sample, i) => sum + cpuOf(sample) - cpuOf(behindBefore[i] ?? sample), 0);
  const dbUs = dbBefore !== null && dbAfter !== null ? dbAfter - dbBefore : null;
  const foreignUs = machineBefore !== null && machineAfter !== null && dbUs !== null ? machineAfter - machineBefore - cpuUs - behindUs - dbUs - own.user - own.system : null;
  return {
    mode: server.mode,
    round: options.round,
    connections: plan.connections,
    requests,
    seconds: result.duration,
    requestsPerSecond: requests / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    meanMs: latencies.reduce((a, b) => a + b, 0) / requests,
    serverCpuUsPerRequest: cpuUs / requests,
    behindCpuUsPerRequest: options.behind.length > 0 ? behindUs / requests : null,
    dbCpuUsPerRequest: dbUs !== null ? dbUs / requests : null,
    auditRowsPerRequest: (rowsAfter - rowsBefore) / requests,
    peakRssMb: after.peakRssBytes / 2 ** 20,
    foreignCpuPercent: foreignUs !== null ? Math.max(0, (100 * foreignUs) / (wallUs * cpus().length)) : null,
    reruns: 0,
    errors,
  };
}

function cpuOf(sample: ServerSample): number {
  return sample.cpuUserUs + sample.cpuSystemUs;
}

/** Unmeasured load, so each server has compiled its hot paths before its first block. */
export async function warmUp(server: ServerProcess, workload: Workload, seconds: number, track: (instance: Instance | null) => void): Promise<void> {
  if (seconds <= 0) return;
  const tally: ResponseTally = { errors: 0, firstError: null };
  const plan = await workload.plan(tally);
  await runAutocannon(
    { url: server.url, connections: plan.connections, duration: seconds, timeout: 30, ...(plan.requests ? { requests: plan.requests } : {}), ...(plan.setupClient ? { setupClient: plan.setupClient } : {}) },
    () => {},
    track,
  );
  await workload.afterBlock?.(server.url);
  if (tally.errors > 0) throw new Error(`${workload.name} warm-up on ${server.mode}: ${tally.errors} requests failed (first: ${tally.firstError})`);
}

function runAutocannon(options: autocannon.Options, onLatency: (ms: number) => void, track: (instance: Instance | null) => void): Promise<Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: Error | null, result: Result) => {
      track(null);
      if (error) reject(error);
      else resolve(result);
    });
    track(instance);
    instance.on('response', (_client, _status, _bytes, responseTime) => onLatency(responseTime));
  });
}
