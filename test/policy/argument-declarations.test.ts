import { POLICY_COLUMNS } from '../../src/policy/data-class.js';
import { refusesUndeclaredArguments } from '../../src/policy/use-argument-policy.js';
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { graphql as execute, getVariableValues, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { argumentReads } from '../../src/policy/argument-reads.js';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { compilePolicy } from '../../src/policy/compile-policy.js';
import { effectiveDecision } from '../../src/policy/decide.js';
import { fieldInventory } from '../../src/policy/field-inventory.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import WardenPolicyPlugin from '../../src/policy/plugin/index.js';
import { ALLOW, DENY, MASK, type FiltersBy, type RequestPolicy } from '../../src/policy/plugin/types.js';
import { refusedArguments } from '../../src/policy/use-argument-policy.js';
import { buildError } from './build-error.js';

interface Row {
  id: string;
  email: string;
  note: string;
}

const ROW: Row = { id: 'r1', email: 'jane.doe@acme.example', note: 'CNRYNOTE plans' };

interface TinyContext {
  policy: RequestPolicy;
}

interface TinyOptions {
  onUnclassified?: 'error' | 'secret';
  /** What `Query.rows(search:)` declares; undefined leaves it undeclared. */
  search?: FiltersBy;
  /** What `RowFilter.phone` declares; undefined leaves it undeclared. */
  phone?: FiltersBy;
  /** What `Query.rows(orderBy:)` declares. */
  orderBy?: FiltersBy;
}

/**
 * Rows with a public id, a pii email and a sensitive note, and arguments that filter and sort by
 * them: `rows` sorts by email unless told otherwise, and `RowFilter.email` has a default.
 */
function buildTinySchema(options: TinyOptions = {}): GraphQLSchema {
  const builder = new SchemaBuilder<{ Context: TinyContext; Objects: { Row: Row } }>({
    plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
    scopeAuth: { authScopes: () => ({}) },
    wardenPolicy: { onUnclassified: options.onUnclassified ?? 'error', requestPolicy: (context) => context.policy },
  });
  builder.objectType('Row', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      email: t.exposeString('email', { classification: 'pii', mask: 'email', nullable: true }),
      note: t.exposeString('note', { classification: 'sensitive', nullable: true }),
    }),
  });
  const RowOrder = builder.enumType('RowOrder', { values: ['ID', 'EMAIL'] as const });
  const RowFilter = builder.inputType('RowFilter', {
    fields: (t) => ({
      email: t.string({ filtersBy: 'Row.email', defaultValue: ROW.email }),
      phone: t.string({ ...(options.phone === undefined ? {} : { filtersBy: options.phone }) }),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      rows: t.field({
        type: ['Row'],
        callers: 'authenticated',
        classification: 'public',
        args: {
          orderBy: t.arg({ type: RowOrder, defaultValue: 'EMAIL', filtersBy: options.orderBy ?? { ID: false, EMAIL: 'Row.email' } }),
          noteContains: t.arg.string({ filtersBy: 'Row.note' }),
          first: t.arg.int({ filtersBy: false }),
          search: t.arg.string({ ...(options.search === undefined ? {} : { filtersBy: options.search }) }),
        },
        resolve: () => [ROW],
      }),
      filtered: t.field({
        type: ['Row'],
        callers: 'authenticated',
        classification: 'public',
        args: { filter: t.arg({ type: RowFilter }) },
        resolve: () => [ROW],
      }),
    }),
  });
  return builder.toSchema();
}

const DECLARED: TinyOptions = { search: 'Row.email', phone: false };

/** A read-only support session's view under `document` (default: the baseline), with `grants`. */
function supportPolicy(schema: GraphQLSchema, document: PolicyDocument = loadBaselinePolicy(), grants: string[] = []): RequestPolicy {
  const compiled = compilePolicy(1, document, fieldInventory(schema).values());
  return { version: 1, decisions: compiled.columns.impersonation_read_only, grants: new Set(grants), recorder: null };
}

/** What a document's arguments read, with its variables coerced as the gateway coerces them. */
function readsOf(schema: GraphQLSchema, source: string, variables: Record<string, unknown> = {}) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (!operation) throw new Error('no operation');
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables).coerced;
  if (!coerced) throw new Error('variables do not coerce');
  return argumentReads(schema, document, operation, coerced);
}

function refusalsFor(schema: GraphQLSchema, source: string, policy: RequestPolicy, impersonating = true) {
  return refusedArguments(readsOf(schema, source), fieldInventory(schema), policy, impersonating);
}

