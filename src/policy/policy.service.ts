import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import type { StaffPrincipal } from '../auth/principal.js';
import type { Transaction } from 'kysely';
import type { Database, Db, Executor } from '../db/database.js';
import type { PolicyVersionRow } from '../db/tables/policy-version.js';
import { wardenError } from '../errors/index.js';
import { diffPolicies, tighteningsOf, type PolicyChange } from './diff-policies.js';
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
 * Publishes a new version, relative to the one in force:
 * - one that only tightens rules is in force at once;
 * - one that only loosens waits (pending) for a second security admin;
 * - one that does both is split: its tightening part is in force at once as a version of its
 *   own, and the whole document waits as the next version, based on that one, so approving it
 *   adds only the loosening. The pending version is returned.
 * Versions, diffs and audit events commit together, and every instance is told at commit.
 */
export async function publishPolicy(ctx: PolicyContext, documentText: string, reason: string): Promise<PolicyVersionRow> {
  const why = requireReason(reason);
  const document = requireDocument(documentText, ctx.fields, 'The policy was not published.');
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const active = await findActivePolicyVersion(trx);
    const basedOn = active?.version ?? 0;
    const current = active?.document ?? ctx.baseline;
    const changes = diffPolicies(current, document, ctx.fields);
    if (changes.length === 0) {
      throw wardenError('BAD_USER_INPUT', `This document is the policy already in force (version ${basedOn}); change a rule first.`);
    }
    const version = await nextPolicyVersionNumber(trx);
    const loosens = changes.some((c) => c.direction === 'loosens');
    const tightens = changes.some((c) => c.direction === 'tightens');
    if (!loosens) return insertVersion(trx, ctx, { version, document, basedOn, changes, reason: why, status: 'active' });
    if (!tightens) return insertVersion(trx, ctx, { version, document, basedOn, changes, reason: why, status: 'pending' });
    const tightened = tighteningsOf(current, document, ctx.fields);
    await insertVersion(trx, ctx, {
      version,
      document: tightened,
      basedOn,
      changes: diffPolicies(current, tightened, ctx.fields),
      reason: `${why} (the tightening part, in force at once; the loosening part waits as version ${version + 1})`,
      status: 'active',
    });
    return insertVersion(trx, ctx, {
      version: version + 1,
      document,
      basedOn: version,
      changes: diffPolicies(tightened, document, ctx.fields),
      reason: why,
      status: 'pending',
    });
  });
}

/** What publishing a draft would change against the version in force, each change labelled, and what would happen. */
export interface PolicyPreview {
  basedOn: number;
  changes: PolicyChange[];
  /** `active`: in force at once; `pending`: waits for a second admin; `split`: the tightening at once, the loosening waits. */
  outcome: 'unchanged' | 'active' | 'pending' | 'split';
}

/** The draft checked as publishing checks it, and its changes against the version in force; nothing is written. */
export async function previewPolicy(ctx: Pick<PolicyContext, 'db' | 'fields' | 'baseline'>, documentText: string): Promise<PolicyPreview> {
  const document = requireDocument(documentText, ctx.fields, 'The draft is not a policy the gateway would publish.');
  const active = await findActivePolicyVersion(ctx.db);
  const changes = diffPolicies(active?.document ?? ctx.baseline, document, ctx.fields);
  const loosens = changes.some((c) => c.direction === 'loosens');
  const tightens = changes.some((c) => c.direction === 'tightens');
  const outcome = changes.length === 0 ? 'unchanged' : loosens && tightens ? 'split' : loosens ? 'pending' : 'active';
  return { basedOn: active?.version ?? 0, changes, outcome };
}

/** The document in `text`, or BAD_USER_INPUT listing every problem (with its line) after `refusal`. */
function requireDocument(text: string, fields: ReadonlyMap<string, FieldPlan>, refusal: string): PolicyDocument {
  const parsed = parsePolicyDocument(text, fields);
  if (parsed.ok) return parsed.document;
  const list = parsed.problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join(' ');
  throw wardenError('BAD_USER_INPUT', `${refusal} ${list}`, { problems: parsed.problems });
}

interface NewVersion {
  version: number;
  document: PolicyDocument;
  basedOn: number;
  changes: PolicyChange[];
  reason: string;
  status: 'active' | 'pending';
}

