import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { BROWSER_DATABASE_URL, BROWSER_PORT } from './browser-settings.js';

/**
 * The browser tests' gateway: `npm start` as a newcomer runs it (the console built if stale,
 * migrations, demo data), on a database nobody else uses: a new one on DATABASE_URL's server,
 * dropped afterwards, or else the embedded database in memory.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const serverUrl = process.env['DATABASE_URL'] || null;

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  let databaseUrl: string | null = null;
  let database: string | null = null;
  if (serverUrl && BROWSER_DATABASE_URL) {
    database = process.env['WARDEN_BROWSER_DATABASE'] ?? `warden_browser_${randomBytes(4).toString('hex')}`;
    await withAdmin(serverUrl, (client) => client.query(`create database ${database}`));
    databaseUrl = BROWSER_DATABASE_URL;
  }
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(BROWSER_PORT),
      HOST: '127.0.0.1',
      WARDEN_LOG_LEVEL: process.env['WARDEN_LOG_LEVEL'] ?? 'warn',
      // A one-minute session may be asked for, so a test can watch the countdown reach zero.
      WARDEN_SESSION_MIN_MINUTES: '1',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '', WARDEN_DATA_DIR: 'memory://' }),
    },
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  const code = await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  if (serverUrl && database) {
    await withAdmin(serverUrl, (client) => client.query(`drop database if exists ${database} with (force)`)).catch((error: unknown) => {
      console.error(`could not drop ${database}:`, error instanceof Error ? error.message : error);
    });
  }
  process.exit(code);
}

main().catch((error: unknown) => {
  console.error('the browser tests could not start the gateway:', error);
  process.exit(1);
});
