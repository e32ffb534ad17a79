import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditRows } from '../../../src/audit/append-audit-rows.js';
import { httpSink, startAuditStream, type AuditStream, type OcsfApiActivity } from '../../../src/audit/stream/index.js';
import { streamPass } from '../../../src/audit/stream/audit-streamer.js';
import { createLogger } from '../../../src/log/logger.js';
import { createGatewayMetrics } from '../../../src/metrics/gateway-metrics.js';
import { freePort } from '../../notify/webhook-receiver.js';
import { waitUntil } from '../../notify/wait-until.js';
import { capturingLogger } from '../../support/capturing-logger.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { appendRows, expectChainHolds, firstOfEach, tableSeqs } from './stream-support.js';
import { startStreamReceiver, type StreamReceiver } from './stream-receiver.js';

const logger = createLogger('silent');
const FAST = { pollMs: 20, backoff: { initialMs: 30, maxMs: 150, jitter: 0 } };
const TOKEN = 'stream-test-token-4f7c9a1e2b';

let database: TestDatabase;
let receiver: StreamReceiver | null = null;
let streams: AuditStream[] = [];
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(streams.map((s) => s.stop()));
  streams = [];
  await receiver?.close();
  receiver = null;
  await database.destroy();
});

const run = (options: Parameters<typeof startAuditStream>[0]) => {
  const stream = startAuditStream(options);
  streams.push(stream);
  return stream;
};
const kept = (r: StreamReceiver) => r.batches.filter((b) => b.kept).flatMap((b) => b.text.trim().split('\n').map((line) => JSON.parse(line) as OcsfApiActivity));
const cursor = async () => (await database.db.selectFrom('audit_stream_cursors').selectAll().execute()).map((c) => ({ destination: c.destination, chain: c.chain, last_seq: c.last_seq }));

