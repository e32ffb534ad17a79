import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PROXY_MODES, SERVER_MODES, type ProxyMode, type ServerMode } from './support/server-protocol.js';

export const WORKLOAD_NAMES = ['user', 'list', 'nested', 'mutation', 'session'] as const;
export type WorkloadName = (typeof WORKLOAD_NAMES)[number];
/** The documents the in-process pieces send. */
export const IN_PROCESS_QUERIES = ['user', 'list', 'nested', 'session'] as const;
export type InProcessQuery = (typeof IN_PROCESS_QUERIES)[number];
export const PIECES = ['http', 'in-process', 'proxy', 'shield', 'writer', 'auditor'] as const;
export type Piece = (typeof PIECES)[number];

export interface BenchOptions {
  smoke: boolean;
  pieces: Piece[];
  workloads: WorkloadName[];
  /** Length of one measured block (one mode, one workload), seconds. */
  blockSeconds: number;
  /** Unmeasured load on each server before a workload's first block, seconds. */
  warmupSeconds: number;
  /** Blocks per mode and workload; modes alternate, their order rotating each round. */
  rounds: number;
  /**
   * A block during which processes outside the benchmark took more than this share of the
   * machine (percent) is run again, at most twice, and at most 12 times a run.
   */
  maxOtherLoad: number;
  /** Concurrent HTTP connections (the session workload uses one per demo agent). */
  connections: number;
  /** Bench invoices added to Acme for the list workload. */
  invoices: number;
  /** Measured time per mode and query when the three modes run in one process, seconds. */
  inProcessSeconds: number;
  /** The queries the in-process piece sends (all by default; one alone to profile it). */
  inProcessQueries: InProcessQuery[];
  shieldSeconds: number;
  writerBatches: number[];
  /** Time spent on each (method, batch size) cell of the writer benchmark, seconds. */
  writerSeconds: number;
  auditRows: number;
  auditMonths: number;
  /** Timed queries per auditor query kind. */
  auditorQueries: number;
  /** Servers whose measured blocks are CPU-profiled (into <out-dir>/profiles). */
  cpuProfile: Array<ServerMode | ProxyMode>;
  /** In-process queries whose allocations are heap-profiled, mode by mode (into <out-dir>/profiles). */
  heapProfile: InProcessQuery[];
  /** Requests per mode in each heap profile. */
  heapProfileRequests: number;
  /** Server log level (warn keeps per-request access logs out of the measurement). */
  logLevel: string;
  outDir: string;
  /** Rewrite the measured part of docs/performance.md. */
  writeDocs: boolean;
}

const HELP = `npm run bench [-- options]      (every option also reads BENCH_<NAME> from the environment)

  --smoke                 tiny sizes, ~1 s a piece, results to a temp dir, docs untouched (CI)
  --only=http,in-process,proxy,shield,writer,auditor
  --workloads=user,list,nested,mutation,session
  --seconds=N             one measured block (default 5)
  --warmup-seconds=N      warm-up per server and workload (default 2)
  --rounds=N              blocks per mode and workload (default 4)
  --connections=N         concurrent connections (default 4)
  --max-other-load=PCT    re-run a block when other processes took more of the machine (default 20)
  --invoices=N            bench invoices in Acme (default 1000)
  --in-process-seconds=N  the three modes in one process, one request at a time, per mode and query (default 3)
  --in-process-queries=user,list,nested,session
                          the queries that piece sends (default all; one alone to profile it)
  --shield-seconds=N      graphql-shield in-process comparison, per variant and query (default 2)
  --writer-batches=100,1000,10000
  --writer-seconds=N      per writer method and batch size (default 1.5)
  --audit-rows=N          synthetic audit rows for the auditor queries (default 1000000; 10000000 for the goal)
  --audit-months=N        months those rows span (default 6)
  --auditor-queries=N     timed queries per kind (default 200)
  --cpu-prof=MODE,...     CPU-profile these servers' measured blocks (baseline, policy, policy+audit;
                          upstream, proxy-customer, proxy-session, proxy-session-unaudited,
                          proxy-session-executed; all)
                          into <out-dir>/profiles; read them with npx tsx bench/profile-summary.ts
  --heap-prof=QUERY,...   in the in-process piece, after it is measured, profile what each mode
                          allocates for these queries (user, list, nested, session), one profile per mode,
                          into <out-dir>/profiles; compare two with bench/profile-summary.ts --against
  --heap-prof-requests=N  requests per mode in each heap profile (default 500)
  --log-level=LEVEL       server log level (default warn)
  --out-dir=DIR           where the results JSON goes (default bench/results)
  --no-docs               do not rewrite docs/performance.md
`;

