import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely over PGlite, the embedded PostgreSQL that lets `npm start` run without a server.
 *
 * PGlite is one backend, so it has one session: a transaction opened by one request must not
 * see another request's statements interleaved. The driver therefore hands out its single
 * connection to one holder at a time and queues the rest, exactly as a pool of size one would.
 */
export class PGliteDialect implements Dialect {
  /**
   * `release` runs once the database is closed: it gives the data folder's lock back.
   * `searchPath`: the session's search_path, set once before the first query (one session only).
   */
  constructor(
    private readonly pglite: PGlite,
    private readonly release: () => void = () => {},
    private readonly searchPath: string | null = null,
  ) {}

  createAdapter() {
    return new PostgresAdapter();
  }

  createDriver(): Driver {
    return new PGliteDriver(this.pglite, this.release, this.searchPath);
  }

  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }

  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pglite: PGlite) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.pglite.query<R>(query.sql, [...query.parameters]);
    const command = result.command?.toUpperCase();
    const changesRows =
      command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return changesRows
      ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) }
      : { rows: result.rows };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on the embedded database.');
  }
}

class PGliteDriver implements Driver {
  readonly #connection: PGliteConnection;
  #held = false;
  readonly #waiting: Array<() => void> = [];

  constructor(
    private readonly pglite: PGlite,
    private readonly release: () => void,
    private readonly searchPath: string | null,
  ) {
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.pglite.waitReady;
    if (this.searchPath) await this.pglite.exec(`set search_path to ${this.searchPath}`);
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#held) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    this.#held = true;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#held = false;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection) {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    try {
      if (!this.pglite.closed) await this.pglite.close();
    } finally {
      this.release();
    }
  }
}
