import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWardenBuilder, type DataClass, wardenSchemaOf } from 'warden';
import type { ClinicTypes } from '../app/clinic-types.js';
import { FIELD_INVENTORY_PATH } from '../app/files.js';
import { reviewPolicy } from '../app/policy-review.js';
import { buildClinicSchema, defineClinicTypes } from '../app/schema.js';
import { startClinicWarden, type ClinicWarden } from './support/clinic-warden.js';
import { openSession, withSession } from './support/sessions.js';

const INTAKE_NOTES = 'Prefers morning slots; anxious about needles';

/**
 * The clinic's schema with one more field, `Patient.intakeNotes`, as a developer adds it: with
 * the class given, or (`classification` undefined) forgetting it.
 */
function withIntakeNotes(onUnclassified: 'error' | 'secret', classification?: DataClass) {
  const builder = createWardenBuilder<ClinicTypes>({ onUnclassified });
  defineClinicTypes(builder);
  builder.objectField('Patient', 'intakeNotes', (t) =>
    t.exposeString('intake_notes', { nullable: true, ...(classification ? { classification } : {}) }),
  );
  return wardenSchemaOf(builder.toSchema({ sortSchema: true }));
}

const NOTES = `query Notes { practice { patients(first: 10) { id intakeNotes } } }`;
const notesOf = (data: unknown) =>
  (data as { practice: { patients: Array<{ id: string; intakeNotes: string | null }> } }).practice.patients.find((p) => p.id === 'pat_maria')?.intakeNotes;

describe('a field added without a data class', () => {
  it('fails the policy check, naming the field', () => {
    const review = reviewPolicy((onUnclassified) => withIntakeNotes(onUnclassified), FIELD_INVENTORY_PATH);
    expect(review.ok).toBe(false);
    expect(review.problems.join('\n')).toContain('Patient.intakeNotes');
  });

  it('stops a development build, naming the field', () => {
    expect(() => withIntakeNotes('error')).toThrow(/Patient\.intakeNotes/);
  });

  it('control: the schema as committed passes the same check', () => {
    expect(reviewPolicy((onUnclassified) => buildClinicSchema({ onUnclassified }), FIELD_INVENTORY_PATH)).toMatchObject({ ok: true, problems: [] });
  });
});

describe('served by a production build, the unclassified field is hidden as a secret', () => {
  let hidden: ClinicWarden;
  let classified: ClinicWarden;
  beforeAll(async () => {
    [hidden, classified] = await Promise.all([
      startClinicWarden({ schema: withIntakeNotes('secret') }),
      startClinicWarden({ schema: withIntakeNotes('secret', 'internal') }),
    ]);
  });
  afterAll(() => Promise.all([hidden.stop(), classified.stop()]));

  it("from the practice's own members", async () => {
    const reply = await hidden.graphql('customer', NOTES);
    expect(notesOf(reply.body.data)).toBe('[redacted]');
    expect(reply.text).not.toContain('anxious');
  });

  it('and from support in a session', async () => {
    const session = await openSession(hidden, { memberId: 'mem_sam' });
    const reply = await hidden.graphql('agent', NOTES, { headers: withSession(session.token) });
    expect(notesOf(reply.body.data)).toBe('[redacted]');
    expect(reply.text).not.toContain('anxious');
  });

  it('control: the same field, classified internal, shows the stored notes', async () => {
    const reply = await classified.graphql('customer', NOTES);
    expect(reply.body.errors).toBeUndefined();
    expect(notesOf(reply.body.data)).toBe(INTAKE_NOTES);
  });
});
