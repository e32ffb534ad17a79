import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { AuditEventRow } from '../../db/tables/audit-event.js';
import { parseSealStatement, SEAL_FORMAT, type PublishedSeal } from '../audit-seal.js';
import type { PublishedCheckpoint } from '../checkpoints.js';

/** Where a destination stands, as its lease holder read it. */
export interface StreamPosition {
  lastSeq: string;
  /** Null before the first row was acknowledged. */
  lastHash: string | null;
}

/** Where a new destination starts: the chain's first row, or the row after the head at its first start. */
export type StreamStart = 'first' | 'next';

export interface LeaseOptions {
  destination: string;
  chain: string;
  /** This streamer's id: an instance and destination. */
  owner: string;
  leaseMs: number;
  start: StreamStart;
}

/**
 * Takes (or renews) the destination's lease and reads its position; null while another
 * streamer's lease runs. A destination seen for the first time gets its cursor here, at the
 * chain's start or its head. Times are the database's, so instances' clocks need not agree.
 */
export async function claimStreamCursor(db: Db, options: LeaseOptions, chainId: number): Promise<StreamPosition | null> {
  const { destination, chain, owner, leaseMs } = options;
  const until = sql<Date>`now() + ${leaseMs} * interval '1 millisecond'`;
  // `next` starts at the head only on the destination's first start: a chain first seen later
  // (created since, by writers at once) was written after that start, so all of it is sent.
  const startsNew = sql<boolean>`not exists (select from audit_stream_cursors where destination = ${destination})`;
  const startSeq =
    options.start === 'next' ? sql<string>`case when ${startsNew} then coalesce((select last_seq from audit_chain_heads where chain_id = ${chainId}), 0) else 0 end` : sql<string>`0`;
  const startHash =
    options.start === 'next' ? sql<string | null>`case when ${startsNew} then (select last_hash from audit_chain_heads where chain_id = ${chainId}) end` : sql<string | null>`null`;
  const { rows } = await sql<{ last_seq: string; last_hash: string | null }>`
    insert into audit_stream_cursors (destination, chain, last_seq, last_hash, lease_owner, lease_until)
    values (${destination}, ${chain}, ${startSeq}, ${startHash}, ${owner}, ${until})
    on conflict (destination, chain) do update set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
      where audit_stream_cursors.lease_owner = ${owner} or audit_stream_cursors.lease_until is null or audit_stream_cursors.lease_until < now()
    returning last_seq, last_hash`.execute(db);
  const row = rows[0];
  return row ? { lastSeq: String(row.last_seq), lastHash: row.last_hash } : null;
}

/**
 * A destination's first start with `next`: every chain there is then starts at its head, in one
 * statement, so that any chain seen later (created since, by writers at once) is known to be
 * newer than the start and is sent whole. Does nothing once the destination has a cursor. The
 * names are `chainName`'s (ocsf-event.ts).
 */
export async function startDestinationAtHeads(db: Db, destination: string): Promise<void> {
  await sql`
    insert into audit_stream_cursors (destination, chain, last_seq, last_hash)
    select ${destination}, case when chain_id = 0 then 'default' else 'chain-' || chain_id end, last_seq, last_hash
      from audit_chain_heads
     where not exists (select from audit_stream_cursors where destination = ${destination})
    on conflict do nothing`.execute(db);
}

/**
 * Moves the cursor from `from` to `to`, renewing the lease, only while this streamer holds it
 * and the cursor is where it read it. False: the lease was lost (another streamer took over).
 */
export async function advanceStreamCursor(db: Db, options: LeaseOptions, from: StreamPosition, to: { seq: string; hash: string }): Promise<boolean> {
  const result = await db
    .updateTable('audit_stream_cursors')
    .set({ last_seq: to.seq, last_hash: to.hash, lease_until: sql<Date>`now() + ${options.leaseMs} * interval '1 millisecond'`, advanced_at: sql<Date>`now()` })
    .where('destination', '=', options.destination)
    .where('chain', '=', options.chain)
    .where('lease_owner', '=', options.owner)
    .where('last_seq', '=', from.lastSeq)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Gives the lease back, so another instance may take the destination at once. */
export async function releaseStreamCursor(db: Db, options: Pick<LeaseOptions, 'destination' | 'chain' | 'owner'>): Promise<void> {
  await db
    .updateTable('audit_stream_cursors')
    .set({ lease_until: null })
    .where('destination', '=', options.destination)
    .where('chain', '=', options.chain)
    .where('lease_owner', '=', options.owner)
    .execute();
}

/**
 * Committed rows of `chain` after `afterSeq`, in chain order. Writers on a chain commit in its
 * order (one holds its head at a time), so these are never overtaken by an earlier row.
 */
export async function readRowsAfter(db: Db, chain: number, afterSeq: string, limit: number): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_events').selectAll().where('chain_id', '=', chain).where('chain_seq', '>', afterSeq).orderBy('chain_seq').limit(limit).execute();
}

