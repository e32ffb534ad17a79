import path from 'node:path';
import type { Instance } from 'autocannon';
import type { BenchOptions, WorkloadName } from '../options.js';
import type { ServerProcess } from '../support/server-process.js';
import { SERVER_MODES, type ServerMode } from '../support/server-protocol.js';
import { round, spread, type Spread } from '../support/stats.js';
import { runBlock, warmUp, type BlockResult } from './run-block.js';
import type { Workload } from './workloads.js';

export interface ModeSummary {
  mode: ServerMode;
  requestsPerSecond: Spread;
  p50Ms: Spread;
  p99Ms: Spread;
  serverCpuUsPerRequest: Spread;
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
  name: WorkloadName;
  title: string;
  connections: number;
  blocks: BlockResult[];
  modes: ModeSummary[];
}

export interface HttpRunOptions {
  options: BenchOptions;
  servers: Record<ServerMode, ServerProcess>;
  workloads: Workload[];
  postmasterPid: number | null;
  auditRows: () => Promise<number>;
  track: (instance: Instance | null) => void;
  log: (line: string) => void;
  /** Record a CPU profile of these modes' measured blocks, one file per workload and mode, here. */
  profile: { modes: readonly ServerMode[]; dir: string } | null;
  /** Called after each workload (the read session ends once the reads are done). */
  afterWorkload?: (name: WorkloadName) => Promise<void>;
}

/**
 * Per workload: check each server's answer, warm each up, then `rounds` rounds of one block
 * per mode. Modes alternate, and their order rotates each round (A B C, B C A, C A B), so
 * slow drift (a growing table, autovacuum) does not always land on the same mode.
 */
const RERUNS_PER_BLOCK = 2;
const RERUNS_PER_RUN = 12;

export async function runHttpBenchmark(run: HttpRunOptions): Promise<WorkloadResult[]> {
  const { options, servers } = run;
  let rerunsLeft = RERUNS_PER_RUN;
  const results: WorkloadResult[] = [];
  for (const workload of run.workloads) {
    for (const mode of SERVER_MODES) await workload.verify(servers[mode].url, mode);
    for (const mode of SERVER_MODES) await warmUp(servers[mode], workload, options.warmupSeconds, run.track);
    const profiled = run.profile?.modes ?? [];
    for (const mode of profiled) servers[mode].startProfile();
    const blocks: BlockResult[] = [];
    for (let r = 0; r < options.rounds; r++) {
      const order = SERVER_MODES.map((_, i) => SERVER_MODES[(i + r) % SERVER_MODES.length] as ServerMode);
      for (const mode of order) {
        const measure = () => runBlock({ server: servers[mode], workload, seconds: options.blockSeconds, round: r, settleMs: options.smoke ? 50 : 300, postmasterPid: run.postmasterPid, auditRows: run.auditRows, track: run.track });
        let block = await measure();
        // On a shared machine another process can take a core mid-block: measure that block again.
        for (let rerun = 1; rerun <= RERUNS_PER_BLOCK && rerunsLeft > 0 && (block.foreignCpuPercent ?? 0) > options.maxOtherLoad; rerun++) {
          rerunsLeft -= 1;
          run.log(`  ${workload.name.padEnd(8)} ${mode.padEnd(12)} round ${r + 1}: other processes took ${block.foreignCpuPercent?.toFixed(0)}% of the machine; again`);
          block = { ...(await measure()), reruns: rerun };
        }
        blocks.push(block);
        run.log(
          `  ${workload.name.padEnd(8)} ${mode.padEnd(12)} round ${r + 1}: ${block.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${block.p50Ms.toFixed(2)} ms  p99 ${block.p99Ms.toFixed(2)} ms  cpu ${Math.round(block.serverCpuUsPerRequest)} µs/req${block.foreignCpuPercent !== null ? `  other load ${block.foreignCpuPercent.toFixed(0)}%` : ''}`,
        );
      }
    }
    for (const mode of profiled) {
      const file = path.join(run.profile?.dir ?? '.', `${workload.name}-${mode.replace('+', '-')}.cpuprofile`);
      await servers[mode].stopProfile(file);
      run.log(`  CPU profile: ${file}`);
    }
    results.push({ name: workload.name, title: workload.title, connections: blocks[0]?.connections ?? 0, blocks, modes: summarise(blocks) });
    await run.afterWorkload?.(workload.name);
  }
  return results;
}

function summarise(blocks: BlockResult[]): ModeSummary[] {
  const of = (mode: ServerMode) => blocks.filter((b) => b.mode === mode);
  const baseline = of('baseline');
  return SERVER_MODES.map((mode) => {
    const own = of(mode);
    const db = own.map((b) => b.dbCpuUsPerRequest).filter((v): v is number => v !== null);
    // Ratio of the medians, with the spread of the ratios of blocks paired by round.
    const ratio = (metric: (b: BlockResult) => number): RatioSpread => {
      const paired = spread(
        own.map((b) => {
          const partner = baseline.find((p) => p.round === b.round);
          return partner ? metric(b) / metric(partner) : NaN;
        }),
      );
      const median = spread(own.map(metric)).median / spread(baseline.map(metric)).median;
      return { median: round(median, 3), min: round(paired.min, 3), max: round(paired.max, 3) };
    };
    return {
      mode,
      requestsPerSecond: spread(own.map((b) => b.requestsPerSecond)),
      p50Ms: spread(own.map((b) => b.p50Ms)),
      p99Ms: spread(own.map((b) => b.p99Ms)),
      serverCpuUsPerRequest: spread(own.map((b) => b.serverCpuUsPerRequest)),
      dbCpuUsPerRequest: db.length === own.length && db.length > 0 ? spread(db) : null,
      peakRssMb: Math.max(...own.map((b) => b.peakRssMb)),
      foreignCpuPercentMax: own.every((b) => b.foreignCpuPercent !== null) ? Math.max(...own.map((b) => b.foreignCpuPercent ?? 0)) : null,
      reruns: own.reduce((n, b) => n + b.reruns, 0),
      auditRowsPerRequest: spread(own.map((b) => b.auditRowsPerRequest)),
      ratios:
        mode === 'baseline'
          ? null
          : { throughput: ratio((b) => b.requestsPerSecond), p50: ratio((b) => b.p50Ms), p99: ratio((b) => b.p99Ms) },
    };
  });
}
