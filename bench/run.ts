/**
 * `npm run bench`: what the policy layer costs, measured side by side (issue 6).
 * `npm run bench -- --help` lists the options; `npm run bench:smoke` is CI's short run.
 *
 * Everything runs on loopback against a real PostgreSQL (DATABASE_URL, else a throwaway
 * cluster); every loop is bounded in time and count; servers, databases and the cluster are
 * removed at the end, on an error and on Ctrl-C.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig, randomJwtSecret } from '../src/config/config.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateWarden } from '../src/db/migrate.js';
import { migrateDemo } from '../src/domain/migrate.js';
import { ensureAuditPartitions } from '../src/audit/partitions.js';
import { INVOICE_PAGE_MAX } from '../src/domain/billing/billing.schema.js';
import { measureAuditorQueries } from './auditor-queries.js';
import { measureAuditWriter } from './audit-writer.js';
import { captureGatewayRows } from './gateway-rows.js';
import { runHttpBenchmark } from './http/run-http.js';
import { RERUNS_PER_RUN } from './http/side-by-side.js';
import {
  createWorkloads,
  CUSTOMER,
  endOpenSessions,
  IN_PROCESS_SESSION_AGENT,
  READ_QUERIES,
  READ_SESSION_AGENT,
  startImpersonation,
  startThenEndOperations,
  tokenFor,
  type ImpersonationHandle,
} from './http/workloads.js';
import { BENCH_HELP, parseBenchOptions, profilesDir, type BenchOptions } from './options.js';
import { evaluateGoals, updatePerformanceDoc, writeResultsJson, type BenchResults } from './report.js';
import { runProxyBenchmark } from './proxy/run-proxy.js';
import { measureModesInProcess } from './modes-in-process.js';
import { measureShieldCost, type ShieldQuery } from './shield.js';
import { auditRowsWritten, prepareBenchDatabase } from './support/bench-data.js';
import { Cleanup } from './support/cleanup.js';
import { loadAverage, resultsHeader } from './support/machine.js';
import { createBenchDatabase, findBenchServer, serverVersion, type BenchServer } from './support/postgres.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { SERVER_MODES, type ServerMode } from './support/server-protocol.js';
import { wardenEnv, type WardenSecrets } from './support/warden-env.js';

const startedAt = Date.now();
const log = (line: string) => console.log(`${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)}s ${line}`);

async function main(): Promise<void> {
  const parsed = parseBenchOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(BENCH_HELP);
    return;
  }
  const options = parsed;
  const cleanup = new Cleanup();
  const interrupted = cleanup.stopOnSignals('the load, the servers and the database');

  try {
    const results: BenchResults = { ...(await runBench(options, cleanup)), seconds: Math.round((Date.now() - startedAt) / 1000) };
    if (interrupted()) return;
    const file = writeResultsJson(results, options.outDir);
    log(`results: ${file}`);
    if (options.writeDocs) {
      updatePerformanceDoc(path.resolve('docs/performance.md'), results, path.relative(process.cwd(), file));
      log('docs/performance.md updated');
    }
    if (options.smoke) {
      log('smoke run: every piece ran and answered correctly (goals are not judged at smoke sizes)');
      return;
    }
    log('goals:');
    for (const g of results.goals) log(`  ${g.met === null ? 'n/a   ' : g.met ? 'met   ' : 'MISSED'} ${g.goal}: ${g.measured} (target ${g.target}) ${g.margin}${g.rounds ? `, rounds met ${g.rounds}` : ''}`);
  } finally {
    await cleanup.run();
  }
}

async function runBench(options: BenchOptions, cleanup: Cleanup): Promise<Omit<BenchResults, 'seconds'>> {
  // Other people's work on a shared machine skews every number: keep what the load was.
  const loadBefore = loadAverage();
  const server = await findBenchServer();
  cleanup.add(() => server.stop());
  const postgresVersion = await serverVersion(server.url);
  log(`PostgreSQL ${postgresVersion}: ${server.source}`);
  const secrets: WardenSecrets = { jwt: randomJwtSecret(), checkpoint: randomBytes(32).toString('base64url') };
  if (options.cpuProfile.length || options.heapProfile.length) mkdirSync(profilesDir(options), { recursive: true });
  const reruns = { left: RERUNS_PER_RUN };

  let http: BenchResults['http'] = null;
  let inProcess: BenchResults['inProcess'] = null;
  let shield: BenchResults['shield'] = null;
  if (options.pieces.includes('http') || options.pieces.includes('in-process') || options.pieces.includes('shield')) {
    ({ http, inProcess, shield } = await runGatewayPieces(options, server, secrets, cleanup, reruns));
  }
  const proxy = options.pieces.includes('proxy') ? await runProxy(options, server, secrets, cleanup, reruns) : null;
  const writer = options.pieces.includes('writer') ? await runWriter(options, server, secrets, cleanup) : null;
  const auditor = options.pieces.includes('auditor') ? await runAuditor(options, server, cleanup) : null;
  const measured = { http, proxy, writer, auditor };
  return {
    ...resultsHeader({ version: postgresVersion, source: server.source }, options, loadBefore),
    ...measured,
    inProcess,
    shield,
    goals: evaluateGoals(measured),
  };
}

async function runGatewayPieces(options: BenchOptions, server: BenchServer, secrets: WardenSecrets, cleanup: Cleanup, reruns: { left: number }) {
  const database = await createBenchDatabase(server, 'gateway');
  cleanup.add(() => database.drop());
  const handle = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 4 });
  cleanup.add(() => handle.db.destroy());
  log(`preparing ${database.name}: migrations, demo data, ${options.invoices} bench invoices`);
  const data = await prepareBenchDatabase(handle.db, options.invoices);

  // Production keeps its audit checkpoints outside the database too; at log level warn, in a file.
  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'warden-bench-checkpoints-'));
  cleanup.add(async () => rmSync(checkpointDir, { recursive: true, force: true }));
  const env = wardenEnv(options, database.url, secrets, path.join(checkpointDir, 'checkpoints.jsonl'));
  const profileDir = options.cpuProfile.length ? profilesDir(options) : null;
  const modes: readonly ServerMode[] = options.pieces.includes('http') ? SERVER_MODES : ['baseline'];
  const servers = new Map<ServerMode, ServerProcess>();
  await Promise.all(
    modes.map(async (mode) => {
      const child = await startServerProcess({ mode, env, log: (line) => console.error(line) });
      cleanup.add(() => child.stop());
      servers.set(mode, child);
    }),
  );
  const any = servers.get('baseline');
  if (!any) throw new Error('no server started');
  log(`servers: ${[...servers.values()].map((s) => `${s.mode} ${s.url} (pid ${s.pid})`).join(', ')}`);

  let http: BenchResults['http'] = null;
  if (options.pieces.includes('http')) {
    const reads = options.workloads.filter((w) => w === 'list' || w === 'nested');
    let session: ImpersonationHandle | null = reads.length ? await startImpersonation(any.url, await tokenFor(secrets.jwt, READ_SESSION_AGENT)) : null;
    const byName = createWorkloads({ jwtSecret: secrets.jwt, connections: options.connections, acmeInvoices: data.accountInvoices, openInvoiceIds: data.openInvoiceIds, session });
    http = await runHttpBenchmark({
      options,
      servers: { baseline: any, policy: required(servers, 'policy'), 'policy+audit': required(servers, 'policy+audit') },
      workloads: options.workloads.map((name) => byName[name]),
      postmasterPid: server.postmasterPid,
      auditRows: () => auditRowsWritten(handle.db),
      profile: profileDir ? { modes: options.cpuProfile, dir: profileDir } : null,
      reruns,
      track: cleanup.track,
      log,
      // The agent holding the read session is one of those the session workload starts with.
      afterWorkload: async (name) => {
        if (session && name === reads[reads.length - 1]) {
          await endOpenSessions(any.url, secrets.jwt, [READ_SESSION_AGENT]);
          session = null;
        }
      },
    });
  }

  let inProcess: BenchResults['inProcess'] = null;
  let shield: BenchResults['shield'] = null;
  if (options.pieces.includes('in-process') || options.pieces.includes('shield')) {
    // Both pieces read what the HTTP workloads read: as the customer, and in one read-only session.
    const readSession = await startImpersonation(any.url, await tokenFor(secrets.jwt, READ_SESSION_AGENT));
    const inSession = { bearer: readSession.agentToken, impersonationToken: readSession.impersonationToken };
    const documents: ShieldQuery[] = [
      { name: 'user', query: READ_QUERIES.user, bearer: await tokenFor(secrets.jwt, CUSTOMER) },
      { name: 'list', query: READ_QUERIES.list, variables: { first: Math.min(INVOICE_PAGE_MAX, data.accountInvoices) }, ...inSession },
      { name: 'nested', query: READ_QUERIES.nested, ...inSession },
    ];
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: database.url, WARDEN_JWT_SECRET: secrets.jwt, WARDEN_AUDIT_CHECKPOINT_KEY: secrets.checkpoint });
    if (options.pieces.includes('in-process')) {
      log(`the three modes in one process, one request at a time: ${options.inProcessQueries.join(', ')}`);
      // A fresh sign-in: starting a session needs a recent one (minutes; the piece takes seconds).
      const startThenEnd = { name: 'session', bearer: await tokenFor(secrets.jwt, IN_PROCESS_SESSION_AGENT), operation: startThenEndOperations() };
      inProcess = await measureModesInProcess({
        db: handle.db,
        pool: handle.pool,
        config,
        seconds: options.inProcessSeconds,
        postmasterPid: server.postmasterPid,
        queries: [...documents.map(({ query, variables, ...rest }) => ({ ...rest, operation: { query, variables } })), startThenEnd].filter((q) =>
          (options.inProcessQueries as readonly string[]).includes(q.name),
        ),
        heapProfile: options.heapProfile.length ? { queries: options.heapProfile, requests: options.heapProfileRequests, dir: profilesDir(options), log } : null,
      });
      for (const q of inProcess) log(`  ${q.query.padEnd(7)} ${q.modes.map((m) => `${m.mode}: ${m.cpuUsPerRequest} µs${m.addedCpuUs === null ? '' : ` (+${m.addedCpuUs})`} ${m.allocatedKbPerRequest} KB`).join(', ')}`);
    }
    if (options.pieces.includes('shield')) {
      log('graphql-shield in process: off, root fields (as shipped), every field');
      shield = await measureShieldCost({ db: handle.db, config, seconds: options.shieldSeconds, queries: documents });
      for (const q of shield) log(`  ${q.query.padEnd(7)} ${q.variants.map((v) => `${v.variant}: ${Math.round(v.cpuUsPerExecution.median)} µs (${v.cpuRatio.toFixed(2)}×)`).join(', ')}`);
    }
    await endOpenSessions(any.url, secrets.jwt, [READ_SESSION_AGENT, IN_PROCESS_SESSION_AGENT]);
  }
  for (const child of servers.values()) await child.stop();
  return { http, inProcess, shield };
}


function required(servers: Map<ServerMode, ServerProcess>, mode: ServerMode): ServerProcess {
  const found = servers.get(mode);
  if (!found) throw new Error(`the ${mode} server is not running`);
  return found;
}

async function runProxy(options: BenchOptions, server: BenchServer, secrets: WardenSecrets, cleanup: Cleanup, reruns: { left: number }) {
  log(`proxy: the Lettings API alone, and Warden in front of it as the customer, in a read-only session, and in that session with the audit trail off`);
  const result = await runProxyBenchmark({ options, server, secrets, undo: (step) => cleanup.add(step), track: cleanup.track, log, reruns });
  for (const m of result.modes) {
    log(`  ${m.mode.padEnd(24)} ${m.requestsPerSecond.median.toFixed(1).padStart(7)} req/s  p99 ${m.p99Ms.median.toFixed(2)} ms${m.ratios ? `  ${m.ratios.throughput.median.toFixed(2)}× throughput, ${m.ratios.p99.median.toFixed(2)}× p99` : ''}`);
  }
  return result;
}

async function runWriter(options: BenchOptions, server: BenchServer, secrets: WardenSecrets, cleanup: Cleanup) {
  const gatewayRows = await captureRows(options, server, secrets, cleanup);
  log(`the gateway's own rows: ${gatewayRows.perRequest.map((r) => `${r.request} ${r.rows}`).join(', ')}`);
  const database = await createBenchDatabase(server, 'writer');
  const drop = cleanup.add(() => database.drop());
  const { db } = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 });
  const close = cleanup.add(() => db.destroy());
  await migrateWarden(db);
  await ensureAuditPartitions(db);
  log(`audit writer: batches of ${options.writerBatches.join(', ')} rows, ${options.writerSeconds} s per method and batch`);
  const result = await measureAuditWriter({ db, url: database.url, batches: options.writerBatches, seconds: options.writerSeconds, postmasterPid: server.postmasterPid, gatewayRows });
  for (const cell of result.cells) {
    log(`  ${cell.method.padEnd(36)} batch ${String(cell.batch).padStart(6)}: ${cell.error ? `fails (${cell.error.slice(0, 70)})` : `${Math.round(cell.rowsPerSecond?.median ?? 0).toLocaleString('en')} rows/s`}`);
  }
  const own = result.gatewayRows;
  if (own) log(`  the gateway's rows beside the synthetic ones, batch ${own.batch.toLocaleString('en')}: ${Math.round(own.rowsPerSecond?.median ?? 0).toLocaleString('en')} rows/s against ${Math.round(own.synthetic.rowsPerSecond?.median ?? 0).toLocaleString('en')}`);
  await close();
  await drop();
  return result;
}

/** The rows the gateway writes for one request of each audited workload, in a database of their own (bench/gateway-rows.ts). */
async function captureRows(options: BenchOptions, server: BenchServer, secrets: WardenSecrets, cleanup: Cleanup) {
  const database = await createBenchDatabase(server, 'rows');
  const drop = cleanup.add(() => database.drop());
  const handle = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 });
  const close = cleanup.add(() => handle.db.destroy());
  const data = await prepareBenchDatabase(handle.db, options.invoices);
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: database.url, WARDEN_JWT_SECRET: secrets.jwt, WARDEN_AUDIT_CHECKPOINT_KEY: secrets.checkpoint });
  const rows = await captureGatewayRows({ db: handle.db, pool: handle.pool, config, jwtSecret: secrets.jwt, accountInvoices: data.accountInvoices });
  await close();
  await drop();
  return rows;
}

async function runAuditor(options: BenchOptions, server: BenchServer, cleanup: Cleanup) {
  const database = await createBenchDatabase(server, 'auditor');
  const drop = cleanup.add(() => database.drop());
  const { db } = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 });
  const close = cleanup.add(() => db.destroy());
  await migrateDemo(db);
  log(`auditor queries on ${options.auditRows.toLocaleString('en')} rows`);
  const result = await measureAuditorQueries({ db, url: database.url, rows: options.auditRows, months: options.auditMonths, queriesPerKind: options.auditorQueries, log });
  await close();
  await drop();
  return result;
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
