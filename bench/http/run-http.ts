import type { ServerProcess } from '../support/server-process.js';
import { SERVER_MODES, type ServerMode } from '../support/server-protocol.js';
import { measureSideBySide, type SideBySideRun, type WorkloadResult } from './side-by-side.js';
import type { Workload } from './workloads.js';

export interface HttpRunOptions extends SideBySideRun {
  servers: Record<ServerMode, ServerProcess>;
  workloads: Workload[];
  /** Blocks the run may still measure again because of other processes' load (shared by every piece). */
  reruns: { left: number };
  /** Called after each workload (the read session ends once the reads are done). */
  afterWorkload?: (name: string) => Promise<void>;
}

/** Per workload, the gateway's three modes side by side, the baseline first. */
export async function runHttpBenchmark(run: HttpRunOptions): Promise<WorkloadResult[]> {
  const results: WorkloadResult[] = [];
  for (const workload of run.workloads) {
    const contenders = SERVER_MODES.map((mode) => ({ mode, server: run.servers[mode], workload }));
    results.push(await measureSideBySide(run, workload, contenders, run.reruns));
    await run.afterWorkload?.(workload.name);
  }
  return results;
}
