import { type Kysely, sql } from 'kysely';

/**
 * `audit_hold_chain_head(chain, seq, hash)`: locks a chain's head for the rest of the
 * transaction if it is still where the caller last left it (row `seq`, hash `hash`) and no other
 * transaction holds it; otherwise raises `serialization_failure` (40001), without waiting.
 *
 * It lets a writer that remembers the head it last moved send its whole append at once (take
 * the head, COPY the rows chained after it, move the head, commit: one round trip instead of
 * four, see `src/audit/copy-audit-rows.ts`). The rows were hashed over that head before the
 * server saw them, so if another writer moved it meanwhile the raise aborts the transaction and
 * nothing of it is stored; the writer then appends the slow way. A plain function of the caller's
 * rights: it needs what a writer has anyway (UPDATE on `audit_chain_heads`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function audit_hold_chain_head(chain smallint, seq bigint, hash text) returns void language plpgsql as $$
    begin
      perform 1 from audit_chain_heads h where h.chain_id = chain and h.last_seq = seq and h.last_hash = hash for update skip locked;
      if not found then
        raise exception 'audit chain % is no longer at row % or another writer holds it', chain, seq using errcode = 'serialization_failure';
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function audit_hold_chain_head(smallint, bigint, text)`.execute(db);
}
