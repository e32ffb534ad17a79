import { createServer } from 'node:http';
import { ConfigError, createLogger, loadConfig, openDatabase, startListening } from 'warden';
import { startShop } from './start.js';

/** The shop's process: its settings from the environment (PORT, DATABASE_URL, WARDEN_…). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, schema: config.databaseSchema });
  const stopping = new AbortController();
  process.once('SIGTERM', () => stopping.abort());
  const warden = await startShop(database, config, logger, stopping.signal);
  if (!warden) return database.db.destroy();
  const server = createServer(warden.gateway);
  await startListening(server, config.port, config.host);
  logger.info({ port: config.port, database: database.description }, 'the shop is listening');
  const stop = () => {
    server.close(() => void warden.stop().then(() => database.db.destroy()));
    server.closeIdleConnections();
  };
  if (stopping.signal.aborted) stop();
  else stopping.signal.addEventListener('abort', stop, { once: true });
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
