import { buildSchema, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { publicReads, readPathOf } from '../../src/audit/public-reads.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import type { FieldPlan } from '../../src/policy/plugin/types.js';

const { schema, catalog } = buildDemoSchema();

/** Public reads of a document over a result, as the audit trail counts them after execution. */
function readsOf(source: string, data: unknown, errored: string[] = []) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error('no operation');
  const reads = publicReads(schema, document, operation, data, catalog.fields, new Set(errored));
  return Object.fromEntries(reads.map((r) => [r.typeField, { count: r.count, paths: r.paths }]));
}

const invoices = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `inv_${i}`, number: `N-${i}`, createdAt: '2026-01-01T00:00:00Z' }));

describe('public reads counted from the result', () => {
  it('counts every object of a list, keeps 20 example paths, and leaves classified fields to the policy wrapper', () => {
    const reads = readsOf('{ account { id invoices(first: 500) { id number createdAt } } }', { account: { id: 'acc_acme', invoices: invoices(500) } });
    expect(reads['Invoice.number']?.count).toBe(500);
    expect(reads['Invoice.number']?.paths).toHaveLength(20);
    expect(reads['Invoice.number']?.paths[3]).toBe('account.invoices[3].number');
    expect(reads['Account.invoices']).toEqual({ count: 1, paths: ['account.invoices'] });
    // internal: recorded by the policy wrapper with object ids, not here.
    expect(reads['Invoice.createdAt']).toBeUndefined();
  });

  it('counts a field selected twice under one response key once, and each alias on its own', () => {
    const reads = readsOf(
      `query { account { ...Ids id first: name second: name invoices { number ... on Invoice { number } } } }
       fragment Ids on Account { id }`,
      { account: { id: 'acc_acme', first: 'Acme', second: 'Acme', invoices: invoices(3) } },
    );
    expect(reads['Account.id']?.count).toBe(1);
    expect(reads['Account.name']).toEqual({ count: 2, paths: ['account.first', 'account.second'] });
    expect(reads['Invoice.number']?.count).toBe(3);
  });

  it('counts a list field by field exactly as object by object: nulls, nested objects, skipped fields', () => {
    const document = `query Q($skip: Boolean!) { account { users { id name role notificationSettings { smsAlerts } } invoices { id number status @skip(if: $skip) } } }`;
    const users = Array.from({ length: 30 }, (_, i) => ({ id: `usr_${i}`, name: `U${i}`, role: 'member', notificationSettings: i % 3 ? { smsAlerts: true } : null }));
    const data = { account: { users, invoices: [...invoices(25).map(({ id, number }) => ({ id, number })), null, { id: 'inv_x', number: 'X' }] } };
    const byField = readsOf(document, data);
    // An errored path elsewhere makes the walk go object by object (it must look at every path).
    const byObject = readsOf(document, data, ['somewhere.else']);
    expect(byField).toEqual(byObject);
    expect(byField['Invoice.number']?.count).toBe(26);
    expect(byField['Invoice.status']).toBeUndefined();
    expect(byField['User.notificationSettings']?.count).toBe(30);
    expect(byField['Invoice.id']?.paths[19]).toBe('account.invoices[19].id');
  });

  it('does not count a field whose error nulled it (refused or failed: not read)', () => {
    const reads = readsOf('{ account { invoices { id number } } }', { account: { invoices: invoices(3) } }, ['account.invoices[1].number']);
    expect(reads['Invoice.number']).toEqual({ count: 2, paths: ['account.invoices[0].number', 'account.invoices[2].number'] });
    expect(reads['Invoice.id']?.count).toBe(3);
  });

  it('writes each path as an error path is written, however deep, so a refused value below a list is found and left out', () => {
    const users = Array.from({ length: 4 }, (_, i) => ({ id: `usr_${i}`, notificationSettings: { smsAlerts: true } }));
    const paymentMethods = Array.from({ length: 3 }, (_, i) => ({ id: `pm_${i}`, brand: 'visa' }));
    const document = '{ account { users { id notificationSettings { smsAlerts } } paymentMethods { id brand } } }';
    const errored = [readPathOf(['account', 'users', 2, 'notificationSettings']), readPathOf(['account', 'paymentMethods', 1, 'brand'])];
    const reads = readsOf(document, { account: { users, paymentMethods } }, errored);
    expect(reads['User.notificationSettings']).toEqual({ count: 3, paths: [0, 1, 3].map((i) => readPathOf(['account', 'users', i, 'notificationSettings'])) });
    expect(reads['PaymentMethod.brand']).toEqual({ count: 2, paths: [0, 2].map((i) => readPathOf(['account', 'paymentMethods', i, 'brand'])) });
    expect(reads['User.id']?.paths).toEqual([0, 1, 2, 3].map((i) => `account.users[${i}].id`));
  });

  it('counts root introspection as one read of the schema, and nothing inside it', () => {
    const reads = readsOf('{ __typename __schema { types { name } } t: __type(name: "User") { name fields { name } } account { __typename id } }', {
      __typename: 'Query',
      __schema: { types: [{ name: 'Query' }, { name: 'User' }] },
      t: { name: 'User', fields: [{ name: 'id' }] },
      account: { __typename: 'Account', id: 'acc_acme' },
    });
    expect(reads).toEqual({
      'Query.__typename': { count: 1, paths: ['__typename'] },
      'Query.__schema': { count: 1, paths: ['__schema'] },
      'Query.__type': { count: 1, paths: ['t'] },
      'Query.account': { count: 1, paths: ['account'] },
      'Account.id': { count: 1, paths: ['account.id'] },
    });
  });

  it('takes whose data each object was from what its field returned, item by item; other types carry no ids', () => {
    const document = parse('{ directory(search: "a") { accountName } account { invoices { number } } }');
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const data = { directory: [{ accountName: 'Acme Co' }, { accountName: 'Globex' }], account: { invoices: invoices(2) } };
    const returned = new Map<string, unknown>([['directory', [{ userId: 'usr_jane', accountName: 'Acme Co' }, { userId: 'usr_grace', accountName: 'Globex' }]]]);
    const reads = new Map(publicReads(schema, document, operation, data, catalog.fields, new Set(), returned).map((r) => [r.typeField, r]));
    expect([...(reads.get('DirectoryEntry.accountName')?.subjectIds ?? [])]).toEqual(['usr_jane', 'usr_grace']);
    expect(reads.get('Invoice.number')).toMatchObject({ count: 2, objectIds: new Set(), subjectIds: new Set() });
    // Without what was returned, nothing is guessed.
    const unknown = publicReads(schema, document, operation, data, catalog.fields).find((r) => r.typeField === 'DirectoryEntry.accountName');
    expect(unknown?.subjectIds.size).toBe(0);
  });
});

