import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { loadBaselinePolicy } from '../../src/policy/baseline.js';
import type { PolicyDocument } from '../../src/policy/policy-document.js';
import { startPolicyStore, type PolicyStore } from '../../src/policy/policy-store.js';
import { buildDemoSchema } from '../../src/domain/schema.js';
import { graphql } from '../gql/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const InstancePublishPolicy = graphql(`
  mutation InstancePublishPolicy($input: PublishPolicyInput!) {
    publishPolicy(input: $input) {
      version
      status
    }
  }
`);

const InstanceApprovePolicy = graphql(`
  mutation InstanceApprovePolicy($version: Int!) {
    approvePolicyVersion(version: $version) {
      version
      status
    }
  }
`);

const InstanceCustomerEmail = graphql(`
  query InstanceCustomerEmail {
    me {
      email
    }
  }
`);

const BASELINE = loadBaselinePolicy();

function documentWith(change: (document: PolicyDocument) => void, from: PolicyDocument = BASELINE): PolicyDocument {
  const document = structuredClone(from);
  change(document);
  return document;
}

/** Tightens: in force at once. */
const MASK_PII_FOR_CUSTOMERS = documentWith((d) => {
  d.classes.pii.customer = 'mask';
});
/** Loosens it back (and lets on-call impersonate): waits for a second security admin. */
const UNMASK_AND_ONCALL = documentWith((d) => {
  d.oncallMayImpersonate = true;
});

/** Far longer than any case here: if a version arrives, LISTEN/NOTIFY brought it, not the poll. */
const NO_POLL = { pollMs: 60_000 };
const WITHIN_MS = 1000;

let a: TestGateway;
let b: TestGateway;
/** A third store over the same database that never hears a notification: the control. */
let deaf: PolicyStore;

beforeAll(async () => {
  a = await startTestGateway({}, { livePolicy: NO_POLL });
  b = await startTestGateway({}, { livePolicy: NO_POLL, database: a.database });
  const { catalog } = buildDemoSchema();
  deaf = await startPolicyStore({
    db: a.db,
    ...catalog,
    listen: async () => async () => {},
    logger: createLogger('silent'),
    ...NO_POLL,
  });
});
afterAll(async () => {
  await deaf.stop();
  await b.close();
  await a.close();
});

/** How long until `store` serves `version`; fails after WITHIN_MS. */
async function arrival(store: PolicyStore | null, version: number): Promise<number> {
  const started = performance.now();
  while (store?.current().version !== version) {
    if (performance.now() - started > WITHIN_MS) {
      throw new Error(`Version ${version} not in force within ${WITHIN_MS} ms (still ${store?.current().version})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

async function emailThrough(gateway: TestGateway): Promise<string | null | undefined> {
  const { body } = await gateway.execute(InstanceCustomerEmail, { as: 'customer' });
  return body.data?.me?.email;
}

describe('two instances over one database', () => {
  it('start on the baseline, and a customer sees their own email through either', async () => {
    expect(a.policyStore?.current().version).toBe(0);
    expect(b.policyStore?.current().version).toBe(0);
    expect(await emailThrough(b)).toBe('jane.doe@acme.example');
  });

  it('a version published through A is in force in B within a second, by LISTEN/NOTIFY', async () => {
    const { body } = await a.execute(InstancePublishPolicy, {
      as: 'security',
      variables: { input: { document: JSON.stringify(MASK_PII_FOR_CUSTOMERS), reason: 'Customers share screens in sales calls' } },
      headers: { 'x-request-id': 'req-instances-publish' },
    });
    expect(body.data?.publishPolicy).toEqual({ version: 1, status: 'active' });

    expect(await arrival(b.policyStore, 1)).toBeLessThan(WITHIN_MS);
    expect(await emailThrough(b)).toBe('j•••@acme.example');
    expect(await arrival(a.policyStore, 1)).toBeLessThan(WITHIN_MS);

    // Control: a store that hears no notification and does not poll in time is still on 0.
    expect(deaf.current().version).toBe(0);
    await deaf.refresh();
    expect(deaf.current().version).toBe(1);
  });

  it('a loosening version published through B moves neither instance until approved through A', async () => {
    const { body } = await b.execute(InstancePublishPolicy, {
      as: 'security2',
      variables: { input: { document: JSON.stringify(UNMASK_AND_ONCALL), reason: 'Sales calls now use a demo account' } },
      headers: { 'x-request-id': 'req-instances-propose' },
    });
    expect(body.data?.publishPolicy).toEqual({ version: 2, status: 'pending' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([a.policyStore?.current().version, b.policyStore?.current().version]).toEqual([1, 1]);

    const approved = await a.execute(InstanceApprovePolicy, {
      as: 'security',
      variables: { version: 2 },
      headers: { 'x-request-id': 'req-instances-approve' },
    });
    expect(approved.body.data?.approvePolicyVersion).toEqual({ version: 2, status: 'active' });
    expect(await arrival(b.policyStore, 2)).toBeLessThan(WITHIN_MS);
    expect(await emailThrough(b)).toBe('jane.doe@acme.example');
  });

  it('names the version in every policy audit event, whichever instance wrote it', async () => {
    const rows = await a.db
      .selectFrom('audit_events')
      .select(['request_id', 'kind', 'policy_version', 'actor_id'])
      .where('request_id', 'in', ['req-instances-publish', 'req-instances-propose', 'req-instances-approve'])
      .where('kind', '=', 'policy_changed')
      .orderBy('chain_seq')
      .execute();
    expect(rows).toEqual([
      { request_id: 'req-instances-publish', kind: 'policy_changed', policy_version: 1, actor_id: 'stf_priya' },
      { request_id: 'req-instances-propose', kind: 'policy_changed', policy_version: 2, actor_id: 'stf_yuki' },
      { request_id: 'req-instances-approve', kind: 'policy_changed', policy_version: 2, actor_id: 'stf_priya' },
    ]);
  });
});
