/**
 * Warden in proxy mode as a benchmark server, in a process of its own: the upstream's schema
 * read, classified and guarded by the same code `npm start` runs in proxy mode (`prepareProxy`,
 * configured from WARDEN_UPSTREAM_*), served by the gateway with the audit trail on, or off when
 * BENCH_AUDIT=off (to tell the audit's share of the cost), and executing the upstream's answer
 * again instead of forwarding it when BENCH_FORWARD=off (to tell what forwarding saves).
 * Started by bench/run.ts.
 */
import { createServer } from 'node:http';
import { loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/connect.js';
import { createLogger } from '../../src/log/logger.js';
import { startPolicyStore } from '../../src/policy/policy-store.js';
import { prepareProxy } from '../../src/proxy/start-proxy.js';
import { createGateway } from '../../src/server/gateway.js';
import { serveBenchChild } from '../support/bench-child.js';
import { closeServer, listenOnLoopback } from '../support/loopback-server.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.upstream) throw new Error('bench/proxy/proxy-server.ts needs WARDEN_UPSTREAM_URL');
  const logger = createLogger(config.logLevel);
  const { db, listen, pool } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const proxy = await prepareProxy({ upstream: config.upstream, logger, forwardAnswers: process.env.BENCH_FORWARD !== 'off' });
  const policy = await startPolicyStore({ db, listen, logger, ...proxy.schema.catalog });
  const gateway = createGateway({
    db,
    pool,
    config,
    logger,
    schema: proxy.schema,
    policy,
    identity: proxy.identity,
    publicRoutes: proxy.publicRoutes,
    auditTrail: process.env.BENCH_AUDIT !== 'off',
  });
  const server = createServer(gateway);
  const port = await listenOnLoopback(server);
  serveBenchChild({
    port,
    close: async () => {
      await closeServer(server);
      await Promise.all([policy.stop(), db.destroy()]);
    },
  });
}

main().catch((error: unknown) => {
  console.error('the proxy failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
