import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import { parsePolicyDocument, type PolicyDocument } from '../../src/policy/policy-document.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../support/gateway.js';

const AdminActivePolicy = graphql(`
  query AdminActivePolicy {
    activePolicy {
      version
      status
      basedOn
      createdBy
      document
    }
  }
`);

const AdminPolicyFields = graphql(`
  query AdminPolicyFields {
    policyFields {
      field
      classification
      mask
      customer
      staff
      impersonationReadOnly
      impersonationReadWrite
    }
  }
`);

const AdminPolicyVersions = graphql(`
  query AdminPolicyVersions {
    policyVersions {
      version
      status
    }
  }
`);

const AdminPolicyDiff = graphql(`
  query AdminPolicyDiff($from: Int!, $to: Int!) {
    policyDiff(from: $from, to: $to) {
      rule
      column
      before
      after
      direction
    }
  }
`);

const AdminPublishPolicy = graphql(`
  mutation AdminPublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
      basedOn
      loosens
      reason
      createdBy
      changes {
        rule
        column
        before
        after
        direction
      }
    }
  }
`);

const AdminApprovePolicy = graphql(`
  mutation AdminApprovePolicy($version: Int!, $note: String) {
    approvePolicyVersion(version: $version, note: $note) {
      version
      status
      decidedBy
      decisionNote
    }
  }
`);

const AdminRejectPolicy = graphql(`
  mutation AdminRejectPolicy($version: Int!, $reason: String!) {
    rejectPolicyVersion(version: $version, reason: $reason) {
      version
      status
      decidedBy
      decisionNote
    }
  }
`);

const AdminWithdrawPolicy = graphql(`
  mutation AdminWithdrawPolicy($version: Int!, $reason: String!) {
    withdrawPolicyVersion(version: $version, reason: $reason) {
      version
      status
      decidedBy
      decisionNote
    }
  }
`);

const AdminRollbackPolicy = graphql(`
  mutation AdminRollbackPolicy($toVersion: Int!, $reason: String!) {
    rollbackPolicy(toVersion: $toVersion, reason: $reason) {
      version
      status
      basedOn
      loosens
      reason
      document
    }
  }
`);

const AdminCustomerEmail = graphql(`
  query AdminCustomerEmail {
    me {
      email
    }
  }
`);

const AdminImpersonatedBirthDate = graphql(`
  query AdminImpersonatedBirthDate {
    me {
      birthDate
    }
  }
`);

const AdminImpersonatedNationalId = graphql(`
  query AdminImpersonatedNationalId {
    me {
      nationalId
    }
  }
`);

const BASELINE = loadBaselinePolicy();

/** The baseline with one change, as the JSON text a security admin would publish. */
function documentWith(change: (document: PolicyDocument) => void, from: PolicyDocument = BASELINE): string {
  const document = structuredClone(from);
  change(document);
  return JSON.stringify(document, null, 2);
}

/** Tightens: customers see their own emails, names and phones masked. */
const MASK_PII_FOR_CUSTOMERS = documentWith((d) => {
  d.classes.pii.customer = 'mask';
});
/** Loosens: a read-only support session sees birth dates without a grant. */
const SHOW_BIRTH_DATE_TO_SUPPORT = documentWith((d) => {
  d.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
});

const JANE_EMAIL = 'jane.doe@acme.example';
const JANE_EMAIL_MASKED = 'j•••@acme.example';
const JANE_BIRTH_DATE = '1986-04-12';

let t: TestGateway;
beforeAll(async () => {
  // A live store, as `npm start` runs: published versions take effect. The poll is off in
  // practice, so a change arrives by LISTEN/NOTIFY.
  t = await startTestGateway({}, { livePolicy: { pollMs: 60_000 } });
});
afterAll(() => t.close());

// Each case starts from the baseline. Audit rows stay (the table is append-only); cases find
// theirs by request id.
beforeEach(async () => {
  await t.db.deleteFrom('policy_versions').execute();
  await t.policyStore?.refresh();
});

