import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { graphql as execute, graphqlSync, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { compilePolicy } from '../../src/policy/compile-policy.js';
import type { DataClass, MaskName, PolicyColumn } from '../../src/policy/data-class.js';
import { fieldInventory } from '../../src/policy/field-inventory.js';
import WardenPolicyPlugin, { PLAN_EXTENSION } from '../../src/policy/plugin/index.js';
import type { FieldPlan, RequestPolicy } from '../../src/policy/plugin/types.js';
import { FieldReadRecorder } from '../../src/audit/field-read-recorder.js';
import { wardenError } from '../../src/errors/index.js';
import { buildError } from './build-error.js';

/** The request state the tiny schema's policy reads: one decision array, chosen per request. */
interface TinyContext {
  policy: RequestPolicy;
}

interface Profile {
  id: string;
  email: string;
  note: string;
}

const PROFILE: Profile = { id: 'p1', email: 'jane.doe@acme.example', note: 'CNRYNOTE plans' };

/** Counts calls to each resolver the fields were given, so a test can tell whether one ran. */
function countingResolvers() {
  const calls = { id: 0, email: 0, note: 0, region: 0, unreviewed: 0 };
  const resolvers = {
    id: (p: Profile) => {
      calls.id += 1;
      return p.id;
    },
    email: (p: Profile) => {
      calls.email += 1;
      return p.email;
    },
    note: (p: Profile) => {
      calls.note += 1;
      return p.note;
    },
    region: () => {
      calls.region += 1;
      return 'eu-west-1';
    },
    unreviewed: () => {
      calls.unreviewed += 1;
      return 'CNRYUNREVIEWED';
    },
  };
  return { calls, resolvers };
}

interface TinyOptions {
  onUnclassified?: 'error' | 'secret';
  enabled?: boolean;
  /** Adds fields nobody classified. */
  unclassified?: boolean;
  /** Adds a `pii` field that is non-null. */
  nonNullPii?: boolean;
  /** Adds `scores`, a `pii` list of Ints (so masked with the default for non-strings, `null`), with items of this kind. */
  scores?: 'non-null items' | 'nullable items';
  /** Adds `tags`, a `pii` list of non-null Strings, with this mask. */
  tags?: MaskName;
  /** Adds a root field that does not say who may call it. */
  unguardedRoot?: boolean;
}

/** A small schema on the same plugins as the Warden builder: one field per data class. */
function buildTinySchema(options: TinyOptions = {}) {
  const { calls, resolvers } = countingResolvers();
  const builder = new SchemaBuilder<{ Context: TinyContext; Objects: { Profile: Profile } }>({
    plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
    scopeAuth: { authScopes: () => ({}) },
    wardenPolicy: {
      enabled: options.enabled ?? true,
      onUnclassified: options.onUnclassified ?? 'error',
      requestPolicy: (context) => context.policy,
    },
  });
  builder.objectType('Profile', {
    fields: (t) => ({
      id: t.id({ classification: 'public', resolve: resolvers.id }),
      email: t.string({ classification: 'pii', mask: 'email', nullable: true, resolve: resolvers.email }),
      note: t.string({ classification: 'sensitive', nullable: true, resolve: resolvers.note }),
      region: t.string({ classification: 'internal', nullable: true, resolve: resolvers.region }),
      ...(options.unclassified
        ? {
            unreviewed: t.string({ nullable: true, resolve: resolvers.unreviewed }),
            alsoUnreviewed: t.int({ nullable: true, resolve: () => 1 }),
          }
        : {}),
      ...(options.nonNullPii ? { phone: t.string({ classification: 'pii', nullable: false, resolve: () => '+44 20 7946 0101' }) } : {}),
      ...(options.scores
        ? { scores: t.intList({ classification: 'pii', nullable: { list: true, items: options.scores === 'nullable items' }, resolve: () => [7, 9] }) }
        : {}),
      ...(options.tags ? { tags: t.stringList({ classification: 'pii', mask: options.tags, nullable: true, resolve: () => ['CNRYTAG'] }) } : {}),
    }),
  });
  builder.queryType({
    fields: (t) => ({
      profile: t.field({ type: 'Profile', callers: 'authenticated', classification: 'public', resolve: () => PROFILE }),
      ...(options.unguardedRoot ? { stray: t.string({ classification: 'public', resolve: () => 'x' }) } : {}),
    }),
  });
  return { schema: builder.toSchema(), calls, resolvers };
}

/** The baseline policy, compiled for the tiny schema's fields, as a request in `column` sees it. */
function contextFor(schema: GraphQLSchema, column: PolicyColumn): TinyContext {
  const compiled = compilePolicy(0, loadBaselinePolicy(), fieldInventory(schema).values());
  return { policy: { version: 0, decisions: compiled.columns[column], grants: new Set(), recorder: null } };
}

function profileField(schema: GraphQLSchema, name: string) {
  const field = (schema.getType('Profile') as GraphQLObjectType).getFields()[name];
  if (!field) throw new Error(`No field Profile.${name}`);
  return field;
}

/** Calls a built field's resolver directly, the way graphql-js would. */
function resolveDirectly(schema: GraphQLSchema, name: string, context: TinyContext): unknown {
  const resolve = profileField(schema, name).resolve as GraphQLFieldResolver<Profile, TinyContext>;
  const info = { fieldName: name, parentType: schema.getType('Profile'), operation: { name: undefined } } as unknown as GraphQLResolveInfo;
  return resolve(PROFILE, {}, context, info);
}

describe('unclassified fields', () => {
  it("fail the build in 'error' mode, with every unclassified field listed", () => {
    const message = buildError(() => buildTinySchema({ unclassified: true, onUnclassified: 'error' }));
    expect(message).toMatch(/These fields have no data class/);
    expect(message).toContain('Profile.unreviewed');
    expect(message).toContain('Profile.alsoUnreviewed');
  });

  it("build in 'secret' mode and are handled as secret at runtime", async () => {
    const { schema, calls } = buildTinySchema({ unclassified: true, onUnclassified: 'secret' });
    const plan = profileField(schema, 'unreviewed').extensions[PLAN_EXTENSION] as FieldPlan;
    expect(plan).toMatchObject({ classification: null });
    expect(plan.index).toBeGreaterThanOrEqual(0);

    // The baseline masks secrets for the customer and denies them to staff.
    const asCustomer = await execute({ schema, source: '{ profile { unreviewed region } }', contextValue: contextFor(schema, 'customer') });
    expect(asCustomer).toEqual({ data: { profile: { unreviewed: '[redacted]', region: 'eu-west-1' } } });

    const before = calls.unreviewed;
    const asStaff = await execute({ schema, source: '{ profile { unreviewed region } }', contextValue: contextFor(schema, 'staff') });
    expect(asStaff.data).toEqual({ profile: { unreviewed: null, region: 'eu-west-1' } });
    expect(asStaff.errors?.map((e) => e.extensions['code'])).toEqual(['FIELD_DENIED']);
    expect(calls.unreviewed).toBe(before);
    expect(JSON.stringify(asStaff)).not.toContain('CNRYUNREVIEWED');
  });

  it("a root field that does not say who may call it fails the build in 'error' mode, named", () => {
    const message = buildError(() => buildTinySchema({ unguardedRoot: true, onUnclassified: 'error' }));
    expect(message).toMatch(/These root fields do not say who may call them, so nobody can; give each `callers`/);
    expect(message).toContain('Query.stray');
    // In production the build goes on, and the firewall refuses it to everyone (see the firewall tests).
    expect(() => buildTinySchema({ unguardedRoot: true, onUnclassified: 'secret' })).not.toThrow();
  });

  it('control: the same schema with every field classified builds in error mode', () => {
    expect(() => buildTinySchema({ onUnclassified: 'error' })).not.toThrow();
  });
});

describe('build-time checks', () => {
  it('refuses a non-public field that is non-null, naming it', () => {
    expect(buildError(() => buildTinySchema({ nonNullPii: true }))).toMatch(/Profile\.phone is pii but non-null/);
  });

  it('refuses a list of non-null items that would be masked to nulls, by default or by name', () => {
    expect(buildError(() => buildTinySchema({ scores: 'non-null items' }))).toContain(
      'Profile.scores is a list of non-null items with the default mask for a field that is not a String or ID, "null"',
    );
    expect(buildError(() => buildTinySchema({ tags: 'null' }))).toContain('Profile.tags is a list of non-null items with mask "null"');
  });

  it('control: a list whose items may be null is masked item by item to nulls, and one masked to strings keeps them', async () => {
    const { schema } = buildTinySchema({ scores: 'nullable items', tags: 'redact' });
    const result = await execute({ schema, source: '{ profile { scores tags } }', contextValue: contextFor(schema, 'impersonation_read_only') });
    expect(result).toEqual({ data: { profile: { scores: [null, null], tags: ['[redacted]'] } } });
  });
});

/** A person who is also a contact, with `email` declared on both the interface and the object. */
function buildContactSchema(classes: { contact: DataClass; person: DataClass }, onUnclassified: 'error' | 'secret' = 'error') {
  const builder = new SchemaBuilder<{ Context: TinyContext; Objects: { Person: Profile }; Interfaces: { Contact: Profile } }>({
    plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
    scopeAuth: { authScopes: () => ({}) },
    wardenPolicy: { onUnclassified, requestPolicy: (context) => context.policy },
  });
  builder.interfaceType('Contact', {
    fields: (t) => ({ email: t.exposeString('email', { classification: classes.contact, nullable: true }) }),
  });
  builder.objectType('Person', {
    interfaces: ['Contact'],
    isTypeOf: () => true,
    fields: (t) => ({ email: t.exposeString('email', { classification: classes.person, mask: 'email', nullable: true }) }),
  });
  builder.queryType({
    fields: (t) => ({ person: t.field({ type: 'Person', callers: 'authenticated', classification: 'public', resolve: () => PROFILE }) }),
  });
  return builder.toSchema();
}

describe('an object that redeclares a field of its interface', () => {
  const asSupport = (schema: GraphQLSchema, source: string) => execute({ schema, source, contextValue: contextFor(schema, 'impersonation_read_only') });

  it("is served under the object's own class and mask, on every path", async () => {
    // The interface's copy alone would mask with the default for strings, `[redacted]`.
    const schema = buildContactSchema({ contact: 'pii', person: 'pii' });
    expect(await asSupport(schema, '{ person { email } }')).toEqual({ data: { person: { email: 'j•••@acme.example' } } });
    expect(await asSupport(schema, '{ person { ... on Contact { email } } }')).toEqual({ data: { person: { email: 'j•••@acme.example' } } });
  });

  it('fails the build when the object is stricter than its interface, naming both', () => {
    const message = buildError(() => buildContactSchema({ contact: 'public', person: 'pii' }));
    expect(message).toContain('Person.email is pii but the same field of interface Contact (Contact.email) is public');
  });

  it('fails the build when the object is looser than its interface, naming both', () => {
    const message = buildError(() => buildContactSchema({ contact: 'pii', person: 'public' }));
    expect(message).toContain('Person.email is public but the same field of interface Contact (Contact.email) is pii');
  });

  it("in production ('secret'), uses the stricter of the two classes", async () => {
    for (const classes of [{ contact: 'public', person: 'pii' }, { contact: 'pii', person: 'public' }] as const) {
      const schema = buildContactSchema(classes, 'secret');
      const { data } = await asSupport(schema, '{ person { email } }');
      expect(JSON.stringify(data), JSON.stringify(classes)).not.toContain(PROFILE.email);
    }
  });

  it('control: one class in both places builds, and that class decides', async () => {
    const schema = buildContactSchema({ contact: 'internal', person: 'internal' });
    expect(await asSupport(schema, '{ person { email } }')).toEqual({ data: { person: { email: PROFILE.email } } });
  });
});

describe('what the plugin wraps', () => {
  it('leaves a public field with the very resolver it was given', () => {
    const { schema, resolvers } = buildTinySchema();
    expect(profileField(schema, 'id').resolve).toBe(resolvers.id);
  });

  it('wraps every classified field', () => {
    const { schema, resolvers } = buildTinySchema();
    expect(profileField(schema, 'email').resolve).not.toBe(resolvers.email);
    expect(profileField(schema, 'note').resolve).not.toBe(resolvers.note);
    expect(profileField(schema, 'region').resolve).not.toBe(resolvers.region);
  });

  it('control: with the plugin disabled, classified fields keep their resolvers too', () => {
    const { schema, resolvers } = buildTinySchema({ enabled: false });
    expect(profileField(schema, 'email').resolve).toBe(resolvers.email);
  });
});

describe('the wrapper at runtime', () => {
  it('keeps a sync resolver sync: a masked field returns a string, not a promise', () => {
    const { schema } = buildTinySchema();
    const context = contextFor(schema, 'impersonation_read_only');
    const masked = resolveDirectly(schema, 'email', context);
    expect(masked).toBe('j•••@acme.example');
    const allowed = resolveDirectly(schema, 'region', context);
    expect(allowed).toBe('eu-west-1');
  });

  it('executes a whole document synchronously (graphqlSync fails on any promise)', () => {
    const { schema } = buildTinySchema();
    const result = graphqlSync({ schema, source: '{ profile { id email region } }', contextValue: contextFor(schema, 'impersonation_read_only') });
    expect(result).toEqual({ data: { profile: { id: 'p1', email: 'j•••@acme.example', region: 'eu-west-1' } } });
  });

  it('masks a value an async resolver returns', async () => {
    const builder = new SchemaBuilder<{ Context: TinyContext }>({
      plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
      scopeAuth: { authScopes: () => ({}) },
      wardenPolicy: { onUnclassified: 'error', requestPolicy: (context) => context.policy },
    });
    builder.queryType({
      fields: (t) => ({
        email: t.string({ callers: 'authenticated', classification: 'pii', mask: 'email', nullable: true, resolve: async () => 'jane.doe@acme.example' }),
      }),
    });
    const schema = builder.toSchema();
    const compiled = compilePolicy(0, loadBaselinePolicy(), fieldInventory(schema).values());
    const contextValue = { policy: { version: 0, decisions: compiled.columns.impersonation_read_only, grants: new Set<string>() } };
    expect(await execute({ schema, source: '{ email }', contextValue })).toEqual({ data: { email: 'j•••@acme.example' } });
  });

  it('never calls the resolver of a denied field', async () => {
    const { schema, calls } = buildTinySchema();
    const result = await execute({ schema, source: '{ profile { id note } }', contextValue: contextFor(schema, 'impersonation_read_only') });
    expect(result.data).toEqual({ profile: { id: 'p1', note: null } });
    expect(result.errors?.map((e) => [e.path, e.extensions['code']])).toEqual([[['profile', 'note'], 'FIELD_DENIED']]);
    expect(calls.note).toBe(0);
    expect(JSON.stringify(result)).not.toContain('CNRYNOTE');

    // Control: where the policy allows it, the same field's resolver runs once.
    const allowed = await execute({ schema, source: '{ profile { note } }', contextValue: contextFor(schema, 'customer') });
    expect(allowed).toEqual({ data: { profile: { note: 'CNRYNOTE plans' } } });
    expect(calls.note).toBe(1);
  });

  it('lets a grant reveal a sensitive field', async () => {
    const { schema } = buildTinySchema();
    const context = contextFor(schema, 'impersonation_read_only');
    const granted = { policy: { ...context.policy, grants: new Set(['Profile.note']) } };
    expect(await execute({ schema, source: '{ profile { note } }', contextValue: granted })).toEqual({ data: { profile: { note: 'CNRYNOTE plans' } } });
  });
});

describe('a read whose resolver refuses is recorded as denied, not as shown', () => {
  /** Profiles whose `secretNote` (a resolver's own check) is refused for p2, sync or async. */
  function buildRefusingSchema() {
    const builder = new SchemaBuilder<{ Context: TinyContext; Objects: { Profile: Profile } }>({
      plugins: [ScopeAuthPlugin, WardenPolicyPlugin],
      scopeAuth: { authScopes: () => ({}) },
      wardenPolicy: { onUnclassified: 'error', requestPolicy: (context) => context.policy },
    });
    const refuse = (p: Profile) => {
      if (p.id === 'p2') throw wardenError('FORBIDDEN', 'Not yours.');
      return p.note;
    };
    builder.objectType('Profile', {
      fields: (t) => ({
        id: t.exposeID('id', { classification: 'public' }),
        note: t.string({ classification: 'internal', nullable: true, resolve: refuse }),
        laterNote: t.string({ classification: 'internal', nullable: true, resolve: async (p) => refuse(p) }),
        failingNote: t.string({
          classification: 'internal',
          nullable: true,
          resolve: () => {
            throw new Error('database went away');
          },
        }),
      }),
    });
    builder.queryType({
      fields: (t) => ({ profiles: t.field({ type: ['Profile'], callers: 'authenticated', classification: 'public', resolve: () => [PROFILE, { ...PROFILE, id: 'p2' }] }) }),
    });
    return builder.toSchema();
  }

  const recorded = (recorder: FieldReadRecorder) => recorder.groups().map((g) => [g.typeField, g.decision, g.count, g.objectIds]);

  it('sync: stays sync, and the refused object is denied', () => {
    const schema = buildRefusingSchema();
    const recorder = new FieldReadRecorder();
    const context = contextFor(schema, 'staff');
    const result = graphqlSync({ schema, source: '{ profiles { id note failingNote } }', contextValue: { policy: { ...context.policy, recorder } } });
    expect(result.data).toEqual({ profiles: [{ id: 'p1', note: 'CNRYNOTE plans', failingNote: null }, { id: 'p2', note: null, failingNote: null }] });
    // A failure that refused nobody is no read at all.
    expect(recorded(recorder)).toEqual([
      ['Profile.note', 'allowed', 1, ['p1']],
      ['Profile.note', 'denied', 1, ['p2']],
    ]);
  });

  it('async: a rejected promise is taken back the same way', async () => {
    const schema = buildRefusingSchema();
    const recorder = new FieldReadRecorder();
    const context = contextFor(schema, 'staff');
    const result = await execute({ schema, source: '{ profiles { laterNote } }', contextValue: { policy: { ...context.policy, recorder } } });
    expect(result.errors?.map((e) => e.extensions['code'])).toEqual(['FORBIDDEN']);
    expect(recorded(recorder)).toEqual([
      ['Profile.laterNote', 'allowed', 1, ['p1']],
      ['Profile.laterNote', 'denied', 1, ['p2']],
    ]);
  });
});
