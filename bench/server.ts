/**
 * One benchmark server: the gateway in one of three modes, in a process of its own, on
 * 127.0.0.1 and a free port. It reports its port, CPU time and RSS to the parent over the IPC
 * channel (bench-only: nothing here is part of the product). Started by bench/run.ts.
 */
import { createServer } from 'node:http';
import { loadConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/connect.js';
import { createLogger } from '../src/log/logger.js';
import { startPolicyStore } from '../src/policy/policy-store.js';
import { createGateway } from '../src/server/gateway.js';
import { buildDemoSchema } from '../src/domain/schema.js';
import { customerIdentity } from '../src/domain/accounts/index.js';
import { serveBenchChild } from './support/bench-child.js';
import { closeServer, listenOnLoopback } from './support/loopback-server.js';
import { isServerMode } from './support/server-protocol.js';

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE;
  if (!isServerMode(mode)) throw new Error(`BENCH_MODE must be baseline, policy or policy+audit (got "${mode ?? ''}")`);

  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { db, listen, pool } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  // The same schema and resolvers each time; only what the issue compares changes.
  const schema = buildDemoSchema({ policyEnforced: mode !== 'baseline', onUnclassified: config.production ? 'secret' : 'error' });
  const policy = await startPolicyStore({ db, listen, logger, ...schema.catalog });
  const gateway = createGateway({ db, pool, config, logger, schema, policy, identity: customerIdentity(db), auditTrail: mode === 'policy+audit' });
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
  console.error('bench server failed to start:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
