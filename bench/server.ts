/**
 * One benchmark server: the gateway in one of three modes, in a process of its own, on
 * 127.0.0.1 and a free port. It reports its port, CPU time and RSS to the parent over the IPC
 * channel (bench-only: nothing here is part of the product). Started by bench/run.ts.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { Session } from 'node:inspector/promises';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/connect.js';
import { createLogger } from '../src/log/logger.js';
import { startPolicyStore } from '../src/policy/policy-store.js';
import { createGateway } from '../src/server/gateway.js';
import { buildDemoSchema } from '../src/domain/schema.js';
import { isServerMode, type ControlMessage, type ServerMessage } from './support/server-protocol.js';
import { customerIdentity } from '../src/domain/accounts/index.js';

/** Often enough to catch a peak within a block; rarer would miss it, more often costs CPU. */
const RSS_SAMPLE_MS = 100;

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE;
  if (!isServerMode(mode)) throw new Error(`BENCH_MODE must be baseline, policy or policy+audit (got "${mode ?? ''}")`);
  if (!process.send) throw new Error('bench/server.ts is started by bench/run.ts, with an IPC channel');
  const send = (message: ServerMessage) => process.send?.(message);

  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { db, listen, pool } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  // The same schema and resolvers each time; only what the issue compares changes.
  const schema = buildDemoSchema({ policyEnforced: mode !== 'baseline', onUnclassified: config.production ? 'secret' : 'error' });
  const policy = await startPolicyStore({ db, listen, logger, ...schema.catalog });
  const gateway = createGateway({ db, pool, config, logger, schema, policy, identity: customerIdentity(db), auditTrail: mode === 'policy+audit' });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the server has no address');

  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, RSS_SAMPLE_MS);
  sampler.unref();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(sampler);
    server.closeAllConnections();
    server.close(() => {
      // A clean exit, so that --cpu-prof writes its profile.
      Promise.all([policy.stop(), db.destroy()]).finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 5000).unref();
  };
  const profiler = new Session();
  process.on('message', (message: ControlMessage) => {
    if (message.type === 'stop') stop();
    if (message.type === 'profile-start') {
      profiler.connect();
      void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
    }
    if (message.type === 'profile-stop') {
      void profiler
        .post('Profiler.stop')
        .then(({ profile }) => writeFile(message.file, JSON.stringify(profile)))
        .then(() => {
          profiler.disconnect();
          send({ type: 'profile-written', file: message.file });
        });
    }
    if (message.type === 'sample') {
      const cpu = process.cpuUsage();
      const rss = process.memoryUsage.rss();
      send({ type: 'sample', cpuUserUs: cpu.user, cpuSystemUs: cpu.system, peakRssBytes: Math.max(peakRss, rss), maxRssBytes: process.resourceUsage().maxRSS * 1024 });
      peakRss = rss;
    }
  });
  // The parent went away (even killed): never outlive it.
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  send({ type: 'listening', port: address.port });
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
