/**
 * The audit writer micro-benchmark: the same realistic rows appended to the real, partitioned,
 * indexed audit_events table four ways, each a whole append as the gateway does it (lock the
 * chain head, hash each row onto the chain, insert, move the head, commit):
 *
 * - `copy (copyAuditRows)`: the audit trail's group commit as it ships on a real server;
 * - `values (appendAuditRows)`: the writer for a mutation's rows (inside the change's
 *   transaction) and for the embedded database: Kysely multi-row VALUES;
 * - `values`: multi-row VALUES on node-postgres, chunked under PostgreSQL's 65,535 bind parameters;
 * - `unnest`: one INSERT … SELECT FROM unnest($1::bigint[], …), 21 parameters whatever the size;
 * - `copy`: COPY … FROM STDIN in text format through pg-copy-streams (the shipped writer COPYs in
 *   binary, rows streamed as they are hashed).
 *
 * Methods alternate within each cycle so table growth does not favour one.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { appendAuditRows, chainAuditRows, type AuditRowInput } from '../src/audit/append-audit-rows.js';
import { copyAuditRows } from '../src/audit/copy-audit-rows.js';
import { canonicalJson } from '../src/audit/canonical-json.js';
import type { Db } from '../src/db/database.js';
import type { GatewayRows } from './gateway-rows.js';
import { processTreeCpuUs } from './support/process-cpu.js';
import { round, spread, type Spread } from './support/stats.js';

export const WRITER_METHODS = ['copy (copyAuditRows, as shipped)', 'values (appendAuditRows, as shipped)', 'values', 'unnest', 'copy'] as const;
export type WriterMethod = (typeof WRITER_METHODS)[number];

export interface WriterCell {
  method: WriterMethod;
  batch: number;
  appends: number;
  rowsPerSecond: Spread | null;
  /**
   * The insert statement(s) alone, without the lock, hashing and commit: what the database
   * takes. Null for the shipped writer, whose steps cannot be timed apart from outside.
   */
  insertOnlyRowsPerSecond: Spread | null;
  /** Why the method could not append a batch this size (e.g. too many bind parameters). */
  error: string | null;
  /**
   * CPU per row over the cell's appends, µs: this process (hashing, serialising, the driver)
   * and the PostgreSQL cluster (null unless it is the throwaway cluster). Less disturbed than
   * rows a second by other processes on a shared machine.
   */
  cpuUsPerRow: { process: number; database: number | null } | null;
}

export interface WriterResult {
  /** Average row size as stored in `details` + `summary` (JSON characters). */
  averageRowChars: number;
  /** Only hashing rows onto the chain, no database: the ceiling for any method. */
  hashOnlyRowsPerSecond: number;
  cells: WriterCell[];
  /** The most rows a second at the largest batch. */
  winner: { method: WriterMethod; batch: number; rowsPerSecond: number } | null;
  /**
   * What bounds the writer, at the largest batch: the shipped COPY writer with slim rows (one
   * object each, no list), and the same writer appending the realistic rows to a plain copy of
   * the table (same columns and compression; no indexes, partitions or triggers): what the
   * indexes cost.
   */
  bounds: { slimRowChars: number; slimRowsPerSecond: Spread | null; plainTableRowsPerSecond: Spread | null } | null;
  /**
   * The rows the gateway writes today (bench/gateway-rows.ts: a session's start, the list and
   * nested reads in it, its end), repeated to the largest batch and appended by the shipped
   * writer, alternating with the synthetic sample in the same cycles (its own rows a second and
   * CPU here, to compare within one stretch of the machine's time). Null when not captured.
   */
  gatewayRows: {
    perRequest: GatewayRows['perRequest'];
    averageRowChars: number;
    batch: number;
    rowsPerSecond: Spread | null;
    cpuUsPerRow: { process: number; database: number | null } | null;
    synthetic: { rowsPerSecond: Spread | null; cpuUsPerRow: { process: number; database: number | null } | null };
  } | null;
}

