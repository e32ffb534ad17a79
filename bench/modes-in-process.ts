/**
 * The gateway's three modes in one process: the same documents sent to three gateways built as
 * bench/server.ts builds them (baseline, policy, policy + audit), each request through the whole
 * Yoga pipeline (authentication, session, firewall, policy, the audit trail and its group
 * commit into the real database), one request at a time, no HTTP.
 *
 * Over HTTP each mode runs in a process of its own, and on a shared two-core machine one run's
 * ratio moves by about ±0.1 (docs/performance.md, "How far one run can be trusted"). Here the
 * modes share one process, so their common code is compiled once, and short batches alternate
 * mode by mode: what a layer adds to a request's CPU is the difference between the modes' CPU
 * per request. Six runs put what the audit adds to nested within about ±15% of each other, where
 * ten HTTP runs spread it threefold (docs/performance.md, "The three modes in one process").
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import type { Config } from '../src/config/config.js';
import type { Db } from '../src/db/database.js';
import { customerIdentity } from '../src/domain/accounts/index.js';
import { buildDemoSchema } from '../src/domain/schema.js';
import { createLogger } from '../src/log/logger.js';
import { IMPERSONATION_HEADER } from '../src/impersonation/resolve-session-access.js';
import { baselinePolicySource, createGateway, type Gateway } from '../src/server/gateway.js';
import type pg from 'pg';
import type { GraphQLBody, Operation } from './http/graphql-client.js';
import { heapAllocation } from './support/heap-allocation.js';
import { processTreeCpuUs } from './support/process-cpu.js';
import { SERVER_MODES, type ServerMode } from './support/server-protocol.js';
import { round, spread, type Spread } from './support/stats.js';

/**
 * What the piece sends for one query: the same document each time, or (a session's start and
 * end) the document `next` gives, built from the answers `answered` was told.
 */
export interface InProcessDocument {
  name: string;
  /** A bearer token, and an impersonation token in a session. */
  bearer: string;
  impersonationToken?: string | null;
  operation: Operation | { next(): Operation; answered(body: GraphQLBody): void };
}

export interface InProcessResult {
  query: string;
  modes: Array<{
    mode: ServerMode;
    requests: number;
    /** This process's CPU per request (the gateway, its resolvers and driver): all its batches' CPU over all their requests. */
    cpuUsPerRequest: number;
    /** The same per batch, median (min–max): how much batches varied. */
    batchCpuUsPerRequest: Spread;
    /** The PostgreSQL cluster's CPU per request over all batches (throwaway cluster only; read in 10 ms ticks). */
    dbCpuUsPerRequest: number | null;
    /** What this mode adds to the baseline's CPU per request, and to PostgreSQL's. */
    addedCpuUs: number | null;
    addedDbCpuUs: number | null;
    /**
     * Bytes this process allocated on its heap per request (all batches), and what the mode adds
     * to the baseline's: steadier than CPU on a shared machine, and what the garbage collector
     * is paid for.
     */
    allocatedKbPerRequest: number;
    addedAllocatedKb: number | null;
  }>;
}

/** Even: a session's start and its end fall in the same batch. */
const BATCH = 20;