/** The first row of `chain` after `afterSeq`, if any: its number and time, without reading the row. */
export async function firstRowAfter(db: Db, chain: number, afterSeq: string): Promise<{ chain_seq: string; occurred_at: Date } | undefined> {
  return db
    .selectFrom('audit_events')
    .select(['chain_seq', 'occurred_at'])
    .where('chain_id', '=', chain)
    .where('chain_seq', '>', afterSeq)
    .orderBy('chain_seq')
    .limit(1)
    .executeTakeFirst();
}

/** The chain head's sequence: how far there is to stream ("0" for a chain with no head yet). */
export async function chainHeadSeq(db: Db, chain: number): Promise<string> {
  const head = await db.selectFrom('audit_chain_heads').select('last_seq').where('chain_id', '=', chain).executeTakeFirst();
  return String(head?.last_seq ?? '0');
}

/** The chains there are to stream, in order: every head's. */
export async function streamedChains(db: Db): Promise<number[]> {
  return (await db.selectFrom('audit_chain_heads').select('chain_id').orderBy('chain_id').execute()).map((head) => head.chain_id);
}

type Attestation = PublishedCheckpoint | PublishedSeal;

/**
 * The newest checkpoint or seal at or before each row of `chain` from `firstSeq` to `lastSeq`:
 * what each streamed row is attested by. Four queries whatever the number of rows.
 */
export async function checkpointsFor(db: Db, chain: number, firstSeq: string, lastSeq: string): Promise<(seq: string) => Attestation | null> {
  const published: { seq: bigint; attestation: Attestation }[] = [];
  if (chain === 0) {
    const before = await db.selectFrom('audit_checkpoints').selectAll().where('chain_seq', '<=', firstSeq).orderBy('chain_seq', 'desc').limit(1).execute();
    const within = await db.selectFrom('audit_checkpoints').selectAll().where('chain_seq', '>', firstSeq).where('chain_seq', '<=', lastSeq).orderBy('chain_seq').execute();
    for (const c of [...before, ...within]) {
      published.push({ seq: BigInt(c.chain_seq), attestation: { seq: String(c.chain_seq), hash: c.hash, signedAt: c.signed_at.toISOString(), keyId: c.key_id, scheme: c.scheme, signature: c.signature } });
    }
  }
  const sealed = db.selectFrom('audit_seal_heads as h').innerJoin('audit_seals as s', 's.seal_id', 'h.seal_id').select(['h.chain_seq', 's.statement', 's.key_id', 's.scheme', 's.signature']).where('h.chain_id', '=', chain);
  const sealBefore = await sealed.where('h.chain_seq', '<=', firstSeq).orderBy('h.chain_seq', 'desc').orderBy('s.seal_id', 'desc').limit(1).execute();
  const sealsWithin = await sealed.where('h.chain_seq', '>', firstSeq).where('h.chain_seq', '<=', lastSeq).orderBy('h.chain_seq').orderBy('s.seal_id').execute();
  for (const s of [...sealBefore, ...sealsWithin]) {
    const claim = parseSealStatement(s.statement);
    if (!claim) continue;
    published.push({ seq: BigInt(s.chain_seq), attestation: { seal: SEAL_FORMAT, heads: claim.heads, signedAt: claim.signedAt.toISOString(), keyId: s.key_id, scheme: s.scheme, signature: s.signature } });
  }
  // Seals after the checkpoints at the same row: the newer statement wins.
  published.sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0));
  return (seq) => {
    let found: Attestation | null = null;
    for (const { seq: at, attestation } of published) if (at <= BigInt(seq)) found = attestation;
    return found;
  };
}
