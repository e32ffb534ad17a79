import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/log/logger.js';
import {
  dispatchDueNotifications,
  enqueueNotification,
  notificationKey,
  startNotificationDispatcher,
  type Notification,
} from '../../src/notify/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { manyNotifications } from './samples.js';
import { waitUntil } from './wait-until.js';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.js';

const logger = createLogger('silent');
const onServer = inject('databaseUrl') !== null;

let testDatabase: TestDatabase;
let db: Db;
/** A second gateway instance: its own pool on the same database (on PGlite, the one connection). */
let otherInstance: Db;
let receiver: WebhookReceiver;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = testDatabase.db;
  otherInstance = testDatabase.url ? openDatabase({ url: testDatabase.url, dataDir: 'memory://', poolSize: 4 }).db : db;
});
afterAll(async () => {
  if (otherInstance !== db) await otherInstance.destroy();
  await testDatabase.destroy();
});
beforeEach(async () => {
  await db.deleteFrom('notification_outbox').execute();
});
afterEach(() => receiver.close());

async function enqueue(notifications: Notification[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const notification of notifications) await enqueueNotification(trx, notification);
  });
}
const undelivered = async () =>
  (await db.selectFrom('notification_outbox').select('id').where('delivered_at', 'is', null).execute()).length;

/** A fetch that counts what one dispatcher sent. */
function countingFetch(sent: string[]): typeof fetch {
  return (input, init) => {
    sent.push(new Headers(init?.headers).get('idempotency-key') ?? '');
    return fetch(input, init);
  };
}

describe('several gateway instances share one outbox', () => {
  it('two dispatchers deliver each message once between them', async () => {
    // A receiver that does not dedupe, answering a little slowly so the two overlap.
    receiver = await startWebhookReceiver({ behaviour: () => ({ status: 200, keep: true, delayMs: 5 }) });
    const notifications = manyNotifications(40);
    await enqueue(notifications);

    const sentByA: string[] = [];
    const sentByB: string[] = [];
    const options = { logger, webhookUrl: receiver.url, batchSize: 4, pollMs: 10 };
    const a = startNotificationDispatcher({ ...options, db, fetch: countingFetch(sentByA) });
    const b = startNotificationDispatcher({ ...options, db: otherInstance, fetch: countingFetch(sentByB) });
    try {
      await waitUntil(async () => (await undelivered()) === 0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }

    const received = receiver.requests.map((r) => r.key);
    expect(received).toHaveLength(notifications.length);
    expect([...received].sort()).toEqual(notifications.map(notificationKey).sort());
    expect([...sentByA, ...sentByB].sort()).toEqual([...received].sort());
    // Both did part of the work: the claims divided the rows, not a lucky head start.
    expect(sentByA.length).toBeGreaterThan(0);
    expect(sentByB.length).toBeGreaterThan(0);
  });

  // PGlite has a single connection, so one instance holding a row lock would block the other
  // outright; only a server can show a locked row being stepped over.
  it.skipIf(!onServer)('a pass steps over a row another instance holds locked, without waiting', async () => {
    receiver = await startWebhookReceiver();
    await enqueue(manyNotifications(3));
    const locked = await db.selectFrom('notification_outbox').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();

    await db.transaction().execute(async (trx) => {
      await trx.selectFrom('notification_outbox').select('id').where('id', '=', locked.id).forUpdate().execute();
      const pass = dispatchDueNotifications({ db: otherInstance, logger, webhookUrl: receiver.url });
      const giveUp = new AbortController();
      const stuck = sleep(5000, 'blocked on the locked row', { signal: giveUp.signal });
      try {
        expect(await Promise.race([pass, stuck])).toEqual({ claimed: 2, delivered: 2, failed: 0 });
      } finally {
        giveUp.abort();
        stuck.catch(() => undefined);
      }
    });
    expect(receiver.requests).toHaveLength(2);

    // Once the lock is gone, the row is delivered like any other.
    expect(await dispatchDueNotifications({ db: otherInstance, logger, webhookUrl: receiver.url })).toEqual({ claimed: 1, delivered: 1, failed: 0 });
    expect(await undelivered()).toBe(0);
  });
});
