import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { chainAuditRows, type AuditRowInput, type ChainedAuditRow } from './append-audit-rows.js';

/** The columns in COPY order. */
const COLUMNS = [
  'chain_seq',
  'occurred_at',
  'kind',
  'actor_kind',
  'actor_id',
  'actor_name',
  'subject_user_id',
  'account_id',
  'session_id',
  'request_id',
  'reason',
  'operation',
  'type_field',
  'path',
  'data_class',
  'decision',
  'policy_version',
  'details',
  'summary',
  'prev_hash',
  'hash',
] as const satisfies ReadonlyArray<keyof ChainedAuditRow>;

const COPY_STATEMENT = `copy audit_events (${COLUMNS.join(', ')}) from stdin`;

/** About 64 KiB a write: few round trips through the socket, little memory held. */
const CHUNK_CHARS = 65_536;

/**
 * Appends rows to the hash chain in a transaction of their own, with COPY: the fastest of the
 * three ways measured (docs/performance.md, "Audit writer"), at every batch size. The chain head
 * is locked as in `appendAuditRows`, so both writers can run side by side. Resolves only once
 * the rows are committed; on any failure the transaction is rolled back and the connection,
 * which may be broken, is not reused.
 */
export async function copyAuditRows(pool: pg.Pool, rows: readonly AuditRowInput[]): Promise<void> {
  if (rows.length === 0) return;
  const client = await pool.connect();
  try {
    // Three round trips: begin and lock the head; the rows; move the head and commit. The
    // statements without rows are plain SQL sent together (the simple query protocol).
    const opened = (await client.query('begin; select last_seq, last_hash from audit_chain_head for update')) as unknown as Array<pg.QueryResult<{ last_seq: string; last_hash: string }>>;
    const current = opened[1]?.rows[0];
    if (!current) throw new Error('audit_chain_head has no row: the audit migration did not run');
    const chained = chainAuditRows(rows, current.last_seq, current.last_hash);
    await copyIn(client, chained.rows);
    // Inlined, not bound: both are checked to be what the chain makes (digits; 64 hex digits).
    if (!/^\d+$/.test(chained.lastSeq) || !/^[0-9a-f]{64}$/.test(chained.lastHash)) throw new Error('the audit chain head is malformed');
    await client.query(`update audit_chain_head set last_seq = ${chained.lastSeq}, last_hash = '${chained.lastHash}'; commit`);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(true);
    throw error;
  }
  client.release();
}

/** COPY the rows in; resolves once the server has taken them all (pg-copy-streams holds 'finish' until then). */
function copyIn(client: pg.PoolClient, rows: readonly ChainedAuditRow[]): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(COPY_STATEMENT));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    // The batch is in memory already; its text goes out in ~64 KiB writes without waiting on drain.
    for (const chunk of copyText(rows)) stream.write(chunk);
    stream.end();
  });
}

/** The rows in COPY's text format, in chunks. */
function* copyText(rows: readonly ChainedAuditRow[]): Generator<string> {
  let buffer = '';
  for (const row of rows) {
    for (let i = 0; i < COLUMNS.length; i += 1) {
      const column = COLUMNS[i] as (typeof COLUMNS)[number];
      const value = row[column];
      buffer += (i === 0 ? '' : '\t') + (value === null ? '\\N' : escapeCopy(value instanceof Date ? value.toISOString() : String(value)));
    }
    buffer += '\n';
    if (buffer.length > CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text: backslash, tab, newline and carriage return escaped; everything else as is. */
function escapeCopy(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : text;
}