export async function measureModesInProcess(options: {
  db: Db;
  pool: pg.Pool | null;
  config: Pick<Config, 'production' | 'development' | 'corsOrigins' | 'jwt' | 'limits' | 'impersonation' | 'audit' | 'metrics'>;
  queries: InProcessDocument[];
  /** Measured time per mode and query. */
  seconds: number;
  postmasterPid: number | null;
  /** After a query is measured: a sampling heap profile of each mode's allocations over `requests` more. */
  heapProfile?: { queries: readonly string[]; requests: number; dir: string; log: (line: string) => void } | null;
}): Promise<InProcessResult[]> {
  const logger = createLogger('silent');
  const identity = customerIdentity(options.db);
  const gateways = new Map<ServerMode, Gateway>();
  for (const mode of SERVER_MODES) {
    // The same schema and resolvers each time; only what the modes compare changes.
    const schema = buildDemoSchema({ policyEnforced: mode !== 'baseline', onUnclassified: 'secret' });
    gateways.set(mode, createGateway({ db: options.db, pool: options.pool, config: options.config, logger, schema, policy: baselinePolicySource(schema.catalog), identity, auditTrail: mode === 'policy+audit' }));
  }

  const results: InProcessResult[] = [];
  for (const q of options.queries) {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${q.bearer}`, ...(q.impersonationToken ? { [IMPERSONATION_HEADER]: q.impersonationToken } : {}) };
    const { operation } = q;
    const pair = 'next' in operation ? operation : null;
    const fixed = 'next' in operation ? '' : JSON.stringify({ query: operation.query, variables: operation.variables ?? {} });
    const send = async (gateway: Gateway): Promise<void> => {
      const body = pair ? JSON.stringify(pair.next()) : fixed;
      const response = await gateway.fetch('http://127.0.0.1/graphql', { method: 'POST', headers, body });
      // As a socket would take them: bytes, not a string decoded from them.
      const bytes = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200 || bytes.includes('"errors"')) throw new Error(`${q.name} failed in process (${response.status}): ${bytes.subarray(0, 300).toString()}`);
      pair?.answered(JSON.parse(bytes.toString()) as GraphQLBody);
    };
    const samples = new Map<ServerMode, { cpu: number[]; db: number[]; allocated: number[] }>(SERVER_MODES.map((mode) => [mode, { cpu: [], db: [], allocated: [] }]));
    for (const mode of SERVER_MODES) for (let i = 0; i < BATCH; i++) await send(gateways.get(mode)!);
    const deadline = Date.now() + options.seconds * 1000 * SERVER_MODES.length;
    for (let cycle = 0; cycle < 10_000 && (Date.now() < deadline || cycle < 3); cycle++) {
      // The order rotates each cycle, so no mode always follows the same one.
      const order = SERVER_MODES.map((_, i) => SERVER_MODES[(i + cycle) % SERVER_MODES.length] as ServerMode);
      for (const mode of order) {
        const gateway = gateways.get(mode)!;
        const allocation = heapAllocation();
        const db0 = processTreeCpuUs(options.postmasterPid);
        const cpu0 = process.cpuUsage();
        for (let i = 0; i < BATCH; i++) await send(gateway);
        const cpu = process.cpuUsage(cpu0);
        const db1 = processTreeCpuUs(options.postmasterPid);
        const allocated = allocation.stop();
        const sample = samples.get(mode)!;
        sample.cpu.push((cpu.user + cpu.system) / BATCH);
        sample.allocated.push(allocated / BATCH);
        if (db0 !== null && db1 !== null) sample.db.push((db1 - db0) / BATCH);
      }
    }
    if (options.heapProfile?.queries.includes(q.name)) {
      for (const mode of SERVER_MODES) {
        const gateway = gateways.get(mode)!;
        const file = path.join(options.heapProfile.dir, `in-process-${q.name}-${mode.replace('+', '-')}.heapprofile`);
        await writeHeapProfile(file, options.heapProfile.requests, () => send(gateway));
        options.heapProfile.log(`  heap profile: ${file} (${options.heapProfile.requests} requests)`);
      }
    }
    const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
    const perRequest = (mode: ServerMode) => {
      const own = samples.get(mode)!;
      return {
        cpu: total(own.cpu) / own.cpu.length,
        db: own.db.length === own.cpu.length && own.db.length > 0 ? total(own.db) / own.db.length : null,
        allocatedKb: total(own.allocated) / own.allocated.length / 1024,
      };
    };
    const base = perRequest('baseline');
    results.push({
      query: q.name,
      modes: SERVER_MODES.map((mode) => {
        const own = samples.get(mode)!;
        const { cpu, db, allocatedKb } = perRequest(mode);
        return {
          mode,
          requests: own.cpu.length * BATCH,
          cpuUsPerRequest: round(cpu, 0),
          batchCpuUsPerRequest: spread(own.cpu),
          dbCpuUsPerRequest: db === null ? null : round(db, 0),
          addedCpuUs: mode === 'baseline' ? null : round(cpu - base.cpu, 0),
          addedDbCpuUs: mode === 'baseline' || db === null || base.db === null ? null : round(db - base.db, 0),
          allocatedKbPerRequest: round(allocatedKb, 1),
          addedAllocatedKb: mode === 'baseline' ? null : round(allocatedKb - base.allocatedKb, 1),
        };
      }),
    });
  }
  return results;
}

/**
 * V8's sampling heap profiler over `requests` calls of `send`, objects collected since included:
 * where a request's bytes are allocated, by function and call stack (Chrome DevTools opens the
 * file; `bench/profile-summary.ts --against` compares two per request).
 */
async function writeHeapProfile(file: string, requests: number, send: () => Promise<void>): Promise<void> {
  const session = new Session();
  session.connect();
  try {
    // Warm first: what the profile shows is a steady request, not the first calls' compiling.
    for (let i = 0; i < Math.min(requests, 50); i++) await send();
    // includeObjectsCollectedBy*: a request's garbage, nearly all it allocates, is counted too.
    await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
    for (let i = 0; i < requests; i++) await send();
    const { profile } = await session.post('HeapProfiler.stopSampling');
    await writeFile(file, JSON.stringify({ ...profile, requests }));
  } finally {
    session.disconnect();
  }
}