export function parseBenchOptions(argv: string[], env: Record<string, string | undefined> = process.env): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      help: { type: 'boolean' },
      smoke: { type: 'boolean' },
      only: { type: 'string' },
      workloads: { type: 'string' },
      seconds: { type: 'string' },
      'warmup-seconds': { type: 'string' },
      rounds: { type: 'string' },
      connections: { type: 'string' },
      'max-other-load': { type: 'string' },
      invoices: { type: 'string' },
      'in-process-seconds': { type: 'string' },
      'in-process-queries': { type: 'string' },
      'shield-seconds': { type: 'string' },
      'writer-batches': { type: 'string' },
      'writer-seconds': { type: 'string' },
      'audit-rows': { type: 'string' },
      'audit-months': { type: 'string' },
      'auditor-queries': { type: 'string' },
      'cpu-prof': { type: 'string' },
      'heap-prof': { type: 'string' },
      'heap-prof-requests': { type: 'string' },
      'log-level': { type: 'string' },
      'out-dir': { type: 'string' },
      'no-docs': { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const smoke = values.smoke ?? env['BENCH_SMOKE'] === '1';
  const pick = (flag: string | undefined, name: string): string | undefined => flag ?? env[`BENCH_${name}`] ?? undefined;
  const num = (flag: string | undefined, name: string, full: number, small: number, min: number, max: number): number => {
    const raw = pick(flag, name);
    if (raw === undefined || raw === '') return smoke ? small : full;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < min || value > max) throw new Error(`BENCH_${name} must be a number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  const list = <T extends string>(raw: string | undefined, allowed: readonly T[], name: string): T[] => {
    if (!raw) return [...allowed];
    const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
    for (const item of items) if (!(allowed as readonly string[]).includes(item)) throw new Error(`BENCH_${name}: "${item}" is not one of ${allowed.join(', ')}`);
    return items as T[];
  };
  const askedWorkloads = list(pick(values.workloads, 'WORKLOADS'), WORKLOAD_NAMES, 'WORKLOADS');
  const profile = pick(values['cpu-prof'], 'CPU_PROF');
  const profiled = [...SERVER_MODES, ...PROXY_MODES];
  const cpuProfile = !profile ? [] : profile === 'all' ? profiled : list(profile, profiled, 'CPU_PROF');
  const heapProfiled = pick(values['heap-prof'], 'HEAP_PROF');
  const heapProfile = heapProfiled ? list(heapProfiled, IN_PROCESS_QUERIES, 'HEAP_PROF') : [];
  const pieces = list(pick(values.only, 'ONLY'), PIECES, 'ONLY');
  if (heapProfile.length && !pieces.includes('in-process')) throw new Error('BENCH_HEAP_PROF profiles the in-process piece: run it too (--only=in-process)');
  const inProcessQueries = list(pick(values['in-process-queries'], 'IN_PROCESS_QUERIES'), IN_PROCESS_QUERIES, 'IN_PROCESS_QUERIES');
  const unsent = heapProfile.filter((query) => !inProcessQueries.includes(query));
  if (unsent.length) throw new Error(`BENCH_HEAP_PROF: ${unsent.join(', ')} is not sent by the in-process piece; add it to --in-process-queries`);
  const batches = pick(values['writer-batches'], 'WRITER_BATCHES');
  const writerBatches = batches ? batches.split(',').map((b) => Number(b)) : smoke ? [10, 100] : [100, 1000, 10_000];
  if (writerBatches.some((b) => !Number.isInteger(b) || b < 1 || b > 100_000)) throw new Error('BENCH_WRITER_BATCHES: whole numbers from 1 to 100000');
  const outDir = pick(values['out-dir'], 'OUT_DIR');

  return {
    smoke,
    pieces,
    // In the order they are listed above, whatever order they were asked in: the read workloads'
    // session belongs to an agent the session workload starts with, so they run before it.
    workloads: WORKLOAD_NAMES.filter((name) => askedWorkloads.includes(name)),
    blockSeconds: num(values.seconds, 'SECONDS', 5, 0.3, 0.2, 600),
    warmupSeconds: num(values['warmup-seconds'], 'WARMUP_SECONDS', 2, 0, 0, 600),
    rounds: num(values.rounds, 'ROUNDS', 4, 1, 1, 50),
    maxOtherLoad: num(values['max-other-load'], 'MAX_OTHER_LOAD', 20, 100, 0, 100),
    connections: num(values.connections, 'CONNECTIONS', 4, 2, 1, 256),
    invoices: num(values.invoices, 'INVOICES', 1000, 50, 1, 100_000),
    inProcessSeconds: num(values['in-process-seconds'], 'IN_PROCESS_SECONDS', 3, 0.2, 0.1, 600),
    // In the order listed, whatever order they were asked in.
    inProcessQueries: IN_PROCESS_QUERIES.filter((query) => inProcessQueries.includes(query)),
    shieldSeconds: num(values['shield-seconds'], 'SHIELD_SECONDS', 2, 0.2, 0.1, 600),
    writerBatches,
    writerSeconds: num(values['writer-seconds'], 'WRITER_SECONDS', 1.5, 0.2, 0.1, 600),
    auditRows: num(values['audit-rows'], 'AUDIT_ROWS', 1_000_000, 5_000, 100, 100_000_000),
    auditMonths: num(values['audit-months'], 'AUDIT_MONTHS', 6, 2, 1, 60),
    auditorQueries: num(values['auditor-queries'], 'AUDITOR_QUERIES', 200, 10, 1, 100_000),
    cpuProfile,
    heapProfile,
    heapProfileRequests: num(values['heap-prof-requests'], 'HEAP_PROF_REQUESTS', 500, 20, 1, 100_000),
    logLevel: pick(values['log-level'], 'LOG_LEVEL') ?? 'warn',
    outDir: path.resolve(outDir ?? (smoke ? path.join(tmpdir(), 'warden-bench-smoke') : 'bench/results')),
    writeDocs: !smoke && !values['no-docs'] && env['BENCH_DOCS'] !== '0',
  };
}

/** Where a run's CPU and heap profiles go. */
export function profilesDir(options: Pick<BenchOptions, 'outDir'>): string {
  return path.resolve(options.outDir, 'profiles');
}

export { HELP as BENCH_HELP };
