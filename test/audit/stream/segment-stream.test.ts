import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointSigner, generateCheckpointKeyPair } from '../../../src/audit/checkpoint-signature.js';
import { segmentSink, startAuditStream, verifySegments, type AuditStream } from '../../../src/audit/stream/index.js';
import { streamPass } from '../../../src/audit/stream/audit-streamer.js';
import { createLogger } from '../../../src/log/logger.js';
import { waitUntil } from '../../notify/wait-until.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { appendRows } from './stream-support.js';

const logger = createLogger('silent');
const ROOT = new URL('../../../', import.meta.url);
const PAIR = generateCheckpointKeyPair();
const SIGNER = checkpointSigner(PAIR.privateKey);
const FAST = { pollMs: 20, backoff: { initialMs: 30, maxMs: 150, jitter: 0 } };
const LEASE = { destination: 'segments', chain: 'default', owner: 'test', leaseMs: 60_000, start: 'first' as const };

let database: TestDatabase;
let dir: string;
let stream: AuditStream | null = null;
beforeEach(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'warden-segments-'));
});
afterEach(async () => {
  await stream?.stop();
  stream = null;
  await database.destroy();
  rmSync(dir, { recursive: true, force: true });
});

const segments = () => readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
const cursorSeq = async () => (await database.db.selectFrom('audit_stream_cursors').select('last_seq').executeTakeFirst())?.last_seq;

/** Writes the rows after the cursor as segments of at most `rows`, at once. */
async function writeSegments(rows: number): Promise<void> {
  const sink = segmentSink({ directory: dir, signer: SIGNER, segmentRows: rows, segmentMaxAgeMs: 0 });
  while ((await streamPass(database.db, sink, LEASE, logger, undefined)) === 'more');
}

