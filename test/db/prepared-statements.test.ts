import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { preparingPool } from '../../src/db/prepared-statements.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Statements Warden sends often are prepared on each connection (src/db/prepared-statements.ts).
 * Each test holds one connection, so what that connection prepared is what
 * `pg_prepared_statements` shows; that query has no parameters and so is never prepared itself.
 */
describe.skipIf(inject('databaseUrl') === null)('prepared statements on a server', () => {
  let database: TestDatabase;
  let db: Kysely<unknown>;
  beforeEach(async () => {
    database = await createTestDatabase({ migrated: false });
    db = openDatabase({ url: database.url ?? '', dataDir: 'memory://', poolSize: 1 }).db as unknown as Kysely<unknown>;
    await sql`create table things (id int primary key, label text not null)`.execute(db);
    await sql`insert into things values (1, 'one'), (2, 'two')`.execute(db);
  });
  afterEach(async () => {
    await db.destroy();
    await database.destroy();
  });

  const labelOf = async (id: number) => (await sql<{ label: string }>`select label from things where id = ${id}`.execute(db)).rows[0]?.label;
  const everything = async (id: number) => (await sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(db)).rows[0];
  const prepared = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements order by statement`.execute(db)).rows.map((row) => row.statement);

  it('prepares a statement on its third use and answers the same from it', async () => {
    expect(await labelOf(1)).toBe('one');
    expect(await labelOf(2)).toBe('two');
    expect(await prepared()).toEqual([]);
    expect(await labelOf(1)).toBe('one');
    expect(await prepared()).toEqual(['select label from things where id = $1']);
    expect(await labelOf(2)).toBe('two');
    expect(await labelOf(3)).toBeUndefined();
  });

  it('prepares nothing inside a transaction, where a refused statement could not go again', async () => {
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 5; i++) await sql`select label from things where id = ${1}`.execute(trx);
    });
    expect(await prepared()).toEqual([]);
  });

  it('still answers after a migration adds a column under a prepared select *, with the new column', async () => {
    for (let i = 0; i < 3; i++) expect(await everything(1)).toEqual({ id: 1, label: 'one' });
    expect(await prepared()).toEqual(['select * from things where id = $1']);
    await sql`alter table things add column note text not null default 'added'`.execute(db);
    expect(await everything(1)).toEqual({ id: 1, label: 'one', note: 'added' });
    expect(await everything(2)).toEqual({ id: 2, label: 'two', note: 'added' });
  });

  it('still answers after a migration changes a column\'s type under a prepared statement\'s parameter', async () => {
    // Prepared while id was an int, the statement's parameter stays an int: `text = int` has no
    // operator, so the plan fails where the same text unnamed, planned afresh, answers.
    for (let i = 0; i < 3; i++) expect(await labelOf(1)).toBe('one');
    await sql`alter table things alter column id type text`.execute(db);
    expect(await labelOf(1)).toBe('one');
    expect(await labelOf(2)).toBe('two');
  });

  it('prepares a text again once after its plan stopped fitting, and never a third time', async () => {
    const namesOfEverything = async () =>
      (await sql<{ name: string }>`select name from pg_prepared_statements where statement like 'select * from things%' order by name`.execute(db)).rows.map(
        (row) => row.name,
      );
    for (let i = 0; i < 3; i++) await everything(1);
    await sql`alter table things add column note text`.execute(db);
    for (let i = 0; i < 3; i++) expect(await everything(1)).toEqual({ id: 1, label: 'one', note: null });
    const twice = await namesOfEverything();
    expect(twice.map((name) => name.slice(-2))).toEqual(['_0', '_1']);
    await sql`alter table things add column size int`.execute(db);
    for (let i = 0; i < 5; i++) expect(await everything(1)).toEqual({ id: 1, label: 'one', note: null, size: null });
    expect(await namesOfEverything()).toEqual(twice);
  });

  it('renames a stale plan once however many connections find it stale at once', async () => {
    const two = openDatabase({ url: database.url ?? '', dataDir: 'memory://', poolSize: 2 }).db as unknown as Kysely<unknown>;
    const row = (id: number) => sql<Record<string, unknown>>`select * from things where id = ${id}`.execute(two);
    try {
      // Both connections hold the plan, then both find it stale in the same moment.
      for (let i = 0; i < 3; i++) await Promise.all([row(1), row(2)]);
      await sql`alter table things add column note text`.execute(two);
      const answers = await Promise.all([row(1), row(2)]);
      expect(answers.map((answer) => answer.rows[0])).toEqual([
        { id: 1, label: 'one', note: null },
        { id: 2, label: 'two', note: null },
      ]);
      await row(1);
      const names = (await sql<{ name: string }>`select name from pg_prepared_statements where statement like 'select * from things%'`.execute(two)).rows;
      expect(names.map((named) => named.name.slice(-2))).toContain('_1');
    } finally {
      await two.destroy();
    }
  });

  it('closes a connection whose value could not be sent, and goes on preparing', async () => {
    // node-postgres closes the statement when it cannot convert a value, yet records it as
    // parsed: reused, that connection would find the statement missing.
    const echo = (value: unknown) => sql<{ v: unknown }>`select ${value}::jsonb as v`.execute(db);
    for (let i = 0; i < 3; i++) await echo({ n: i });
    await expect(echo({ n: 1n })).rejects.toThrow(/BigInt/);
    expect((await echo({ n: 4 })).rows[0]?.v).toEqual({ n: 4 });
    for (let i = 0; i < 3; i++) await labelOf(1);
    expect(await prepared()).toContain('select label from things where id = $1');
  });

  it('answers when the connection lost its statements (a pooler, a DISCARD), and prepares nothing after', async () => {
    for (let i = 0; i < 3; i++) await labelOf(1);
    await sql`discard all`.execute(db);
    expect(await labelOf(2)).toBe('two');
    for (let i = 0; i < 5; i++) expect(await everything(1)).toEqual({ id: 1, label: 'one' });
    expect(await prepared()).toEqual([]);
  });

  it('prepares nothing when told not to', async () => {
    const unprepared = openDatabase({ url: database.url ?? '', dataDir: 'memory://', poolSize: 1, prepareStatements: false }).db;
    try {
      for (let i = 0; i < 5; i++) await sql`select label from things where id = ${1}`.execute(unprepared);
      expect((await sql`select statement from pg_prepared_statements`.execute(unprepared)).rows).toEqual([]);
    } finally {
      await unprepared.destroy();
    }
  });

  it('names at most as many statements as it is allowed', async () => {
    const pool = new pg.Pool({ connectionString: database.url ?? '', max: 1 });
    const bounded = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: preparingPool(pool, { maxStatements: 2, usesBeforePrepare: 1 }) }) });
    try {
      await sql`select label from things where id = ${1}`.execute(bounded);
      await sql`select id from things where label = ${'one'}`.execute(bounded);
      await sql`select count(*) from things where id > ${0}`.execute(bounded);
      expect((await sql`select statement from pg_prepared_statements`.execute(bounded)).rows).toHaveLength(2);
    } finally {
      await bounded.destroy();
    }
  });

  it('gives a text the same name in every pool and another text another, whatever order they came in', async () => {
    // Behind a pooler, a name one gateway prepared may be found on the server session another's
    // statement lands on: it must stand for the same text there, never run a different one.
    type Statement = (on: Kysely<unknown>) => Promise<unknown>;
    const byId: Statement = (on) => sql`select label from things where id = ${1}`.execute(on);
    const byLabel: Statement = (on) => sql`select id from things where label = ${'one'}`.execute(on);
    const namesFrom = async (statements: Statement[]): Promise<Map<string, string>> => {
      const pool = new pg.Pool({ connectionString: database.url ?? '', max: 1 });
      const other = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: preparingPool(pool, { usesBeforePrepare: 1 }) }) });
      try {
        for (const statement of statements) await statement(other);
        const rows = (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(other)).rows;
        return new Map(rows.map((row) => [row.statement, row.name]));
      } finally {
        await other.destroy();
      }
    };
    const first = await namesFrom([byId, byLabel]);
    const second = await namesFrom([byLabel, byId]);
    expect(first.size).toBe(2);
    expect(second).toEqual(first);
    expect(new Set(first.values()).size).toBe(2);
  });
});