/** The table's columns in insert order, with their types for unnest. */
const COLUMNS = [
  ['chain_seq', 'bigint'],
  ['occurred_at', 'timestamptz'],
  ['kind', 'text'],
  ['actor_kind', 'text'],
  ['actor_id', 'text'],
  ['actor_name', 'text'],
  ['subject_user_id', 'text'],
  ['account_id', 'text'],
  ['session_id', 'text'],
  ['request_id', 'text'],
  ['reason', 'text'],
  ['operation', 'text'],
  ['type_field', 'text'],
  ['path', 'text'],
  ['data_class', 'text'],
  ['decision', 'text'],
  ['policy_version', 'integer'],
  ['details', 'jsonb'],
  ['summary', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
] as const;
type Column = (typeof COLUMNS)[number][0];
type ChainedRow = Record<Column, string | number | null>;
const COLUMN_LIST = COLUMNS.map(([name]) => name).join(', ');
const MAX_PARAMETERS = 65_535;
const VALUES_CHUNK = Math.floor(MAX_PARAMETERS / COLUMNS.length);

export async function measureAuditWriter(options: {
  db: Db;
  url: string;
  batches: number[];
  seconds: number;
  postmasterPid: number | null;
  /** The gateway's own rows, to append beside the synthetic sample (`captureGatewayRows`). */
  gatewayRows?: GatewayRows | null;
}): Promise<WriterResult> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const pool = new pg.Pool({ connectionString: options.url, max: 1 });
  // As in planOf (auditor-queries.ts): a dropped idle client must not end the run.
  pool.on('error', () => {});
  client.on('error', () => {});
  try {
    const largest = Math.max(...options.batches);
    const sample = realisticRows(largest);
    const averageRowChars = sample.reduce((n, r) => n + JSON.stringify(r.details).length + r.summary.length, 0) / sample.length;

    chain(sample, '0', '0'.repeat(64)); // once to warm up, then timed
    const hashStart = process.hrtime.bigint();
    chain(sample, '0', '0'.repeat(64));
    const hashOnlyRowsPerSecond = sample.length / (Number(process.hrtime.bigint() - hashStart) / 1e9);

    // Each resolves to the seconds its insert statements took (null: not timed apart).
    const append: Record<WriterMethod, (rows: AuditRowInput[]) => Promise<number | null>> = {
      'copy (copyAuditRows, as shipped)': (rows) => copyAuditRows(pool, rows).then(() => null),
      'values (appendAuditRows, as shipped)': (rows) => options.db.transaction().execute((trx) => appendAuditRows(trx, rows)).then(() => null),
      values: (rows) => inTransaction(client, rows, (chained) => insertValues(client, chained)),
      unnest: (rows) => inTransaction(client, rows, (chained) => insertUnnest(client, chained)),
      copy: (rows) => inTransaction(client, rows, (chained) => insertCopy(client, chained)),
    };

    const cells: WriterCell[] = [];
    for (const batch of options.batches) {
      const rows = sample.slice(0, batch);
      const timings = new Map<WriterMethod, number[]>(WRITER_METHODS.map((m) => [m, []]));
      const insertTimings = new Map<WriterMethod, number[]>(WRITER_METHODS.map((m) => [m, []]));
      const cpu = new Map<WriterMethod, CpuUsed>(WRITER_METHODS.map((m) => [m, { process: 0, database: 0, rows: 0 }]));
      const errors = new Map<WriterMethod, string>();
      const deadline = Date.now() + options.seconds * 1000 * WRITER_METHODS.length;
      for (let cycle = 0; cycle < 1000 && (cycle < 3 || Date.now() < deadline); cycle++) {
        for (const method of WRITER_METHODS) {
          if (errors.has(method)) continue;
          let appended: { rowsPerSecond: number; result: number | null };
          try {
            appended = await timedAppend(() => append[method](rows), batch, options.postmasterPid, cpu.get(method)!);
          } catch (error) {
            errors.set(method, error instanceof Error ? error.message : String(error));
            continue;
          }
          timings.get(method)?.push(appended.rowsPerSecond);
          if (appended.result !== null) insertTimings.get(method)?.push(batch / appended.result);
        }
      }
      for (const method of WRITER_METHODS) {
        const seen = timings.get(method) ?? [];
        const inserts = insertTimings.get(method) ?? [];
        cells.push({
          method,
          batch,
          appends: seen.length,
          rowsPerSecond: seen.length ? roundSpread(spread(seen)) : null,
          insertOnlyRowsPerSecond: inserts.length ? roundSpread(spread(inserts)) : null,
          error: errors.get(method) ?? null,
          cpuUsPerRow: cpuPerRow(cpu.get(method)),
        });
      }
    }
    // The winner: the most rows a second at the largest batch (methods that failed there drop out).
    const best = cells
      .filter((c) => c.batch === largest && c.rowsPerSecond)
      .sort((a, b) => (b.rowsPerSecond?.median ?? 0) - (a.rowsPerSecond?.median ?? 0))[0];
    const gatewayRows = options.gatewayRows ? await measureGatewayRows(pool, options.gatewayRows, sample, options.seconds, options.postmasterPid) : null;
    const bounds = await measureBounds(client, pool, options.url, sample, options.seconds);
    return {
      averageRowChars: Math.round(averageRowChars),
      hashOnlyRowsPerSecond: Math.round(hashOnlyRowsPerSecond),
      cells,
      winner: best?.rowsPerSecond ? { method: best.method, batch: largest, rowsPerSecond: best.rowsPerSecond.median } : null,
      bounds,
      gatewayRows,
    };
  } finally {
    await client.end();
    await pool.end();
  }
}

