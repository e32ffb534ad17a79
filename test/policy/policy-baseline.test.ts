import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../../src/log/logger.js';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { startPolicyStore } from '../../src/policy/policy-store.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { DEMO_POLICY_PATH } from '../../src/domain/files.js';
import { createWardenBuilder } from '../../src/graphql/warden-types.js';
import { wardenSchemaOf, type WardenSchema } from '../../src/server/warden-schema.js';
import { graphql } from '../gql/index.js';
import { capturingLogger } from '../support/capturing-logger.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { createSeededTestDatabase, type TestDatabase } from '../support/test-database.js';

const BaselineDiff = graphql(`
  query BaselineDiff($from: Int!, $to: Int!) {
    policyDiff(from: $from, to: $to) {
      rule
      column
      before
      after
    }
  }
`);

const BaselineVersions = graphql(`
  query BaselineVersions {
    policyVersions {
      version
      status
      createdBy
      reason
    }
  }
`);

const BaselineMe = graphql(`
  query BaselineMe {
    me {
      email
    }
  }
`);

const BaselineBirthDate = graphql(`
  query BaselineBirthDate {
    me {
      birthDate
    }
  }
`);

const BaselinePublish = graphql(`
  mutation BaselinePublish($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
    }
  }
`);

const BaselineApprove = graphql(`
  mutation BaselineApprove($version: Int!, $note: String) {
    approvePolicyVersion(version: $version, note: $note) {
      version
      status
      decidedBy
    }
  }
`);

const FILE = loadBaselinePolicy();
const { catalog } = buildDemoSchema();

function baselineWith(change: (document: PolicyDocument) => void): PolicyDocument {
  const document = structuredClone(FILE);
  change(document);
  return document;
}

