import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit/canonical-json.js';
import { recordAuditEvent, SYSTEM_ACTOR } from '../audit/index.js';
import type { Db } from '../db/database.js';
import type { PolicyVersionRow } from '../db/tables/policy-version.js';
import { diffPolicies } from './diff-policies.js';
import type { FieldPlan } from './plugin/types.js';
import type { PolicyDocument } from './policy-document.js';
import {
  announcePolicyChange,
  findActivePolicyVersion,
  findLatestBaseline,
  insertPolicyVersion,
  lockPolicyChanges,
  nextPolicyVersionNumber,
  setPolicyVersionStatus,
} from './policy-versions.repository.js';

/** What identifies a baseline's content: the SHA-256 of its canonical JSON (key order, spacing and the description do not count). */
export function baselineHash(document: PolicyDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/**
 * Records schema/policy.json in the policy history when a gateway starts with content other
 * than the baseline recorded last, so a deploy that edits the file is a version like any other:
 * audited (`policy_changed`, action `baseline`, with the diff), and named by every decision made
 * under it.
 *
 * - The first baseline recorded is version 0; each later one takes the next number.
 * - It goes into force when a baseline is what is in force. When a version a security admin
 *   published is in force, that one stays, and the new baseline is kept (superseded) for diffs
 *   and rollbacks.
 *
 * Instances starting together record it once (the policy lock). Returns the version recorded,
 * or null when this baseline is the one recorded last.
 */
export async function recordBaseline(
  db: Db,
  baseline: PolicyDocument,
  fields: ReadonlyMap<string, FieldPlan>,
): Promise<PolicyVersionRow | null> {
  const hash = baselineHash(baseline);
  return db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const last = await findLatestBaseline(trx);
    if (last?.baseline_hash === hash) return null;
    const active = await findActivePolicyVersion(trx);
    const published = active && active.baseline_hash === null ? active : null;
    const version = last ? await nextPolicyVersionNumber(trx) : 0;
    const changes = last ? diffPolicies(last.document, baseline, fields) : [];
    const why = last ? 'Baseline changed by deploy (schema/policy.json)' : 'Baseline recorded from schema/policy.json at first start';
    const reason = `${why}; ${published ? `version ${published.version}, published by a security admin, stays in force` : 'in force'}`;
    if (active && !published) await setPolicyVersionStatus(trx, active.version, 'superseded');
    const row = await insertPolicyVersion(trx, {
      version,
      document: JSON.stringify(baseline),
      status: published ? 'superseded' : 'active',
      based_on: active?.version ?? 0,
      loosens: changes.some((change) => change.direction === 'loosens'),
      changes: JSON.stringify(changes),
      reason,
      created_by: null,
      baseline_hash: hash,
    });
    await recordAuditEvent(trx, { kind: 'policy_changed', action: 'baseline', version, basedOn: row.based_on, reason, changes }, { actor: SYSTEM_ACTOR });
    if (!published) await announcePolicyChange(trx, version);
    return row;
  });
}