async function measureBounds(client: pg.Client, pool: pg.Pool, url: string, sample: AuditRowInput[], seconds: number): Promise<WriterResult['bounds']> {
  const slim = sample.map((row, i) => ({ ...row, details: { count: 1, objectIds: [`usr_${String(i % 100_000).padStart(5, '0')}`], paths: ['account.users[0].phone'] }, summary: 'Agent Sarah Lee read User.phone once (masked) as Tom Baker (Acme Co): usr_00001' }));
  const slimRowChars = Math.round(slim.reduce((n, r) => n + JSON.stringify(r.details).length + r.summary.length, 0) / slim.length);
  const timed = async (write: (rows: AuditRowInput[]) => Promise<void>, rows: AuditRowInput[]) => {
    const rates: number[] = [];
    const deadline = Date.now() + seconds * 1000;
    for (let i = 0; i < 100 && (i < 3 || Date.now() < deadline); i++) {
      const start = process.hrtime.bigint();
      await write(rows);
      rates.push(rows.length / (Number(process.hrtime.bigint() - start) / 1e9));
    }
    return rates.length ? roundSpread(spread(rates)) : null;
  };
  const slimRowsPerSecond = await timed((rows) => copyAuditRows(pool, rows), slim);
  // The shipped writer itself, pointed by search_path at a plain table and a head of its own.
  await client.query('create schema bench_plain');
  await client.query('create table bench_plain.audit_events (like audit_events including defaults including compression)');
  await client.query('create table bench_plain.audit_chain_heads (like audit_chain_heads including all)');
  await client.query('insert into bench_plain.audit_chain_heads select * from audit_chain_heads');
  // The function the writer holds a head with, there too (it finds the head table by search_path).
  const held = await client.query<{ definition: string }>(`select pg_get_functiondef('audit_hold_chain_head'::regproc) as definition`);
  await client.query(held.rows[0]!.definition.replace(/FUNCTION [a-z_]+\.audit_hold_chain_head/, 'FUNCTION bench_plain.audit_hold_chain_head'));
  const plain = new pg.Pool({ connectionString: url, max: 1, options: '-c search_path=bench_plain' });
  plain.on('error', () => {});
  try {
    const plainTableRowsPerSecond = await timed((rows) => copyAuditRows(plain, rows), sample);
    return { slimRowChars, slimRowsPerSecond, plainTableRowsPerSecond };
  } finally {
    await plain.end();
    await client.query('drop schema bench_plain cascade');
  }
}

/**
 * The gateway's rows and the synthetic sample, the same number of each, by the shipped writer
 * in turn (which goes first alternates), CPU read outside the timed window as in the cells.
 */
