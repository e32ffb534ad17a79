import { createServer } from 'node:http';
import { ConfigError, createLogger, loadConfig, openDatabase, startListening, stopOnSignals } from 'warden';
import { startShop } from './start.js';

/** The shop's process: its settings from the environment (PORT, DATABASE_URL, WARDEN_…). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  // A SIGTERM or SIGINT while starting (migrations can take a while) ends the start between two steps.
  const starting = new AbortController();
  const stopStarting = () => starting.abort();
  process.once('SIGTERM', stopStarting);
  process.once('SIGINT', stopStarting);
  const warden = await startShop(database, config, logger, starting.signal);
  if (!warden) return database.db.destroy();
  const server = createServer(warden.gateway);
  await startListening(server, config.port, config.host);
  logger.info({ port: config.port, database: database.description }, 'the shop is listening');
  process.off('SIGTERM', stopStarting);
  process.off('SIGINT', stopStarting);
  // From now on SIGTERM or SIGINT: requests in flight finish, then Warden and the database close.
  const stop = stopOnSignals({ server, warden, db: database.db, logger });
  if (starting.signal.aborted) stop('SIGTERM');
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
