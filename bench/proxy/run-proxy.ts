import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Instance } from 'autocannon';
import { ensureAuditPartitions } from '../../src/audit/partitions.js';
import { openDatabase } from '../../src/db/connect.js';
import { migrateWarden } from '../../src/db/migrate.js';
import { addDevelopmentStaff } from '../../src/proxy/development-staff.js';
import { createUpstreamSigner, generateSigningKeyPem } from '../../src/proxy/upstream-token.js';
import { measureSideBySide, type Contender, type WorkloadResult } from '../http/side-by-side.js';
import { startImpersonation } from '../http/workloads.js';
import { profilesDir, type BenchOptions } from '../options.js';
import { createBenchDatabase, type BenchServer } from '../support/postgres.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';
import type { ProxyMode } from '../support/server-protocol.js';
import { wardenEnv, type WardenSecrets } from '../support/warden-env.js';
import { customerThroughWarden, PROXY_AGENT, PROXY_WORKLOAD, PROXY_CUSTOMER, PROXY_SESSION_INPUT, PROXY_TITLE, sessionThroughWarden, upstreamAlone, wardenToken, type ProxyLoad } from './proxy-workloads.js';
import { auditRowsWritten } from '../support/bench-data.js';

const UPSTREAM_ENTRY = fileURLToPath(new URL('./upstream-server.ts', import.meta.url));
const PROXY_ENTRY = fileURLToPath(new URL('./proxy-server.ts', import.meta.url));
/** The example's classification of the Lettings API, as an adopter commits it. */
const CLASSES = fileURLToPath(new URL('../../examples/proxy/warden.upstream.json', import.meta.url));
const ISSUER = 'warden';
const AUDIENCE = 'lettings-api';

export interface ProxyRunOptions {
  options: BenchOptions;
  server: BenchServer;
  secrets: WardenSecrets;
  /** Registers an undo step, run at the end, on an error and on Ctrl-C; returns it, to run early. */
  undo: (step: () => Promise<void>) => () => Promise<void>;
  track: (instance: Instance | null) => void;
  log: (line: string) => void;
  reruns: { left: number };
}

/**
 * The proxy block: the Lettings API alone against Warden in front of it (proxy mode, as
 * `npm start` runs it with WARDEN_UPSTREAM_URL), all reading the same 1,000 rent payments.
 * Every server is a process of its own on loopback; each Warden calls the one upstream,
 * whose CPU during Warden's blocks is counted as the benchmark's (`behind`), not as other load.
 */
export async function runProxyBenchmark(run: ProxyRunOptions): Promise<WorkloadResult> {
  const { options, log } = run;
  const database = await createBenchDatabase(run.server, 'proxy');
  run.undo(() => database.drop());
  const handle = openDatabase({ url: database.url, dataDir: 'memory://', poolSize: 2 });
  run.undo(() => handle.db.destroy());
  log(`preparing ${database.name}: Warden's migrations, the proxy's development staff`);
  await migrateWarden(handle.db);
  await ensureAuditPartitions(handle.db);
  await addDevelopmentStaff(handle.db);
  const auditRows = () => auditRowsWritten(handle.db);

  // One key, as in production: Warden signs with it, the upstream trusts its public half.
  const signingKey = await generateSigningKeyPem();
  const signer = await createUpstreamSigner({ privateKey: signingKey, issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 3600 });
  const checkpointDir = mkdtempSync(path.join(tmpdir(), 'warden-bench-proxy-checkpoints-'));
  run.undo(async () => rmSync(checkpointDir, { recursive: true, force: true }));

  const start = async (mode: ProxyMode, entry: string, env: Record<string, string>) => {
    const child = await startServerProcess({ mode, entry, env, log: (line) => console.error(line) });
    run.undo(() => child.stop());
    return child;
  };
  // In production mode, as Warden's servers run: graphql-js checks types more slowly outside it.
  const upstream = await start('upstream', UPSTREAM_ENTRY, { NODE_ENV: 'production', BENCH_UPSTREAM_JWKS: JSON.stringify(signer.jwks), BENCH_UPSTREAM_ISSUER: ISSUER, BENCH_UPSTREAM_AUDIENCE: AUDIENCE });
  const proxyEnv = (audit: 'on' | 'off', forward: 'on' | 'off' = 'on') => ({
    ...wardenEnv(options, database.url, run.secrets, path.join(checkpointDir, 'checkpoints.jsonl')),
    WARDEN_UPSTREAM_URL: `${upstream.url}/graphql`,
    WARDEN_UPSTREAM_CLASSES: CLASSES,
    WARDEN_UPSTREAM_SIGNING_KEY: signingKey,
    WARDEN_UPSTREAM_ISSUER: ISSUER,
    WARDEN_UPSTREAM_AUDIENCE: AUDIENCE,
    BENCH_AUDIT: audit,
    BENCH_FORWARD: forward,
  });
  const [customerProxy, sessionProxy, unauditedProxy, executedProxy] = await Promise.all([
    start('proxy-customer', PROXY_ENTRY, proxyEnv('on')),
    start('proxy-session', PROXY_ENTRY, proxyEnv('on')),
    start('proxy-session-unaudited', PROXY_ENTRY, proxyEnv('off')),
    start('proxy-session-executed', PROXY_ENTRY, proxyEnv('on', 'off')),
  ]);
  log(`servers: ${[upstream, customerProxy, sessionProxy, unauditedProxy, executedProxy].map((s) => `${s.mode} ${s.url} (pid ${s.pid})`).join(', ')}`);

  // Both session contenders use the one session: a token opens it on any Warden over the database.
  const session = await startImpersonation(sessionProxy.url, await wardenToken(run.secrets.jwt, PROXY_AGENT), PROXY_SESSION_INPUT);
  const load: ProxyLoad = { connections: options.connections, expected: { data: null } };
  const behind: readonly ServerProcess[] = [upstream];
  const contenders: Contender[] = [
    { mode: 'upstream', server: upstream, workload: upstreamAlone(load, signer) },
    { mode: 'proxy-customer', server: customerProxy, behind, workload: customerThroughWarden(load, await wardenToken(run.secrets.jwt, PROXY_CUSTOMER)) },
    { mode: 'proxy-session', server: sessionProxy, behind, workload: sessionThroughWarden(load, session, { on: true, rows: auditRows }) },
    { mode: 'proxy-session-unaudited', server: unauditedProxy, behind, workload: sessionThroughWarden(load, session, { on: false, rows: auditRows }) },
    { mode: 'proxy-session-executed', server: executedProxy, behind, workload: sessionThroughWarden(load, session, { on: true, rows: auditRows }) },
  ];
  const profileDir = options.cpuProfile.length ? profilesDir(options) : null;
  const result = await measureSideBySide(
    { options, postmasterPid: run.server.postmasterPid, auditRows, track: run.track, log, profile: profileDir ? { modes: options.cpuProfile, dir: profileDir } : null },
    { name: PROXY_WORKLOAD, title: PROXY_TITLE },
    contenders,
    run.reruns,
  );
  for (const child of [customerProxy, sessionProxy, unauditedProxy, executedProxy, upstream]) await child.stop();
  return result;
}
