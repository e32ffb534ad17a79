import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { GENESIS_HASH } from './audit-hash.js';

/** The newest link of one chain, as a writer holds it. */
export interface ChainHead {
  chain_id: number;
  last_seq: string;
  last_hash: string;
}

/** The most chains there may be (WARDEN_AUDIT_CHAINS, and the table's check). */
export const MAX_AUDIT_CHAINS = 64;

/**
 * The lowest head no other writer holds: a quiet deployment keeps appending to chain 0, and a
 * busy one spreads over as many chains as it has writers at once. A head this transaction
 * already holds (it appended before, or created the head: the row version is its own) comes
 * first: a transaction that appends twice stays on one chain, and never holds one head while
 * waiting for another, which two such transactions could do to each other.
 */
export const FREE_HEAD_SQL = freeHeadSql();

/**
 * `FREE_HEAD_SQL`, putting chain `avoid` last when given, and from the highest chain down when
 * `from` is `highest`: a writer whose chain another writer keeps moving (a mutation's own audit
 * event takes the lowest free head) goes to another free one if there is one, the one furthest
 * from where those writers look first, and takes the one it avoids only if it is the only one free.
 */
export function freeHeadSql(avoid?: number, from: 'lowest' | 'highest' = 'lowest'): string {
  if (avoid !== undefined && (!Number.isInteger(avoid) || avoid < 0 || avoid >= MAX_AUDIT_CHAINS)) throw new RangeError(`no audit chain ${avoid}`);
  return (
    'select chain_id, last_seq::text as last_seq, last_hash from audit_chain_heads ' +
    'order by (xmin = pg_current_xact_id()::xid or xmax = pg_current_xact_id()::xid) desc, ' +
    (avoid === undefined ? '' : `chain_id = ${avoid}, `) +
    `chain_id${from === 'highest' ? ' desc' : ''} limit 1 for update skip locked`
  );
}

/**
 * A new head after the highest, while there are fewer than `chains`. Heads are numbered from 0
 * without holes, so the next is the count. Another writer creating the same one meanwhile waits
 * for it and gets nothing back (then waits on a head like any other).
 */
export function newHeadSql(chains: number): string {
  if (!Number.isInteger(chains) || chains < 1 || chains > MAX_AUDIT_CHAINS) throw new RangeError(`the number of audit chains must be from 1 to ${MAX_AUDIT_CHAINS}`);
  return (
    `insert into audit_chain_heads (chain_id, last_seq, last_hash) select count(*), 0, '${GENESIS_HASH}' from audit_chain_heads having count(*) < ${chains} ` +
    'on conflict do nothing returning chain_id, last_seq::text as last_seq, last_hash'
  );
}

/**
 * With every head busy and no more to create: wait for one, picked by the connection's process
 * id, so writers waiting at once spread over the heads rather than queue on one.
 */
export const WAIT_HEAD_SQL =
  'select chain_id, last_seq::text as last_seq, last_hash from audit_chain_heads where chain_id = (select pg_backend_pid() % count(*) from audit_chain_heads) for update';

/**
 * Locks a head for the rest of `trx`: a free one, else a new one (up to `chains`), else it waits.
 * Never fails for want of a free head. `chains` 1: only the heads there are, chain 0 on a
 * database that never had more.
 */
export async function lockChainHead(trx: Transaction<Database>, chains: number): Promise<ChainHead> {
  for (const text of [FREE_HEAD_SQL, newHeadSql(chains), WAIT_HEAD_SQL]) {
    const { rows } = await sql<ChainHead>`${sql.raw(text)}`.execute(trx);
    const head = rows[0];
    if (head) return head;
  }
  throw new Error('audit_chain_heads has no row: the audit migrations did not run');
}

/**
 * Every head, locked in chain order for the rest of `trx`: retention and the partition upkeep
 * wait for the writers in flight and hold the others off. Writers hold one head each and never
 * wait for a second, so this cannot deadlock with them.
 */
export async function lockAllChainHeads(trx: Transaction<Database>): Promise<ChainHead[]> {
  return trx.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).orderBy('chain_id').forUpdate().execute();
}

/** Every head as it stands (in the caller's snapshot), in chain order. */
export async function readChainHeads(db: Db): Promise<ChainHead[]> {
  return db.selectFrom('audit_chain_heads').select(['chain_id', 'last_seq', 'last_hash']).orderBy('chain_id').execute();
}