/** The file after a deploy that masks phone numbers for customers (a tightening). */
const EDITED = baselineWith((d) => {
  d.overrides['User.phone'] = { customer: 'mask' };
});
const PHONE_CHANGE = { rule: 'field User.phone', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' };
/** The file after a deploy that shows read-only sessions birth dates (a loosening). */
const LOOSER = baselineWith((d) => {
  d.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
});
const BIRTH_DATE_CHANGE = { rule: 'field User.birthDate', column: 'impersonation_read_only', before: 'deny', after: 'allow', direction: 'loosens' };

let database: TestDatabase;
beforeAll(async () => {
  database = await createSeededTestDatabase();
});
afterAll(() => database.destroy());
beforeEach(async () => {
  await database.db.deleteFrom('policy_versions').execute();
});

/** Starts (and stops) a gateway's policy store over the test database, deployed with `baseline`. */
async function deploy(baseline: PolicyDocument, logger: Logger = createLogger('silent')): Promise<number> {
  const store = await startPolicyStore({ db: database.db, listen: database.listen, logger, ...catalog, baseline, pollMs: 60_000 });
  const version = store.current().version;
  await store.stop();
  return version;
}

const versions = () =>
  database.db.selectFrom('policy_versions').select(['version', 'status', 'created_by', 'based_on', 'changes']).orderBy('version').execute();

const baselineEvents = () =>
  database.db
    .selectFrom('audit_events')
    .select(['policy_version', 'actor_kind', 'decision', 'reason', 'summary', 'details'])
    .where('kind', '=', 'policy_changed')
    .where('decision', '=', 'baseline')
    .orderBy('chain_seq')
    .execute();

describe('the baseline in schema/policy.json is part of the policy history', () => {
  it('is recorded as version 0 at the first start, with an audit event', async () => {
    const before = (await baselineEvents()).length;
    expect(await deploy(FILE)).toBe(0);
    expect(await versions()).toEqual([{ version: 0, status: 'active', created_by: null, based_on: 0, changes: [] }]);
    const events = (await baselineEvents()).slice(before);
    expect(events).toEqual([
      expect.objectContaining({ policy_version: 0, actor_kind: 'system', reason: expect.stringContaining('Baseline recorded from schema/policy.json') }),
    ]);
  });

  it('records nothing when a gateway starts again with the same file', async () => {
    await deploy(FILE);
    const before = (await baselineEvents()).length;
    expect(await deploy(structuredClone(FILE))).toBe(0);
    expect(await versions()).toHaveLength(1);
    expect(await baselineEvents()).toHaveLength(before);
  });

  it('records a deploy that edits it as a new version in force, audited with the diff', async () => {
    await deploy(FILE);
    const before = (await baselineEvents()).length;
    expect(await deploy(EDITED)).toBe(1);
    expect(await versions()).toEqual([
      { version: 0, status: 'superseded', created_by: null, based_on: 0, changes: [] },
      { version: 1, status: 'active', created_by: null, based_on: 0, changes: [PHONE_CHANGE] },
    ]);
    const [event] = (await baselineEvents()).slice(before);
    expect(event).toMatchObject({ policy_version: 1, actor_kind: 'system', reason: 'Baseline changed by deploy (schema/policy.json); in force' });
    expect(event?.details).toMatchObject({ action: 'baseline', version: 1, basedOn: 0, changes: [PHONE_CHANGE] });
    expect(event?.summary).toContain('Warden recorded the baseline policy (schema/policy.json) as version 1, changing 1 rule');
  });

  it('while a published version is in force, records the new baseline but keeps the published one', async () => {
    await deploy(FILE);
    const admin = await startTestGateway({}, { database, livePolicy: { pollMs: 60_000 } });
    try {
      const tighter = baselineWith((d) => (d.classes.secret.customer = 'deny'));
      const { body } = await admin.execute(BaselinePublish, { as: 'security', variables: { input: { document: JSON.stringify(tighter), reason: 'Customers see no secrets at all' } } });
      expect(body.data?.publishPolicy).toEqual({ version: 1, status: 'active' });
    } finally {
      await admin.close();
    }
    expect(await deploy(EDITED)).toBe(1);
    expect((await versions()).map((v) => [v.version, v.status])).toEqual([
      [0, 'superseded'],
      [1, 'active'],
      [2, 'superseded'],
    ]);
    const [event] = (await baselineEvents()).slice(-1);
    expect(event).toMatchObject({ policy_version: 2, reason: 'Baseline changed by deploy (schema/policy.json); version 1, published by a security admin, stays in force' });
  });
});

describe('a deploy that loosens the policy waits for a security admin', () => {
  const WAITING = /schema\/policy\.json loosens the policy in force: it waits as version 1 until a security admin approves it \(approvePolicyVersion\); version 0 stays in force/;

  it('is recorded as pending, and the version in force stays, saying so at every start', async () => {
    await deploy(FILE);
    const first = capturingLogger();
    expect(await deploy(LOOSER, first.logger)).toBe(0);
    expect(await versions()).toEqual([
      { version: 0, status: 'active', created_by: null, based_on: 0, changes: [] },
      { version: 1, status: 'pending', created_by: null, based_on: 0, changes: [BIRTH_DATE_CHANGE] },
    ]);
    expect(first.lines.some((line) => line.includes('"level":40') && WAITING.test(line))).toBe(true);
    const [event] = (await baselineEvents()).slice(-1);
    expect(event).toMatchObject({ policy_version: 1, actor_kind: 'system', reason: expect.stringContaining("waits for a security admin's approval") });
    expect(event?.details).toMatchObject({ action: 'baseline', version: 1, basedOn: 0, changes: [BIRTH_DATE_CHANGE] });

    // A restart with the same file records nothing new and says it again.
    const again = capturingLogger();
    expect(await deploy(structuredClone(LOOSER), again.logger)).toBe(0);
    expect(await versions()).toHaveLength(2);
    expect(again.lines.some((line) => WAITING.test(line))).toBe(true);
  });

  it('goes into force once a security admin approves it through approvePolicyVersion', async () => {
    await deploy(FILE);
    const looser: WardenSchema = { ...buildDemoSchema(), catalog: { ...catalog, baseline: LOOSER } };
    const t = await startTestGateway({}, { database, schema: looser, livePolicy: { pollMs: 60_000 } });
    try {
      expect(t.policyStore?.current().version).toBe(0);
      const denied = await t.execute(BaselineBirthDate, { as: 'agent', actAs: 'usr_jane read_only' });
      expect(denied.body.errors?.[0]?.extensions?.['code']).toBe('FIELD_DENIED');

      const approved = await t.execute(BaselineApprove, { as: 'security', variables: { version: 1, note: 'Identity checks need it' } });
      expect(approved.body.data?.approvePolicyVersion).toEqual({ version: 1, status: 'active', decidedBy: 'stf_priya' });
      expect(t.policyStore?.current().version).toBe(1);
      const shown = await t.execute(BaselineBirthDate, { as: 'agent', actAs: 'usr_jane read_only' });
      expect(shown.body.data?.me?.birthDate).toBe('1986-04-12');
    } finally {
      await t.close();
    }
    expect(await deploy(LOOSER)).toBe(1);
  });

  it('stays out of force once rejected, and each start says so', async () => {
    await deploy(FILE);
    await deploy(LOOSER);
    await database.db.updateTable('policy_versions').set({ status: 'rejected' }).where('version', '=', 1).execute();
    const start = capturingLogger();
    expect(await deploy(LOOSER, start.logger)).toBe(0);
    expect(start.lines.some((line) => line.includes('schema/policy.json (version 1) was rejected; version 0 stays in force'))).toBe(true);
  });

  it('is withdrawn by a later deploy, which is judged against the version in force', async () => {
    await deploy(FILE);
    await deploy(LOOSER);
    expect(await deploy(EDITED)).toBe(2);
    expect((await versions()).map((v) => [v.version, v.status, v.changes])).toEqual([
      [0, 'superseded', []],
      [1, 'withdrawn', [BIRTH_DATE_CHANGE]],
      [2, 'active', [PHONE_CHANGE]],
    ]);
  });

  it('control: a deploy that only tightens is in force at once', async () => {
    await deploy(FILE);
    expect(await deploy(EDITED)).toBe(1);
  });
});

describe('decisions made under a changed baseline are identifiable', () => {
  /** A gateway deployed with the edited file: its schema's baseline is EDITED. */
  const edited: WardenSchema = { ...buildDemoSchema(), catalog: { ...catalog, baseline: EDITED } };

  it('audit rows name the new version, and policyDiff from 0 compares against the recorded first baseline', async () => {
    await deploy(FILE);
    const t = await startTestGateway({}, { database, schema: edited, livePolicy: { pollMs: 60_000 } });
    try {
      expect(t.policyStore?.current().version).toBe(1);
      const read = await t.execute(BaselineMe, { as: 'agent', actAs: 'usr_jane read_only', headers: { 'x-request-id': 'req-baseline-read' } });
      expect(read.body.errors).toBeUndefined();
      const rows = await database.db.selectFrom('audit_events').select('policy_version').where('request_id', '=', 'req-baseline-read').execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.policy_version))).toEqual(new Set([1]));

      // Today's file is EDITED; version 0 is the file as first recorded, so the diff shows the deploy.
      const diff = await t.execute(BaselineDiff, { as: 'security', variables: { from: 0, to: 1 } });
      expect(diff.body.data?.policyDiff).toEqual([{ rule: 'field User.phone', column: 'customer', before: 'allow', after: 'mask' }]);
      const listed = await t.execute(BaselineVersions, { as: 'security' });
      expect(listed.body.data?.policyVersions).toEqual([
        { version: 1, status: 'active', createdBy: null, reason: 'Baseline changed by deploy (schema/policy.json); in force' },
        { version: 0, status: 'superseded', createdBy: null, reason: expect.stringContaining('at first start') },
      ]);
    } finally {
      await t.close();
    }
  });
});

