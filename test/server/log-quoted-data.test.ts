import { GraphQLError } from 'graphql';
import { DatabaseError } from 'pg-protocol';
import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../support/capturing-logger.js';

/** A unique violation as node-postgres raises it: the duplicate value is in its detail. */
function duplicateEmail(): DatabaseError {
  const error = new DatabaseError('duplicate key value violates unique constraint "users_email_key"', 0, 'error');
  error.code = '23505';
  error.detail = 'Key (email)=(jane@acme.test) already exists.';
  error.table = 'users';
  error.constraint = 'users_email_key';
  error.where = "SQL statement \"insert into users (email) values ('jane@acme.test')\"";
  return error;
}

describe('logged errors say what failed without quoting the data', () => {
  it("drops PostgreSQL's detail, where and internal query, keeping the SQLSTATE, table and constraint", () => {
    const { logger, lines } = capturingLogger();
    logger.error({ err: duplicateEmail() }, 'insert failed');
    const line = lines.join('\n');
    expect(line).toContain('"code":"23505"');
    expect(line).toContain('users_email_key');
    expect(line).toContain('"table":"users"');
    expect(line).not.toContain('jane@acme.test');
  });

  it('changes only what it writes: the error logged keeps its fields for whoever handles it next', () => {
    const { logger } = capturingLogger();
    const error = duplicateEmail();
    const answered = new GraphQLError('Refused.', { extensions: { code: 'BAD_USER_INPUT', detail: 'kept for the answer' } });
    logger.error({ err: error }, 'insert failed');
    logger.error({ err: answered }, 'refused');
    expect(error.detail).toBe('Key (email)=(jane@acme.test) already exists.');
    expect(answered.extensions['detail']).toBe('kept for the answer');
  });

  it('does so inside errors that carry one: several failures at once, a property holding it, a cause', () => {
    const { logger, lines } = capturingLogger();
    logger.error({ err: new AggregateError([duplicateEmail(), duplicateEmail()], 'two inserts failed') }, 'batch failed');
    logger.error({ err: Object.assign(new Error('append failed'), { database: duplicateEmail() }) }, 'append failed');
    logger.error({ err: new GraphQLError('Unexpected error.', { originalError: duplicateEmail() }) }, 'resolver failed');
    logger.error({ err: new Error('write failed', { cause: duplicateEmail() }) }, 'write failed');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).not.toContain('jane@acme.test');
    // The carried errors are still there to read, by SQLSTATE.
    expect(lines[0]).toContain('"code":"23505"');
    expect(lines[1]).toContain('"code":"23505"');
  });
});
