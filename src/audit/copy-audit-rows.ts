import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AuditChain, type AuditRowInput, type ChainedAuditRow } from './append-audit-rows.js';

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
    // Several statements in one query answer with a result each (the driver's types know only one).
    const opened: unknown = await client.query('begin; select last_seq, last_hash from audit_chain_head for update');
    const current = Array.isArray(opened) ? headOf(opened[1]) : null;
    if (!current) throw new Error('audit_chain_head has no row: the audit migration did not run');
    const chain = new AuditChain(current.last_seq, current.last_hash);
    await copyIn(client, chain, rows);
    // Inlined, not bound: both are checked to be what the chain makes (digits; 64 hex digits).
    if (!/^\d+$/.test(chain.lastSeq) || !/^[0-9a-f]{64}$/.test(chain.lastHash)) throw new Error('the audit chain head is malformed');
    await client.query(`update audit_chain_head set last_seq = ${chain.lastSeq}, last_hash = '${chain.lastHash}'; commit`);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(true);
    throw error;
  }
  client.release();
}

/** The chain head from the result of its SELECT, checked as read. */
function headOf(result: unknown): { last_seq: string; last_hash: string } | null {
  const row: unknown = typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) ? result.rows[0] : undefined;
  if (typeof row !== 'object' || row === null || !('last_seq' in row) || !('last_hash' in row)) return null;
  const { last_seq: lastSeq, last_hash: lastHash } = row;
  return typeof lastSeq === 'string' && typeof lastHash === 'string' ? { last_seq: lastSeq, last_hash: lastHash } : null;
}

/**
 * COPY the rows in as they are hashed, about 64 KiB at a time, so the server stores one chunk
 * while the next is hashed. Resolves once the server has taken them all (pg-copy-streams holds
 * 'finish' until then).
 */
async function copyIn(client: pg.PoolClient, chain: AuditChain, rows: readonly AuditRowInput[]): Promise<void> {
  const stream = client.query(copyFrom(COPY_STATEMENT));
  // The server may refuse the COPY while rows are still being sent (a constraint, a lost
  // connection): from then on nothing more is written, and its error is the one reported.
  let refused = false;
  const done = new Promise<void>((resolve, reject) => {
    stream.on('error', (error) => {
      refused = true;
      reject(error);
    });
    stream.on('finish', () => resolve());
  });
  done.catch(() => undefined); // awaited below; it must not count as unhandled meanwhile
  let buffer = '';
  for (const row of rows) {
    buffer += copyLine(chain.append(row));
    if (buffer.length > CHUNK_CHARS) {
      const flowing = stream.write(buffer);
      buffer = '';
      // Let the socket take the chunk (and the server work on it) before hashing the next.
      if (!flowing) await Promise.race([once(stream, 'drain'), done]);
      else await new Promise<void>((resolve) => setImmediate(resolve));
      if (refused) return done;
    }
  }
  stream.end(buffer);
  return done;
}

/** One row in COPY's text format. */
function copyLine(row: ChainedAuditRow): string {
  let line = '';
  for (let i = 0; i < COLUMNS.length; i += 1) {
    const value = row[COLUMNS[i] as (typeof COLUMNS)[number]];
    line += (i === 0 ? '' : '\t') + (value === null ? '\\N' : escapeCopy(value instanceof Date ? value.toISOString() : String(value)));
  }
  return `${line}\n`;
}

const SPECIAL = /[\\\t\n\r]/g;
const HAS_SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** COPY text: backslash, tab, newline and carriage return escaped; everything else as is. */
function escapeCopy(text: string): string {
  return HAS_SPECIAL.test(text) ? text.replace(SPECIAL, (c) => ESCAPES[c] ?? c) : text;
}
