import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import type { NewAuditEventRow } from '../db/tables/audit-event.js';
import type { ActorChain } from './audit-event.js';
import { hashSerialisedAuditRow, type HashedAuditRow } from './audit-hash.js';
import { storableJson, storableText } from './canonical-json.js';
import { lockChainHead, type ChainHead } from './chain-heads.js';
import { headMovedIn } from './left-heads.js';

/** A row as callers describe it; its place in the chain is assigned here. */
export type AuditRowInput = Omit<NewAuditEventRow, 'chain_id' | 'chain_seq' | 'prev_hash' | 'hash' | 'details' | 'occurred_at'> & {
  details: Record<string, unknown>;
  occurred_at?: Date;
  /** For an assistant's rows: who stands behind it, kept in `details.chain` (hashed with them). */
  chain?: ActorChain | null;
};

/**
 * A row with its place in the chain, ready to insert: `details` as the exact text that was
 * hashed; `chain_id` only when it is not 0 (as it is hashed; the column's default is 0).
 */
export type ChainedAuditRow = Omit<HashedAuditRow, 'details' | 'actor_kind'> & Pick<NewAuditEventRow, 'actor_kind'> & { details: string; hash: string };

/**
 * Rows per INSERT: 21 bind parameters a row, and PostgreSQL takes at most 65,535 a statement.
 * Larger batches (a busy group commit) go in several statements of the same transaction.
 */
const ROWS_PER_STATEMENT = 2_000;

/**
 * The chain from a given head on: each row appended is numbered and hashed over its
 * predecessor. `details` is serialised once, canonically, for the hash and for the table alike.
 */
export class AuditChain {
  readonly chainId: number;
  #seq: bigint;
  #prev: string;
  readonly #now: Date;
  /** `#now` as the hash serialises it: the same for every row appended without a time of its own. */
  readonly #nowJson: string;

  constructor(lastSeq: string, lastHash: string, now = new Date(), chainId = 0) {
    this.chainId = chainId;
    this.#seq = BigInt(lastSeq);
    this.#prev = lastHash;
    this.#now = now;
    this.#nowJson = JSON.stringify(now.toISOString());
  }

  get lastSeq(): string {
    return this.#seq.toString();
  }

  get lastHash(): string {
    return this.#prev;
  }

  /** The time of every row appended without one of its own. */
  get now(): Date {
    return this.#now;
  }

  /**
   * Every text is made storable first (see `storableText`): a NUL or a lone surrogate sent in
   * by a caller must not make the write fail, which would lose the row (a refusal's, say) and
   * every other row of its batch.
   */
  append(row: AuditRowInput): ChainedAuditRow {
    this.#seq += 1n;
    const chained: ChainedAuditRow = {
      chain_seq: this.#seq.toString(),
      occurred_at: row.occurred_at ?? this.#now,
      kind: storableText(row.kind),
      actor_kind: row.actor_kind,
      actor_id: nullableText(row.actor_id),
      actor_name: nullableText(row.actor_name),
      subject_user_id: nullableText(row.subject_user_id),
      account_id: nullableText(row.account_id),
      session_id: nullableText(row.session_id),
      request_id: nullableText(row.request_id),
      reason: nullableText(row.reason),
      operation: nullableText(row.operation),
      type_field: nullableText(row.type_field),
      path: nullableText(row.path),
      data_class: nullableText(row.data_class),
      decision: nullableText(row.decision),
      policy_version: row.policy_version ?? null,
      details: storableJson(row.chain ? { ...row.details, chain: row.chain } : row.details),
      summary: storableText(row.summary),
      prev_hash: this.#prev,
      hash: '',
    };
    // Set afterwards, not spread into the literal: a spread there copies through the runtime on
    // every row, and chain 0's rows (nearly all) keep one shape.
    if (this.chainId !== 0) chained.chain_id = this.chainId;
    const occurredAtJson = row.occurred_at ? JSON.stringify(row.occurred_at.toISOString()) : this.#nowJson;
    chained.hash = hashSerialisedAuditRow(chained, chained.details, occurredAtJson);
    this.#prev = chained.hash;
    return chained;
  }
}

function nullableText(text: string | null | undefined): string | null {
  return text == null ? null : storableText(text);
}

/** Places rows on the chain after (lastSeq, lastHash), all at once. */
export function chainAuditRows(
  rows: readonly AuditRowInput[],
  lastSeq: string,
  lastHash: string,
  now = new Date(),
  chainId = 0,
): { rows: ChainedAuditRow[]; lastSeq: string; lastHash: string } {
  const chain = new AuditChain(lastSeq, lastHash, now, chainId);
  const chained = rows.map((row) => chain.append(row));
  return { rows: chained, lastSeq: chain.lastSeq, lastHash: chain.lastHash };
}

/**
 * Appends rows to one of the hash chains inside the caller's transaction. The head taken (the
 * lowest free one, see `lockChainHead`) stays locked until that transaction ends, so writers on
 * one chain take turns and every row's `prev_hash` is the hash of the row before it on its
 * chain; `chain_seq` has no gaps within a chain. `chains`: how many heads there may be
 * (WARDEN_AUDIT_CHAINS); the default creates none, using the heads there are.
 */
export async function appendAuditRows(trx: Transaction<Database>, rows: readonly AuditRowInput[], chains = 1): Promise<void> {
  if (rows.length === 0) return;
  await appendToChain(trx, await lockChainHead(trx, chains), rows);
}

/**
 * Appends rows after `head`, which `trx` holds, and moves it. The last INSERT moves the head in
 * the same statement (a data-modifying WITH): one round trip fewer in every transaction that
 * records itself, a mutation's included. The group commit of the same database is told where
 * the head now is (`headMovedIn`), so its next batch does not find it moved.
 */
export async function appendToChain(trx: Transaction<Database>, head: ChainHead, rows: readonly AuditRowInput[]): Promise<void> {
  if (rows.length === 0) return;
  const chained = chainAuditRows(rows, head.last_seq, head.last_hash, new Date(), head.chain_id);
  let start = 0;
  for (; start + ROWS_PER_STATEMENT < chained.rows.length; start += ROWS_PER_STATEMENT) {
    await trx.insertInto('audit_events').values(chained.rows.slice(start, start + ROWS_PER_STATEMENT)).execute();
  }
  await trx
    .with('appended', (db) => db.insertInto('audit_events').values(chained.rows.slice(start)))
    .updateTable('audit_chain_heads')
    .set({ last_seq: chained.lastSeq, last_hash: chained.lastHash })
    .where('chain_id', '=', head.chain_id)
    .execute();
  headMovedIn(trx, { chain_id: head.chain_id, last_seq: chained.lastSeq, last_hash: chained.lastHash });
}
