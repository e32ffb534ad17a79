import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.js';
import { createLogger } from '../../src/log/logger.js';
import { dispatchDueNotifications, enqueueNotification, type Notification } from '../../src/notify/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { SAMPLES } from './samples.js';

const logger = createLogger('silent');

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

async function enqueue(notifications: Notification[]): Promise<void> {
  for (const notification of notifications) await db.transaction().execute((trx) => enqueueNotification(trx, notification));
}

/**
 * A webhook, as `fetch`, that answers 503 to the keys in `down` (until they are removed) and
 * records, in order, the keys it accepted.
 */
function webhook(down: Set<string>) {
  const accepted: string[] = [];
  const fetch: typeof globalThis.fetch = async (_input, init) => {
    const key = new Headers(init?.headers).get('idempotency-key') ?? '';
    if (down.has(key)) return new Response('service_unavailable', { status: 503 });
    accepted.push(key);
    return new Response('ok', { status: 200 });
  };
  return { accepted, pass: () => dispatchDueNotifications({ db, webhookUrl: 'http://127.0.0.1:9/hook', logger, fetch, backoff: { initialMs: 60_000, maxMs: 60_000 } }) };
}

describe('notifications about one session arrive in order', () => {
  const startedA = { ...SAMPLES.session_started, sessionId: 'ses_a' };
  const endedA = { ...SAMPLES.session_ended, sessionId: 'ses_a' };
  const startedB = { ...SAMPLES.session_started, sessionId: 'ses_b' };

  it('"session ended" waits while "session started" of the same session is undelivered', async () => {
    await enqueue([startedA, endedA, startedB]);
    const down = new Set(['session_started:ses_a']);
    const hook = webhook(down);

    await hook.pass();
    // Another session's message is not held back.
    expect(hook.accepted).toEqual(['session_started:ses_b']);
    await hook.pass();
    expect(hook.accepted).toEqual(['session_started:ses_b']);

    // The webhook is back, and the failed message is due again.
    down.clear();
    await sql`update notification_outbox set next_attempt_at = now() where delivered_at is null`.execute(db);
    await hook.pass();
    await hook.pass();
    expect(hook.accepted).toEqual(['session_started:ses_b', 'session_started:ses_a', 'session_ended:ses_a']);
  });

  it('control: messages that stand alone are not held back by an undelivered one', async () => {
    const approval = { ...SAMPLES.approval_requested, requestId: 'apr_a' };
    const denials = SAMPLES.repeated_denials;
    await enqueue([startedA, approval, denials]);
    const hook = webhook(new Set(['session_started:ses_a']));
    await hook.pass();
    expect(hook.accepted).toHaveLength(2);
    expect(hook.accepted).not.toContain('session_started:ses_a');
  });
});