describe('the HTTPS stream delivers every row at least once, in chain order', () => {
  it('loses no row and puts none out of order through a receiver that is down, overloaded, then loses an answer', async () => {
    await appendRows(database.db, 30, 'before');
    // Down: nothing listens on the port yet.
    const port = await freePort();
    const { logger: captured, lines } = capturingLogger('warn');
    const sink = httpSink({ url: `http://127.0.0.1:${port}/ingest`, token: TOKEN, batchEvents: 7 });
    const stream = run({ db: database.db, sinks: [sink], logger: captured, ...FAST });
    await waitUntil(() => stream.problems().length > 0);
    await appendRows(database.db, 20, 'during');

    // Up: two 503s, then one batch kept whose answer is lost (503), then fine.
    receiver = await startStreamReceiver({ port, behaviour: (n) => (n <= 2 ? { status: 503, keep: false } : n === 3 ? { status: 503, keep: true } : { status: 200, keep: true }) });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '50');
    await appendRows(database.db, 5, 'after');
    await waitUntil(async () => (await cursor())[0]?.last_seq === '55');

    const events = kept(receiver);
    const unique = firstOfEach(events);
    // Every row, each first seen in chain order.
    expect(unique.map((e) => String(e.metadata.sequence))).toEqual(await tableSeqs(database.db));
    expectChainHolds(unique);
    // The batch whose answer was lost came again, whole, with the same event ids.
    const repeated = events.length - unique.length;
    expect(repeated).toBe(7);
    // Every request's events are a contiguous ascending run.
    for (const batch of receiver.batches) {
      const seqs = batch.text.trim().split('\n').map((line) => (JSON.parse(line) as OcsfApiActivity).metadata.sequence);
      expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    }
    expect(stream.problems()).toEqual([]);
    // The failures were logged, without the token.
    expect(lines.some((line) => line.includes('audit stream delivery failed'))).toBe(true);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('resumes after a restart from the last acknowledged row, sending nothing twice after a clean stop', async () => {
    receiver = await startStreamReceiver();
    await appendRows(database.db, 12);
    const first = run({ db: database.db, sinks: [httpSink({ url: receiver.url, batchEvents: 5 })], logger, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '12');
    await first.stop();
    streams = [];

    await appendRows(database.db, 8);
    run({ db: database.db, sinks: [httpSink({ url: receiver.url, batchEvents: 5 })], logger, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '20');
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await cursor()).toEqual([{ destination: 'https', chain: 'default', last_seq: '20' }]);
  });

  it('keys the cursor by destination and chain: a second destination starts from the chain start on its own', async () => {
    receiver = await startStreamReceiver();
    await appendRows(database.db, 4);
    run({ db: database.db, sinks: [httpSink({ url: receiver.url, destination: 'siem-a' }), httpSink({ url: receiver.url, destination: 'siem-b' })], logger, ...FAST });
    // One read of the cursors: two reads could see siem-a done, then siem-b's cursor just made.
    await waitUntil(async () => {
      const cursors = await cursor();
      return cursors.length === 2 && cursors.every((c) => c.last_seq === '4');
    });
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence).sort()).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect((await cursor()).sort((a, b) => a.destination.localeCompare(b.destination))).toEqual([
      { destination: 'siem-a', chain: 'default', last_seq: '4' },
      { destination: 'siem-b', chain: 'default', last_seq: '4' },
    ]);
  });

  it('streams one destination from one instance at a time: two instances send each row once', async () => {
    receiver = await startStreamReceiver();
    const url = receiver.url;
    run({ db: database.db, sinks: [httpSink({ url, batchEvents: 3 })], logger, ...FAST });
    run({ db: database.db, sinks: [httpSink({ url, batchEvents: 3 })], logger, ...FAST });
    for (let i = 0; i < 5; i++) await appendRows(database.db, 4);
    await waitUntil(async () => (await cursor())[0]?.last_seq === '20');
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('starts a new destination after the head with WARDEN_AUDIT_STREAM_START=next', async () => {
    receiver = await startStreamReceiver();
    await appendRows(database.db, 6);
    run({ db: database.db, sinks: [httpSink({ url: receiver.url })], logger, start: 'next', ...FAST });
    await waitUntil(async () => (await cursor()).length === 1);
    await appendRows(database.db, 2);
    await waitUntil(async () => (await cursor())[0]?.last_seq === '8');
    expect(kept(receiver).map((e) => e.metadata.sequence)).toEqual([7, 8]);
  });

  it('streams on past rows missing from the table, saying so in the log, so the receiver sees the break too', async () => {
    await appendRows(database.db, 5);
    receiver = await startStreamReceiver();
    const { logger: captured, lines } = capturingLogger('warn');
    const sink = httpSink({ url: receiver.url, batchEvents: 2 });
    const lease = { destination: 'https', chain: 'default', owner: 'test', leaseMs: 60_000, start: 'first' as const };
    await streamPass(database.db, sink, lease, captured, undefined);
    // The owner removes row 3 behind the triggers' back before it was streamed.
    await database.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`delete from audit_events where chain_seq = 3`.execute(trx);
    });
    while ((await streamPass(database.db, sink, lease, captured, undefined)) === 'more');
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence)).toEqual([1, 2, 4, 5]);
    // Row 4 names a predecessor the receiver never got.
    expect(events[2]?.unmapped.warden.row.prev_hash).not.toBe(events[1]?.unmapped.warden.row.hash);
    expect(lines.some((line) => line.includes('audit stream found rows missing from the chain') && line.includes('"expectedSeq":"3"'))).toBe(true);
  });

  it('counts delivered events and the lag behind the head', async () => {
    await appendRows(database.db, 9);
    const metrics = createGatewayMetrics({ processMetrics: false });
    const port = await freePort();
    const sink = httpSink({ url: `http://127.0.0.1:${port}/ingest`, batchEvents: 4 });
    const lease = { destination: 'https', chain: 'default', owner: 'test', leaseMs: 60_000, start: 'first' as const };
    await expect(streamPass(database.db, sink, lease, logger, metrics)).rejects.toThrow(/POST to 127\.0\.0\.1:\d+ failed/);
    receiver = await startStreamReceiver({ port });
    await streamPass(database.db, sink, lease, logger, metrics);
    const text = await metrics.registry.metrics();
    expect(text).toContain('warden_audit_stream_events_total{destination="https"} 4');
    expect(text).toContain('warden_audit_stream_lag_rows{destination="https"} 5');

    // Another instance holding the lease reports the lag now; this one's would go stale.
    const other = { ...lease, owner: 'another instance' };
    await sql`update audit_stream_cursors set lease_owner = ${other.owner}, lease_until = now() + interval '1 minute' where destination = 'https'`.execute(database.db);
    expect(await streamPass(database.db, sink, lease, logger, metrics)).toBe('idle');
    expect(await metrics.registry.metrics()).not.toContain('warden_audit_stream_lag_rows{destination="https"}');
  });
});

