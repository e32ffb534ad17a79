import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { appendToChain } from './append-audit-rows.js';
import { lockAllChainHeads } from './chain-heads.js';

/** `audit_events_y2026m11` for November 2026. */
export function partitionName(month: Date): string {
  return `audit_events_y${month.getUTCFullYear()}m${String(month.getUTCMonth() + 1).padStart(2, '0')}`;
}

function monthStart(date: Date, offset = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
}

/** `2026-11` */
function monthLabel(month: Date): string {
  return month.toISOString().slice(0, 7);
}

export interface EnsuredPartitions {
  created: string[];
  /**
   * Months (`2026-11`) whose rows already sit in `audit_events_default`: their partition cannot
   * be created until `moveStrandedAuditRows` moves them.
   */
  stranded: string[];
}

/**
 * Partition upkeep and retention take turns (and two instances starting together do too):
 * whoever comes second waits, then finds the work done.
 */
async function lockPartitions(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('warden_audit_partitions'))`.execute(trx);
}

async function partitionExists(trx: Transaction<Database>, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`select to_regclass(${name}) is not null as found`.execute(trx);
  return rows[0]?.found ?? false;
}

/**
 * Whether `name` is a partition of audit_events now: a table of that name detached (by hand, or
 * by an old retention) stores nothing the table's writers send, which land in the default.
 */
async function partitionAttached(db: Db | Transaction<Database>, name: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
                    where i.inhparent = 'audit_events'::regclass and c.relname = ${name}) as found`.execute(db);
  return rows[0]?.found ?? false;
}

async function createPartition(trx: Transaction<Database>, month: Date): Promise<string> {
  const name = partitionName(month);
  // DDL takes no bind parameters: the bounds are literals built from dates, never from input.
  await sql`create table ${sql.id(name)} partition of audit_events for values from (${sql.lit(month.toISOString())}) to (${sql.lit(monthStart(month, 1).toISOString())})`.execute(trx);
  await sql`select audit_events_guard_partition(${sql.lit(name)}::regclass)`.execute(trx);
  return name;
}

/**
 * Creates the monthly partitions from this month to `monthsAhead` months on, each guarded
 * against TRUNCATE. Idempotent; needs the table owner's rights (`npm run audit:partitions`, or a
 * gateway that migrates at start). Rows for a month without a partition land in the default
 * partition, so a write never fails for want of one; but that month's partition can then not
 * be created (its rows are `stranded`) until they are moved.
 */
export async function ensureAuditPartitions(db: Db, now = new Date(), monthsAhead = 2): Promise<EnsuredPartitions> {
  return db.transaction().execute(async (trx) => {
    await lockPartitions(trx);
    const result: EnsuredPartitions = { created: [], stranded: [] };
    for (let i = 0; i <= monthsAhead; i++) {
      const from = monthStart(now, i);
      if (await partitionExists(trx, partitionName(from))) continue;
      const { rows } = await sql<{ found: boolean }>`
        select exists (select 1 from audit_events_default where occurred_at >= ${from} and occurred_at < ${monthStart(now, i + 1)}) as found`.execute(trx);
      if (rows[0]?.found) result.stranded.push(monthLabel(from));
      else result.created.push(await createPartition(trx, from));
    }
    return result;
  });
}

/**
 * The monthly partitions missing for this month and the next (`2026-12`): no table, or a table
 * of that name no longer attached. Only reads the catalog, so the application role may ask: the
 * gateway warns while any is missing.
 */
export async function missingAuditPartitions(db: Db, now = new Date()): Promise<string[]> {
  const missing: string[] = [];
  for (const month of [monthStart(now), monthStart(now, 1)]) {
    if (!(await partitionAttached(db, partitionName(month)))) missing.push(monthLabel(month));
  }
  return missing;
}

/**
 * Moves the rows stranded in `audit_events_default` into monthly partitions of their own, so
 * those months can be kept or retired like any other. The rows are copied unchanged (the chain
 * stays whole) and the old default partition is dropped, all in one transaction, with writers
 * waiting at the chain heads meanwhile. Owner only.
 */
export async function moveStrandedAuditRows(db: Db): Promise<{ months: string[]; rows: number }> {
  return db.transaction().execute(async (trx) => {
    await lockPartitions(trx);
    await lockAllChainHeads(trx);
    const { rows: found } = await sql<{ month: Date }>`
      select distinct date_trunc('month', occurred_at, 'UTC') as month from audit_events_default order by 1`.execute(trx);
    if (found.length === 0) return { months: [], rows: 0 };
    await sql`alter table audit_events detach partition audit_events_default`.execute(trx);
    await sql`alter table audit_events_default rename to audit_events_stranded`.execute(trx);
    for (const { month } of found) await createPartition(trx, month);
    const moved = await sql`insert into audit_events select * from audit_events_stranded`.execute(trx);
    await sql`drop table audit_events_stranded`.execute(trx);
    await sql`create table audit_events_default partition of audit_events default`.execute(trx);
    await sql`select audit_events_guard_partition('audit_events_default')`.execute(trx);
    return { months: found.map(({ month }) => monthLabel(month)), rows: Number(moved.numAffectedRows ?? 0n) };
  });
}

/** Retention would leave the chain with a hole, remove unsealed rows or the month being written: nothing was detached. */
export class RetentionRefused extends Error {}

