import { createServer } from 'node:http';
import { ConfigError, createLogger, loadConfig, mintDevToken, openDatabase, startListening, startWarden, stopOnSignals, type Config } from 'warden';
import { clinicIdentity } from './members/index.js';
import { migrateClinic, pendingClinicMigrations } from './migrate.js';
import { CLINIC_ALIASES, clinicSubject } from './principals.js';
import { buildClinicSchema } from './schema.js';
import { isEmpty, seedClinic } from './seed/seed.js';

/**
 * `npm start`: the clinic behind Warden, on the embedded database (or DATABASE_URL), migrated
 * and, when empty, loaded with the demo world; development tokens are printed outside production.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  const { db, description } = database;

  const warden = await startWarden({
    database,
    schema: buildClinicSchema({ onUnclassified: config.production ? 'secret' : 'error' }),
    identity: clinicIdentity(db),
    config,
    logger,
    migrations: { apply: migrateClinic, pending: pendingClinicMigrations, command: 'npm run migrate' },
    beforeServing: async () => {
      if (config.seedDemoData && (await isEmpty(db))) logger.info({ rows: await seedClinic(db) }, 'demo data loaded into an empty database');
    },
  });
  if (!warden) throw new Error('the start was stopped before serving');
  const server = createServer(warden.gateway);
  await startListening(server, config.port, config.host);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`;
  logger.info({ url, database: description }, 'clinic gateway is listening');
  if (!config.production) await printTokens(config, url);

  // SIGTERM or SIGINT: in-flight requests finish (10 s at most), then Warden and the database close.
  stopOnSignals({ server, warden, db, logger });
}

/** Where to go, and a token for each demo role. */
async function printTokens(config: Config, url: string): Promise<void> {
  const lines = ['', `  Clinic gateway: ${url}  (GraphiQL in a browser)`];
  if (config.jwt.secret) {
    lines.push('', '  Demo tokens (8 hours; `npm run token -- <name>` mints more):');
    for (const alias of Object.keys(CLINIC_ALIASES)) {
      const subject = clinicSubject(alias);
      if (!subject) continue;
      const token = await mintDevToken(config.jwt.secret, subject, { issuer: config.jwt.issuer, audience: config.jwt.audience });
      lines.push(`  ${alias.padEnd(9)} ${subject.name} (${subject.sub})`, `            ${token}`);
    }
  }
  lines.push('', '  Try it with the customer token: { me { name role } practice { name patients { name phone insuranceNumber } } }', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `The clinic gateway failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
