import { once } from 'node:events';
import type pg from 'pg';
import type { Duplex } from 'node:stream';
import { AuditChain, type AuditRowInput, type ChainedAuditRow } from './append-audit-rows.js';
import { FREE_HEAD_SQL, freeHeadSql, MAX_AUDIT_CHAINS, newHeadSql, WAIT_HEAD_SQL, type ChainHead } from './chain-heads.js';
import { leaveHead, leftHeadOf } from './left-heads.js';
import { isLostStatement } from '../db/prepared-statements.js';

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

/** How many appends take a head first after the left head was refused with nowhere else to go. */
const SLOW_AFTER_REFUSAL = 16;

/**
 * At most this many rows go as one prepared INSERT, their values bound in binary; more stream
 * through COPY. A COPY makes the server answer before the rows come (it flushes its
 * CopyInResponse at once), and each socket write on loopback costs the sender about as much CPU
 * as a few rows and wakes the other side: for a request's handful of rows that answer, and the
 * parsing and planning of the statements around the COPY each time, were most of what an append
 * cost (docs/performance.md, "What a request's commit costs"). A statement per row count, so at
 * most this many per connection, each parsed once.
 */
export const INSERT_ROWS_MAX = 32;

/**
 * Appends rows to a hash chain in a transaction of their own: a request's few rows as prepared
 * statements in one pipeline, more with COPY, the fastest of the three ways measured for
 * batches (docs/performance.md, "Audit writer"). A head is
 * locked as in `appendAuditRows` (the lowest free one, a new one up to `chains`, else wait), so
 * both writers can run side by side. Resolves only once the rows are committed; on any failure
 * the transaction is rolled back and the connection, which may be broken, is not reused.
 *
 * Round trips, not rows, are most of what a small append costs (each socket write to the
 * server costs about as much CPU as a few rows): when this pool's last append left a head, the
 * whole append (hold that head, store the rows hashed after it, move it, commit) goes as one
 * message, and the rows commit only if the head was still there and free
 * (`audit_hold_chain_head`). Otherwise the head is taken first, and the rest goes as one
 * message: two round trips. After a refusal that is the highest free head other than the one
 * refused, where there is one: appends inside transactions take the lowest, and a writer that
 * stayed near them was refused again and again (one append in ten on session start/end).
 */
export async function copyAuditRows(pool: pg.Pool, rows: readonly AuditRowInput[], chains = 1): Promise<void> {
  if (rows.length === 0) return;
  const pipelined = rows.length <= INSERT_ROWS_MAX && !copyOnly.has(pool);
  const client = await pool.connect();
  try {
    const left = leftHeadOf(pool);
    const tried = left && left.slowFor === 0 ? left.head : null;
    const moved = tried ? await appendAfter(client, tried, rows, tried, pipelined).catch(headMovedOrThrow) : HEAD_MOVED;
    if (moved !== HEAD_MOVED) {
      leaveHead(pool, { head: moved, slowFor: 0 });
    } else {
      // A refused COPY leaves its transaction open and failed; a refused pipeline's ended with it.
      if (tried && !pipelined) await client.query('rollback');
      // Several statements in one query answer with a result each (the driver's types know only one).
      // Refused: from the highest free head down, away from where appends inside transactions
      // (a mutation's own event) start, so the next one does not move it again at once.
      const opened: unknown = await client.query(`begin; ${tried ? freeHeadSql(tried.chain_id, 'highest') : FREE_HEAD_SQL}`);
      const head = (Array.isArray(opened) ? headOf(opened[1]) : null) ?? (await busyHead(client, chains));
      const after = await appendAfter(client, head, rows, null, pipelined);
      const nowhereElse = tried !== null && head.chain_id === tried.chain_id;
      leaveHead(pool, { head: after, slowFor: nowhereElse ? SLOW_AFTER_REFUSAL : Math.max(0, (left?.slowFor ?? 0) - 1) });
    }
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(true);
    if (pipelined && isLostStatement(error)) {
      // Nothing of it was stored (the error ended its transaction) and no head moved: the same
      // rows go again, by COPY, as every batch of this pool will from now on.
      copyOnly.add(pool);
      return copyAuditRows(pool, rows, chains);
    }
    throw error;
  }
  client.release();
}

/**
 * Pools whose connections did not keep the writer's prepared statements: behind a pooler that
 * hands each transaction another server session (PgBouncer in transaction mode before 1.21, or
 * without `max_prepared_statements`), or after someone's DEALLOCATE or DISCARD. Their batches
 * go by COPY, which needs nothing to outlive its transaction: slower, but every row is kept.
 */
