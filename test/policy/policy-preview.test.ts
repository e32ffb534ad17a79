import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const PreviewPolicy = graphql(`
  query PreviewPolicy($document: String!) {
    policyPreview(document: $document) {
      basedOn
      outcome
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

const PreviewPublish = graphql(`
  mutation PreviewPublish($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
    }
  }
`);

const BASELINE = loadBaselinePolicy();

function documentWith(change: (document: PolicyDocument) => void): string {
  const document = structuredClone(BASELINE);
  change(document);
  return JSON.stringify(document, null, 2);
}

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({}, { livePolicy: { pollMs: 60_000 } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('policy_versions').execute();
  await t.policyStore?.refresh();
});

const preview = (document: string, as = 'security') => t.execute(PreviewPolicy, { as, variables: { document } });
const versions = () => t.db.selectFrom('policy_versions').select('version').execute();

describe('policyPreview', () => {
  it('labels each change loosens or tightens, says what publishing would do, and writes nothing', async () => {
    const draft = documentWith((d) => {
      d.classes.internal.impersonation_read_write = 'mask';
      d.classes.secret.staff = 'mask';
    });
    const { body } = await preview(draft);
    expect(body.errors).toBeUndefined();
    expect(body.data?.policyPreview).toEqual({
      basedOn: 0,
      outcome: 'split',
      changes: [
        { rule: 'class internal', column: 'impersonation_read_write', before: 'allow', after: 'mask', direction: 'tightens' },
        { rule: 'class secret', column: 'staff', before: 'deny', after: 'mask', direction: 'loosens' },
      ],
    });
    expect(await versions()).toEqual([]);
  });

  it('counts deny → mask where a grant applies as loosening, as publishing does', async () => {
    const draft = documentWith((d) => {
      d.classes.sensitive.impersonation_read_only = 'mask';
    });
    const { body } = await preview(draft);
    expect(body.data?.policyPreview.outcome).toBe('pending');
    expect(body.data?.policyPreview.changes.map((c) => c.direction)).toEqual(['loosens']);
  });

  it('compares with the version in force, not the baseline', async () => {
    const tightened = documentWith((d) => {
      d.classes.internal.impersonation_read_write = 'mask';
    });
    const published = await t.execute(PreviewPublish, { as: 'security', variables: { input: { document: tightened, reason: 'Read-write sessions see no internal ids' } } });
    const version = published.body.data?.publishPolicy.version;
    expect(version).toBeGreaterThan(0);
    const { body } = await preview(tightened);
    expect(body.data?.policyPreview).toEqual({ basedOn: version, outcome: 'unchanged', changes: [] });
  });

  it('refuses a draft publishing would refuse, with BAD_USER_INPUT and every problem by line', async () => {
    const text = documentWith((d) => {
      d.overrides['User.favouriteColour'] = { customer: 'deny' };
    });
    const line = text.slice(0, text.indexOf('"User.favouriteColour"')).split('\n').length;
    const { body } = await preview(text);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.message).toMatch(new RegExp(`^The draft is not a policy the gateway would publish\\. line ${line}: .*User\\.favouriteColour`));
    expect(body.errors?.[0]?.extensions?.['problems']).toEqual([{ line, message: expect.stringContaining('No field "User.favouriteColour"') }]);
  });

  it('refuses text that is not JSON, naming the line', async () => {
    const { body } = await preview('{\n  "classes": oops\n}');
    expect(body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0]?.extensions?.['problems']).toEqual([{ line: 2, message: expect.stringMatching(/^Not valid JSON/) }]);
  });

  it.each(['agent', 'manager', 'auditor', 'customer'])('is refused to %s with FORBIDDEN, and the refusal is on the trail', async (who) => {
    const requestId = `req-policy-preview-${who}`;
    const response = await t.execute(PreviewPolicy, { as: who, variables: { document: documentWith(() => undefined) }, headers: { 'x-request-id': requestId } });
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.body.data ?? null).toBeNull();
    const rows = await t.db.selectFrom('audit_events').select(['kind', 'type_field']).where('request_id', '=', requestId).execute();
    expect(rows).toEqual([{ kind: 'access_denied', type_field: 'Query.policyPreview' }]);
  });
});