let requests = 0;
/** A fresh request id, to find the audit rows a request wrote. */
const nextRequestId = () => `req-policy-admin-${String(++requests).padStart(4, '0')}`;

async function publish(as: string, document: string, reason: string, requestId = nextRequestId()) {
  return t.execute(AdminPublishPolicy, { as, variables: { input: { document, reason } }, headers: { 'x-request-id': requestId } });
}

/** Publishes and expects success; returns the new version. */
async function published(as: string, document: string, reason: string, requestId?: string) {
  const { body } = await publish(as, document, reason, requestId);
  expect(body.errors).toBeUndefined();
  const version = body.data?.publishPolicy;
  if (!version) throw new Error('publishPolicy returned no version');
  return version;
}

async function approve(as: string, version: number, note?: string, requestId = nextRequestId()) {
  return t.execute(AdminApprovePolicy, { as, variables: { version, note }, headers: { 'x-request-id': requestId } });
}

/** The version this instance serves requests under, once its store has heard of the change. */
async function servedVersion(expected: number): Promise<void> {
  await vi.waitFor(() => expect(t.policyStore?.current().version).toBe(expected), { timeout: 1000, interval: 5 });
}

async function activeVersion(): Promise<number | undefined> {
  const { body } = await t.execute(AdminActivePolicy, { as: 'security' });
  return body.data?.activePolicy.version;
}

async function customerEmail(): Promise<string | null | undefined> {
  const { body } = await t.execute(AdminCustomerEmail, { as: 'customer' });
  return body.data?.me?.email;
}

/** What a read-only support session acting as Jane gets for her birth date: value, or the error code. */
async function birthDateUnderImpersonation(): Promise<string | null | undefined> {
  const { body } = await t.execute(AdminImpersonatedBirthDate, { as: 'agent', actAs: 'usr_jane read_only' });
  return body.data?.me?.birthDate ?? (body.errors?.[0]?.extensions?.['code'] as string | undefined);
}

/** What a read-only session acting as Jane, holding a grant for her national ID, gets for it. */
async function grantedNationalId(): Promise<string | null | undefined> {
  const { body } = await t.execute(AdminImpersonatedNationalId, { as: 'agent', actAs: 'usr_jane read_only User.nationalId' });
  return body.data?.me?.nationalId ?? (body.errors?.[0]?.extensions?.['code'] as string | undefined);
}

function codeOf(response: GraphQLResponse<unknown>): unknown {
  return response.body.errors?.[0]?.extensions?.['code'];
}

const auditRowsFor = (requestId: string) =>
  t.db.selectFrom('audit_events').selectAll().where('request_id', '=', requestId).where('kind', '=', 'policy_changed').orderBy('chain_seq').execute();

const policyVersionRows = () => t.db.selectFrom('policy_versions').select(['version', 'status']).orderBy('version').execute();

describe('reading the policy', () => {
  it('shows the baseline as version 0 while nothing is published', async () => {
    const { body } = await t.execute(AdminActivePolicy, { as: 'security' });
    expect(body.errors).toBeUndefined();
    expect(body.data?.activePolicy).toMatchObject({ version: 0, status: 'active', basedOn: 0, createdBy: null });
    const parsed = parsePolicyDocument(body.data?.activePolicy.document ?? '');
    expect(parsed).toEqual({ ok: true, document: BASELINE });
  });

  it('lists every field with its class, mask and what each kind of caller gets', async () => {
    const { body } = await t.execute(AdminPolicyFields, { as: 'security' });
    const fields = new Map(body.data?.policyFields.map((f) => [f.field, f]));
    expect(fields.get('User.email')).toEqual({
      field: 'User.email',
      classification: 'pii',
      mask: 'email',
      customer: 'allow',
      staff: 'allow',
      impersonationReadOnly: 'mask',
      impersonationReadWrite: 'mask',
    });
    expect(fields.get('User.name')).toMatchObject({ classification: 'pii', impersonationReadOnly: 'allow' });
    expect(fields.get('User.birthDate')).toMatchObject({ classification: 'sensitive', customer: 'allow', impersonationReadOnly: 'deny' });
    expect(fields.get('ApiToken.secret')).toMatchObject({ classification: 'secret', staff: 'deny' });
  });
});

