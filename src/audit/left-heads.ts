import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { ChainHead } from './chain-heads.js';

/**
 * Where a pool's group commit last left a chain's head: its next batch holds that head in the
 * same message as its rows (`copyAuditRows`), one round trip, and is refused only if another
 * writer moved or holds it.
 */
export interface LeftHead {
  head: ChainHead;
  /**
   * Appends still to take a head first: the left head was refused, and there was no other to go
   * to (one chain, every other busy), so another writer is likely to move it again soon.
   */
  slowFor: number;
}

const leftHeads = new WeakMap<pg.Pool, LeftHead>();

/**
 * The pool each database's group commit appends through, by the database's Kysely adapter: one
 * object that a `Kysely` and every transaction opened on it share, so an append inside a
 * transaction can find the group commit of its own database.
 */
const groupCommits = new WeakMap<object, pg.Pool>();

export function leftHeadOf(pool: pg.Pool): LeftHead | undefined {
  return leftHeads.get(pool);
}

export function leaveHead(pool: pg.Pool, left: LeftHead): void {
  leftHeads.set(pool, left);
}

/** Appends inside transactions on `db` tell the group commit on `pool` where they leave a head. */
export function groupCommitThrough(db: Kysely<any>, pool: pg.Pool): void {
  groupCommits.set(db.getExecutor().adapter, pool);
}

/**
 * An append inside `trx` (a mutation's own event) moved `head`. When that is the chain the
 * group commit last left, as on one instance, where both append to chain 0, the group commit's
 * next batch holds the head as moved, in one round trip, instead of being refused and appending
 * the slow way (about two round trips a batch on session start and end, where every request
 * records an event of its own).
 *
 * Told before `trx` commits. A batch sent while it is still open is refused as before (the head
 * is held), and so is one after it rolled back (the head is not there): both then append after
 * the head as it is. Nothing is chained after a head the database does not hold
 * (`audit_hold_chain_head`); this only saves round trips.
 */
export function headMovedIn(trx: Kysely<any>, head: ChainHead): void {
  const pool = groupCommits.get(trx.getExecutor().adapter);
  const left = pool && leftHeads.get(pool);
  if (!pool || !left || left.head.chain_id !== head.chain_id || BigInt(head.last_seq) <= BigInt(left.head.last_seq)) return;
  // The back-off after a refusal stays: with one chain and mutations at once, a batch sent while
  // one is open is refused, and appending the slow way for a while is then the cheaper guess.
  leftHeads.set(pool, { head, slowFor: left.slowFor });
}
