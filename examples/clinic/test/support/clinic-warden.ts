import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createLogger, loadConfig, mintDevToken, openDatabase, startWarden, type Config, type WardenDb, type WardenSchema } from 'warden';
import { clinicDb, type ClinicDb } from '../../app/database.js';
import { clinicIdentity } from '../../app/members/index.js';
import { migrateClinic, pendingClinicMigrations } from '../../app/migrate.js';
import { clinicSubject } from '../../app/principals.js';
import { buildClinicSchema } from '../../app/schema.js';
import { cloneTemplate, dropDatabase } from './databases.js';

export interface Reply {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}

export interface CallOptions {
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** The clinic started as `npm start` starts it, over a database of the test file's own. */
export interface ClinicWarden {
  /** Warden's view of the database, and the clinic's (its tables beside Warden's). */
  db: WardenDb;
  clinic: ClinicDb;
  /** This database's URL, for the clinic's commands (`npm run audit:verify`). */
  url: string;
  config: Config;
  /** A development token for a demo alias (`agent`, `manager`, `customer`…) or id. */
  tokenFor(who: string): Promise<string>;
  /** POST /graphql as `who`, through the gateway's fetch handler (no port). */
  graphql(who: string, query: string, options?: CallOptions): Promise<Reply>;
  stop(): Promise<void>;
}

export async function startClinicWarden(options: { schema?: WardenSchema } = {}): Promise<ClinicWarden> {
  const serverUrl = inject('serverUrl');
  const url = await cloneTemplate(serverUrl);
  const secret = randomBytes(32).toString('base64url');
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, WARDEN_JWT_SECRET: secret });
  const database = openDatabase({ url, dataDir: 'memory://', poolSize: 4 });
  const warden = await startWarden({
    database,
    schema: options.schema ?? buildClinicSchema(),
    identity: clinicIdentity(database.db),
    config,
    logger: createLogger('silent'),
    migrations: { apply: migrateClinic, pending: pendingClinicMigrations, command: 'npm run migrate' },
  });
  if (!warden) throw new Error('startWarden stopped before serving');

  const tokenFor = async (who: string) => {
    const subject = clinicSubject(who);
    if (!subject) throw new Error(`No demo person "${who}"`);
    return mintDevToken(secret, subject);
  };

  return {
    db: database.db,
    clinic: clinicDb(database.db),
    url,
    config,
    tokenFor,
    async graphql(who, query, { variables = {}, headers = {} } = {}) {
      const response = await warden.gateway.fetch(
        new Request('http://clinic.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(who)}`, ...headers },
          body: JSON.stringify({ query, variables }),
        }),
      );
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as Reply['body'] };
    },
    async stop() {
      await warden.stop();
      await database.db.destroy();
      await dropDatabase(serverUrl, url);
    },
  };
}

/** The first error's code, as a test reads it. */
export function codeOf(reply: Reply): unknown {
  return reply.body.errors?.[0]?.extensions?.['code'];
}
