import type { PolicyVersionRow } from '../db/tables/policy-version.js';
import type { PolicyPreview } from './policy.service.js';
import { wardenError } from '../errors/index.js';
import type { WardenBuilder } from '../graphql/builder.js';
import type { GatewayContext } from '../graphql/context.js';
import { POLICY_COLUMNS } from './data-class.js';
import { decideField } from './decide.js';
import { diffPolicies, type PolicyChange } from './diff-policies.js';
import { effectiveMask } from './plugin/field-plan.js';
import type { FieldPlan } from './plugin/types.js';
import { formatPolicyDocument } from './policy-document.js';
import { approvePolicyVersion, previewPolicy, publishPolicy, rejectPolicyVersion, rollbackPolicy, withdrawPolicyVersion, type PolicyContext } from './policy.service.js';
import { baselineHash } from './record-baseline.js';
import { findActivePolicyVersion, findPolicyVersion, listPolicyVersions } from './policy-versions.repository.js';

const ADMIN = { staffRole: 'security_admin' } as const;

function policyContext(context: GatewayContext, operation: string | null): PolicyContext {
  const admin = context.principal;
  if (admin.kind !== 'staff') throw wardenError('FORBIDDEN', 'Only security admins change the policy.');
  return { db: context.db, ...context.policyCatalog, admin, request: { requestId: context.requestId, operation } };
}

/** After a change commits, this instance reloads at once (others hear it by LISTEN/NOTIFY). */
function refreshed(context: GatewayContext) {
  return async (row: PolicyVersionRow): Promise<PolicyVersionRow> => {
    await context.refreshPolicy();
    return row;
  };
}

/**
 * Version 0 where no gateway recorded a baseline yet (a gateway without a live policy store):
 * schema/policy.json as it is now, shown as a version so it can be diffed and rolled back to.
 */
function baselineRow(context: GatewayContext): PolicyVersionRow {
  return {
    version: 0,
    document: context.policyCatalog.baseline,
    status: 'active',
    based_on: 0,
    loosens: false,
    changes: [],
    reason: 'Baseline policy from schema/policy.json',
    created_by: null,
    baseline_hash: baselineHash(context.policyCatalog.baseline),
    created_at: new Date(0),
    decided_by: null,
    decided_at: null,
    decision_note: null,
  };
}

async function versionOrBaseline(context: GatewayContext, version: number): Promise<PolicyVersionRow> {
  const row = await findPolicyVersion(context.db, version);
  if (!row && version === 0) return baselineRow(context);
  if (!row) throw wardenError('NOT_FOUND', `There is no policy version ${version}; list versions to pick one.`);
  return row;
}

