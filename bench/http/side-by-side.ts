import path from 'node:path';
import type { Instance } from 'autocannon';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../support/server-process.js';
import { round, spread, type Spread } from '../support/stats.js';
import { runBlock, warmUp, type BlockResult } from './run-block.js';
import type { Workload } from './workloads.js';

/** One of the setups measured side by side: where the load goes, and what it sends. */
export interface Contender {
  /** The report's label. */
  mode: string;
  /** The server the load goes to. */
  server: ServerProcess;
  /** Servers it calls on each request (the API behind a proxy): their CPU is the benchmark's, reported apart. */
  behind?: readonly ServerProcess[];
  workload: Workload;
}

export interface ModeSummary {
  mode: string;
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  serverCpuUsPerRequest: Spread;
  /** CPU of the servers behind the one the load goes to, per request; null when there are none. */
  behindCpuUsPerRequest: Spread | null;
  dbCpuUsPerRequest: Spread | null;
  /** Highest RSS over this mode's blocks of this workload. */
  peakRssMb: number;
  /** Most CPU other processes on the machine took during one of the kept blocks (see BlockResult). */
  foreignCpuPercentMax: number | null;
  /** Blocks measured again because of other processes' load. */
  reruns: number;
  auditRowsPerRequest: Spread;
  /** Median over blocks, relative to the baseline's median; with the spread of per-round ratios. */
  ratios: {
    throughput: RatioSpread;
    p50: RatioSpread;
    p99: RatioSpread;
  } | null;
}

export interface RatioSpread {
  /** Ratio of the medians. */
  median: number;
  /** Min and max of the ratios of blocks run in the same round (paired). */
  min: number;
  max: number;
}

export interface WorkloadResult {
  name: string;
  title: string;
  connections: number;
  blocks: BlockResult[];
  modes: ModeSummary[];
}

export interface SideBySideRun {
  options: BenchOptions;
  postmasterPid: number | null;
  auditRows: () => Promise<number>;
  track: (instance: Instance | null) => void;
  log: (line: string) => void;
  /** Record a CPU profile of these modes' servers over the measured blocks, one file per workload and server, here. */
  profile: { modes: readonly string[]; dir: string } | null;
}

const RERUNS_PER_BLOCK = 2;
/** The run's budget of blocks measured again: a busy machine must not make the run endless. */
export const RERUNS_PER_RUN = 12;

/**
 * One workload, several contenders, the first the baseline: check each contender's answer,
 * warm each up, then `rounds` rounds of one block per contender. They alternate, their order
 * rotating each round (A B C, B C A, C A B), so slow drift (a growing table, autovacuum) does
 * not always land on the same one. `reruns` is the run's budget of blocks measured again
 * because other processes took the machine; what this workload spent is taken off it.
 */
export async function measureSideBySide(
  run: SideBySideRun,
  workload: { name: string; title: string },
  contenders: readonly Contender[],
  reruns: { left: number },
): Promise<WorkloadResult> {
  const { options } = run;
  for (const c of contenders) await c.workload.verify(c.server.url, c.mode);
  for (const c of contenders) await warmUp(c.server, c.workload, options.warmupSeconds, run.track);
  const profiled = profiledServers(contenders, run.profile?.modes ?? []);
  for (const { server } of profiled) server.startProfile();
  const blocks: BlockResult[] = [];
  for (let r = 0; r < options.rounds; r++) {
    const order = contenders.map((_, i) => contenders[(i + r) % contenders.length] as Contender);
    for (const c of order) {
      const measure = () =>
        runBlock({ server: c.server, behind: c.behind ?? [], workload: c.workload, seconds: options.blockSeconds, round: r, settleMs: options.smoke ? 50 : 300, postmasterPid: run.postmasterPid, auditRows: run.auditRows, track: run.track });
      let block = await measure();
      // On a shared machine another process can take a core mid-block: measure that block again.
      for (let rerun = 1; rerun <= RERUNS_PER_BLOCK && reruns.left > 0 && (block.foreignCpuPercent ?? 0) > options.maxOtherLoad; rerun++) {
        reruns.left -= 1;
        run.log(`  ${workload.name.padEnd(8)} ${c.mode.padEnd(12)} round ${r + 1}: other processes took ${block.foreignCpuPercent?.toFixed(0)}% of the machine; again`);
        block = { ...(await measure()), reruns: rerun };
      }
      blocks.push(block);
      run.log(
        `  ${workload.name.padEnd(8)} ${c.mode.padEnd(12)} round ${r + 1}: ${block.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${block.p50Ms.toFixed(2)} ms  p99 ${block.p99Ms.toFixed(2)} ms  cpu ${Math.round(block.serverCpuUsPerRequest)}${block.behindCpuUsPerRequest !== null ? ` + ${Math.round(block.behindCpuUsPerRequest)} behind` : ''} µs/req${block.foreignCpuPercent !== null ? `  other load ${block.foreignCpuPercent.toFixed(0)}%` : ''}`,
      );
    }
  }
  for (const { server, mode } of profiled) {
    const file = path.join(run.profile?.dir ?? '.', `${workload.name}-${mode.replace('+', '-')}.cpuprofile`);
    await server.stopProfile(file);
    run.log(`  CPU profile: ${file}`);
  }
  return { name: workload.name, title: workload.title, connections: blocks[0]?.connections ?? 0, blocks, modes: summarise(blocks, contenders.map((c) => c.mode)) };
}