describe('one document sent again (yoga hands each request the parse it cached)', () => {
  const operationOf = (document: DocumentNode) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  /** A request's reads over its own parse of the text, as if the document had never been seen. */
  const fresh = (source: string, data: unknown, errored: string[] = [], plans: ReadonlyMap<string, FieldPlan> = catalog.fields) => {
    const document = parse(source);
    return publicReads(schema, document, operationOf(document), data, plans, new Set(errored));
  };

  it('counts each request from its own result, errors and all, as a fresh parse would', () => {
    const source = '{ account { id name invoices { id number } users { id name } } }';
    const document = parse(source);
    const requests: Array<[unknown, string[]]> = [
      [{ account: { id: 'acc_acme', name: 'Acme', invoices: invoices(3), users: [{ id: 'usr_jane', name: 'Jane' }] } }, []],
      [{ account: { id: 'acc_acme', name: 'Acme', invoices: invoices(25), users: [] } }, ['account.invoices[4].number']],
      [{ account: { id: 'acc_globex', name: null, invoices: [], users: [{ id: 'usr_grace', name: 'Grace' }, { id: 'usr_tom', name: 'Tom' }] } }, []],
    ];
    for (const [data, errored] of requests) {
      expect(publicReads(schema, document, operationOf(document), data, catalog.fields, new Set(errored))).toEqual(fresh(source, data, errored));
    }
  });

  it('returns the reads in the order a fresh parse would, whichever request met a type first', () => {
    const source = '{ account { activity { ... on Invoice { id number } ... on PaymentMethod { id brand } ... on ApiToken { id name } } } }';
    const document = parse(source);
    const invoice = { __typename: 'Invoice', id: 'inv_1', number: 'N-1' };
    const card = { __typename: 'PaymentMethod', id: 'pm_1', brand: 'visa' };
    const token = { __typename: 'ApiToken', id: 'tok_1', name: 'CI' };
    for (const activity of [[invoice], [token, card, invoice], [card, token]]) {
      const data = { account: { activity } };
      const reads = publicReads(schema, document, operationOf(document), data, catalog.fields);
      expect(reads.map((r) => r.typeField)).toEqual(fresh(source, data).map((r) => r.typeField));
      expect(reads).toEqual(fresh(source, data));
    }
  });

  it('counts each operation of a document by its own root, where they share a fragment', () => {
    // Introspection counts as a read of the schema at the root only: `Query.__typename` read
    // through a mutation's payload is not one, whichever operation met the fragment first.
    const rooted = buildSchema('type Query { payload: Payload } type Mutation { act: Payload } type Payload { query: Query }');
    const source = 'query Q { payload { ...F } } mutation M { act { ...F } } fragment F on Payload { query { __typename } }';
    const document = parse(source);
    const named = (doc: DocumentNode, name: string) => doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name)!;
    const plans = new Map<string, FieldPlan>();
    const requests: Array<[string, unknown]> = [
      ['Q', { payload: { query: { __typename: 'Query' } } }],
      ['M', { act: { query: { __typename: 'Query' } } }],
      ['Q', { payload: { query: { __typename: 'Query' } } }],
    ];
    for (const [name, data] of requests) {
      const freshDocument = parse(source);
      const asFresh = publicReads(rooted, freshDocument, named(freshDocument, name), data, plans);
      expect(publicReads(rooted, document, named(document, name), data, plans)).toEqual(asFresh);
    }
    expect(publicReads(rooted, document, named(document, 'M'), requests[1]![1], plans)).toEqual([]);
  });

  it('counts by the catalog each request is given, not the one the document was first counted under', () => {
    const source = '{ account { invoices { id number } } }';
    const document = parse(source);
    const data = { account: { invoices: invoices(2) } };
    const numberPlan = catalog.fields.get('Invoice.number')!;
    expect(numberPlan.classification).toBe('public');
    const reclassified = new Map(catalog.fields).set('Invoice.number', { ...numberPlan, classification: 'internal' });
    const asPublished = publicReads(schema, document, operationOf(document), data, catalog.fields);
    const asReclassified = publicReads(schema, document, operationOf(document), data, reclassified);
    expect(asPublished.map((r) => r.typeField)).toContain('Invoice.number');
    expect(asReclassified.map((r) => r.typeField)).not.toContain('Invoice.number');
    expect(asReclassified).toEqual(fresh(source, data, [], reclassified));
  });
});
