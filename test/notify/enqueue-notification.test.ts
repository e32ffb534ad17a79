import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { enqueueNotification, notificationKey, renderNotification } from '../../src/notify/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { SAMPLES } from './samples.js';

let testDatabase: TestDatabase;
let db: Db;
beforeAll(async () => {
  testDatabase = await createTestDatabase();
  db = testDatabase.db;
});
afterAll(() => testDatabase.destroy());
beforeEach(async () => {
  await db.deleteFrom('notification_outbox').execute();
});

const outbox = () => db.selectFrom('notification_outbox').selectAll().orderBy('id').execute();

describe('a notification is queued with the event that caused it', () => {
  it('leaves no row when the transaction rolls back', async () => {
    const failed = db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, SAMPLES.session_started);
      throw new Error('the session could not be saved');
    });
    await expect(failed).rejects.toThrow('the session could not be saved');
    expect(await outbox()).toEqual([]);
  });

  it('leaves exactly one row, due now and not yet sent, when it commits', async () => {
    const queued = await db.transaction().execute((trx) => enqueueNotification(trx, SAMPLES.session_started));
    expect(queued).toBe(true);
    const rows = await outbox();
    expect(rows).toEqual([
      expect.objectContaining({
        idempotency_key: 'session_started:ses_0001',
        kind: 'session_started',
        payload: renderNotification(SAMPLES.session_started),
        attempts: 0,
        last_error: null,
        delivered_at: null,
      }),
    ]);
    expect(rows[0]?.next_attempt_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('adds nothing for a key already queued, even from another transaction', async () => {
    await db.transaction().execute((trx) => enqueueNotification(trx, SAMPLES.session_started));
    const again = await db.transaction().execute((trx) => enqueueNotification(trx, SAMPLES.session_started));
    expect(again).toBe(false);
    expect((await outbox()).map((row) => row.idempotency_key)).toEqual(['session_started:ses_0001']);
  });

  it('control: another event of the same kind is a row of its own', async () => {
    const other = { ...SAMPLES.session_started, sessionId: 'ses_0002' };
    await db.transaction().execute(async (trx) => {
      await enqueueNotification(trx, SAMPLES.session_started);
      await enqueueNotification(trx, other);
    });
    expect((await outbox()).map((row) => row.idempotency_key)).toEqual([
      notificationKey(SAMPLES.session_started),
      notificationKey(other),
    ]);
  });
});
