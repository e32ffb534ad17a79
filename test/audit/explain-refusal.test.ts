import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../src/audit/explain-refusal.js';

describe('a refused request is explained in words an auditor reads', () => {
  it.each([
    ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "nope" on type "Account".', 'it asks for Account.nope, which does not exist'],
    ['GRAPHQL_VALIDATION_FAILED', 'Unknown argument "id" on field "Query.account".', 'it gives Query.account an argument "id", which Query.account does not take'],
    ['GRAPHQL_VALIDATION_FAILED', 'Field "invoice" argument "id" of type "ID!" is required, but it was not provided.', 'it leaves out "id", an argument invoice requires'],
    ['GRAPHQL_VALIDATION_FAILED', 'Unknown type "Secrets".', 'it names a type Secrets, which does not exist'],
    ['GRAPHQL_VALIDATION_FAILED', 'Int cannot represent non-integer value (value not shown)', 'a value written in it does not fit its type (the value is not recorded)'],
    ['GRAPHQL_VALIDATION_FAILED', 'GraphQL introspection has been disabled, but the requested query contained the field "__schema".', 'it asks for the schema itself (introspection), which is not served here'],
    ['BAD_USER_INPUT', 'Variable "$n" got an invalid value; check it against the variable\'s type in the schema.', 'the variable $n does not fit its type'],
    ['BAD_USER_INPUT', 'Variable "$n" of required type "Int!" was not provided.', 'it leaves out the required variable $n'],
    ['GRAPHQL_PARSE_FAILED', 'Syntax Error: Expected Name, found <EOF>.', 'its document is not valid GraphQL (Expected Name, found <EOF>.)'],
    ['QUERY_TOO_COMPLEX', 'Query depth limit of 10 exceeded, found 14. Split the query or nest fewer selections.', 'it goes over a limit (query depth limit of 10 exceeded, found 14)'],
    ['BAD_REQUEST', 'Send GraphQL requests as JSON with "Content-Type: application/json".', 'it was not sent as JSON'],
    ['BAD_REQUEST', 'Batching is not supported.', 'it sent several operations as one batch'],
  ])('%s: %s', (code, message, clause) => {
    expect(explainRefusal({ code, message })).toBe(clause);
  });

  it('keeps a message it does not know, as the response gave it, up to its first sentence', () => {
    expect(explainRefusal({ code: 'BAD_REQUEST', message: 'The document holds 2 operations (A, B); set "operationName" to the one to run.' })).toBe(
      'The document holds 2 operations (A, B); set "operationName" to the one to run',
    );
  });

  it('keeps a summary one line long, however long the names the caller wrote', () => {
    const clause = explainRefusal({ code: 'GRAPHQL_VALIDATION_FAILED', message: `Cannot query field "${'x'.repeat(5_000)}" on type "Account".` });
    expect(clause.length).toBeLessThanOrEqual(200);
    expect(clause.endsWith('…')).toBe(true);
  });
});
