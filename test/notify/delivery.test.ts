import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/log/logger.js';
import {
  dispatchDueNotifications,
  enqueueNotification,
  notificationKey,
  renderNotification,
  startNotificationDispatcher,
  type Notification,
} from '../../src/notify/index.js';
import { claimDueNotifications } from '../../src/notify/outbox.repository.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { manyNotifications } from './samples.js';
import { waitUntil } from './wait-until.js';
import { freePort, startWebhookReceiver, WEBHOOK_PATH, type WebhookReceiver } from './webhook-receiver.js';

const logger = createLogger('silent');
/** Small waits so a test with an outage in it still takes a couple of seconds. */
const FAST = { logger, batchSize: 5, pollMs: 20, backoff: { initialMs: 40, maxMs: 200 } };

let testDatabase: TestDatabase;
let db: Db;
let receiver: WebhookReceiver | null = null;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = testDatabase.db;
});
afterAll(() => testDatabase.destroy());
beforeEach(async () => {
  await db.deleteFrom('notification_outbox').execute();
});
afterEach(async () => {
  await receiver?.close();
  receiver = null;
});

async function enqueue(notifications: Notification[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const notification of notifications) await enqueueNotification(trx, notification);
  });
}
const outbox = () => db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();
const undelivered = async () => (await outbox()).filter((row) => row.delivered_at === null).length;

describe('delivery survives a receiver that is down for a while', () => {
  it('delivers every message exactly once per key after refusals and 503s', async () => {
    const notifications = manyNotifications(12);
    const keys = notifications.map(notificationKey).sort();
    await enqueue(notifications);

    // Down: nothing listens on the port yet, so every connection is refused.
    const port = await freePort();
    const dispatcher = startNotificationDispatcher({ ...FAST, db, webhookUrl: `http://127.0.0.1:${port}${WEBHOOK_PATH}` });
    try {
      // Every message has been refused three times (40, 80, 160 ms apart) before the receiver comes up.
      await waitUntil(async () => (await outbox()).every((row) => row.attempts >= 3));
      const refused = await outbox();
      expect(refused.map((row) => row.last_error)).toEqual(refused.map(() => expect.stringMatching(/ECONNREFUSED/)));
      expect(refused.map((row) => row.last_error).join()).not.toContain(WEBHOOK_PATH);

      // Up, but overloaded: four 503s, then one message kept whose answer is lost (503), then fine.
      receiver = await startWebhookReceiver({
        port,
        behaviour: (n) => (n <= 4 ? { status: 503, keep: false } : n === 5 ? { status: 503, keep: true } : { status: 200, keep: true }),
      });
      await waitUntil(async () => (await undelivered()) === 0);
    } finally {
      await dispatcher.stop();
    }

    const { requests, kept } = receiver;
    expect([...kept.keys()].sort()).toEqual(keys);
    for (const notification of notifications) expect(kept.get(notificationKey(notification))).toEqual(renderNotification(notification));
    // Each row was marked delivered on its first 2xx and never sent again after it.
    expect(requests.filter((r) => r.status === 200)).toHaveLength(notifications.length);
    // The one whose answer was lost came back once, and the receiver's dedupe absorbed it.
    expect(requests.filter((r) => r.duplicate)).toHaveLength(1);
    expect(requests.length).toBe(notifications.length + 5);
    for (const request of requests) {
      expect(request.contentType).toBe('application/json');
      expect(keys).toContain(request.key);
    }
    const rows = await outbox();
    expect(rows.every((row) => row.delivered_at !== null)).toBe(true);
    expect(rows.filter((row) => row.attempts > 1).length).toBeGreaterThan(0);
  }, 60_000);

  it('counts a receiver that does not answer in time as a failure', async () => {
    receiver = await startWebhookReceiver({ behaviour: () => ({ status: 200, keep: true, delayMs: 1000 }) });
    await enqueue(manyNotifications(1));
    const result = await dispatchDueNotifications({ ...FAST, db, webhookUrl: receiver.url, timeoutMs: 100 });
    expect(result).toEqual({ claimed: 1, delivered: 0, failed: 1 });
    expect(await outbox()).toEqual([expect.objectContaining({ attempts: 1, last_error: 'no answer within 100 ms', delivered_at: null })]);
  });
});

describe('a claim is a lease', () => {
  it("a dispatcher that died mid-batch leaves its rows due again once the lease runs out", async () => {
    const { url, requests } = (receiver = await startWebhookReceiver());
    await enqueue(manyNotifications(1));
    // Claimed by an instance that then crashed: never delivered, never reported.
    expect(await claimDueNotifications(db, { batchSize: 10, leaseMs: 300 })).toHaveLength(1);

    const pass = () => dispatchDueNotifications({ ...FAST, db, webhookUrl: url });
    expect(await pass()).toEqual({ claimed: 0, delivered: 0, failed: 0 });
    await waitUntil(async () => (await pass()).delivered === 1, { everyMs: 50 });
    expect(requests).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('waits for the delivery in flight and hands the rest of the batch back', async () => {
    const { url, requests } = (receiver = await startWebhookReceiver({ behaviour: () => ({ status: 200, keep: true, delayMs: 300 }) }));
    await enqueue(manyNotifications(3));
    const dispatcher = startNotificationDispatcher({ ...FAST, db, webhookUrl: url });
    await waitUntil(() => requests.length === 1);
    await dispatcher.stop();

    const rows = await outbox();
    expect(rows.map((row) => [row.attempts, row.delivered_at !== null])).toEqual([[1, true], [0, false], [0, false]]);
    const { due } = await db
      .selectFrom('notification_outbox')
      .select((eb) => eb.fn.countAll<string>().as('due'))
      .where('next_attempt_at', '<=', sql<Date>`now()`)
      .where('delivered_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(due)).toBe(2);
    await sleep(100);
    expect(requests).toHaveLength(1);
  });

  it('without a webhook URL it sends nothing, says so once, and leaves the queue alone', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    await enqueue(manyNotifications(2));
    const before = await outbox();
    const dispatcher = startNotificationDispatcher({ ...FAST, logger: createLogger('info', sink), db, webhookUrl: undefined });
    await sleep(100);
    await dispatcher.stop();
    expect(await outbox()).toEqual(before);
    expect(lines.filter((line) => line.includes('WARDEN_WEBHOOK_URL is not set'))).toHaveLength(1);
  });
});
