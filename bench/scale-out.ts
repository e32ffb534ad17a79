/**
 * `npm run bench:scale-out`: 1, 2 and 4 gateway processes over one PostgreSQL. Every resolved
 * field of an audited request is appended to the audit hash chain, and every append locks a
 * chain head row; several instances over one database may then queue on it. This measures
 * requests/s, audit rows/s and latency per process count, and the time appends wait for locks,
 * read from PostgreSQL's side (bench/scale-out/lock-wait-sampler.ts) so the gateway runs as
 * shipped. `--chains K` hands WARDEN_AUDIT_CHAINS to every gateway, so a writer with parallel
 * chains is measured by the same command.
 *
 * Everything runs on loopback against a real PostgreSQL (DATABASE_URL, else a throwaway
 * cluster, so the COPY writer is the one measured); every load is bounded in time and count;
 * gateways, the database and the cluster are removed at the end, on an error and on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomJwtSecret } from '../src/config/config.js';
import { openDatabase } from '../src/db/connect.js';
import { measureProcessCount, type MeasureContext, type ScaleOutRun } from './scale-out/measure-processes.js';
import { parseScaleOutOptions, SCALE_OUT_HELP, type ScaleOutOptions } from './scale-out/options.js';
import { lockBreakdownTable, scaleOutTable } from './scale-out/report.js';
import { prepareBenchDatabase } from './support/bench-data.js';
import { Cleanup } from './support/cleanup.js';
import { loadAverage, machineInfo, resultsHeader } from './support/machine.js';
import { createBenchDatabase, findBenchServer, serverVersion } from './support/postgres.js';
import { wardenEnv } from './support/warden-env.js';

const startedAt = Date.now();
const log = (line: string) => console.log(`${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)}s ${line}`);

async function main(): Promise<void> {
  const parsed = parseScaleOutOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(SCALE_OUT_HELP);
    return;
  }
  const cleanup = new Cleanup();
  cleanup.stopOnSignals('the load, the gateways and the database');
  try {
    await runScaleOut(parsed, cleanup);
  } finally {
    await cleanup.run();
  }
}

async function runScaleOut(options: ScaleOutOptions, cleanup: Cleanup): Promise<void> {
  // Two cores shared with other work skew every figure: keep what the load was.
  const loadBefore = loadAverage();
  log(`load average at start: ${loadBefore.join(', ')} (${machineInfo().cores} cores)`);
  const server = await findBenchServer();
  cleanup.add(() => server.stop());
  const postgresVersion = await serverVersion(server.url);
  log(`PostgreSQL ${postgresVersion}: ${server.source}`);
  const database = await createBenchDatabase(server, 'scaleout');
  cleanup.add(() => database.drop());
  const handle = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 });
  cleanup.add(() => handle.db.destroy());
  log(`preparing ${database.name}: migrations, demo data, ${options.invoices} bench invoices (once, for every process count)`);
  const data = await prepareBenchDatabase(handle.db, options.invoices);

  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'warden-bench-scaleout-'));
  cleanup.add(async () => rmSync(checkpointDir, { recursive: true, force: true }));
  const jwtSecret = randomJwtSecret();
  // Metrics on, behind a token, so each gateway's append counters can be read (append-metrics.ts).
  const metricsToken = randomBytes(32).toString('hex');
  const env = {
    // Each gateway gets a checkpoint file of its own in place of this one (measure-processes.ts).
    ...wardenEnv(options, database.url, { jwt: jwtSecret, checkpoint: randomBytes(32).toString('base64url') }, path.join(checkpointDir, 'checkpoints.jsonl')),
    WARDEN_METRICS_TOKEN: metricsToken,
  };
  const context: MeasureContext = {
    options,
    db: handle.db,
    data,
    env,
    jwtSecret,
    metricsToken,
    checkpointDir,
    databaseUrl: database.url,
    postmasterPid: server.postmasterPid,
    undo: (step) => cleanup.add(step),
    track: cleanup.track,
    log,
  };

  log(`${options.workload} workload, ${options.connections} requests in flight over all gateways, ${options.warmupSeconds} s warm-up, ${options.seconds} s measured; WARDEN_AUDIT_CHAINS ${options.chains.map(chainsLabel).join(', ')}`);
  const runs: ScaleOutRun[] = [];
  // Each process count under every chain setting in turn: side by side, on the same table as it grows.
  for (const processes of options.processes) {
    for (const chains of options.chains) {
      const run = await measureProcessCount(context, processes, chains);
      runs.push(run);
      log(`  ${processes} × chains ${chainsLabel(chains)}: ${run.requestsPerSecond} req/s, ${run.auditRowsPerSecond} audit rows/s, p99 ${run.p99Ms} ms, head lock wait ${run.lockWaits.chainHeadPerSecond} backend-s/s`);
    }
  }

  const results = { ...resultsHeader({ version: postgresVersion, source: server.source }, options, loadBefore), runs };
  if (options.json) {
    writeFileSync(path.resolve(options.json), `${JSON.stringify(results, null, 2)}\n`);
    log(`results: ${options.json}`);
  }
  console.log(`\nScale-out, ${options.workload} workload, WARDEN_AUDIT_CHAINS ${options.chains.map(chainsLabel).join(', ')}, ${results.revision.commit}${results.revision.dirty ? ' (dirty)' : ''}; load average ${loadBefore.join(', ')} before, ${results.loadAverage.after.join(', ')} after; ${results.machine.cores} cores\n`);
  console.log(scaleOutTable(runs));
  console.log(`\nLock waits seen by the sampler (pg_stat_activity, wait_event_type = 'Lock'):\n`);
  console.log(lockBreakdownTable(runs));
  if (options.smoke) log('smoke run: every piece ran and answered correctly (the figures mean nothing at this size)');
}

function chainsLabel(chains: number | null): string {
  return chains === null ? '(unset)' : String(chains);
}

main().catch((error: unknown) => {
  console.error('bench:scale-out failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