/** Each profiled contender's server once (contenders may share one), named after the first of them. */
function profiledServers(contenders: readonly Contender[], modes: readonly string[]): Array<{ server: ServerProcess; mode: string }> {
  const seen = new Set<number>();
  return contenders.filter((c) => modes.includes(c.mode) && !seen.has(c.server.pid) && seen.add(c.server.pid)).map((c) => ({ server: c.server, mode: c.mode }));
}

/** A mode's median of `metric` over its blocks against the baseline's. */
export function medianRatio(blocks: readonly BlockResult[], baseline: string, mode: string, metric: (b: BlockResult) => number): number {
  const median = (name: string) => spread(blocks.filter((b) => b.mode === name).map(metric)).median;
  return median(mode) / median(baseline);
}

/** Each round's ratio of the mode's block to the baseline's block of the same round. */
export function pairedRatios(blocks: readonly BlockResult[], baseline: string, mode: string, metric: (b: BlockResult) => number): number[] {
  return blocks
    .filter((b) => b.mode === mode)
    .flatMap((b) => {
      const partner = blocks.find((p) => p.mode === baseline && p.round === b.round);
      return partner ? [metric(b) / metric(partner)] : [];
    });
}

/** Each mode's figures over its blocks, the first mode the baseline its ratios are to. */
export function summarise(blocks: BlockResult[], modes: readonly string[]): ModeSummary[] {
  const of = (mode: string) => blocks.filter((b) => b.mode === mode);
  const baselineMode = modes[0] ?? '';
  return modes.map((mode, i) => {
    const own = of(mode);
    const db = own.map((b) => b.dbCpuUsPerRequest).filter((v): v is number => v !== null);
    const behind = own.map((b) => b.behindCpuUsPerRequest).filter((v): v is number => v !== null);
    // Ratio of the medians, with the spread of the ratios of blocks paired by round.
    const ratio = (metric: (b: BlockResult) => number): RatioSpread => {
      const paired = spread(pairedRatios(blocks, baselineMode, mode, metric));
      return { median: round(medianRatio(blocks, baselineMode, mode, metric), 3), min: round(paired.min, 3), max: round(paired.max, 3) };
    };
    return {
      mode,
      requestsPerSecond: spread(own.map((b) => b.requestsPerSecond)),
      p50Ms: spread(own.map((b) => b.p50Ms)),
      p99Ms: spread(own.map((b) => b.p99Ms)),
      serverCpuUsPerRequest: spread(own.map((b) => b.serverCpuUsPerRequest)),
      behindCpuUsPerRequest: behind.length === own.length && behind.length > 0 ? spread(behind) : null,
      dbCpuUsPerRequest: db.length === own.length && db.length > 0 ? spread(db) : null,
      peakRssMb: Math.max(...own.map((b) => b.peakRssMb)),
      foreignCpuPercentMax: own.every((b) => b.foreignCpuPercent !== null) ? Math.max(...own.map((b) => b.foreignCpuPercent ?? 0)) : null,
      reruns: own.reduce((n, b) => n + b.reruns, 0),
      auditRowsPerRequest: spread(own.map((b) => b.auditRowsPerRequest)),
      ratios: i === 0 ? null : { throughput: ratio((b) => b.requestsPerSecond), p50: ratio((b) => b.p50Ms), p99: ratio((b) => b.p99Ms) },
    };
  });
}
