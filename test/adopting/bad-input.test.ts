import { describe, expect, it } from 'vitest';
import { createWardenBuilder, wardenSchemaOf, type Callers, type DataClass, type MaskName, type MutationRisk } from 'warden';
import { buildError } from '../policy/build-error.js';

/**
 * An adopter's mistakes in its schema stop the build with a sentence naming the field and what
 * to do, never leaving a field less protected than its author wrote. Built through the public
 * entry, as an application builds it; each case adds one mistake to a schema that builds.
 */

interface Pet {
  id: string;
  name: string;
  ownerEmail: string;
  weightKg: number;
  microchip: string;
}

interface Owner {
  id: string;
  email: string;
}

interface PetTypes {
  Objects: { Pet: Pet; Owner: Owner };
}

type Mistake =
  | 'an unclassified field'
  | 'a string mask on a number'
  | 'a mask on a field returning objects'
  | 'a mask Warden does not have'
  | 'a mask on a public field'
  | 'a pii field that is non-null'
  | 'a class Warden does not have'
  | 'risk on a query'
  | 'risk on an object field'
  | 'a root field without callers'
  | 'callers Warden does not know'
  | 'a risk Warden does not know';

/** A JavaScript caller, or a cast, can pass what the types forbid. */
const unchecked = <T>(value: string): T => value as unknown as T;

function buildPets(mistake: Mistake | null, onUnclassified: 'error' | 'secret' = 'error') {
  const builder = createWardenBuilder<PetTypes>({ onUnclassified });
  const is = (candidate: Mistake) => mistake === candidate;
  builder.objectType('Owner', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      email: t.exposeString('email', { classification: 'pii', mask: 'email', nullable: true }),
    }),
  });
  builder.objectType('Pet', {
    fields: (t) => ({
      id: t.exposeID('id', { classification: 'public' }),
      name: t.exposeString('name', { classification: 'public' }),
      ownerEmail: t.exposeString('ownerEmail', { classification: 'pii', mask: 'email', nullable: true }),
      weightKg: t.exposeFloat('weightKg', { classification: 'internal', nullable: true }),
      microchip: t.exposeString('microchip', {
        classification: is('a class Warden does not have') ? unchecked<DataClass>('confidential') : 'secret',
        mask: is('a mask Warden does not have') ? unchecked<MaskName>('last3') : 'last4',
        nullable: true,
      }),
      ...(is('an unclassified field') ? { chipVendor: t.exposeString('microchip', { nullable: true }) } : {}),
      ...(is('a string mask on a number') ? { weightShown: t.exposeFloat('weightKg', { classification: 'pii', mask: 'last2', nullable: true }) } : {}),
      ...(is('a mask on a field returning objects')
        ? { owner: t.field({ type: 'Owner', classification: 'pii', mask: 'redact', nullable: true, resolve: (pet) => ({ id: pet.id, email: pet.ownerEmail }) }) }
        : {}),
      ...(is('a mask on a public field') ? { nickname: t.exposeString('name', { classification: 'public', mask: 'redact' }) } : {}),
      ...(is('a pii field that is non-null') ? { ownerPhone: t.exposeString('ownerEmail', { classification: 'pii' }) } : {}),
      ...(is('risk on an object field') ? { passport: t.exposeString('microchip', { classification: 'secret', nullable: true, risk: 'risky' }) } : {}),
    }),
  });
  builder.queryField('pets', (t) =>
    t.field({
      type: ['Pet'],
      callers: is('callers Warden does not know') ? unchecked<Callers>('vets') : 'customer',
      classification: 'public',
      ...(is('risk on a query') ? { risk: 'risky' as const } : {}),
      resolve: () => [],
    }),
  );
  if (is('a root field without callers')) builder.queryField('pet', (t) => t.field({ type: 'Pet', classification: 'public', nullable: true, resolve: () => null }));
  builder.mutationField('renamePet', (t) =>
    t.field({
      type: 'Pet',
      callers: 'customer',
      classification: 'public',
      risk: is('a risk Warden does not know') ? unchecked<MutationRisk>('harmless') : 'routine',
      nullable: true,
      args: { id: t.arg.id({ required: true, filtersBy: 'Pet.id' }), name: t.arg.string({ required: true, filtersBy: false }) },
      resolve: () => null,
    }),
  );
  return wardenSchemaOf(builder.toSchema());
}

