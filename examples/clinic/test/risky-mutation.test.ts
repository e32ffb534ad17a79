import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, startClinicWarden, type ClinicWarden } from './support/clinic-warden.js';
import { approve, END, openSession, REQUEST_MUTATION, withSession, type OpenSession } from './support/sessions.js';

const CANCEL = `mutation Cancel($appointmentId: ID!) { cancelAppointment(appointmentId: $appointmentId) { id status } }`;
const CONFIRM = `mutation Confirm($appointmentId: ID!) { confirmAppointment(appointmentId: $appointmentId) { id status } }`;
const PENDING = `{ pendingApprovals { id kind summary } }`;

let w: ClinicWarden;
let session: OpenSession;
beforeAll(async () => {
  w = await startClinicWarden();
});
afterAll(() => w.stop());
afterEach(async () => {
  await w.graphql('agent', END, { variables: { sessionId: session.sessionId } });
  await sql`update appointments set status = 'booked' where id in ('apt_maria_1', 'apt_tom_1')`.execute(w.db);
});

const statusOf = async (id: string) => (await w.clinic.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const auditRows = (kind: string) =>
  w.db.selectFrom('audit_events').selectAll().where('session_id', '=', session.sessionId).where('kind', '=', kind).orderBy('chain_seq').execute();

/** Asks for approval of exactly this call in the session; the request's id. */
async function askToCancel(appointmentId: string): Promise<string> {
  const requested = await w.graphql('agent', REQUEST_MUTATION, {
    headers: withSession(session.token),
    variables: { input: { document: CANCEL, variables: JSON.stringify({ appointmentId }), reason: 'Sam asked on the ticket to cancel apt_maria_1: Maria moved to another city' } },
  });
  expect(requested.body.errors, requested.text).toBeUndefined();
  return (requested.body.data?.['requestMutationApproval'] as { id: string }).id;
}

describe('cancelAppointment (risky) in a read-write session as Sam', () => {
  it('is refused with APPROVAL_REQUIRED until a manager approves it, changing nothing, and the refusal is recorded', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    const reply = await w.graphql('agent', CANCEL, { headers: withSession(session.token), variables: { appointmentId: 'apt_maria_1' } });
    expect(codeOf(reply)).toBe('APPROVAL_REQUIRED');
    expect(reply.body.errors?.[0]?.message).toMatch(/^cancelAppointment is a risky change: ask a manager to approve this exact call/);
    expect(await statusOf('apt_maria_1')).toBe('booked');
    expect(await auditRows('mutation_refused')).toEqual([expect.objectContaining({ type_field: 'Mutation.cancelAppointment', actor_id: 'stf_ana' })]);
  });

  it('shows the manager what the call would do, in words from the appointment as it is now', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    const requestId = await askToCancel('apt_maria_1');
    const pending = await w.graphql('manager', PENDING);
    const request = (pending.body.data?.['pendingApprovals'] as Array<{ id: string; summary: string }>).find((r) => r.id === requestId);
    expect(request?.summary).toContain('cancel appointment apt_maria_1 of 2026-12-08 09:30 UTC for Maria Lopez with Sam Ortiz (booked)');
  });

  it('runs once when approved: the status changes, its record says from what to what, the approval is spent', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    const requestId = await askToCancel('apt_maria_1');
    await approve(w, requestId);

    const first = await w.graphql('agent', CANCEL, { headers: withSession(session.token), variables: { appointmentId: 'apt_maria_1' } });
    expect(first.body.errors, first.text).toBeUndefined();
    expect(first.body.data).toEqual({ cancelAppointment: { id: 'apt_maria_1', status: 'cancelled' } });
    expect(await statusOf('apt_maria_1')).toBe('cancelled');
    const [executed, ...more] = await auditRows('mutation_executed');
    expect(more).toEqual([]);
    expect(executed).toMatchObject({ actor_id: 'stf_ana', subject_user_id: 'mem_sam', account_id: 'prc_riverside', type_field: 'Mutation.cancelAppointment' });
    expect(executed?.summary).toBe('Agent Ana Costa changed the status from booked to cancelled on appointment apt_maria_1 of 2026-12-08 09:30 UTC in account Riverside Family Practice');
    expect(await w.db.selectFrom('approval_requests').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).toEqual({ status: 'used' });

    await sql`update appointments set status = 'booked' where id = 'apt_maria_1'`.execute(w.db);
    const again = await w.graphql('agent', CANCEL, { headers: withSession(session.token), variables: { appointmentId: 'apt_maria_1' } });
    expect(codeOf(again)).toBe('APPROVAL_REQUIRED');
    expect(await statusOf('apt_maria_1')).toBe('booked');
  });

  it('binds the exact call: approved for one appointment, it does not cancel another', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    await approve(w, await askToCancel('apt_maria_1'));
    const other = await w.graphql('agent', CANCEL, { headers: withSession(session.token), variables: { appointmentId: 'apt_tom_1' } });
    expect(codeOf(other)).toBe('APPROVAL_REQUIRED');
    expect(await statusOf('apt_tom_1')).toBe('booked');
  });

  it('is refused with TARGET_CHANGED when the appointment changed after the manager approved it', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    await approve(w, await askToCancel('apt_maria_1'));
    await sql`update appointments set status = 'confirmed' where id = 'apt_maria_1'`.execute(w.db);
    const reply = await w.graphql('agent', CANCEL, { headers: withSession(session.token), variables: { appointmentId: 'apt_maria_1' } });
    expect(codeOf(reply)).toBe('TARGET_CHANGED');
    expect(await statusOf('apt_maria_1')).toBe('confirmed');
  });
});

describe('confirmAppointment (routine)', () => {
  it('runs in a read-write session without anyone approving it', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_write' });
    const reply = await w.graphql('agent', CONFIRM, { headers: withSession(session.token), variables: { appointmentId: 'apt_tom_1' } });
    expect(reply.body.errors, reply.text).toBeUndefined();
    expect(await statusOf('apt_tom_1')).toBe('confirmed');
    expect(await auditRows('mutation_executed')).toEqual([expect.objectContaining({ type_field: 'Mutation.confirmAppointment' })]);
  });

  it('control: a read-only session may not run it', async () => {
    session = await openSession(w, { memberId: 'mem_sam', mode: 'read_only' });
    const reply = await w.graphql('agent', CONFIRM, { headers: withSession(session.token), variables: { appointmentId: 'apt_tom_1' } });
    expect(codeOf(reply)).toBe('APPROVAL_REQUIRED');
    expect(await statusOf('apt_tom_1')).toBe('booked');
  });
});