describe('the segment sink writes sealed, signed segments that verify offline', () => {
  it('writes a segment once it is full, and a shorter one once its oldest row has waited long enough; the whole chain verifies', async () => {
    await appendRows(database.db, 25);
    const patient = segmentSink({ directory: dir, signer: SIGNER, segmentRows: 10, segmentMaxAgeMs: 3_600_000 });
    while ((await streamPass(database.db, patient, LEASE, logger, undefined)) === 'more');
    // Two full segments; the five rows left wait for more (their oldest is younger than an hour).
    expect(segments()).toEqual([
      'warden-audit-default-00000000000000000001-00000000000000000010.jsonl',
      'warden-audit-default-00000000000000000011-00000000000000000020.jsonl',
    ]);
    expect(await cursorSeq()).toBe('20');
    // A sink that lets rows wait no time at all writes them.
    await streamPass(database.db, segmentSink({ directory: dir, signer: SIGNER, segmentRows: 10, segmentMaxAgeMs: 0 }), LEASE, logger, undefined);
    expect(await cursorSeq()).toBe('25');
    expect(segments()).toHaveLength(3);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(await verifySegments(dir, [PAIR.publicKey])).toMatchObject({ segments: 3, firstSeq: '1', lastSeq: '25', problems: [] });
  });

  it('streams in the background as rows come, resuming after a restart', async () => {
    stream = startAuditStream({ db: database.db, sinks: [segmentSink({ directory: dir, signer: SIGNER, segmentRows: 4, segmentMaxAgeMs: 0 })], logger, ...FAST });
    await appendRows(database.db, 6);
    await waitUntil(async () => (await cursorSeq()) === '6');
    await stream.stop();
    await appendRows(database.db, 3);
    stream = startAuditStream({ db: database.db, sinks: [segmentSink({ directory: dir, signer: SIGNER, segmentRows: 4, segmentMaxAgeMs: 0 })], logger, ...FAST });
    await waitUntil(async () => (await cursorSeq()) === '9');
    expect(await verifySegments(dir, [PAIR.publicKey])).toMatchObject({ firstSeq: '1', lastSeq: '9', problems: [] });
  });

  it('writes what is waiting when the gateway stops', async () => {
    stream = startAuditStream({ db: database.db, sinks: [segmentSink({ directory: dir, signer: SIGNER, segmentRows: 100, segmentMaxAgeMs: 3_600_000 })], logger, ...FAST });
    await appendRows(database.db, 3);
    await stream.stop();
    stream = null;
    expect(segments()).toEqual(['warden-audit-default-00000000000000000001-00000000000000000003.jsonl']);
    expect(await cursorSeq()).toBe('3');
  });

  it('holds each row as the table has it, its events in a seal-covered body, the seal last', async () => {
    await appendRows(database.db, 2);
    await writeSegments(10);
    const [name = ''] = segments();
    const lines = readFileSync(path.join(dir, name), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(3);
    const stored = await database.db.selectFrom('audit_events').selectAll().orderBy('chain_seq').execute();
    const rows = lines.slice(0, 2).map((line) => (JSON.parse(line) as { unmapped: { warden: { row: Record<string, unknown> } } }).unmapped.warden.row);
    // As hashed: chain 0's rows carry no chain_id (their hash never covered one).
    expect(stored.every((row) => row.chain_id === 0)).toBe(true);
    expect(rows).toEqual(stored.map(({ chain_id: _chain, ...row }) => ({ ...row, occurred_at: row.occurred_at.toISOString() })));
    expect(JSON.parse(lines[2] ?? '')).toEqual({
      seal: expect.objectContaining({ format: 'warden-audit-segment-v1', chain: 'default', firstSeq: '1', lastSeq: '2', count: 2, lastHash: stored[1]?.hash, keyId: SIGNER.keyId, scheme: 'ed25519-v2' }),
    });
  });

  it('finds a row changed in a segment, a segment removed, and a seal signed with another key', async () => {
    await appendRows(database.db, 9);
    await writeSegments(3);
    expect(await verifySegments(dir, [PAIR.publicKey])).toMatchObject({ segments: 3, problems: [] });
    const [first = '', second = '', third = ''] = segments();

    const text = readFileSync(path.join(dir, first), 'utf8');
    // The row's own summary (the event's `message` says the same, and is left alone).
    writeFileSync(path.join(dir, first), text.replace('"summary":"event 1"', '"summary":"event one"'));
    rmSync(path.join(dir, second));
    const report = await verifySegments(dir, [PAIR.publicKey]);
    expect(report.problems).toEqual([
      { kind: 'events-altered', file: first },
      { kind: 'altered-row', file: first, seq: '2' },
      { kind: 'gap', file: third, expectedSeq: '4', foundSeq: '7' },
    ]);
    const other = generateCheckpointKeyPair();
    expect((await verifySegments(dir, [other.publicKey])).problems).toContainEqual({ kind: 'unknown-key', file: third, keyId: SIGNER.keyId });
  });

  it('accepts a segment written again after a crash (the cursor not yet moved) where it agrees with the first', async () => {
    await appendRows(database.db, 4);
    await writeSegments(10);
    // The crash: the segment is on disk, the cursor never moved. More rows came meanwhile.
    await database.db.updateTable('audit_stream_cursors').set({ last_seq: '0', last_hash: null }).execute();
    await appendRows(database.db, 3);
    await writeSegments(10);
    expect(segments()).toEqual([
      'warden-audit-default-00000000000000000001-00000000000000000004.jsonl',
      'warden-audit-default-00000000000000000001-00000000000000000007.jsonl',
    ]);
    expect(await verifySegments(dir, [PAIR.publicKey])).toMatchObject({ firstSeq: '1', lastSeq: '7', problems: [] });
  });

  it('npm run audit:verify -- --segments checks a directory with no database, exit 0 when whole and 1 when not', async () => {
    await appendRows(database.db, 5);
    await writeSegments(2);
    const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', WARDEN_AUDIT_CHECKPOINT_KEY: PAIR.privateKey };
    const verify = (...args: string[]) =>
      promisify(execFile)('npm', ['run', '--silent', 'audit:verify', '--', '--segments', dir, ...args], { cwd: ROOT, env, timeout: 60_000 }).then(
        ({ stdout }) => ({ code: 0, out: stdout }),
        (error: { code: number; stderr: string }) => ({ code: error.code, out: error.stderr }),
      );
    const whole = await verify('--key', PAIR.publicKey);
    expect(whole).toMatchObject({ code: 0, out: expect.stringContaining('are intact: 3 segments, rows 1 to 5') });
    rmSync(path.join(dir, segments()[1] ?? ''));
    const broken = await verify('--key', PAIR.publicKey);
    expect(broken).toMatchObject({ code: 1, out: expect.stringContaining('Rows 3 to 4 are in no segment') });
  });
});