export function definePolicyTypes(builder: WardenBuilder): void {
  const PolicyVersionStatus = builder.enumType('PolicyVersionStatus', {
    values: ['pending', 'active', 'superseded', 'rejected', 'withdrawn'] as const,
  });
  const PolicyChangeRef = builder.objectRef<PolicyChange>('PolicyChange').implement({
    description: 'One rule that differs between two policy versions.',
    fields: (t) => ({
      rule: t.exposeString('rule', { classification: 'public' }),
      column: t.exposeString('column', { classification: 'public', nullable: true }),
      before: t.exposeString('before', { classification: 'public' }),
      after: t.exposeString('after', { classification: 'public' }),
      direction: t.exposeString('direction', { classification: 'public' }),
    }),
  });
  const PolicyVersionRef = builder.objectRef<PolicyVersionRow>('PolicyVersion').implement({
    description: 'A version of the field policy. Version 0 is the first baseline (schema/policy.json) recorded; a deploy that changes the file records the new baseline as a version too.',
    fields: (t) => ({
      version: t.exposeInt('version', { classification: 'public' }),
      status: t.field({ type: PolicyVersionStatus, classification: 'public', resolve: (row) => row.status }),
      basedOn: t.exposeInt('based_on', { classification: 'public' }),
      loosens: t.exposeBoolean('loosens', { classification: 'public' }),
      reason: t.exposeString('reason', { classification: 'public' }),
      createdBy: t.exposeID('created_by', {
        classification: 'public',
        nullable: true,
        description: 'The security admin who published it; null for a baseline recorded from schema/policy.json.',
      }),
      createdAt: t.expose('created_at', { type: 'DateTime', classification: 'public' }),
      decidedBy: t.exposeID('decided_by', { classification: 'public', nullable: true }),
      decidedAt: t.expose('decided_at', { type: 'DateTime', classification: 'public', nullable: true }),
      decisionNote: t.exposeString('decision_note', { classification: 'public', nullable: true }),
      document: t.string({ classification: 'public', resolve: (row) => formatPolicyDocument(row.document) }),
      changes: t.field({ type: [PolicyChangeRef], classification: 'public', resolve: (row) => row.changes }),
    }),
  });
  const FieldPolicyRef = builder.objectRef<{ plan: FieldPlan; decisions: Record<string, string> }>('FieldPolicy').implement({
    description: 'A field of the schema, its data class and mask, and what each kind of caller gets under the active policy.',
    fields: (t) => ({
      field: t.string({ classification: 'public', resolve: ({ plan }) => plan.coordinate }),
      classification: t.string({ classification: 'public', resolve: ({ plan }) => plan.classification ?? 'unclassified (treated as secret)' }),
      mask: t.string({ classification: 'public', resolve: ({ plan }) => effectiveMask(plan) }),
      customer: t.string({ classification: 'public', resolve: ({ decisions }) => decisions['customer'] ?? 'deny' }),
      staff: t.string({ classification: 'public', resolve: ({ decisions }) => decisions['staff'] ?? 'deny' }),
      impersonationReadOnly: t.string({ classification: 'public', resolve: ({ decisions }) => decisions['impersonation_read_only'] ?? 'deny' }),
      impersonationReadWrite: t.string({ classification: 'public', resolve: ({ decisions }) => decisions['impersonation_read_write'] ?? 'deny' }),
    }),
  });

  const PolicyOutcome = builder.enumType('PolicyPublishOutcome', {
    description: 'What publishing the draft would do.',
    values: {
      unchanged: { description: 'Nothing: it is the policy in force.' },
      active: { description: 'It only tightens: in force at once.' },
      pending: { description: 'It loosens: it waits for a second security admin.' },
      split: { description: 'Both: the tightening part in force at once, the loosening part waits.' },
    } as const,
  });
  const PolicyPreviewRef = builder.objectRef<PolicyPreview>('PolicyPreview').implement({
    description: 'A draft policy checked as publishing checks it, and what it changes against the version in force; nothing is written.',
    fields: (t) => ({
      basedOn: t.exposeInt('basedOn', { classification: 'public', description: 'The version in force the draft is compared with.' }),
      changes: t.field({ type: [PolicyChangeRef], classification: 'public', description: 'Each changed rule, labelled loosens or tightens.', resolve: (p) => p.changes }),
      outcome: t.field({ type: PolicyOutcome, classification: 'public', resolve: (p) => p.outcome }),
    }),
  });

  builder.queryFields((t) => ({
    policyPreview: t.field({
      type: PolicyPreviewRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      description:
        'Checks a draft policy as publishPolicy would (BAD_USER_INPUT lists every problem, with its line, in extensions.problems) and returns its changes against the version in force, each labelled loosens or tightens. Nothing is written.',
      args: { document: t.arg.string({ required: true, filtersBy: false, description: 'The whole policy, as JSON (the format of schema/policy.json).' }) },
      resolve: (_root, { document }, context) => previewPolicy({ db: context.db, ...context.policyCatalog }, document),
    }),
    activePolicy: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      description: 'The policy version in force.',
      resolve: async (_root, _args, context) => (await findActivePolicyVersion(context.db)) ?? baselineRow(context),
    }),
    policyVersions: t.field({
      type: [PolicyVersionRef],
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      description: 'Versions, newest first, baselines recorded from schema/policy.json included (the first is version 0).',
      args: { first: t.arg.int({ required: true, defaultValue: 20, filtersBy: false }) },
      resolve: async (_root, { first }, context) => {
        const rows = await listPolicyVersions(context.db, Math.min(Math.max(first, 1), 200));
        return (await findPolicyVersion(context.db, 0)) ? rows : [...rows, baselineRow(context)];
      },
    }),
    policyDiff: t.field({
      type: [PolicyChangeRef],
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      description: 'What `to` changes relative to `from`, rule by rule.',
      args: { from: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }), to: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }) },
      resolve: async (_root, { from, to }, context) => {
        const [a, b] = await Promise.all([versionOrBaseline(context, from), versionOrBaseline(context, to)]);
        return diffPolicies(a.document, b.document, context.policyCatalog.fields);
      },
    }),
    policyFields: t.field({
      type: [FieldPolicyRef],
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      description: 'Every field with its class, mask and decision per kind of caller, under the active policy.',
      resolve: async (_root, _args, context) => {
        const active = (await findActivePolicyVersion(context.db))?.document ?? context.policyCatalog.baseline;
        return [...context.policyCatalog.fields.values()].map((plan) => ({
          plan,
          decisions: Object.fromEntries(POLICY_COLUMNS.map((column) => [column, decideField(plan, column, active)])),
        }));
      },
    }),
  }));

  const PublishPolicyInput = builder.inputType('PublishPolicyInput', {
    fields: (t) => ({
      document: t.string({ required: true, filtersBy: false, description: 'The whole policy, as JSON (the format of schema/policy.json).' }),
      reason: t.string({ required: true, filtersBy: false, description: 'Why: kept with the version and in the audit trail.' }),
    }),
  });

  builder.mutationFields((t) => ({
    publishPolicy: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      risk: 'never-during-impersonation',
      description:
        'Publishes a policy version: in force at once if it only tightens, pending a second security admin if it loosens. One that does both is split: its tightening part goes into force at once as its own version (the basedOn of the pending version returned).',
      args: { input: t.arg({ type: PublishPolicyInput, required: true }) },
      resolve: (_root, { input }, context, info) =>
        publishPolicy(policyContext(context, info.operation.name?.value ?? null), input.document, input.reason).then(refreshed(context)),
    }),
    approvePolicyVersion: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      risk: 'never-during-impersonation',
      args: { version: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }), note: t.arg.string({ filtersBy: false }) },
      resolve: (_root, { version, note }, context, info) =>
        approvePolicyVersion(policyContext(context, info.operation.name?.value ?? null), version, note ?? null).then(refreshed(context)),
    }),
    rejectPolicyVersion: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      risk: 'never-during-impersonation',
      args: { version: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }), reason: t.arg.string({ required: true, filtersBy: false }) },
      resolve: (_root, { version, reason }, context, info) =>
        rejectPolicyVersion(policyContext(context, info.operation.name?.value ?? null), version, reason),
    }),
    withdrawPolicyVersion: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      risk: 'never-during-impersonation',
      description: 'Takes back a pending version you published yourself.',
      args: { version: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }), reason: t.arg.string({ required: true, filtersBy: false }) },
      resolve: (_root, { version, reason }, context, info) =>
        withdrawPolicyVersion(policyContext(context, info.operation.name?.value ?? null), version, reason),
    }),
    rollbackPolicy: t.field({
      type: PolicyVersionRef,
      callers: 'security_admin',
      classification: 'public',
      authScopes: ADMIN,
      risk: 'never-during-impersonation',
      description: 'Publishes an earlier version again (same rules: loosening waits for approval).',
      args: { toVersion: t.arg.int({ required: true, filtersBy: 'PolicyVersion.version' }), reason: t.arg.string({ required: true, filtersBy: false }) },
      resolve: (_root, { toVersion, reason }, context, info) =>
        rollbackPolicy(policyContext(context, info.operation.name?.value ?? null), toVersion, reason).then(refreshed(context)),
    }),
  }));
}
