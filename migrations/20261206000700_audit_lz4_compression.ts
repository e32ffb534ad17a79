import { type Kysely, sql } from 'kysely';

/**
 * Audit rows' long values (`details`, which holds up to 200 object ids and 20 paths, and
 * `summary`) are compressed with lz4 instead of PostgreSQL's default pglz: compressing a list
 * read's `details` was about a sixth of the database's CPU per row on the write path (measured in
 * the audit writer benchmark, docs/performance.md). What is stored is unchanged: only values
 * written from now on are compressed the new way; rows already written keep theirs, and both read
 * alike. lz4 compresses less: the table grows by about a sixth.
 *
 * A column's compression applies to partitions created after it is set, not to those that exist,
 * so each existing partition is set too. A server built without lz4 (the embedded database) keeps
 * pglz.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await setCompression(db, 'lz4');
}

/** Back to the server's default (pglz unless configured otherwise), for values written from then on. */
export async function down(db: Kysely<any>): Promise<void> {
  await setCompression(db, 'default');
}

async function setCompression(db: Kysely<any>, method: 'lz4' | 'default'): Promise<void> {
  await sql`
    do $$
    declare
      target regclass;
    begin
      if ${sql.lit(method)} = 'lz4' and not exists (select from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        return;
      end if;
      for target in
        select 'audit_events'::regclass
        union all
        select inhrelid::regclass from pg_inherits where inhparent = 'audit_events'::regclass
      loop
        execute format('alter table %s alter column details set compression %s, alter column summary set compression %s', target, ${sql.lit(method)}, ${sql.lit(method)});
      end loop;
    end $$`.execute(db);
}
