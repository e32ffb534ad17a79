import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AuditChain, type AuditRowInput, type ChainedAuditRow } from './append-audit-rows.js';
import { FREE_HEAD_SQL, newHeadSql, WAIT_HEAD_SQL, type ChainHead } from './chain-heads.js';

/** The columns in COPY order, each with how COPY's binary format carries it. */
const COLUMNS = [
  ['chain_id', 'int2'],
  ['chain_seq', 'int8'],
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
  ['policy_version', 'int4'],
  ['details', 'jsonb'],
  ['summary', 'text'],
  ['prev_hash', 'text'],
  ['hash', 'text'],
] as const satisfies ReadonlyArray<readonly [keyof ChainedAuditRow, string]>;

/**
 * Binary, not text: PostgreSQL then reads each value by its length instead of scanning every
 * byte for tabs and escapes, and numbers and times arrive as they are stored (about 16% less of
 * the database's CPU per realistic row, docs/performance.md). A column whose type no longer
 * matches is refused by the server, and the whole batch with it: nothing is stored wrongly.
 */
const COPY_STATEMENT = `copy audit_events (${COLUMNS.map(([name]) => name).join(', ')}) from stdin (format binary)`;

/** About 64 KiB a write: few round trips through the socket, little memory held. */
const CHUNK_BYTES = 65_536;

/** The binary format's signature, flags (none) and header extension length (none). */
const HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
/** A field count of -1: no more rows. */
const TRAILER = Buffer.from([0xff, 0xff]);
/** PostgreSQL counts time in microseconds from 2000-01-01 UTC. */
const POSTGRES_EPOCH_MS = Date.UTC(2000, 0, 1);
/** jsonb's binary form: a version byte, then the JSON text. */
const JSONB_VERSION = 1;

/**
 * Appends rows to a hash chain in a transaction of their own, with COPY: the fastest of the
 * three ways measured (docs/performance.md, "Audit writer"), at every batch size. A head is
 * locked as in `appendAuditRows` (the lowest free one, a new one up to `chains`, else wait), so
 * both writers can run side by side. Resolves only once the rows are committed; on any failure
 * the transaction is rolled back and the connection, which may be broken, is not reused.
 */
export async function copyAuditRows(pool: pg.Pool, rows: readonly AuditRowInput[], chains = 1): Promise<void> {
  if (rows.length === 0) return;
  const client = await pool.connect();
  try {
    // Three round trips when a head is free: begin and lock it; the rows; move the head and
    // commit. The statements without rows are plain SQL sent together (the simple query
    // protocol). Several statements in one query answer with a result each (the driver's types
    // know only one).
    const opened: unknown = await client.query(`begin; ${FREE_HEAD_SQL}`);
    const current = (Array.isArray(opened) ? headOf(opened[1]) : null) ?? (await busyHead(client, chains));
    const chain = new AuditChain(current.last_seq, current.last_hash, new Date(), current.chain_id);
    await copyIn(client, chain, rows);
    // Inlined, not bound: all are checked to be what the chain makes (digits; 64 hex digits).
    if (!/^\d+$/.test(chain.lastSeq) || !/^[0-9a-f]{64}$/.test(chain.lastHash) || !Number.isInteger(chain.chainId)) throw new Error('the audit chain head is malformed');
    await client.query(`update audit_chain_heads set last_seq = ${chain.lastSeq}, last_hash = '${chain.lastHash}' where chain_id = ${chain.chainId}; commit`);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(true);
    throw error;
  }
  client.release();
}

/** Every head was busy: a new one, or wait for one (see chain-heads.ts). */
async function busyHead(client: pg.PoolClient, chains: number): Promise<ChainHead> {
  const created = headOf(await client.query(newHeadSql(chains)));
  if (created) return created;
  const waited = headOf(await client.query(WAIT_HEAD_SQL));
  if (!waited) throw new Error('audit_chain_heads has no row: the audit migrations did not run');
  return waited;
}

