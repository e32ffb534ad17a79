import { type Kysely, sql } from 'kysely';

/**
 * The chain is numbered from 1, so a row numbered 0 or below is never one a gateway wrote: the
 * database refuses it, whoever inserts it (the application role may INSERT). The check goes on
 * the partitioned table, so every partition, and every partition created later, has it.
 *
 * Added NOT VALID and then validated only when no such row is there yet: a row forged before
 * this migration is evidence, which `npm run audit:verify` lists; it must not stop the deploy.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events add constraint audit_events_chain_seq_positive check (chain_seq > 0) not valid`.execute(db);
  await sql`
    do $$ begin
      if exists (select from audit_events where chain_seq <= 0) then
        raise notice 'audit_events holds rows numbered 0 or below, which no gateway writes: new ones are refused from now on; '
          'run npm run audit:verify to list these.';
      else
        alter table audit_events validate constraint audit_events_chain_seq_positive;
      end if;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events drop constraint audit_events_chain_seq_positive`.execute(db);
}
