import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import type { StaffPrincipal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { PolicyVersionRow } from '../db/tables/policy-version.js';
import { wardenError } from '../errors/index.js';
import { diffPolicies } from './diff-policies.js';
import type { FieldPlan } from './plugin/types.js';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.js';
import {
  announcePolicyChange,
  findActivePolicyVersion,
  findPolicyVersion,
  insertPolicyVersion,
  lockPolicyChanges,
  nextPolicyVersionNumber,
  setPolicyVersionStatus,
} from './policy-versions.repository.js';

export interface PolicyContext {
  db: Db;
  fields: ReadonlyMap<string, FieldPlan>;
  baseline: PolicyDocument;
  admin: StaffPrincipal;
  request: { requestId: string; operation: string | null };
}

const MIN_REASON = 10;

/**
 * Publishes a new version. One that only tightens rules is in force at once; one that loosens
 * any rule (or mixes both) waits for a second security admin. The version, its diff against the
 * active one and its audit event commit together, and every instance is told at commit.
 */
export async function publishPolicy(ctx: PolicyContext, documentText: string, reason: string): Promise<PolicyVersionRow> {
  const why = requireReason(reason);
  const parsed = parsePolicyDocument(documentText, ctx.fields);
  if (!parsed.ok) {
    const list = parsed.problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join(' ');
    throw wardenError('BAD_USER_INPUT', `The policy was not published. ${list}`, { problems: parsed.problems });
  }
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const active = await findActivePolicyVersion(trx);
    const basedOn = active?.version ?? 0;
    const changes = diffPolicies(active?.document ?? ctx.baseline, parsed.document, ctx.fields);
    if (changes.length === 0) {
      throw wardenError('BAD_USER_INPUT', `This document is the policy already in force (version ${basedOn}); change a rule first.`);
    }
    const loosens = changes.some((c) => c.direction === 'loosens');
    const version = await nextPolicyVersionNumber(trx);
    if (!loosens && active) await setPolicyVersionStatus(trx, active.version, 'superseded');
    const row = await insertPolicyVersion(trx, {
      version,
      document: JSON.stringify(parsed.document),
      status: loosens ? 'pending' : 'active',
      based_on: basedOn,
      loosens,
      changes: JSON.stringify(changes),
      reason: why,
      created_by: ctx.admin.id,
    });
    await recordAuditEvent(
      trx,
      { kind: 'policy_changed', action: loosens ? 'published' : 'activated', version, basedOn, reason: why, changes },
      scopeOf(ctx),
    );
    if (!loosens) await announcePolicyChange(trx, version);
    return row;
  });
}

/** A second security admin puts a pending (loosening) version in force. */
export async function approvePolicyVersion(ctx: PolicyContext, version: number, note: string | null): Promise<PolicyVersionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const pending = await requirePending(trx, version, ctx.admin);
    const active = await findActivePolicyVersion(trx);
    if ((active?.version ?? 0) !== pending.based_on) {
      throw wardenError(
        'BAD_USER_INPUT',
        `Version ${version} was proposed against version ${pending.based_on}, but version ${active?.version ?? 0} is now in force; publish it again so its changes are reviewed against the current policy.`,
      );
    }
    if (active) await setPolicyVersionStatus(trx, active.version, 'superseded');
    const row = await setPolicyVersionStatus(trx, version, 'active', { by: ctx.admin.id, note });
    await recordAuditEvent(
      trx,
      { kind: 'policy_changed', action: 'approved', version, basedOn: pending.based_on, reason: note ?? pending.reason, changes: pending.changes },
      scopeOf(ctx),
    );
    await announcePolicyChange(trx, version);
    return row;
  });
}

export async function rejectPolicyVersion(ctx: PolicyContext, version: number, reason: string): Promise<PolicyVersionRow> {
  const why = requireReason(reason);
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const pending = await requirePending(trx, version, ctx.admin);
    const row = await setPolicyVersionStatus(trx, version, 'rejected', { by: ctx.admin.id, note: why });
    await recordAuditEvent(
      trx,
      { kind: 'policy_changed', action: 'rejected', version, basedOn: pending.based_on, reason: why, changes: pending.changes },
      scopeOf(ctx),
    );
    return row;
  });
}

/** Rolling back is publishing an earlier version's document again, under the same rules. */
export async function rollbackPolicy(ctx: PolicyContext, toVersion: number, reason: string): Promise<PolicyVersionRow> {
  const document =
    toVersion === 0 ? ctx.baseline : (await findPolicyVersion(ctx.db, toVersion))?.document;
  if (!document) throw wardenError('NOT_FOUND', `There is no policy version ${toVersion}; list versions to pick one.`);
  return publishPolicy(ctx, JSON.stringify(document), `Roll back to version ${toVersion}: ${reason}`);
}

async function requirePending(trx: Parameters<typeof findPolicyVersion>[0], version: number, admin: StaffPrincipal) {
  const row = await findPolicyVersion(trx, version);
  if (!row) throw wardenError('NOT_FOUND', `There is no policy version ${version}.`);
  if (row.status !== 'pending') {
    throw wardenError('BAD_USER_INPUT', `Version ${version} is ${row.status}, not waiting for a decision.`);
  }
  if (row.created_by === admin.id) {
    throw wardenError('FORBIDDEN', 'Nobody decides their own policy change: ask another security admin.');
  }
  return row;
}

function requireReason(reason: string): string {
  const why = reason.trim();
  if (why.length < MIN_REASON) {
    throw wardenError('BAD_USER_INPUT', `Say why, in at least ${MIN_REASON} characters: the reason is kept with the change for auditors.`);
  }
  return why;
}

function scopeOf(ctx: PolicyContext): AuditScope {
  return { actor: { kind: 'staff', id: ctx.admin.id, name: ctx.admin.name, title: 'Security admin' }, ...ctx.request };
}