async function measureGatewayRows(pool: pg.Pool, captured: GatewayRows, synthetic: AuditRowInput[], seconds: number, postmasterPid: number | null): Promise<WriterResult['gatewayRows']> {
  // As the gateway hands them over: `details` built in canonical key order (read back from
  // jsonb its keys come in jsonb's order, which canonical JSON would sort again on every append).
  const own = captured.rows.map((row) => ({ ...row, details: JSON.parse(canonicalJson(row.details)) as Record<string, unknown> }));
  if (own.length === 0) return null;
  const gateway = Array.from({ length: synthetic.length }, (_, i) => own[i % own.length]!);
  const ours = { rows: gateway, rates: [] as number[], used: { process: 0, database: 0, rows: 0 } as CpuUsed };
  const theirs = { rows: synthetic, rates: [] as number[], used: { process: 0, database: 0, rows: 0 } as CpuUsed };
  const deadline = Date.now() + seconds * 1000 * 2;
  for (let cycle = 0; cycle < 1000 && (cycle < 3 || Date.now() < deadline); cycle++) {
    for (const kind of cycle % 2 === 0 ? [ours, theirs] : [theirs, ours]) {
      kind.rates.push((await timedAppend(() => copyAuditRows(pool, kind.rows), kind.rows.length, postmasterPid, kind.used)).rowsPerSecond);
    }
  }
  return {
    perRequest: captured.perRequest,
    averageRowChars: Math.round(own.reduce((n, r) => n + JSON.stringify(r.details).length + r.summary.length, 0) / own.length),
    batch: gateway.length,
    rowsPerSecond: ours.rates.length ? roundSpread(spread(ours.rates)) : null,
    cpuUsPerRow: cpuPerRow(ours.used),
    synthetic: { rowsPerSecond: theirs.rates.length ? roundSpread(spread(theirs.rates)) : null, cpuUsPerRow: cpuPerRow(theirs.used) },
  };
}

/** CPU appends took, in µs: this process's and the cluster's (null once it could not be read), over `rows` rows. */
interface CpuUsed {
  process: number;
  database: number | null;
  rows: number;
}

/**
 * One append of `rows` rows, timed by the clock, its CPU added to `used` (nothing added if it
 * fails). PostgreSQL's CPU is read from /proc for every process of the cluster, about 1.3 ms of
 * this process's time: outside the timed window and this process's CPU.
 */
async function timedAppend<T>(append: () => Promise<T>, rows: number, postmasterPid: number | null, used: CpuUsed): Promise<{ rowsPerSecond: number; result: T }> {
  const databaseBefore = processTreeCpuUs(postmasterPid);
  const processBefore = process.cpuUsage();
  const start = process.hrtime.bigint();
  const result = await append();
  const rowsPerSecond = rows / (Number(process.hrtime.bigint() - start) / 1e9);
  const processUsed = process.cpuUsage(processBefore);
  const databaseAfter = processTreeCpuUs(postmasterPid);
  used.process += processUsed.user + processUsed.system;
  used.database = used.database === null || databaseBefore === null || databaseAfter === null ? null : used.database + databaseAfter - databaseBefore;
  used.rows += rows;
  return { rowsPerSecond, result };
}

function cpuPerRow(used: CpuUsed | undefined): WriterCell['cpuUsPerRow'] {
  if (!used || used.rows === 0) return null;
  return { process: round(used.process / used.rows, 1), database: used.database === null ? null : round(used.database / used.rows, 1) };
}

function roundSpread(s: Spread): Spread {
  return { median: Math.round(s.median), min: Math.round(s.min), max: Math.round(s.max), stdev: round(s.stdev, 0), n: s.n };
}

/**
 * What one request of an agent in a session writes: one row per (field, decision), most with a
 * few object ids, one in four from a list (200 ids and 20 paths kept, as the recorder bounds them).
 */