const copyOnly = new WeakSet<pg.Pool>();

/** Whether this pool's batches go by COPY alone, its connections having lost the prepared statements once. */
export function appendsByCopyOnly(pool: pg.Pool): boolean {
  return copyOnly.has(pool);
}

/** What `copyAuditRows` answers when the head it left was no longer there to take. */
const HEAD_MOVED = Symbol('head moved');

function headMovedOrThrow(error: unknown): typeof HEAD_MOVED {
  if (error instanceof Error && Reflect.get(error, 'code') === SERIALIZATION_FAILURE) return HEAD_MOVED;
  throw error;
}

/** What `audit_hold_chain_head` raises when the head moved or another writer holds it. */
const SERIALIZATION_FAILURE = '40001';

/** Opens the transaction and holds `head`, if it is still where it was and free (see the migration 20261209000100). */
function holdHeadSql(head: ChainHead): string {
  return `begin; select audit_hold_chain_head(${checkedChainId(head.chain_id)}::smallint, ${checkedSeq(head.last_seq)}::bigint, '${checkedHash(head.last_hash)}'::text); `;
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
 * The rows hashed after `head`, stored, the head moved to the last of them and the commit, sent
 * at once: nothing waits for an answer in between, so this is one round trip. `hold`: the head
 * to hold first (the transaction begins with the append and commits only if that head was still
 * where it was and free), or null when the caller's open transaction holds `head` already.
 * Resolves with the head as moved, once committed.
 *
 * `pipelined`: up to `INSERT_ROWS_MAX` rows (every request's, nearly) go as prepared statements
 * in one pipeline. Otherwise they are COPYed: a batch that fits one chunk is hashed before anything is sent, so
 * the head's new hash is written into the query; a larger one streams about 64 KiB at a time,
 * so the server stores one chunk while the next is hashed; its query must go first, so the head
 * takes the last row's hash from the table (found by its primary key: time, chain, number).
 */
async function appendAfter(client: pg.PoolClient, head: ChainHead, rows: readonly AuditRowInput[], hold: ChainHead | null, pipelined: boolean): Promise<ChainHead> {
  const chain = new AuditChain(head.last_seq, head.last_hash, new Date(), head.chain_id);
  if (pipelined) {
    // Hashed before anything is sent: a row that cannot be built leaves nothing to undo.
    const chained = rows.map((row) => chain.append(row));
    const append = new OneMessageAppend(insertPipeline(client, chained, headAfter(chain), hold));
    client.query(append);
    await append.finished;
    return headAfter(chain);
  }
  const opening = hold ? holdHeadSql(hold) : '';
  const chunk = new BinaryChunk();
  chunk.put(HEADER);
  let next = 0;
  const fill = () => {
    while (next < rows.length && chunk.length <= CHUNK_BYTES) chunk.putRow(chain.append(rows[next++]!));
  };
  // Hashed before anything is sent: a row that cannot be built leaves nothing to undo.
  fill();
  if (next === rows.length) {
    chunk.put(TRAILER);
    const append = new OneMessageAppend([queryMessage(opening + copyAndMoveSql(chain.chainId, chain.lastSeq, `'${checkedHash(chain.lastHash)}'`)), chunk.takeMessage(), COPY_DONE]);
    client.query(append);
    await append.finished;
    return headAfter(chain);
  }
  // The last row's time is known before it is hashed: its own, else the batch's.
  const lastTime = (rows[rows.length - 1]!.occurred_at ?? chain.now).toISOString();
  const lastSeq = checkedSeq(String(BigInt(head.last_seq) + BigInt(rows.length)));
  const lastHash = `(select hash from audit_events where occurred_at = '${lastTime}' and chain_id = ${chain.chainId} and chain_seq = ${lastSeq})`;
  const append = new OneMessageAppend([queryMessage(opening + copyAndMoveSql(chain.chainId, lastSeq, lastHash)), chunk.takeMessage()]);
  const finished = append.finished;
  finished.catch(() => undefined); // awaited below; it must not count as unhandled meanwhile
  client.query(append);
  const stream = await append.submitted;
  // Refused before it was sent (the connection was lost): `finished` says why.
  if (stream === null) return finished.then(() => headAfter(chain));
  let flowing = append.flowing;
  try {
    while (next < rows.length) {
      // Let the socket take the chunk (and the server work on it) before hashing the next.
      await (flowing ? new Promise<void>((resolve) => setImmediate(resolve)) : Promise.race([once(stream, 'drain'), finished]));
      // Refused meanwhile (a constraint, a lost connection): nothing more is written.
      if (append.refused) break;
      fill();
      if (next < rows.length) flowing = send(stream, [chunk.takeMessage()]);
    }
    if (!append.refused) {
      chunk.put(TRAILER);
      send(stream, [chunk.takeMessage(), COPY_DONE]);
    }
  } catch (error) {
    // A row could not be built with the COPY open: the server waits for rows until told to give up.
    if (!append.refused) send(stream, [copyFailMessage('the audit writer could not build a row')]);
    await finished.catch(() => undefined);
    throw error;
  }
  await finished;
  return headAfter(chain);
}

function headAfter(chain: AuditChain): ChainHead {
  return { chain_id: chain.chainId, last_seq: chain.lastSeq, last_hash: chain.lastHash };
}

/** The COPY of the rows, the head moved to the last of them (`lastHash`: its hash, as SQL), the commit. */
function copyAndMoveSql(chainId: number, lastSeq: string, lastHash: string): string {
  return `${COPY_STATEMENT}; update audit_chain_heads set last_seq = ${checkedSeq(lastSeq)}, last_hash = ${lastHash} where chain_id = ${checkedChainId(chainId)}; commit`;
}

// Values written into SQL rather than bound (a query with several statements takes no
// parameters): each is checked to be what the chain makes.
function checkedSeq(seq: string): string {
  if (!/^\d{1,19}$/.test(seq)) throw new Error('the audit chain head is malformed');
  return seq;
}

function checkedHash(hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('the audit chain head is malformed');
  return hash;
}

function checkedChainId(chainId: number): number {
  if (!Number.isInteger(chainId) || chainId < 0 || chainId >= MAX_AUDIT_CHAINS) throw new Error('the audit chain head is malformed');
  return chainId;
}

/**
 * One query and the COPY messages after it, as the driver's active query: the driver hands it
 * the server's answers until the query is done (ready for the next, or refused). `finished`
 * settles then; `refused` says the server answered with an error (after which it drops any COPY
 * message still arriving for the query).
 */
class OneMessageAppend implements pg.Submittable {
  readonly finished: Promise<void>;
  /** The socket once the query is sent; null when it was refused before (`finished` says why). */
  readonly submitted: Promise<Duplex | null>;
  refused = false;
  /** Whether the socket took the first messages without asking to wait (`write`'s answer). */
  flowing = true;
  readonly #first: readonly Buffer[];
  #resolve!: () => void;
  #reject!: (error: unknown) => void;
  #resolveSubmitted!: (stream: Duplex | null) => void;

  constructor(first: readonly Buffer[]) {
    this.#first = first;
    this.finished = new Promise<void>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
    this.submitted = new Promise<Duplex | null>((resolve) => (this.#resolveSubmitted = resolve));
  }

  submit(connection: pg.Connection): void {
    this.flowing = send(connection.stream, this.#first);
    this.#resolveSubmitted(connection.stream);
  }

  handleError(error: unknown): void {
    this.refused = true;
    this.#reject(error);
    this.#resolveSubmitted(null); // no effect once submitted
  }

  handleReadyForQuery(): void {
    this.#resolve();
  }

  // The statements' own answers (BEGIN, the hold, COPY n, UPDATE 1, COMMIT) say nothing needed.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleCommandComplete(): void {}
  handleCopyInResponse(): void {}
  handleEmptyQuery(): void {}
}

/** Writes messages in one go (one system call for them all); false when the socket asks to wait. */
function send(stream: Duplex, messages: readonly Buffer[]): boolean {
  stream.cork();
  let flowing = true;
  for (const message of messages) flowing = stream.write(message);
  stream.uncork();
  return flowing;
}

/** A simple-protocol query: 'Q', its length, the text and a NUL. */
function queryMessage(text: string): Buffer {
  return textMessage('Q', text);
}

/** CopyDone: the rows are all sent. */
const COPY_DONE = Buffer.from([0x63, 0, 0, 0, 4]);

/** CopyFail: abandon the COPY (and so the transaction), with a reason. */
function copyFailMessage(reason: string): Buffer {
  return textMessage('f', reason);
}

/** A message of the given type carrying one NUL-terminated text. */
function textMessage(type: 'Q' | 'f', text: string): Buffer {
  const message = new MessageWriter(type, MESSAGE_HEAD + text.length * 3 + 1);
  message.cstring(text);
  return message.done();
}

/**
 * Bytes written straight into one growing buffer, big-endian as the protocol has them, with
 * room kept before them for a message's type and length.
 */
class ByteWriter {
  protected buffer: Buffer;
  protected end = MESSAGE_HEAD;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** The bytes so far as one message of `type` (its length written in), handing the buffer over. */
  protected message(type: string): Buffer {
    this.buffer.write(type, 0, 'latin1');
    this.buffer.writeInt32BE(this.end - 1, 1);
    return this.buffer.subarray(0, this.end);
  }

  int16(value: number): void {
    this.room(2);
    this.end = this.buffer.writeInt16BE(value, this.end);
  }

  int32(value: number): void {
    this.room(4);
    this.end = this.buffer.writeInt32BE(value, this.end);
  }

  /** A NUL-terminated text. */
  cstring(text: string): void {
    this.room(text.length * 3 + 1);
    this.end += this.buffer.write(text, this.end, 'utf8');
    this.end = this.buffer.writeUInt8(0, this.end);
  }

  put(bytes: Buffer): void {
    this.room(bytes.length);
    this.end += bytes.copy(this.buffer, this.end);
  }

  /** One value in the binary format of its column's type: its length (-1 for null), then its bytes. */
  value(type: ColumnType, value: unknown): void {
    if (value === null || value === undefined) {
      this.int32(-1);
    } else if (type === 'int8') {
      this.room(12);
      this.end = this.buffer.writeInt32BE(8, this.end);
      this.end = this.buffer.writeBigInt64BE(BigInt(String(value)), this.end);
    } else if (type === 'timestamptz') {
      const ms = value instanceof Date ? value.getTime() : Date.parse(String(value));
      this.room(12);
      this.end = this.buffer.writeInt32BE(8, this.end);
      this.end = this.buffer.writeBigInt64BE(BigInt(ms - POSTGRES_EPOCH_MS) * 1000n, this.end);
    } else if (type === 'int2') {
      this.room(6);
      this.end = this.buffer.writeInt32BE(2, this.end);
      this.end = this.buffer.writeInt16BE(Number(value), this.end);
    } else if (type === 'int4') {
      this.room(8);
      this.end = this.buffer.writeInt32BE(4, this.end);
      this.end = this.buffer.writeInt32BE(Number(value), this.end);
    } else {
      this.#text(String(value), type === 'jsonb');
    }
  }

  /** A row's values in COPY order. */
  rowValues(row: ChainedAuditRow): void {
    for (const [name, type] of COLUMNS) this.value(type, name === 'chain_id' ? (row.chain_id ?? 0) : row[name]);
  }

  /** Length, then the UTF-8 bytes (after jsonb's version byte), written in place. */
  #text(text: string, jsonb: boolean): void {
    // A UTF-16 code unit is at most three UTF-8 bytes.
    this.room(5 + text.length * 3);
    const at = this.end;
    let end = at + 4;
    if (jsonb) end = this.buffer.writeUInt8(JSONB_VERSION, end);
    end += this.buffer.write(text, end, 'utf8');
    this.buffer.writeInt32BE(end - at - 4, at);
    this.end = end;
  }

  /** Grows the buffer, keeping what it holds, when `bytes` more would not fit. */
  protected room(bytes: number): void {
    if (this.end + bytes <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.end + bytes));
    this.buffer.copy(grown, 0, 0, this.end);
    this.buffer = grown;
  }
}

/** A message's type byte and length, before its bytes. */
const MESSAGE_HEAD = 5;

/**
 * Rows in COPY's binary format: per row a field count, then each field's length (-1 for null)
 * and bytes.
 */
class BinaryChunk extends ByteWriter {
  constructor() {
    super(CHUNK_BYTES * 2);
  }

  /** The bytes of rows so far. */
  get length(): number {
    return this.end - MESSAGE_HEAD;
  }

  /**
   * The bytes so far as one CopyData message; the next row starts a fresh buffer (the socket may
   * still hold this one).
   */
  takeMessage(): Buffer {
    const taken = this.message('d');
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2);
    this.end = MESSAGE_HEAD;
    return taken;
  }

  putRow(row: ChainedAuditRow): void {
    this.int16(COLUMNS.length);
    this.rowValues(row);
  }
}

/** One extended-protocol message: a type, its length, then what the writer put. */
class MessageWriter extends ByteWriter {
  readonly #type: string;

  constructor(type: string, capacity = 256) {
    super(capacity);
    this.#type = type;
  }

  done(): Buffer {
    return this.message(this.#type);
  }
}

type ColumnType = (typeof COLUMNS)[number][1];

/** The type OIDs of the columns' types, as a Parse message declares its parameters. */
const TYPE_OIDS: Readonly<Record<ColumnType, number>> = { int2: 21, int4: 23, int8: 20, text: 25, timestamptz: 1184, jsonb: 3802 };

/** A prepared statement of the audit writer's: its name on the connection, its text and its parameters' types. */
interface WriterStatement {
  name: string;
  text: string;
  types: readonly ColumnType[];
}

const HOLD_STATEMENT: WriterStatement = { name: 'warden_audit_hold', text: 'select audit_hold_chain_head($1, $2, $3)', types: ['int2', 'int8', 'text'] };
const MOVE_STATEMENT: WriterStatement = { name: 'warden_audit_move', text: 'update audit_chain_heads set last_seq = $1, last_hash = $2 where chain_id = $3', types: ['int8', 'text', 'int2'] };
const COMMIT_STATEMENT: WriterStatement = { name: 'warden_audit_commit', text: 'commit', types: [] };
const INSERT_STATEMENTS: readonly WriterStatement[] = Array.from({ length: INSERT_ROWS_MAX + 1 }, (_, count) => {
  const values = Array.from({ length: count }, (_, row) => `(${COLUMNS.map((_, column) => `$${row * COLUMNS.length + column + 1}`).join(', ')})`);
  return {
    name: `warden_audit_insert_${count}`,
    text: `insert into audit_events (${COLUMNS.map(([name]) => name).join(', ')}) values ${values.join(', ')}`,
    types: Array.from({ length: count }, () => COLUMNS.map(([, type]) => type)).flat(),
  };
});

/**
 * The statements each connection has parsed, by client. Marked as they are sent: they go before
 * any other statement of the pipeline, so every error but the hold's refusal (which comes after
 * them) releases the connection destroyed.
 */
const parsedOn = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * The append as one pipeline of prepared statements, values bound in binary: hold the head
 * (when `hold` is given), insert the rows, move the head, then Sync, which commits the implicit
 * transaction the statements ran in, or, when the caller opened one, a COMMIT before it. An
 * error skips every statement after it, and the server rolls back what ran. Statements this
 * connection has not parsed yet are parsed first, in the same message.
 */
function insertPipeline(client: pg.PoolClient, rows: readonly ChainedAuditRow[], moved: ChainHead, hold: ChainHead | null): Buffer[] {
  const parsed = parsedOn.get(client) ?? new Set<string>();
  parsedOn.set(client, parsed);
  // Every Parse before the first Bind: a refused hold skips whatever follows it.
  const parses: Buffer[] = [];
  const messages: Buffer[] = [];
  const run = (statement: WriterStatement, values: (bind: MessageWriter) => void, capacity = 256) => {
    if (!parsed.has(statement.name)) {
      parses.push(parseMessage(statement));
      parsed.add(statement.name);
    }
    const bind = new MessageWriter('B', capacity);
    bind.cstring(''); // the unnamed portal
    bind.cstring(statement.name);
    bind.int16(1); // one format code for every parameter:
    bind.int16(1); // binary
    bind.int16(statement.types.length);
    values(bind);
    bind.int16(0); // results, if any, as text
    messages.push(bind.done(), EXECUTE);
  };
  if (hold) {
    run(HOLD_STATEMENT, (bind) => {
      bind.value('int2', checkedChainId(hold.chain_id));
      bind.value('int8', checkedSeq(hold.last_seq));
      bind.value('text', checkedHash(hold.last_hash));
    });
  }
  run(
    INSERT_STATEMENTS[rows.length]!,
    (bind) => {
      for (const row of rows) bind.rowValues(row);
    },
    // About what a realistic row takes; the buffer grows if not.
    1_024 + rows.length * 1_536,
  );
  run(MOVE_STATEMENT, (bind) => {
    bind.value('int8', checkedSeq(moved.last_seq));
    bind.value('text', checkedHash(moved.last_hash));
    bind.value('int2', checkedChainId(moved.chain_id));
  });
  if (!hold) run(COMMIT_STATEMENT, () => undefined);
  messages.push(SYNC);
  return [...parses, ...messages];
}

/** Parse: a named statement's text and its parameters' types. */
function parseMessage(statement: WriterStatement): Buffer {
  const parse = new MessageWriter('P', statement.text.length * 3 + 64 + statement.types.length * 4);
  parse.cstring(statement.name);
  parse.cstring(statement.text);
  parse.int16(statement.types.length);
  for (const type of statement.types) parse.int32(TYPE_OIDS[type]);
  return parse.done();
}

/** Execute the unnamed portal, every row. */
const EXECUTE = Buffer.from([0x45, 0, 0, 0, 9, 0, 0, 0, 0, 0]);
/** Sync: the end of the pipeline (and of its implicit transaction). */
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