describe('every argument and input field says what it reads', () => {
  it('an undeclared one fails the build in development and test, listing every one', () => {
    const message = buildError(() => buildTinySchema({ onUnclassified: 'error' }));
    expect(message).toMatch(/These arguments and input fields do not say what they read/);
    expect(message).toContain('Query.rows(search:)');
    expect(message).toContain('RowFilter.phone');
  });

  it('a declaration naming no field of the schema fails the build', () => {
    expect(buildError(() => buildTinySchema({ ...DECLARED, search: 'Row.emial' }))).toContain('Query.rows(search:) says it filters by Row.emial, which is no field');
  });

  it('a per-value map must name every value of the enum', () => {
    const message = buildError(() => buildTinySchema({ ...DECLARED, orderBy: { EMAIL: 'Row.email' } }));
    expect(message).toContain('Query.rows(orderBy:) does not say what ID reads');
  });

  it('control: with every input declared, the schema builds', () => {
    expect(() => buildTinySchema(DECLARED)).not.toThrow();
  });

  it('in a production build, an undeclared one is refused under impersonation, and only there', () => {
    const schema = buildTinySchema({ onUnclassified: 'secret' });
    const policy = supportPolicy(schema);
    expect(refusalsFor(schema, '{ rows(orderBy: ID, search: "x") { id } }', policy)).toEqual([{ kind: 'undeclared', argument: 'Query.rows(search:)' }]);
    expect(refusalsFor(schema, '{ filtered(filter: { phone: "555" }) { id } }', policy)).toEqual([
      // The default email comes along: support sees emails masked.
      { kind: 'hidden-field', argument: 'RowFilter.email', field: 'Row.email' },
      { kind: 'undeclared', argument: 'RowFilter.phone' },
    ]);
    // The customer (not impersonating) and a document that leaves it out are not refused for it.
    expect(refusalsFor(schema, '{ rows(orderBy: ID, search: "x") { id } }', policy, false)).toEqual([]);
    expect(refusalsFor(schema, '{ rows(orderBy: ID) { id } }', policy)).toEqual([]);
  });
});

describe('whose undeclared arguments are refused', () => {
  it('an agent in a session and an AI assistant, in a session or not; not the customer nor staff', () => {
    const refused = POLICY_COLUMNS.filter(refusesUndeclaredArguments);
    expect(refused).toEqual(['impersonation_read_only', 'impersonation_read_write', 'assistant', 'assistant_session']);
  });
});

describe('the effective value of an argument is checked, defaults included', () => {
  const schema = buildTinySchema(DECLARED);
  const policy = supportPolicy(schema);

  it("reads the argument's schema default when the document leaves it out", () => {
    expect(readsOf(schema, '{ rows { id } }')).toEqual([{ argument: 'Query.rows(orderBy:)', field: 'Row.email' }]);
    expect(refusalsFor(schema, '{ rows { id } }', policy)).toEqual([{ kind: 'hidden-field', argument: 'Query.rows(orderBy:)', field: 'Row.email' }]);
  });

  it("reads an input field's schema default when the object leaves it out", () => {
    expect(readsOf(schema, '{ filtered(filter: {}) { id } }')).toEqual([{ argument: 'RowFilter.email', field: 'Row.email' }]);
    expect(readsOf(schema, 'query Q($f: RowFilter) { filtered(filter: $f) { id } }', { f: {} })).toEqual([{ argument: 'RowFilter.email', field: 'Row.email' }]);
  });

  it('control: an explicit public order, or an explicit null, reads nothing hidden', () => {
    expect(refusalsFor(schema, '{ rows(orderBy: ID) { id } }', policy)).toEqual([]);
    expect(readsOf(schema, '{ filtered(filter: { email: null }) { id } }')).toEqual([]);
    expect(readsOf(schema, '{ filtered { id } }')).toEqual([]);
  });
});

describe('a grant means the same for reading a field and for filtering by it', () => {
  const schema = buildTinySchema(DECLARED);
  const baseline = loadBaselinePolicy();
  const masksSensitive = structuredClone(baseline);
  masksSensitive.classes.sensitive.impersonation_read_only = 'mask';
  const notePlan = fieldInventory(schema).get('Row.note');
  if (!notePlan) throw new Error('no Row.note');

  it('a granted field the policy masks stays masked, so filtering by it is refused', async () => {
    const policy = supportPolicy(schema, masksSensitive, ['Row.note']);
    expect(effectiveDecision(notePlan, policy)).toBe(MASK);
    const read = await execute({ schema, source: '{ rows(orderBy: ID) { note } }', contextValue: { policy } });
    expect(read).toEqual({ data: { rows: [{ note: '[redacted]' }] } });
    expect(refusalsFor(schema, '{ rows(orderBy: ID, noteContains: "CNRY") { id } }', policy)).toEqual([
      { kind: 'hidden-field', argument: 'Query.rows(noteContains:)', field: 'Row.note' },
    ]);
  });

  it('control: a granted field the policy denies is shown, and may be filtered by', async () => {
    const policy = supportPolicy(schema, baseline, ['Row.note']);
    expect(effectiveDecision(notePlan, policy)).toBe(ALLOW);
    const read = await execute({ schema, source: '{ rows(orderBy: ID) { note } }', contextValue: { policy } });
    expect(read).toEqual({ data: { rows: [{ note: ROW.note }] } });
    expect(refusalsFor(schema, '{ rows(orderBy: ID, noteContains: "CNRY") { id } }', policy)).toEqual([]);
    expect(effectiveDecision(notePlan, supportPolicy(schema, baseline))).toBe(DENY);
  });
});