/** Inserts a published version with its audit event; an active one supersedes the one in force and is announced. */
async function insertVersion(trx: Transaction<Database>, ctx: PolicyContext, next: NewVersion): Promise<PolicyVersionRow> {
  const { version, basedOn, changes, reason, status } = next;
  if (status === 'active') {
    const active = await findActivePolicyVersion(trx);
    if (active) await setPolicyVersionStatus(trx, active.version, 'superseded');
  }
  const row = await insertPolicyVersion(trx, {
    version,
    document: JSON.stringify(next.document),
    status,
    based_on: basedOn,
    loosens: status === 'pending',
    changes: JSON.stringify(changes),
    reason,
    created_by: ctx.admin.id,
  });
  await recordAuditEvent(
    trx,
    { kind: 'policy_changed', action: status === 'active' ? 'activated' : 'published', version, basedOn, reason, changes },
    scopeOf(ctx),
  );
  if (status === 'active') await announcePolicyChange(trx, version);
  return row;
}

/** A second security admin puts a pending (loosening) version in force. */
export async function approvePolicyVersion(ctx: PolicyContext, version: number, note: string | null): Promise<PolicyVersionRow> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const pending = await requirePending(trx, version, ctx.admin, 'another admin');
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

/** Another security admin turns a pending version down. */
export function rejectPolicyVersion(ctx: PolicyContext, version: number, reason: string): Promise<PolicyVersionRow> {
  return closePendingVersion(ctx, version, reason, 'rejected');
}

/** The author takes back their own pending version. */
export function withdrawPolicyVersion(ctx: PolicyContext, version: number, reason: string): Promise<PolicyVersionRow> {
  return closePendingVersion(ctx, version, reason, 'withdrawn');
}

/** Ends a pending version without putting it in force, with the reason and an audit event. */
async function closePendingVersion(
  ctx: PolicyContext,
  version: number,
  reason: string,
  outcome: 'rejected' | 'withdrawn',
): Promise<PolicyVersionRow> {
  const why = requireReason(reason);
  return ctx.db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const pending = await requirePending(trx, version, ctx.admin, outcome === 'withdrawn' ? 'its author' : 'another admin');
    const row = await setPolicyVersionStatus(trx, version, outcome, { by: ctx.admin.id, note: why });
    await recordAuditEvent(
      trx,
      { kind: 'policy_changed', action: outcome, version, basedOn: pending.based_on, reason: why, changes: pending.changes },
      scopeOf(ctx),
    );
    return row;
  });
}

/**
 * Rolling back is publishing an earlier version's document again, under the same rules.
 * Version 0 is the first baseline recorded, or schema/policy.json where none was.
 */
export async function rollbackPolicy(ctx: PolicyContext, toVersion: number, reason: string): Promise<PolicyVersionRow> {
  const recorded = await findPolicyVersion(ctx.db, toVersion);
  const document = recorded?.document ?? (toVersion === 0 ? ctx.baseline : undefined);
  if (!document) throw wardenError('NOT_FOUND', `There is no policy version ${toVersion}; list versions to pick one.`);
  return publishPolicy(ctx, JSON.stringify(document), `Roll back to version ${toVersion}: ${reason}`);
}

/** A pending version that `admin` may act on: approving and rejecting are for another admin, withdrawing for its author. */
async function requirePending(trx: Executor, version: number, admin: StaffPrincipal, who: 'another admin' | 'its author') {
  const row = await findPolicyVersion(trx, version);
  if (!row) throw wardenError('NOT_FOUND', `There is no policy version ${version}.`);
  if (row.status !== 'pending') {
    throw wardenError('BAD_USER_INPUT', `Version ${version} is ${row.status}, not waiting for a decision.`);
  }
  if (who === 'another admin' && row.created_by === admin.id) {
    throw wardenError('FORBIDDEN', 'Nobody decides their own policy change: ask another security admin, or withdraw it (withdrawPolicyVersion).');
  }
  if (who === 'its author' && row.created_by !== admin.id) {
    throw wardenError('FORBIDDEN', `Only the security admin who published version ${version} may withdraw it; approve or reject it instead.`);
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