function realisticRows(count: number): AuditRowInput[] {
  const requestId = randomUUID();
  const fields = ['Invoice.createdAt', 'User.email', 'PaymentMethod.cardNumber', 'User.name', 'Invoice.number', 'Account.region', 'User.phone', 'PaymentMethod.billingAddress'];
  return Array.from({ length: count }, (_, i) => {
    const list = i % 4 === 0;
    const typeField = fields[i % fields.length] ?? 'Invoice.number';
    const ids = Array.from({ length: list ? 200 : 1 + (i % 5) }, (_, j) => `inv_${String((i * 31 + j) % 100_000).padStart(5, '0')}`);
    const paths = Array.from({ length: list ? 20 : 1 }, (_, j) => `account.invoices[${j}].${typeField.split('.')[1]}`);
    const decision = i % 3 === 0 ? 'masked' : 'allowed';
    return {
      kind: 'field_read',
      actor_kind: 'staff',
      actor_id: 'stf_sarah',
      actor_name: 'Sarah Lee',
      subject_user_id: 'usr_tom',
      account_id: 'acc_acme',
      session_id: 'ses_bench_writer',
      request_id: requestId,
      policy_version: 0,
      type_field: typeField,
      data_class: decision === 'masked' ? 'pii' : 'internal',
      decision,
      path: paths[0] ?? null,
      details: { count: list ? 1000 : ids.length, objectIds: ids, paths },
      summary: `Agent Sarah Lee read ${typeField} ${list ? '1000 times' : 'once'} (${decision === 'masked' ? 'masked' : 'shown'}) as Tom Baker (Acme Co): ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''}`,
    };
  });
}

/** The chain step of appendAuditRows itself, with times as text for the raw methods. */
function chain(rows: readonly AuditRowInput[], lastSeq: string, lastHash: string): { rows: ChainedRow[]; seq: bigint; hash: string } {
  const chained = chainAuditRows(rows, lastSeq, lastHash);
  return { rows: chained.rows.map((row) => ({ ...row, occurred_at: row.occurred_at.toISOString() })), seq: BigInt(chained.lastSeq), hash: chained.lastHash };
}

/** The append as appendAuditRows does it, on a raw connection; resolves to the insert's seconds. */
async function inTransaction(client: pg.Client, rows: readonly AuditRowInput[], insert: (rows: ChainedRow[]) => Promise<void>): Promise<number> {
  await client.query('begin');
  try {
    const head = await client.query<{ last_seq: string; last_hash: string }>('select last_seq, last_hash from audit_chain_heads where chain_id = 0 for update');
    const { last_seq: lastSeq = '0', last_hash: lastHash = '' } = head.rows[0] ?? {};
    const chained = chain(rows, lastSeq, lastHash);
    const start = process.hrtime.bigint();
    await insert(chained.rows);
    const insertSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    await client.query('update audit_chain_heads set last_seq = $1, last_hash = $2 where chain_id = 0', [chained.seq.toString(), chained.hash]);
    await client.query('commit');
    return insertSeconds;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
}

async function insertValues(client: pg.Client, rows: ChainedRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += VALUES_CHUNK) {
    const chunk = rows.slice(start, start + VALUES_CHUNK);
    const params: Array<string | number | null> = [];
    const tuples = chunk.map((row) => `(${COLUMNS.map(([name]) => `$${params.push(row[name])}`).join(', ')})`);
    await client.query(`insert into audit_events (${COLUMN_LIST}) values ${tuples.join(', ')}`, params);
  }
}

async function insertUnnest(client: pg.Client, rows: ChainedRow[]): Promise<void> {
  const arrays = COLUMNS.map(([name]) => rows.map((row) => row[name]));
  const casts = COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  await client.query(`insert into audit_events (${COLUMN_LIST}) select * from unnest(${casts})`, arrays);
}

async function insertCopy(client: pg.Client, rows: ChainedRow[], table = 'audit_events'): Promise<void> {
  const stream = client.query(copyFrom(`copy ${table} (${COLUMN_LIST}) from stdin`));
  const lines = function* () {
    // About 64 KiB a chunk: few writes, little memory.
    let buffer = '';
    for (const row of rows) {
      buffer += `${COLUMNS.map(([name]) => copyText(row[name])).join('\t')}\n`;
      if (buffer.length > 65_536) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  };
  await pipeline(Readable.from(lines()), stream);
}

/** COPY's text format: \N for null; backslash, tab, newline and carriage return escaped. */
function copyText(value: string | number | null): string {
  if (value === null) return '\\N';
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