describe("an application without a baseline file of its own starts from Warden's default", () => {
  it('is the classes alone: the reference domain adds only the overrides for names support sees', () => {
    const builder = createWardenBuilder();
    builder.queryField('hello', (t) => t.string({ callers: 'authenticated', classification: 'public', resolve: () => 'hi' }));
    const { catalog } = wardenSchemaOf(builder.toSchema());
    const demo = loadBaselinePolicy(buildDemoSchema().catalog.fields, DEMO_POLICY_PATH);
    expect(catalog.baseline.classes).toEqual(demo.classes);
    expect(catalog.baseline.oncallMayImpersonate).toBe(demo.oncallMayImpersonate);
    expect(Object.keys(catalog.baseline.overrides)).toEqual([]);
    expect(Object.keys(demo.overrides).sort()).toEqual(['BillingContact.name', 'User.name']);
  });

  it('control: the reference domain\'s file does not fit a schema without its fields (which is why it is not the default)', () => {
    const builder = createWardenBuilder();
    builder.queryField('hello', (t) => t.string({ callers: 'authenticated', classification: 'public', resolve: () => 'hi' }));
    expect(() => wardenSchemaOf(builder.toSchema(), { baselinePolicyPath: DEMO_POLICY_PATH })).toThrow(/No field "User.name" in the schema/);
  });
});