describe("an adopter's schema", () => {
  it('control: without a mistake it builds, in development and in production', () => {
    expect(buildPets(null).catalog.fields.get('Pet.microchip')).toMatchObject({ classification: 'secret', mask: 'last4' });
    expect(buildPets(null, 'secret').catalog.fields.get('Pet.microchip')).toMatchObject({ classification: 'secret', mask: 'last4' });
  });

  it.each<[Mistake, string]>([
    ['an unclassified field', 'These fields have no data class; give each a `classification` (public, internal, pii, sensitive or secret):\n    Pet.chipVendor'],
    ['a root field without callers', 'These root fields do not say who may call them, so nobody can; give each `callers` (authenticated, customer, staff, staff_or_assistant, support_manager, security_admin, auditor):\n    Query.pet'],
  ])('with %s fails the development build, naming the field and what to do', (mistake, message) => {
    expect(buildError(() => buildPets(mistake))).toContain(message);
  });

  it.each<[Mistake, string]>([
    [
      'a string mask on a number',
      'Pet.weightShown has mask "last2", which returns a string, but the field is not a String or ID: give it mask "null" (masked, it reads null), or leave the mask out for that default.',
    ],
    ['a mask on a field returning objects', 'Pet.owner has a mask but returns objects: classify its fields instead.'],
    ['a mask Warden does not have', 'Pet.microchip has mask "last3", which is not a mask Warden has: use one of email, last4, last2, redact, null.'],
    [
      'a mask on a public field',
      'Pet.nickname is public, so it is shown to everyone who can reach it and its mask "redact" never applies: give it the class its values need (pii, or secret), or drop the mask.',
    ],
    ['a pii field that is non-null', 'Pet.ownerPhone is pii but non-null: make it nullable so a denial can null it alone.'],
    ['a class Warden does not have', 'Pet.microchip has classification "confidential", which is not a data class: use one of public, internal, pii, sensitive, secret.'],
    [
      'risk on a query',
      'Query.pets has `risk`, which only root mutation fields take: the mutation gate reads it there and nowhere else, so here it gates nothing. Remove it (what a read shows is decided by the `classification` of the fields it returns); if this field changes data, make it a mutation.',
    ],
    ['risk on an object field', 'Pet.passport has `risk`, which only root mutation fields take'],
    ['callers Warden does not know', 'Query.pets has callers "vets", which is not one Warden knows: use one of authenticated, customer, staff, staff_or_assistant, support_manager, security_admin, auditor.'],
    ['a risk Warden does not know', 'Mutation.renamePet has risk "harmless", which is not one Warden knows: use one of routine, risky, never-during-impersonation, session-control.'],
  ])('with %s fails every build, production included, naming the field and what to do', (mistake, message) => {
    expect(buildError(() => buildPets(mistake))).toContain(message);
    expect(buildError(() => buildPets(mistake, 'secret'))).toContain(message);
  });

  it("naming a field it lacks as the customer's or the account's name stops wardenSchemaOf, naming it", () => {
    const { schema } = buildPets(null);
    expect(() => wardenSchemaOf(schema, { names: { customer: 'Owner.name' } })).toThrow(
      'wardenSchemaOf: names.customer is "Owner.name", which is not a field of this schema: name the "Type.field" that holds the customer\'s name.',
    );
    // Control: a field it has.
    expect(wardenSchemaOf(schema, { names: { customer: 'Pet.name' } }).catalog.names).toEqual({ customer: 'Pet.name', account: 'Account.name' });
  });
});
