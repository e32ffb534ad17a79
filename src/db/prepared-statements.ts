import { createHash } from 'node:crypto';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';

/**
 * The pool Kysely runs on, preparing the statements it sends often. node-postgres sends every
 * query unnamed, so PostgreSQL parses and plans it anew each time: for the session read a
 * request makes (a join of five tables) that planning is most of what the statement costs the
 * server. Here a statement text seen `usesBeforePrepare` times gets a name, and from then on each
 * connection parses and plans it once, the way pgx and postgres.js do by default.
 *
 * Only statements with parameters, sent outside a transaction, are named: a parameterless text
 * goes by the simple protocol (it may hold several statements), and outside a transaction a
 * statement that failed left nothing behind, so it can go again, unnamed. That is what happens
 * when a prepared statement went missing or was there already (behind a pooler that hands each
 * transaction another server session: from then on this pool names nothing), and when a
 * migration changed a table under a plan (a column added under `select *`, a column's type
 * changed under a parameter's): if the statement then runs unnamed, the text is prepared again
 * under a new name.
 *
 * The names are bounded (`maxStatements` of them, each a plan on every connection that used it),
 * and so are the texts counted on their way there: a stream of ever-new texts (an `in` list of
 * every length) costs a map of bounded size, whose counts start again when it fills.
 */
export function preparingPool(pool: pg.Pool, options: PreparingOptions = {}): PostgresPool {
  const cache = new StatementCache(options);
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let preparing = wrapped.get(client);
      if (!preparing) {
        preparing = new PreparingClient(client, cache);
        wrapped.set(client, preparing);
      }
      return preparing;
    },
    end: () => pool.end(),
  };
}

export interface PreparingOptions {
  /** How many statement texts get a name, at most. @default 200 */
  maxStatements?: number;
  /** How often a text is sent unnamed before it is prepared. @default 3 */
  usesBeforePrepare?: number;
}

/** How many texts are counted while they wait for their uses, at most. */
const WATCHED_MAX = 2_000;

/**
 * A statement's name, from its text: whichever gateway process prepared a name, it stands for
 * one text. Behind a pooler that hands a connection's next statement to another server session,
 * that session either lacks the name (an error, and the statement goes again unnamed) or holds
 * it for the same text; a counter's names could run another process's statement with these
 * values. `generation` counts the times a migration made the text's plan stale in this process.
 */
function statementName(text: string, generation: number): string {
  return `warden_${createHash('sha256').update(text).digest('hex').slice(0, 24)}_${generation}`;
}

interface Statement {
  uses: number;
  name: string | null;
  /** How often this text's plan stopped fitting its tables in this process; past one, it goes unnamed. */
  generation: number;
}

class StatementCache {
  readonly #statements = new Map<string, Statement>();
  readonly #maxStatements: number;
  readonly #usesBeforePrepare: number;
  #named = 0;
  #disabled = false;

  constructor(options: PreparingOptions) {
    this.#maxStatements = options.maxStatements ?? 200;
    this.#usesBeforePrepare = options.usesBeforePrepare ?? 3;
  }