/** The last row of a chain a signed checkpoint (chain 0's, one chain) or seal (every chain) names; 0 when none. */
async function sealedThrough(trx: Transaction<Database>, chainId: number): Promise<bigint> {
  const { rows } = await sql<{ seq: string | null }>`
    select greatest(
      (select max(chain_seq) from audit_seal_heads where chain_id = ${chainId}),
      (select max(chain_seq) from audit_checkpoints where ${chainId} = 0)
    )::text as seq`.execute(trx);
  return BigInt(rows[0]?.seq ?? '0');
}

/**
 * Retention: detaches (and, with `drop`, drops) the monthly partitions wholly before `before`,
 * and records it in each chain (`audit_retention`, naming the chain's first row kept), all in one
 * transaction: either both happen or neither. Detaching keeps the rows in a standalone table for
 * archiving; only the table owner can. Refuses (RetentionRefused) when rows before `before` sit
 * in the default partition, or anything else would leave kept rows before removed ones.
 */
export async function detachAuditPartitionsBefore(db: Db, before: Date, drop: boolean): Promise<string[]> {
  const cutoff = monthStart(before);
  const thisMonth = monthStart(new Date());
  if (cutoff > thisMonth) {
    throw new RetentionRefused(
      `--before ${monthLabel(cutoff)} is after this month (${monthLabel(thisMonth)}): retention removes whole past months and never the one being written, so nothing was detached. Choose ${monthLabel(thisMonth)} or earlier.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    await lockPartitions(trx);
    // The heads first, as writers take them: they wait here rather than deadlock on the detach.
    const heads = await lockAllChainHeads(trx);
    const stranded = await sql<{ n: number; months: string | null }>`
      select count(*)::int as n, string_agg(distinct to_char(occurred_at at time zone 'UTC', 'YYYY-MM'), ', ') as months
        from audit_events_default where occurred_at < ${cutoff}`.execute(trx);
    const strandedRows = stranded.rows[0];
    if (strandedRows && strandedRows.n > 0) {
      throw new RetentionRefused(
        `audit_events_default holds ${strandedRows.n} rows from before ${monthLabel(cutoff)} (${strandedRows.months}), written while their month had no partition. ` +
          'Detaching the months around them would cut the chain, so nothing was detached. Run `npm run audit:partitions -- --move-stranded` as the table owner ' +
          '(it moves them, unchanged, into monthly partitions), then run retention again.',
      );
    }
    const partitions = await sql<{ name: string }>`
      select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
       where i.inhparent = 'audit_events'::regclass and c.relname like 'audit_events_y%' order by c.relname`.execute(trx);
    const detached: string[] = [];
    const lastDetached = new Map<number, bigint>();
    for (const { name } of partitions.rows) {
      const match = /^audit_events_y(\d{4})m(\d{2})$/.exec(name);
      if (!match || new Date(Date.UTC(Number(match[1]), Number(match[2]), 1)) > cutoff) continue;
      await sql`alter table audit_events detach partition ${sql.id(name)}`.execute(trx);
      const { rows } = await sql<{ chain_id: number; last: string }>`select chain_id, max(chain_seq)::text as last from ${sql.table(name)} group by chain_id`.execute(trx);
      for (const { chain_id: chainId, last } of rows) if (BigInt(last) > (lastDetached.get(chainId) ?? 0n)) lastDetached.set(chainId, BigInt(last));
      if (drop) await sql`drop table ${sql.id(name)}`.execute(trx);
      detached.push(name);
    }
    if (detached.length === 0) return detached;
    // Rows no signed checkpoint or seal covers would leave with nothing outside them to prove
    // what they were (and verify, seeing the retention record, could not tell): refused.
    for (const [chainId, last] of lastDetached) {
      const sealed = await sealedThrough(trx, chainId);
      if (last > sealed) {
        throw new RetentionRefused(
          `Rows ${sealed + 1n} to ${last}${chainId === 0 ? '' : ` of chain ${chainId}`} are in the months to detach but no signed checkpoint or seal covers them yet, so nothing was detached: ` +
            'let the checkpointer sign them (a running gateway does, every WARDEN_AUDIT_CHECKPOINT_SECONDS; `npm run audit:verify` says whether checkpoints are stale), then run retention again.',
        );
      }
    }
    // Each chain goes on from its own first kept row, and says so in a record of its own.
    for (const head of heads) {
      const first = await trx.selectFrom('audit_events').select('chain_seq').where('chain_id', '=', head.chain_id).orderBy('chain_seq').limit(1).executeTakeFirst();
      // With every row of the chain detached, it goes on from the retention record itself.
      const keptFrom = first?.chain_seq ?? (BigInt(head.last_seq) + 1n).toString();
      const last = lastDetached.get(head.chain_id) ?? 0n;
      if (BigInt(keptFrom) <= last) {
        throw new RetentionRefused(
          `Row ${keptFrom}${head.chain_id === 0 ? '' : ` of chain ${head.chain_id}`} would stay while row ${last} went (rows written out of time order across months), so nothing was detached. ` +
            'Choose a --before month one earlier or later.',
        );
      }
      // The chain now starts later; say so in the chain itself, so verify can tell retention from tampering.
      await appendToChain(trx, head, [
        {
          kind: 'audit_retention',
          actor_kind: 'system',
          actor_name: 'Warden',
          details: { detached, dropped: drop, before: cutoff.toISOString(), keptFrom },
          summary: `Warden ${drop ? 'deleted' : 'detached'} the audit months before ${monthLabel(cutoff)} (${detached.join(', ')}) under the retention policy`,
        },
      ]);
    }
    return detached;
  });
}