describe('a version that only tightens', () => {
  it('is in force at once, and the next request is served under it', async () => {
    expect(await customerEmail()).toBe(JANE_EMAIL);

    const version = await published('security', MASK_PII_FOR_CUSTOMERS, 'Customers share screens in sales calls');
    expect(version).toMatchObject({ version: 1, status: 'active', basedOn: 0, loosens: false, createdBy: 'stf_priya' });
    expect(version.changes).toEqual([{ rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' }]);
    expect(await activeVersion()).toBe(1);

    await servedVersion(1);
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);
    const fields = await t.execute(AdminPolicyFields, { as: 'security' });
    expect(fields.body.data?.policyFields.find((f) => f.field === 'User.email')?.customer).toBe('mask');
  });
});

describe('a version that loosens', () => {
  it('waits for a second security admin and changes nothing meanwhile', async () => {
    const version = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    expect(version).toMatchObject({ version: 1, status: 'pending', basedOn: 0, loosens: true });
    expect(version.changes).toEqual([
      { rule: 'field User.birthDate', column: 'impersonation_read_only', before: 'deny', after: 'allow', direction: 'loosens' },
    ]);

    expect(await activeVersion()).toBe(0);
    expect(t.policyStore?.current().version).toBe(0);
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
  });

  it('is refused to the admin who published it, with FORBIDDEN', async () => {
    const { version } = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const response = await approve('security', version, 'looks fine to me');
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(response.body.data).toBeNull();
    expect(await policyVersionRows()).toEqual([{ version, status: 'pending' }]);
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
  });

  it('is in force once a second security admin approves it', async () => {
    const { version } = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const response = await approve('security2', version, 'Agreed with the DPO');
    expect(response.body.data?.approvePolicyVersion).toEqual({ version, status: 'active', decidedBy: 'stf_yuki', decisionNote: 'Agreed with the DPO' });
    expect(await activeVersion()).toBe(version);

    await servedVersion(version);
    expect(await birthDateUnderImpersonation()).toBe(JANE_BIRTH_DATE);
  });

  it('can be rejected, and then not approved', async () => {
    const { version } = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const rejected = await t.execute(AdminRejectPolicy, {
      as: 'security2',
      variables: { version, reason: 'Birth dates stay behind a grant' },
    });
    expect(rejected.body.data?.rejectPolicyVersion).toEqual({
      version,
      status: 'rejected',
      decidedBy: 'stf_yuki',
      decisionNote: 'Birth dates stay behind a grant',
    });

    const late = await approve('security2', version, 'changed my mind');
    expect(codeOf(late)).toBe('BAD_USER_INPUT');
    expect(late.body.errors?.[0]?.message).toMatch(/is rejected/);
    expect(await activeVersion()).toBe(0);
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
  });

  it('cannot be approved once the version it was based on is no longer in force', async () => {
    const pending = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const tightened = await published('security2', MASK_PII_FOR_CUSTOMERS, 'Customers share screens in sales calls');
    expect(tightened).toMatchObject({ status: 'active', basedOn: 0 });

    const response = await approve('security2', pending.version, 'Agreed');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toContain(`version ${tightened.version} is now in force`);
    expect(await policyVersionRows()).toEqual([
      { version: pending.version, status: 'pending' },
      { version: tightened.version, status: 'active' },
    ]);
    await servedVersion(tightened.version);
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
  });
});

/** Read-only sessions see national IDs masked (`••••••6C`) rather than denied: with a grant too. */
const MASK_NATIONAL_ID_FOR_SUPPORT = documentWith((d) => {
  d.overrides['User.nationalId'] = { impersonation_read_only: 'mask' };
});
const JANE_NATIONAL_ID = 'GB-QQ123456C';

describe('where a field-access grant applies', () => {
  it('counts mask → deny as loosening: a grant lifts the denial and shows the value in full', async () => {
    const masked = await published('security', MASK_NATIONAL_ID_FOR_SUPPORT, 'Support reads the last two characters to verify');
    await approve('security2', masked.version, 'Agreed with the DPO');
    await servedVersion(masked.version);
    expect(await grantedNationalId()).toBe('••••••6C');

    // Back to the baseline's denial: less for a session without a grant, more for one with.
    const denied = await published('security', JSON.stringify(BASELINE), 'Support no longer verifies by national ID');
    expect(denied).toMatchObject({ status: 'pending', loosens: true, basedOn: masked.version });
    expect(denied.changes).toEqual([
      { rule: 'field User.nationalId', column: 'impersonation_read_only', before: 'mask', after: 'deny', direction: 'loosens' },
    ]);
    expect(await activeVersion()).toBe(masked.version);
    expect(await grantedNationalId()).toBe('••••••6C');

    await approve('security2', denied.version, 'Grants are reviewed per session');
    await servedVersion(denied.version);
    expect(await grantedNationalId()).toBe(JANE_NATIONAL_ID);
  });

  it('counts deny → mask as loosening too', async () => {
    const version = await published('security', MASK_NATIONAL_ID_FOR_SUPPORT, 'Support reads the last two characters to verify');
    expect(version).toMatchObject({ status: 'pending', loosens: true });
    expect(await grantedNationalId()).toBe(JANE_NATIONAL_ID);
  });
});

/** Both: masks customers' pii (tightens), shows support birth dates and lets on-call in (loosen). */
const MIXED = documentWith((d) => {
  d.classes.pii.customer = 'mask';
  d.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
  d.oncallMayImpersonate = true;
});

describe('a version that both tightens and loosens', () => {
  it('puts its tightening in force at once, as a version of its own, and leaves the loosening pending', async () => {
    const requestId = nextRequestId();
    const pending = await published('security', MIXED, 'Quarterly review of the field policy', requestId);
    expect(pending).toMatchObject({ version: 2, status: 'pending', basedOn: 1, loosens: true, createdBy: 'stf_priya' });
    expect(pending.changes.map((c) => [c.rule, c.direction])).toEqual([
      ['field User.birthDate', 'loosens'],
      ['oncallMayImpersonate', 'loosens'],
    ]);
    expect(await policyVersionRows()).toEqual([
      { version: 1, status: 'active' },
      { version: 2, status: 'pending' },
    ]);

    // The tightening is served from the next request; the loosening is not.
    await servedVersion(1);
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
    const tightening = await t.execute(AdminPolicyDiff, { as: 'security', variables: { from: 0, to: 1 } });
    expect(tightening.body.data?.policyDiff).toEqual([{ rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' }]);
    expect((await auditRowsFor(requestId)).map((row) => [row.policy_version, row.decision])).toEqual([
      [1, 'activated'],
      [2, 'published'],
    ]);
  });

  it('adds only the loosening once a second security admin approves the rest', async () => {
    const pending = await published('security', MIXED, 'Quarterly review of the field policy');
    await approve('security2', pending.version, 'Agreed with the DPO');
    await servedVersion(pending.version);
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);
    expect(await birthDateUnderImpersonation()).toBe(JANE_BIRTH_DATE);
  });
});

describe('withdrawing a pending version', () => {
  it('is for its author, and is audited', async () => {
    const { version } = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const requestId = nextRequestId();
    const withdrawn = await t.execute(AdminWithdrawPolicy, {
      as: 'security',
      variables: { version, reason: 'Legal has not agreed yet' },
      headers: { 'x-request-id': requestId },
    });
    expect(withdrawn.body.data?.withdrawPolicyVersion).toEqual({ version, status: 'withdrawn', decidedBy: 'stf_priya', decisionNote: 'Legal has not agreed yet' });
    const [row] = await auditRowsFor(requestId);
    expect(row).toMatchObject({ actor_id: 'stf_priya', decision: 'withdrawn', policy_version: version, reason: 'Legal has not agreed yet' });
    expect(row?.summary).toContain(`Priya Nair withdrew policy version ${version}`);

    const late = await approve('security2', version, 'Agreed');
    expect(codeOf(late)).toBe('BAD_USER_INPUT');
    expect(await birthDateUnderImpersonation()).toBe('FIELD_DENIED');
  });

  it('is refused to another security admin, who may reject it instead', async () => {
    const { version } = await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
    const response = await t.execute(AdminWithdrawPolicy, { as: 'security2', variables: { version, reason: 'I do not like this one' } });
    expect(codeOf(response)).toBe('FORBIDDEN');
    expect(await policyVersionRows()).toEqual([{ version, status: 'pending' }]);
    const own = await t.execute(AdminRejectPolicy, { as: 'security', variables: { version, reason: 'Taking this back myself' } });
    expect(own.body.errors?.[0]?.message).toContain('withdraw it (withdrawPolicyVersion)');
  });
});

describe('policyDiff', () => {
  it('lists each changed rule with its direction', async () => {
    const mixed = documentWith((d) => {
      d.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
      d.oncallMayImpersonate = true;
    }, JSON.parse(MASK_PII_FOR_CUSTOMERS) as PolicyDocument);
    const version = await published('security', mixed, 'Quarterly review of the field policy');
    expect(version).toMatchObject({ status: 'pending', loosens: true });

    const { body } = await t.execute(AdminPolicyDiff, { as: 'security', variables: { from: 0, to: version.version } });
    expect(body.data?.policyDiff).toEqual([
      { rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' },
      { rule: 'field User.birthDate', column: 'impersonation_read_only', before: 'deny', after: 'allow', direction: 'loosens' },
      { rule: 'oncallMayImpersonate', column: null, before: 'false', after: 'true', direction: 'loosens' },
    ]);

    const reverse = await t.execute(AdminPolicyDiff, { as: 'security', variables: { from: version.version, to: 0 } });
    expect(reverse.body.data?.policyDiff.map((c) => [c.rule, c.direction])).toEqual([
      ['class pii', 'loosens'],
      ['field User.birthDate', 'tightens'],
      ['oncallMayImpersonate', 'tightens'],
    ]);
  });

  it('answers NOT_FOUND for a version that does not exist', async () => {
    const { body } = await t.execute(AdminPolicyDiff, { as: 'security', variables: { from: 0, to: 42 } });
    expect(body.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('rollbackPolicy', () => {
  it('republishes an earlier document; loosening back waits for approval, tightening does not', async () => {
    const masked = await published('security', MASK_PII_FOR_CUSTOMERS, 'Customers share screens in sales calls');
    await servedVersion(masked.version);
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);

    // Back to the baseline shows customers their emails again: that loosens, so it waits.
    const back = await t.execute(AdminRollbackPolicy, { as: 'security', variables: { toVersion: 0, reason: 'Sales calls now use a demo account' } });
    const toBaseline = back.body.data?.rollbackPolicy;
    expect(toBaseline).toMatchObject({ version: 2, status: 'pending', basedOn: masked.version, loosens: true, reason: 'Roll back to version 0: Sales calls now use a demo account' });
    expect(parsePolicyDocument(toBaseline?.document ?? '')).toEqual({ ok: true, document: BASELINE });
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);

    await approve('security2', 2, 'Confirmed with sales');
    await servedVersion(2);
    expect(await customerEmail()).toBe(JANE_EMAIL);

    // Forward again to the masked version tightens: in force at once.
    const forward = await t.execute(AdminRollbackPolicy, { as: 'security', variables: { toVersion: masked.version, reason: 'Demo account is not ready yet' } });
    expect(forward.body.data?.rollbackPolicy).toMatchObject({ version: 3, status: 'active', basedOn: 2, loosens: false });
    await servedVersion(3);
    expect(await customerEmail()).toBe(JANE_EMAIL_MASKED);

    const versions = await t.execute(AdminPolicyVersions, { as: 'security' });
    expect(versions.body.data?.policyVersions).toEqual([
      { version: 3, status: 'active' },
      { version: 2, status: 'superseded' },
      { version: 1, status: 'superseded' },
      { version: 0, status: 'active' },
    ]);
  });
});

describe('what is refused', () => {
  it('refuses a bad document with BAD_USER_INPUT, naming the line of each problem', async () => {
    const text = documentWith((d) => {
      d.overrides['User.favouriteColour'] = { customer: 'deny' };
    }).replace(/("pii": \{\s*"customer": )"allow"/, '$1"hide"');
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

    const response = await publish('security', text, 'A document with two mistakes');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    const problems = response.body.errors?.[0]?.extensions?.['problems'];
    expect(problems).toEqual([
      { line: lineOf('"hide"'), message: expect.stringContaining('classes.pii.customer is "hide"') },
      { line: lineOf('"User.favouriteColour"'), message: expect.stringContaining('No field "User.favouriteColour"') },
    ]);
    expect(response.body.errors?.[0]?.message).toContain(`line ${lineOf('"hide"')}:`);
    expect(await policyVersionRows()).toEqual([]);
  });

  it('refuses a document that is not JSON, naming the line of the typo', async () => {
    // A value left unquoted: the commonest typo, and one JSON.parse reports with no position.
    const text = JSON.stringify(BASELINE, null, 2).replace(/("secret": \{\s*"customer": )"mask"/, '$1mask');
    const line = text.slice(0, text.indexOf(': mask')).split('\n').length;
    const response = await publish('security', text, 'A document that does not parse');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.['problems']).toEqual([{ line, message: expect.stringMatching(/^Not valid JSON/) }]);
    expect(await policyVersionRows()).toEqual([]);
  });

  it('refuses a reason too short to tell an auditor anything', async () => {
    const response = await publish('security', MASK_PII_FOR_CUSTOMERS, 'tighten');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message).toMatch(/at least 10 characters/);
    expect(await policyVersionRows()).toEqual([]);
  });

  it('refuses a document identical to the policy in force', async () => {
    const response = await publish('security', JSON.stringify(BASELINE), 'Nothing really changes here');
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(await policyVersionRows()).toEqual([]);
  });

  describe.each(['agent', 'auditor', 'customer'])('to %s, every policy field', (who) => {
    const attempts: Array<[string, () => Promise<GraphQLResponse<unknown>>]> = [
      ['activePolicy', () => t.execute(AdminActivePolicy, { as: who })],
      ['policyVersions', () => t.execute(AdminPolicyVersions, { as: who })],
      ['policyDiff', () => t.execute(AdminPolicyDiff, { as: who, variables: { from: 0, to: 1 } })],
      ['policyFields', () => t.execute(AdminPolicyFields, { as: who })],
      ['publishPolicy', () => t.execute(AdminPublishPolicy, { as: who, variables: { input: { document: MASK_PII_FOR_CUSTOMERS, reason: 'I would like to change this' } } })],
      ['approvePolicyVersion', () => t.execute(AdminApprovePolicy, { as: who, variables: { version: 1 } })],
      ['rejectPolicyVersion', () => t.execute(AdminRejectPolicy, { as: who, variables: { version: 1, reason: 'I would like to stop this' } })],
      ['withdrawPolicyVersion', () => t.execute(AdminWithdrawPolicy, { as: who, variables: { version: 1, reason: 'I would like to take this back' } })],
      ['rollbackPolicy', () => t.execute(AdminRollbackPolicy, { as: who, variables: { toVersion: 0, reason: 'I would like to undo this' } })],
    ];

    it.each(attempts)('%s is FORBIDDEN and changes nothing', async (_field, attempt) => {
      await published('security', SHOW_BIRTH_DATE_TO_SUPPORT, 'Support verifies identity by birth date');
      const response = await attempt();
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await policyVersionRows()).toEqual([{ version: 1, status: 'pending' }]);
    });
  });
});

describe('every change is an audit event', () => {
  it('names who, why, the version and the diff, for publishing, approving and rejecting', async () => {
    // Each document builds on the one in force, so each diff holds exactly one rule.
    const masked = MASK_PII_FOR_CUSTOMERS;
    const maskedAndBirthDate = documentWith((d) => {
      d.overrides['User.birthDate'] = { impersonation_read_only: 'allow' };
    }, JSON.parse(masked) as PolicyDocument);
    const withOncall = documentWith((d) => {
      d.oncallMayImpersonate = true;
    }, JSON.parse(maskedAndBirthDate) as PolicyDocument);

    const tightenId = nextRequestId();
    await published('security', masked, 'Customers share screens in sales calls', tightenId);
    const proposeId = nextRequestId();
    const proposed = await published('security', maskedAndBirthDate, 'Support verifies identity by birth date', proposeId);
    const approveId = nextRequestId();
    await approve('security2', proposed.version, 'Agreed with the DPO', approveId);
    const proposeAgainId = nextRequestId();
    const again = await published('security2', withOncall, 'On-call covers weekend support', proposeAgainId);
    const rejectId = nextRequestId();
    await t.execute(AdminRejectPolicy, { as: 'security', variables: { version: again.version, reason: 'Weekend cover is not agreed yet' }, headers: { 'x-request-id': rejectId } });

    const birthDateChange = { rule: 'field User.birthDate', column: 'impersonation_read_only', before: 'deny', after: 'allow', direction: 'loosens' };
    const expectations = [
      { id: tightenId, actor: 'stf_priya', name: 'Priya Nair', version: 1, action: 'activated', reason: 'Customers share screens in sales calls', changes: [{ rule: 'class pii', column: 'customer', before: 'allow', after: 'mask', direction: 'tightens' }] },
      { id: proposeId, actor: 'stf_priya', name: 'Priya Nair', version: 2, action: 'published', reason: 'Support verifies identity by birth date', changes: [birthDateChange] },
      { id: approveId, actor: 'stf_yuki', name: 'Yuki Tanaka', version: 2, action: 'approved', reason: 'Agreed with the DPO', changes: [birthDateChange] },
      { id: proposeAgainId, actor: 'stf_yuki', name: 'Yuki Tanaka', version: 3, action: 'published', reason: 'On-call covers weekend support', changes: [{ rule: 'oncallMayImpersonate', column: null, before: 'false', after: 'true', direction: 'loosens' }] },
      { id: rejectId, actor: 'stf_priya', name: 'Priya Nair', version: 3, action: 'rejected', reason: 'Weekend cover is not agreed yet', changes: [{ rule: 'oncallMayImpersonate', column: null, before: 'false', after: 'true', direction: 'loosens' }] },
    ];
    for (const expected of expectations) {
      const rows = await auditRowsFor(expected.id);
      expect(rows, expected.action).toHaveLength(1);
      const [row] = rows;
      expect(row).toMatchObject({
        kind: 'policy_changed',
        actor_kind: 'staff',
        actor_id: expected.actor,
        reason: expected.reason,
        policy_version: expected.version,
      });
      expect(row?.details).toMatchObject({ action: expected.action, version: expected.version, changes: expected.changes });
      expect(row?.summary).toContain(expected.name);
      expect(row?.summary).toContain(`policy version ${expected.version}`);
      expect(row?.summary).toContain(expected.reason);
    }
  });

  it('writes nothing for a refused change', async () => {
    const requestId = nextRequestId();
    await publish('security', MASK_PII_FOR_CUSTOMERS, 'short', requestId);
    expect(await auditRowsFor(requestId)).toEqual([]);
  });
});