  /** The name `text` goes under this time, or null to send it unnamed. */
  nameFor(text: string): string | null {
    if (this.#disabled) return null;
    let statement = this.#statements.get(text);
    if (!statement) {
      if (this.#statements.size >= WATCHED_MAX) this.#forgetUnnamed();
      statement = { uses: 0, name: null, generation: 0 };
      this.#statements.set(text, statement);
    }
    if (statement.name === null && statement.generation <= 1 && ++statement.uses >= this.#usesBeforePrepare) this.#name(text, statement);
    return statement.name;
  }

  /**
   * The plan named `failed` no longer fits its tables, and the text ran unnamed: the next use
   * prepares it under a new name, which every connection parses afresh. A use that failed
   * under an older name changes nothing (another already renamed it). A text renamed once
   * whose plan fails again goes unnamed from then on: behind PgBouncer, which keeps one server
   * statement per text whatever its name, a new name would find the same stale plan.
   */
  replan(text: string, failed: string): void {
    const statement = this.#statements.get(text);
    if (!statement || statement.name !== failed) return;
    statement.name = null;
    this.#named -= 1;
    statement.generation += 1;
    if (statement.generation <= 1) this.#name(text, statement);
  }

  /** The server sessions do not keep prepared statements: name nothing from now on. */
  disable(): void {
    this.#disabled = true;
  }

  #name(text: string, statement: Statement): void {
    if (this.#named >= this.#maxStatements) return;
    this.#named += 1;
    statement.name = statementName(text, statement.generation);
  }

  /**
   * Many texts were each sent a few times: their counts start again. Named texts stay, and so
   * do texts ever named: a connection may still hold one of their old names, which must never
   * be handed out again for a plan that no longer fits.
   */
  #forgetUnnamed(): void {
    for (const [text, statement] of this.#statements) {
      if (statement.name === null && statement.generation === 0) this.#statements.delete(text);
    }
  }
}

/** A pooled connection as Kysely sees it, naming the statements `cache` says to. */
class PreparingClient implements PostgresPoolClient {
  readonly #client: pg.PoolClient;
  readonly #cache: StatementCache;
  /** node-postgres's record of this connection's statements can no longer be trusted. */
  #untrusted = false;

  constructor(client: pg.PoolClient, cache: StatementCache) {
    this.#client = client;
    this.#cache = cache;
  }

  query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters: readonly unknown[] = []): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string') return this.#client.query(sqlOrCursor as PostgresCursor<R> & pg.Submittable);
    // Kysely hands over an array of its own; node-postgres reads the values without changing them.
    return this.#send(sqlOrCursor, parameters as unknown[]) as Promise<PostgresQueryResult<R>>;
  }

  /** Back to the pool, or closed when its record of prepared statements went wrong. */
  release(): void {
    if (this.#untrusted) this.#client.release(true);
    else this.#client.release();
  }

  async #send(text: string, values: unknown[]): Promise<pg.QueryResult> {
    const client = this.#client;
    // 'I': no transaction open, as the server said with its last ReadyForQuery.
    const name = values.length > 0 && client.getTransactionStatus() === 'I' ? this.#cache.nameFor(text) : null;
    if (name === null) return client.query(text, values);
    try {
      return await client.query({ name, text, values });
    } catch (error) {
      if (!(error instanceof pg.DatabaseError)) {
        // Failed before the server answered: a value node-postgres could not convert (it then
        // closes the statement but still records it as parsed), or a broken connection.
        this.#untrusted = true;
        throw error;
      }
      // Refused before it ran, and outside a transaction nothing of it stayed: it goes again unnamed.
      if (isLostStatement(error)) {
        this.#cache.disable();
        return client.query(text, values);
      }
      if (!planMayNotFit(error)) throw error;
      const answer = await client.query(text, values);
      this.#cache.replan(text, name);
      return answer;
    }
  }
}

/**
 * Whether a named statement's error may be its plan's alone, its tables having changed under
 * it: a result type that changed under `select *` ("cached plan must not change result type"),
 * or parameter types fixed when it was prepared that no longer fit a changed column (an
 * operator or a conversion missing, a value out of the old type's range). Sent again unnamed,
 * the statement is planned for the tables as they are; if it fails then too, that error stands.
 */
function planMayNotFit(error: pg.DatabaseError): boolean {
  const code = error.code ?? '';
  if (code === FEATURE_NOT_SUPPORTED) return error.message.includes('cached plan must not change result type');
  return code.startsWith(SYNTAX_OR_ACCESS_CLASS) || code.startsWith(DATA_EXCEPTION_CLASS);
}

/**
 * A prepared statement this connection was thought to hold is not there, or one thought new is:
 * its server session changed under it (a pooler) or someone ran DEALLOCATE or DISCARD.
 */
export function isLostStatement(error: unknown): boolean {
  const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
  return code === INVALID_STATEMENT_NAME || code === DUPLICATE_PREPARED_STATEMENT;
}

const SYNTAX_OR_ACCESS_CLASS = '42';
const DATA_EXCEPTION_CLASS = '22';
const INVALID_STATEMENT_NAME = '26000';
const DUPLICATE_PREPARED_STATEMENT = '42P05';
const FEATURE_NOT_SUPPORTED = '0A000';
