import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerIdentity } from '../../src/domain/accounts/index.js';
import type { Db } from '../../src/db/database.js';
import type { CustomerIdentity, WardenIdentity } from '../../src/identity/identity.js';
import { createLogger } from '../../src/log/logger.js';
import { loadConfig, randomJwtSecret } from '../../src/config/config.js';
import { createGateway } from '../../src/server/gateway.js';
import { startWarden } from '../../src/server/start-warden.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { openSession, withSession } from '../impersonation/sessions.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * The identity hook is the application's code: it can throw (its database is down) or answer
 * nonsense (undefined, another customer). Either way the request that needed the answer is
 * refused with IDENTITY_UNAVAILABLE (503) and a log line names the hook; it never goes on as
 * someone else, or as nobody. A hook that is not a hook at all stops the start.
 */

type Fault = 'none' | 'throws' | 'undefined' | 'someone else' | 'no account';

const IdentityMe = graphql(`
  query IdentityMe {
    me {
      id
      name
    }
  }
`);

const IdentityViewer = graphql(`
  query IdentityViewer {
    viewer {
      kind
      id
    }
  }
`);

/** The reference domain's hook, with a fault switched on by the test. */
function faultyIdentity(fault: { now: Fault }) {
  return (db: Db): WardenIdentity => {
    const real = customerIdentity(db);
    return {
      async customer(id, within) {
        const answer = await real.customer(id, within);
        switch (fault.now) {
          case 'throws':
            throw new Error('connection to the customers database lost');
          case 'undefined':
            return undefined as unknown as CustomerIdentity | null;
          case 'someone else':
            return answer && { ...answer, id: 'usr_omar', name: 'Omar Haddad' };
          case 'no account':
            return answer && ({ ...answer, account: undefined } as unknown as CustomerIdentity);
          default:
            return answer;
        }
      },
    };
  };
}

describe('an identity hook that fails', () => {
  const fault: { now: Fault } = { now: 'none' };
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { realSessions: true, identity: faultyIdentity(fault) });
  });
  afterAll(() => t.close());

  const hookLogLines = () => t.logs.filter((line) => line.includes('identity hook'));

  it('control: a working hook serves the customer', async () => {
    fault.now = 'none';
    const response = await t.execute(IdentityMe, { as: 'usr_tom' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { me: { id: 'usr_tom', name: 'Tom Baker' } } });
  });

  it('refuses a customer with IDENTITY_UNAVAILABLE (503) when the hook throws, and logs the hook as the cause', async () => {
    fault.now = 'throws';
    const logged = hookLogLines().length;
    const response = await t.execute(IdentityMe, { as: 'usr_tom' });
    expect(response.status).toBe(503);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors).toEqual([
      {
        message: 'Warden could not learn who the customer is from the application (its identity hook failed), so it refused rather than guess; try again in a moment.',
        extensions: { code: 'IDENTITY_UNAVAILABLE' },
      },
    ]);
    const lines = hookLogLines().slice(logged);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 50, customerId: 'usr_tom', err: { message: 'connection to the customers database lost' } });
  });

  it.each<[Fault, string]>([
    ['undefined', 'undefined: answer null when there is no such customer'],
    ['someone else', 'a customer whose id is not the one asked for (another id)'],
    ['no account', 'a customer without an `account`'],
  ])('refuses a customer the same way when the hook answers %s, naming what is wrong in the log', async (answer, problem) => {
    fault.now = answer;
    const logged = hookLogLines().length;
    const response = await t.execute(IdentityMe, { as: 'usr_tom' });
    expect(response.status).toBe(503);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions).toEqual({ code: 'IDENTITY_UNAVAILABLE' });
    expect(hookLogLines().slice(logged).map((line) => JSON.parse(line) as { problem?: string })).toEqual([expect.objectContaining({ problem })]);
  });

  it("refuses an agent's session request when the hook throws: never served as the agent alone", async () => {
    fault.now = 'none';
    const { token } = await openSession(t, { userId: 'usr_tom' });
    const inSession = await t.execute(IdentityViewer, { as: 'agent', headers: withSession(token) });
    expect(inSession.body.data?.viewer).toMatchObject({ kind: 'staff', id: 'stf_sarah' });

    fault.now = 'throws';
    const refused = await t.execute(IdentityViewer, { as: 'agent', headers: withSession(token) });
    expect(refused.status).toBe(503);
    expect(refused.body.data ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions).toEqual({ code: 'IDENTITY_UNAVAILABLE' });

    // Control: staff outside a session are Warden's own, and never ask the hook.
    const own = await t.execute(IdentityViewer, { as: 'agent' });
    expect(own.status).toBe(200);
    expect(own.body.data?.viewer).toMatchObject({ kind: 'staff', id: 'stf_sarah' });
    fault.now = 'none';
  });
});

describe('an identity hook that is not one', () => {
  const config = loadConfig({ NODE_ENV: 'test', WARDEN_JWT_SECRET: randomJwtSecret() });
  const logger = createLogger('silent');
  const notAHook = {} as unknown as WardenIdentity;
  const message = /The identity hook \(`identity`\) must be an object with a `customer\(id, within\)` function .*; it is an object without a `customer` function\./;

  it('stops createGateway with a sentence saying what the hook must be', async () => {
    const database = await createTestDatabase();
    try {
      const schema = buildDemoSchema();
      expect(() => createGateway({ db: database.db, config, logger, schema, identity: notAHook })).toThrow(message);
      // Control: the reference domain's hook is one.
      expect(() => createGateway({ db: database.db, config, logger, schema, identity: customerIdentity(database.db) })).not.toThrow();
    } finally {
      await database.destroy();
    }
  });

  it('stops startWarden before it migrates anything', async () => {
    const database = await createTestDatabase({ migrated: false });
    try {
      const handle = { db: database.db, listen: database.listen, engine: database.engine, pool: database.pool, description: 'a test database' };
      await expect(startWarden({ database: handle, schema: buildDemoSchema(), identity: notAHook, config, logger })).rejects.toThrow(message);
      const tables = await database.db.introspection.getTables();
      expect(tables.map((table) => table.name)).toEqual([]);
    } finally {
      await database.destroy();
    }
  });
});
