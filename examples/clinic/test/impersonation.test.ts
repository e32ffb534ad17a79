import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startClinicWarden, type ClinicWarden, type Reply } from './support/clinic-warden.js';
import { approve, END, openSession, REQUEST_FIELDS, startSession, withSession, type OpenSession } from './support/sessions.js';

const PRACTICE = `query Practice {
  me { id name email }
  practice {
    id name
    patients(first: 10) { id name phone insuranceNumber dateOfBirth diagnosis }
    appointments(first: 10) { id status reason }
  }
}`;

let w: ClinicWarden;
let session: OpenSession;
beforeAll(async () => {
  w = await startClinicWarden();
  session = await openSession(w, { memberId: 'mem_sam' });
});
afterAll(() => w.stop());

const patient = (reply: Reply, id: string) =>
  (reply.body.data?.['practice'] as { patients: Array<Record<string, unknown>> } | undefined)?.patients.find((p) => p['id'] === id);
const deniedFields = (reply: Reply) => [...new Set((reply.body.errors ?? []).filter((e) => e.extensions?.['code'] === 'FIELD_DENIED').map((e) => e.extensions?.['field']))].sort();

describe('support in a session as Sam Ortiz, a clinician at Riverside', () => {
  it('sees personal data masked: names redacted, the email to its first letter, phones to their last four', async () => {
    const reply = await w.graphql('agent', PRACTICE, { headers: withSession(session.token) });
    expect(reply.body.data?.['me']).toEqual({ id: 'mem_sam', name: '[redacted]', email: 's•••@riverside.example' });
    expect(patient(reply, 'pat_maria')).toMatchObject({ name: '[redacted]', phone: '•••• 0142' });
    expect(reply.text).not.toContain('Maria Lopez');
    expect(reply.text).not.toContain('555 0142');
  });

  it('sees the insurance number (secret) as its last four digits only', async () => {
    const reply = await w.graphql('agent', PRACTICE, { headers: withSession(session.token) });
    expect(patient(reply, 'pat_maria')).toMatchObject({ insuranceNumber: '•••• 8812' });
    expect(reply.text).not.toContain('BCX-4417');
  });

  it('is denied the sensitive fields: null, with FIELD_DENIED naming each, never the value', async () => {
    const reply = await w.graphql('agent', PRACTICE, { headers: withSession(session.token) });
    expect(patient(reply, 'pat_maria')).toMatchObject({ dateOfBirth: null, diagnosis: null });
    expect(deniedFields(reply)).toEqual(['Appointment.reason', 'Patient.dateOfBirth', 'Patient.diagnosis']);
    expect(reply.body.errors).toContainEqual(
      expect.objectContaining({ path: ['practice', 'patients', 1, 'diagnosis'], extensions: expect.objectContaining({ code: 'FIELD_DENIED' }) }),
    );
    for (const value of ['Type 2 diabetes', '1984-03-09', 'blood sugar']) expect(reply.text).not.toContain(value);
  });

  it('carries the banner: which session, which agent, as whom, in which practice', async () => {
    const reply = await w.graphql('agent', '{ me { id } }', { headers: withSession(session.token) });
    expect(reply.body.extensions?.['impersonation']).toMatchObject({
      sessionId: session.sessionId,
      agent: { id: 'stf_ana', name: 'Ana Costa' },
      user: { id: 'mem_sam' },
      account: { id: 'prc_riverside' },
      mode: 'read_only',
    });
  });

  it('control: Sam himself sees all of it, the insurance number still masked (secret)', async () => {
    const reply = await w.graphql('customer', PRACTICE);
    expect(reply.body.errors).toBeUndefined();
    expect(reply.body.data?.['me']).toEqual({ id: 'mem_sam', name: 'Sam Ortiz', email: 'sam.ortiz@riverside.example' });
    expect(patient(reply, 'pat_maria')).toEqual({
      id: 'pat_maria',
      name: 'Maria Lopez',
      phone: '+1 415 555 0142',
      insuranceNumber: '•••• 8812',
      dateOfBirth: '1984-03-09',
      diagnosis: 'Type 2 diabetes',
    });
  });

  it('sees the diagnosis once a manager grants it for this session, and no other sensitive field', async () => {
    const own = await openSession(w, { agent: 'agent2', memberId: 'mem_lily' });
    const requested = await w.graphql('agent2', REQUEST_FIELDS, {
      headers: withSession(own.token),
      variables: { input: { fields: ['Patient.diagnosis'], reason: 'Lily reports the diagnosis of patient pat_tom prints on the wrong letter template' } },
    });
    expect(requested.body.errors, requested.text).toBeUndefined();
    await approve(w, (requested.body.data?.['requestFieldAccess'] as { id: string }).id);
    const reply = await w.graphql('agent2', PRACTICE, { headers: withSession(own.token) });
    expect(patient(reply, 'pat_tom')).toMatchObject({ diagnosis: 'Hypertension', dateOfBirth: null });
    expect(deniedFields(reply)).toEqual(['Appointment.reason', 'Patient.dateOfBirth']);
  });
});

describe('filtering or sorting by what the session sees masked is refused (it would be an oracle)', () => {
  const byName = `query ByName { practice { patients(search: "Lopez") { id } } }`;
  const sortedByBirth = `query SortedByBirth { practice { patients(orderBy: DATE_OF_BIRTH) { id } } }`;

  it('refuses a search by patient name and a sort by date of birth, before anything runs', async () => {
    for (const [query, field] of [[byName, 'Patient.name'], [sortedByBirth, 'Patient.dateOfBirth']] as const) {
      const reply = await w.graphql('agent', query, { headers: withSession(session.token) });
      expect(reply.body).not.toHaveProperty('data');
      expect(reply.body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN', field }) })]);
    }
  });

  it('control: filtering appointments by status (public) works in the session, and Sam may search by name', async () => {
    const byStatus = await w.graphql('agent', `{ practice { appointments(status: confirmed) { id } } }`, { headers: withSession(session.token) });
    expect(byStatus.body).toEqual({ data: { practice: { appointments: [{ id: 'apt_maria_2' }] } }, extensions: expect.anything() });
    const asSam = await w.graphql('customer', byName);
    expect(asSam.body).toEqual({ data: { practice: { patients: [{ id: 'pat_maria' }] } } });
  });
});

describe("the clinic's identity hook decides who needs a manager before a session starts", () => {
  /** Starts a session as `memberId` and withdraws it again (an agent has one session open at a time). */
  const started = async (memberId: string) => {
    const reply = await startSession(w, { agent: 'manager2', memberId });
    const payload = reply.body.data?.['startImpersonation'] as { session: { id: string }; token: string | null; approvalRequest: { status: string } | null } | undefined;
    if (payload) await w.graphql('manager2', END, { variables: { sessionId: payload.session.id } });
    return { reply, payload };
  };

  it("waits for a manager as the practice's manager, and in Harbor (sensitive)", async () => {
    for (const memberId of ['mem_nora', 'mem_ivan']) {
      const { reply, payload } = await started(memberId);
      expect(reply.body.errors, reply.text).toBeUndefined();
      expect(payload).toMatchObject({ token: null, approvalRequest: { status: 'pending' } });
    }
  });

  it('refuses Oakwood, which said support may never enter', async () => {
    const { reply } = await started('mem_zoe');
    expect(codeOf(reply)).toBe('FORBIDDEN');
  });

  it('control: a clinician of an ordinary practice gets a token at once', () => {
    expect(session.token).toMatch(/\S/);
  });
});
