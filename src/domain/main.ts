import { createServer } from 'node:http';
import { ConfigError, createLogger, loadConfig, mintDevToken, openDatabase, startListening, startWarden, stopOnSignals, useConsole, useDevSignIn, type Config, type DevTokenSubject } from '../index.js';
import { customerIdentity } from './accounts/index.js';
import { DEMO_ALIASES, demoSubject } from './demo-principals.js';
import { CONSOLE_BUILD_PATH } from './files.js';
import { DEMO_MCP_OPERATIONS } from './mcp-operations.js';
import { migrateDemo, pendingDemoMigrations } from './migrate.js';
import { buildDemoSchema } from './schema.js';
import { isEmpty, seedDemoData } from './seed/seed.js';

/**
 * `npm start`: the reference domain behind Warden, on the embedded database (or DATABASE_URL),
 * migrated and, when empty, loaded with demo data; demo tokens are printed outside production.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  const { db, description } = database;

  // A stop asked for while starting (migrations can take a while) ends the start between steps,
  // with the database closed (and the embedded one's folder unlocked), not halfway through one.
  const starting = new AbortController();
  let signalWhileStarting = 'SIGTERM';
  const onSignalWhileStarting = (signal: string) => {
    if (starting.signal.aborted) return;
    signalWhileStarting = signal;
    starting.abort();
    logger.info({ signal }, 'shutting down: stopping the start after its current step');
  };
  const sigtermWhileStarting = () => onSignalWhileStarting('SIGTERM');
  const sigintWhileStarting = () => onSignalWhileStarting('SIGINT');
  process.on('SIGTERM', sigtermWhileStarting);
  process.on('SIGINT', sigintWhileStarting);

  const warden = await startWarden({
    database,
    schema: buildDemoSchema({ onUnclassified: config.production ? 'secret' : 'error' }),
    identity: customerIdentity(db),
    config,
    logger,
    migrations: { apply: migrateDemo, pending: pendingDemoMigrations, command: 'npm run migrate' },
    // The domain's GraphQL operations as MCP tools, at /mcp (docs/mcp.md).
    mcp: { operations: DEMO_MCP_OPERATIONS },
    // The support console at /console; outside production its sign-in page offers the demo people.
    publicRoutes: [...(config.production || !config.jwt.secret ? [] : [useDevSignIn({ config, principals: demoPrincipals() })]), useConsole({ root: CONSOLE_BUILD_PATH })],
    beforeServing: async () => {
      if (config.seedDemoData && (await isEmpty(db))) logger.info({ rows: await seedDemoData(db) }, 'demo data loaded into an empty database');
    },
    signal: starting.signal,
  });
  if (!warden) {
    await db.destroy();
    logger.info('stopped cleanly before serving');
    process.exit(0);
  }
  const server = createServer(warden.gateway);
  await startListening(server, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  logger.info({ url, database: description }, 'Warden is listening');
  if (!config.production) await printDemoBanner(config, url, description);

  process.off('SIGTERM', sigtermWhileStarting);
  process.off('SIGINT', sigintWhileStarting);
  const stop = stopOnSignals({ server, warden, db, logger });
  if (starting.signal.aborted) stop(signalWhileStarting);
}

/** Every demo alias with the person it names, for the console's development sign-in (people only). */
function demoPrincipals(): Record<string, DevTokenSubject> {
  return Object.fromEntries(Object.keys(DEMO_ALIASES).flatMap((alias) => {
    const subject = demoSubject(alias);
    // The console is for people: the demo assistant calls /graphql with its own token.
    return subject && subject.kind !== 'ai_agent' ? [[alias, subject]] : [];
  }));
}

/** The start-up output a newcomer needs: where to go and a token for each demo role. */
async function printDemoBanner(config: Config, url: string, database: string): Promise<void> {
  const lines = [
    '',
    `  Warden gateway: ${url}  (GraphiQL in a browser)`,
    `  Support console: ${url.replace(/\/graphql$/, '/console')}`,
    `  MCP endpoint: ${url.replace(/\/graphql$/, '/mcp')}  (Streamable HTTP; send a token as "Authorization: Bearer …")`,
    `  Database: ${database}`,
  ];
  if (config.jwt.secret) {
    if (config.jwt.usingDevelopmentSecret) {
      lines.push(`  JWT secret: development default "${config.jwt.secret}" (set WARDEN_JWT_SECRET to change it)`);
    }
    lines.push('', '  Demo tokens (8 hours; `npm run token -- <name>` mints more):');
    for (const alias of ['agent', 'manager', 'auditor', 'security', 'oncall', 'assistant', 'customer']) {
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