/** A chain head from the result of its SELECT, checked as read; null when there was none. */
function headOf(result: unknown): ChainHead | null {
  const row: unknown = typeof result === 'object' && result !== null && 'rows' in result && Array.isArray(result.rows) ? result.rows[0] : undefined;
  if (typeof row !== 'object' || row === null || !('chain_id' in row) || !('last_seq' in row) || !('last_hash' in row)) return null;
  const { chain_id: chainId, last_seq: lastSeq, last_hash: lastHash } = row;
  return typeof chainId === 'number' && typeof lastSeq === 'string' && typeof lastHash === 'string' ? { chain_id: chainId, last_seq: lastSeq, last_hash: lastHash } : null;
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
  const chunk = new BinaryChunk();
  chunk.put(HEADER);
  for (const row of rows) {
    chunk.putRow(chain.append(row));
    if (chunk.length > CHUNK_BYTES) {
      const flowing = stream.write(chunk.take());
      // Let the socket take the chunk (and the server work on it) before hashing the next.
      if (!flowing) await Promise.race([once(stream, 'drain'), done]);
      else await new Promise<void>((resolve) => setImmediate(resolve));
      if (refused) return done;
    }
  }
  chunk.put(TRAILER);
  stream.end(chunk.take());
  return done;
}

/**
 * Rows in COPY's binary format, written straight into one buffer: per row a field count, then
 * each field's length (-1 for null) and bytes, big-endian.
 */
class BinaryChunk {
  #buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** The bytes so far; the next row starts a fresh buffer (the stream may still hold this one). */
  take(): Buffer {
    const taken = this.#buffer.subarray(0, this.#length);
    this.#buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
    this.#length = 0;
    return taken;
  }

  put(bytes: Buffer): void {
    this.#room(bytes.length);
    this.#length += bytes.copy(this.#buffer, this.#length);
  }

  putRow(row: ChainedAuditRow): void {
    this.#room(2);
    this.#length = this.#buffer.writeInt16BE(COLUMNS.length, this.#length);
    for (const [name, type] of COLUMNS) {
      const value = name === 'chain_id' ? (row.chain_id ?? 0) : row[name];
      if (value === null) {
        this.#room(4);
        this.#length = this.#buffer.writeInt32BE(-1, this.#length);
      } else if (type === 'int8') {
        this.#room(12);
        this.#length = this.#buffer.writeInt32BE(8, this.#length);
        this.#length = this.#buffer.writeBigInt64BE(BigInt(String(value)), this.#length);
      } else if (type === 'timestamptz') {
        const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
        this.#room(12);
        this.#length = this.#buffer.writeInt32BE(8, this.#length);
        this.#length = this.#buffer.writeBigInt64BE(BigInt(ms - POSTGRES_EPOCH_MS) * 1000n, this.#length);
      } else if (type === 'int2') {
        this.#room(6);
        this.#length = this.#buffer.writeInt32BE(2, this.#length);
        this.#length = this.#buffer.writeInt16BE(Number(value), this.#length);
      } else if (type === 'int4') {
        this.#room(8);
        this.#length = this.#buffer.writeInt32BE(4, this.#length);
        this.#length = this.#buffer.writeInt32BE(Number(value), this.#length);
      } else {
        this.#putText(String(value), type === 'jsonb');
      }
    }
  }

  /** Length, then the UTF-8 bytes (after jsonb's version byte), written in place. */
  #putText(text: string, jsonb: boolean): void {
    // A UTF-16 code unit is at most three UTF-8 bytes.
    this.#room(5 + text.length * 3);
    const at = this.#length;
    let end = at + 4;
    if (jsonb) end = this.#buffer.writeUInt8(JSONB_VERSION, end);
    end += this.#buffer.write(text, end, 'utf8');
    this.#buffer.writeInt32BE(end - at - 4, at);
    this.#length = end;
  }

  /** Grows the buffer, keeping what it holds, when `bytes` more would not fit. */
  #room(bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.#buffer.length * 2, this.#length + bytes));
    this.#buffer.copy(grown, 0, 0, this.#length);
    this.#buffer = grown;
  }
}
