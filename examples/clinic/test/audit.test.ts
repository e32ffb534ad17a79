import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse, TypeInfo, visit, visitWithTypeInfo } from 'graphql';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldReadsOf } from 'warden';
import { buildClinicSchema } from '../app/schema.js';
import { startClinicWarden, type ClinicWarden } from './support/clinic-warden.js';
import { openSession, withSession, type OpenSession } from './support/sessions.js';

const EXAMPLE_ROOT = fileURLToPath(new URL('..', import.meta.url));

const READS = `query Reads {
  practice {
    id name
    patients(first: 3) {
      id name phone insuranceNumber diagnosis
      appointments { id startsAt reason clinician { id name } }
    }
  }
}`;

/** Every `Type.field` the document selects, read off the schema: what its request resolves. */
function selectedFields(query: string): string[] {
  const typeInfo = new TypeInfo(buildClinicSchema().schema);
  const found = new Set<string>();
  visit(
    parse(query),
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) found.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...found].sort();
}

/** The example's own verifier (`npm run audit:verify`), and the one Warden installs (`npx warden audit:verify`). */
const VERIFIERS = {
  'npm run audit:verify': [process.execPath, '--import', 'tsx', 'app/cli/audit-verify.ts'],
  'npx warden audit:verify': ['node_modules/.bin/warden', 'audit:verify'],
} as const;

/** A verifier run in the example, against this test's database. */
async function auditVerify(w: ClinicWarden, verifier: keyof typeof VERIFIERS = 'npm run audit:verify'): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: w.url, NODE_ENV: 'test' };
  const [command, ...args] = VERIFIERS[verifier];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: EXAMPLE_ROOT, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

let w: ClinicWarden;
let session: OpenSession;
beforeAll(async () => {
  w = await startClinicWarden();
  session = await openSession(w, { memberId: 'mem_sam' });
});
afterAll(() => w.stop());

/** What a request read, a field at a time: the fields it was shown as they are share a row of their class. */
const fieldReads = async (requestId: string) =>
  (
    await w.db
      .selectFrom('audit_events')
      .select(['kind', 'type_field', 'decision', 'data_class', 'details', 'actor_id', 'subject_user_id', 'session_id'])
      .where('request_id', '=', requestId)
      .where('kind', '=', 'field_read')
      .execute()
  ).flatMap(fieldReadsOf);

describe('a session request leaves a record of every field it resolved', () => {
  it('records each selected Type.field, nothing more and nothing less, as the agent in the session', async () => {
    const reply = await w.graphql('agent', READS, { headers: { ...withSession(session.token), 'x-request-id': 'clinic-reads-1' } });
    expect(reply.status).toBe(200);
    const rows = await fieldReads('clinic-reads-1');
    expect([...new Set(rows.map((row) => row.type_field))].sort()).toEqual(selectedFields(READS));
    expect(rows.every((row) => row.actor_id === 'stf_ana' && row.subject_user_id === 'mem_sam' && row.session_id === session.sessionId)).toBe(true);
  });

  it('with the decision each got: pii and secrets masked, sensitive fields denied, the rest allowed', async () => {
    await w.graphql('agent', READS, { headers: { ...withSession(session.token), 'x-request-id': 'clinic-reads-2' } });
    const decisions = Object.fromEntries((await fieldReads('clinic-reads-2')).map((row) => [row.type_field, row.decision]));
    expect(decisions).toEqual({
      'Query.practice': 'allowed',
      'Practice.id': 'allowed',
      'Practice.name': 'allowed',
      'Practice.patients': 'allowed',
      'Patient.id': 'allowed',
      'Patient.name': 'masked',
      'Patient.phone': 'masked',
      'Patient.insuranceNumber': 'masked',
      'Patient.diagnosis': 'denied',
      'Patient.appointments': 'allowed',
      'Appointment.id': 'allowed',
      'Appointment.startsAt': 'allowed',
      'Appointment.reason': 'denied',
      'Appointment.clinician': 'allowed',
      'Member.id': 'allowed',
      'Member.name': 'masked',
    });
  });

  it('counts every read: three patients, three masked names', async () => {
    await w.graphql('agent', READS, { headers: { ...withSession(session.token), 'x-request-id': 'clinic-reads-3' } });
    const name = (await fieldReads('clinic-reads-3')).find((row) => row.type_field === 'Patient.name');
    expect(name?.details).toMatchObject({ count: 3 });
  });
});

describe('audit:verify over the clinic database, the example\'s own and the installed warden command', () => {
  it.each(Object.keys(VERIFIERS) as Array<keyof typeof VERIFIERS>)('%s finds the hash chain intact after the session', async (verifier) => {
    const { code, output } = await auditVerify(w, verifier);
    expect(output).toContain('is intact');
    expect(code).toBe(0);
  });

  it('control: both find it broken once a recorded read is rewritten behind the triggers', async () => {
    await w.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await sql`update audit_events set decision = 'allowed' where request_id = 'clinic-reads-1' and type_field = 'Patient.diagnosis'`.execute(trx);
    });
    for (const verifier of Object.keys(VERIFIERS) as Array<keyof typeof VERIFIERS>) {
      const { code, output } = await auditVerify(w, verifier);
      expect(output).toContain('BROKEN');
      expect(code).toBe(1);
    }
  });
});

describe('the installed warden command', () => {
  it('prints a checkpoint key pair, and its commands when asked for none or one it lacks', async () => {
    const run = (args: string[]) =>
      promisify(execFile)('node_modules/.bin/warden', args, { cwd: EXAMPLE_ROOT }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? -1, stdout: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
      );
    const keys = await run(['audit:keygen']);
    expect(keys.code).toBe(0);
    expect(keys.stdout).toMatch(/WARDEN_AUDIT_CHECKPOINT_KEY=\S{40,}/);
    expect((await run([])).stdout).toContain('audit:verify');
    const unknown = await run(['audit:verfy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toContain('there is no command "audit:verfy"');
  });
});