describe('a receiver that refuses requests as too large (HTTP 413) does not stop the stream', () => {
  const bodyLimit = 6_000;
  const lease = { destination: 'https', chain: 'default', owner: 'test', leaseMs: 60_000, start: 'first' as const };
  const refused = (r: StreamReceiver) => r.batches.filter((b) => b.status === 413);

  it('halves a refused request until the receiver takes it, keeps later requests under what it refused, and says to lower the batch bytes', async () => {
    receiver = await startStreamReceiver({ maxBodyBytes: bodyLimit });
    await appendRows(database.db, 40);
    const { logger: captured, lines } = capturingLogger('warn');
    const metrics = createGatewayMetrics({ processMetrics: false });
    const stream = run({ db: database.db, sinks: [httpSink({ url: receiver.url, batchEvents: 20 })], logger: captured, metrics, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '40');
    expect(refused(receiver).length).toBeGreaterThan(0);

    // What it refused once, it is not sent again at that size.
    const refusedBefore = refused(receiver).length;
    await appendRows(database.db, 40);
    await waitUntil(async () => (await cursor())[0]?.last_seq === '80');
    expect(refused(receiver).length).toBe(refusedBefore);

    // Every row once, in order, whole: a refused request was not kept, so nothing came twice.
    const events = kept(receiver);
    expect(events.map((e) => String(e.metadata.sequence))).toEqual(await tableSeqs(database.db));
    expect(events.every((e) => e.unmapped.warden.withheld === undefined)).toBe(true);
    expectChainHolds(events);
    for (const batch of receiver.batches.filter((b) => b.kept)) expect(Buffer.byteLength(batch.text)).toBeLessThanOrEqual(bodyLimit);
    expect(stream.problems()).toEqual([]);
    // Said once, though the first batch was halved more than once.
    const told = lines.filter((line) => line.includes('refused a request as too large'));
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('WARDEN_AUDIT_STREAM_BATCH_BYTES');
    // Nothing withheld, and the counter says so from the start (an alert on its increase needs the series).
    expect(await metrics.registry.metrics()).toContain('warden_audit_stream_withheld_total{destination="https"} 0');
  });

  it('sends an event too large alone without its details and long summary, saying what was left out, and streams on past it', async () => {
    receiver = await startStreamReceiver({ maxBodyBytes: bodyLimit });
    await appendRows(database.db, 3, 'before');
    const objectIds = Array.from({ length: 1_000 }, (_, i) => `usr_${String(i).padStart(5, '0')}`);
    const summary = `Agent Sarah Lee searched ${'for something long '.repeat(100)}`;
    const operation = `SearchUsers${'Q'.repeat(1_200)}`;
    await database.db.transaction().execute((trx) =>
      appendAuditRows(trx, [{ kind: 'field_read', actor_kind: 'staff', actor_id: 'stf_sarah', actor_name: 'Sarah Lee', type_field: 'User.email', operation, details: { objectIds }, summary }]),
    );
    await appendRows(database.db, 3, 'after');
    const { logger: captured, lines } = capturingLogger('warn');
    const metrics = createGatewayMetrics({ processMetrics: false });
    run({ db: database.db, sinks: [httpSink({ url: receiver.url })], logger: captured, metrics, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '7');

    // Each once: what was refused was not kept, and nothing accepted was sent again.
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const large = events[3]!;
    const stored = await database.db.selectFrom('audit_events').select(['hash', 'prev_hash']).where('chain_seq', '=', '4').executeTakeFirstOrThrow();
    // The row's place in the chain, who and what are kept; what made it large is named and sized.
    expect(large.unmapped.warden.row).toMatchObject({ chain_seq: '4', kind: 'field_read', actor_id: 'stf_sarah', type_field: 'User.email', hash: stored.hash, prev_hash: stored.prev_hash });
    expect(large.unmapped.warden.row).not.toHaveProperty('details');
    expect(large.unmapped.warden.row).not.toHaveProperty('summary');
    expect(large.unmapped.warden.withheld?.reason).toMatch(/HTTP 413/);
    expect(large.unmapped.warden.withheld?.bytes.details).toBeGreaterThan(bodyLimit);
    expect(large.unmapped.warden.withheld?.bytes.summary).toBe(Buffer.byteLength(summary));
    expect(large.message).toContain('withheld');
    // No long text left anywhere in the event: the operation it repeats outside the row names the kind.
    expect(large.unmapped.warden.withheld?.bytes.operation).toBe(operation.length);
    expect(large.api.operation).toBe('field_read');
    expect(JSON.stringify(large)).not.toContain('for something long');
    expect(JSON.stringify(large)).not.toContain('QQQQQQQQQQ');
    // The others whole; the links hold across the withheld one.
    expect(events.filter((e) => e.unmapped.warden.withheld).map((e) => e.metadata.sequence)).toEqual([4]);
    expectChainHolds(events);
    expect(lines.some((line) => line.includes('audit event sent without its details') && line.includes(large.metadata.uid))).toBe(true);
    expect(await metrics.registry.metrics()).toContain('warden_audit_stream_withheld_total{destination="https"} 1');
  });

  it('waits on an event refused even without its details, with a sentence saying what to do, and sends it whole once the limit is raised', async () => {
    let limit = 200;
    receiver = await startStreamReceiver({ maxBodyBytes: () => limit });
    await appendRows(database.db, 2);
    const sink = httpSink({ url: receiver.url });
    await expect(streamPass(database.db, sink, lease, logger, undefined)).rejects.toThrow(
      /refused audit event default:1:[0-9a-f]{16} as too large \(HTTP 413\) even with its details left out \(\d+ bytes\): raise the receiver's request size limit/,
    );
    // It was offered without its details before the stream gave up on it.
    expect(refused(receiver).some((b) => b.text.includes('"withheld"'))).toBe(true);
    expect(kept(receiver)).toEqual([]);
    expect((await cursor())[0]?.last_seq ?? '0').toBe('0');

    // The operator raises the limit: the next pass sends both events whole.
    limit = 1_000_000;
    await streamPass(database.db, sink, lease, logger, undefined);
    const events = kept(receiver);
    expect(events.map((e) => e.metadata.sequence)).toEqual([1, 2]);
    expect(events.every((e) => e.unmapped.warden.withheld === undefined)).toBe(true);
    expectChainHolds(events);
  });

  it('keeps a refused size for ten minutes, then tries full size again: a limit raised meanwhile gets events whole without a restart', async () => {
    // Takes a large event only without its details.
    let limit = 3_000;
    receiver = await startStreamReceiver({ maxBodyBytes: () => limit });
    let clock = Date.parse('2026-12-07T08:00:00Z');
    const sink = httpSink({ url: receiver.url, now: () => clock });
    const large = (label: string) =>
      database.db.transaction().execute((trx) =>
        appendAuditRows(trx, [{ kind: 'field_read', actor_kind: 'staff', actor_id: 'stf_sarah', actor_name: 'Sarah Lee', details: { objectIds: Array.from({ length: 600 }, (_, i) => `usr_${i}`) }, summary: label }]),
      );
    await large('first large');
    await streamPass(database.db, sink, lease, logger, undefined);
    expect(kept(receiver).map((e) => e.unmapped.warden.withheld !== undefined)).toEqual([true]);

    // Raised, but within ten minutes of the refusal: an event as large goes withheld at once.
    limit = 1_000_000;
    clock += 9 * 60_000;
    await large('second large');
    const refusedBefore = refused(receiver).length;
    await streamPass(database.db, sink, lease, logger, undefined);
    expect(refused(receiver).length).toBe(refusedBefore);
    expect(kept(receiver).map((e) => e.unmapped.warden.withheld !== undefined)).toEqual([true, true]);

    // Past ten minutes: tried whole, and taken whole.
    clock += 2 * 60_000;
    await large('third large');
    await streamPass(database.db, sink, lease, logger, undefined);
    expect(kept(receiver).map((e) => e.unmapped.warden.withheld !== undefined)).toEqual([true, true, false]);
    expectChainHolds(kept(receiver));
  });
});

describe('the presets shape the requests as their receivers document', () => {
  it('splunk-hec: batched {"time","source","sourcetype","event"} objects with Authorization: Splunk <token>', async () => {
    receiver = await startStreamReceiver({ path: '/services/collector/event' });
    await appendRows(database.db, 3);
    run({ db: database.db, sinks: [httpSink({ url: receiver.url, preset: 'splunk-hec', token: TOKEN })], logger, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '3');
    const [batch] = receiver.batches;
    expect(batch?.headers['authorization']).toBe(`Splunk ${TOKEN}`);
    const entries = (batch?.text.trim().split('\n') ?? []).map((line) => JSON.parse(line) as { time: number; source: string; sourcetype: string; event: OcsfApiActivity });
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toEqual({ time: entry.event.time / 1000, source: 'warden', sourcetype: 'ocsf:api_activity', event: expect.objectContaining({ class_uid: 6003 }) });
    }
  });

  it('datadog: a JSON array within the byte limit, each log the event under `ocsf` with Datadog’s own attributes, DD-API-KEY header', async () => {
    receiver = await startStreamReceiver({ path: '/api/v2/logs' });
    await appendRows(database.db, 25);
    const maxBytes = 4_000;
    run({ db: database.db, sinks: [httpSink({ url: receiver.url, preset: 'datadog', token: TOKEN, batchBytes: maxBytes })], logger, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '25');
    expect(receiver.batches.length).toBeGreaterThan(1);
    const logs: Array<{ ddsource: string; service: string; timestamp: number; message: string; status: string; ocsf: OcsfApiActivity }> = [];
    for (const batch of receiver.batches) {
      expect(batch.headers['dd-api-key']).toBe(TOKEN);
      expect(batch.headers['content-type']).toBe('application/json');
      expect(Buffer.byteLength(batch.text)).toBeLessThanOrEqual(maxBytes);
      logs.push(...(JSON.parse(batch.text) as typeof logs));
    }
    expect(logs.map((log) => log.ocsf.metadata.sequence)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expectChainHolds(logs.map((log) => log.ocsf));
    expect(logs[0]).toMatchObject({ ddsource: 'warden', service: 'warden', timestamp: logs[0]?.ocsf.time, message: 'event 0', status: 'info', ocsf: { class_uid: 6003 } });
  });

  it('jsonl: one event per line, Authorization: Bearer <token>, and an idempotency key naming the batch', async () => {
    receiver = await startStreamReceiver();
    await appendRows(database.db, 2);
    run({ db: database.db, sinks: [httpSink({ url: receiver.url, token: TOKEN, headers: { 'x-tenant': 'acme' } })], logger, ...FAST });
    await waitUntil(async () => (await cursor())[0]?.last_seq === '2');
    const [batch] = receiver.batches;
    expect(batch?.headers).toMatchObject({ authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-ndjson', 'x-tenant': 'acme' });
    const events = kept(receiver);
    expect(batch?.headers['idempotency-key']).toBe(`${events[0]?.metadata.uid}..${events[1]?.metadata.uid}`);
  });
});
