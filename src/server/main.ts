import { createServer } from 'node:http';
import { DEMO_ALIASES, demoSubject } from '../auth/demo-principals.js';
import { mintDevToken } from '../auth/mint-token.js';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { openDatabase } from '../db/connect.js';
import { migrateDemo, pendingDemoMigrations } from '../domain/migrate.js';
import { isEmpty, seedDemoData } from '../domain/seed/seed.js';
import { createLogger } from '../log/logger.js';
import { startPolicyStore } from '../policy/policy-store.js';
import { startSessionSweeper } from '../impersonation/sweeper.js';
import { customerIdentity } from '../domain/accounts/index.js';
import { startNotificationDispatcher } from '../notify/index.js';
import { checkpointSigner } from '../audit/checkpoint-signature.js';
import { checkpointPublishingWarning, startCheckpointer } from '../audit/checkpoints.js';
import { startPartitionUpkeep } from '../audit/partition-upkeep.js';
import { createGateway } from './gateway.js';
import { startListening } from './start-listening.js';
import { buildDemoSchema } from '../domain/schema.js';

/** In-flight requests get this long to finish after SIGTERM before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { db, listen, description, pool } = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });

  // A stop asked for while starting (migrations can take a while) ends the start between steps,
  // with the database closed (and the embedded one's folder unlocked), not halfway through one.
  let stopWhileStarting: string | null = null;
  const onSignalWhileStarting = (signal: string) => {
    stopWhileStarting = signal;
    logger.info({ signal }, 'shutting down: stopping the start after its current step');
  };
  const sigtermWhileStarting = () => onSignalWhileStarting('SIGTERM');
  const sigintWhileStarting = () => onSignalWhileStarting('SIGINT');
  process.on('SIGTERM', sigtermWhileStarting);
  process.on('SIGINT', sigintWhileStarting);
  const stopIfAsked = async (): Promise<void> => {
    if (stopWhileStarting === null) return;
    await db.destroy();
    logger.info('stopped cleanly before serving');
    process.exit(0);
  };

  const signer = checkpointSigner(config.audit.checkpointKey);
  const unpublished = checkpointPublishingWarning(config);
  if (unpublished) logger.warn(unpublished);
  if (config.migrateOnStart) {
    const applied = await migrateDemo(db);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  } else {
    const pending = await pendingDemoMigrations(db);
    if (pending.length) {
      throw new Error(`the database lacks migrations ${pending.join(', ')}: run \`npm run migrate\` as the database owner (or set WARDEN_MIGRATE_ON_START=true where the gateway runs as the owner), then start again.`);
    }
  }
  await stopIfAsked();
  // The owner creates partitions ahead; the application role can only check and warn.
  const partitions = await startPartitionUpkeep({ db, logger, create: config.migrateOnStart });
  if (config.seedDemoData && (await isEmpty(db))) {
    logger.info({ rows: await seedDemoData(db) }, 'demo data loaded into an empty database');
  }

  if (stopWhileStarting !== null) await partitions.stop();
  await stopIfAsked();

  const schema = buildDemoSchema({ onUnclassified: config.production ? 'secret' : 'error' });
  const policy = await startPolicyStore({ db, listen, logger, ...schema.catalog });
  logger.info({ policyVersion: policy.current().version }, 'policy loaded');
  const checkpointer = startCheckpointer({ db, signer, logger, file: config.audit.checkpointFile });
  const healthProblems = () => [checkpointer.problem(), partitions.problem()].filter((problem) => problem !== null);
  const identity = customerIdentity(db);
  const gateway = createGateway({ db, pool, config, logger, schema, policy, identity, healthProblems });
  const sweeper = startSessionSweeper({ db, identity, logger, policy });
  const notifications = startNotificationDispatcher({ db, webhookUrl: config.webhookUrl, logger, timeoutMs: 5000 });
  const server = createServer(gateway);
  await startListening(server, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  logger.info({ url, database: description }, 'Warden is listening');
  if (!config.production) await printDemoBanner(config, url, description);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('in-flight requests did not finish in time; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    // The dispatcher finishes its POST in flight while requests drain.
    const notificationsStopped = notifications.stop();
    server.close(() => {
      Promise.all([policy.stop(), sweeper.stop(), checkpointer.stop(), partitions.stop(), notificationsStopped])
        .then(() => db.destroy())
        .then(
        () => {
          logger.info('stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'closing the database failed');
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.off('SIGTERM', sigtermWhileStarting);
  process.off('SIGINT', sigintWhileStarting);
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (stopWhileStarting !== null) stop(stopWhileStarting);
}

/** The start-up output a newcomer needs: where to go and a token for each demo role. */
async function printDemoBanner(config: Config, url: string, database: string): Promise<void> {
  const lines = [
    '',
    `  Warden gateway: ${url}  (GraphiQL in a browser)`,
    `  Database: ${database}`,
  ];
  if (config.jwt.secret) {
    if (config.jwt.usingDevelopmentSecret) {
      lines.push(`  JWT secret: development default "${config.jwt.secret}" (set WARDEN_JWT_SECRET to change it)`);
    }
    lines.push('', '  Demo tokens (8 hours; `npm run token -- <name>` mints more):');
    for (const alias of ['agent', 'manager', 'auditor', 'security', 'oncall', 'customer']) {
      const subject = demoSubject(DEMO_ALIASES[alias] ?? alias);
      if (!subject) continue;
      const token = await mintDevToken(config.jwt.secret, subject, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      lines.push(`  ${alias.padEnd(9)} ${subject.name} (${subject.sub}${subject.roles?.length ? `, ${subject.roles.join(', ')}` : ''})`, `            ${token}`);
    }
  }
  lines.push(
    '',
    '  Try it: open the URL above, set the header {"Authorization": "Bearer <customer token>"} and run',
    '    { me { name email } account { name plan invoices(first: 3) { number taxRate status } } }',
    '',
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Warden failed to start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
