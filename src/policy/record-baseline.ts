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
  findPendingBaselines,
  insertPolicyVersion,
  lockPolicyChanges,
  nextPolicyVersionNumber,
  setPolicyVersionStatus,
} from './policy-versions.repository.js';

/** What identifies a baseline's content: the SHA-256 of its canonical JSON (key order, spacing and the description do not count). */
export function baselineHash(document: PolicyDocument): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/** The version holding the deployed file, whether this start recorded it, and the version in force. */
export interface BaselineRecord {
  baseline: PolicyVersionRow;
  recorded: boolean;
  /** The version in force once recorded (0 when none is recorded). */
  inForce: number;
}

/**
 * Records schema/policy.json in the policy history when a gateway starts with content other
 * than the baseline recorded last, so a deploy that edits the file is a version like any other:
 * audited (`policy_changed`, action `baseline`, with the diff), and named by every decision made
 * under it.
 *
 * - The first baseline recorded is version 0, in force; each later one takes the next number.
 * - When a baseline is what is in force, the new one is compared with it. If it only tightens it
 *   goes into force at once. If it loosens any rule (even while tightening others) it is
 *   `pending`, like a published loosening: the version in force stays until a security admin
 *   approves it (`approvePolicyVersion`), so editing the file is no way around the second person.
 * - When a version a security admin published is in force, that one stays, and the new baseline
 *   is kept (superseded) for diffs and rollbacks.
 * - A baseline still pending from an earlier deploy is withdrawn: only the file deployed now may
 *   be approved.
 *
 * Instances starting together record it once (the policy lock). Returns the version holding
 * this file's content, recorded now or at an earlier start, so a start can say when it waits.
 */
export async function recordBaseline(
  db: Db,
  baseline: PolicyDocument,
  fields: ReadonlyMap<string, FieldPlan>,
): Promise<BaselineRecord> {
  const hash = baselineHash(baseline);
  return db.transaction().execute(async (trx) => {
    await lockPolicyChanges(trx);
    const last = await findLatestBaseline(trx);
    const active = await findActivePolicyVersion(trx);
    if (last?.baseline_hash === hash) return { baseline: last, recorded: false, inForce: active?.version ?? 0 };
    const published = active && active.baseline_hash === null ? active : null;
    const version = last ? await nextPolicyVersionNumber(trx) : 0;
    // Against the version in force, unless a published one is: then against the previous file.
    const changes = !last ? [] : diffPolicies(published ? last.document : (active?.document ?? last.document), baseline, fields);
    const loosens = changes.some((change) => change.direction === 'loosens');
    const status = published ? 'superseded' : loosens ? 'pending' : 'active';
    const why = last ? 'Baseline changed by deploy (schema/policy.json)' : 'Baseline recorded from schema/policy.json at first start';
    const reason = `${why}; ${
      published
        ? `version ${published.version}, published by a security admin, stays in force`
        : loosens
          ? `it loosens the policy in force, so it waits for a security admin's approval (approvePolicyVersion); version ${active?.version ?? 0} stays in force until then`
          : 'in force'
    }`;
    for (const stale of await findPendingBaselines(trx)) {
      const note = `Replaced by version ${version}, a later deploy of schema/policy.json`;
      await setPolicyVersionStatus(trx, stale.version, 'withdrawn', { by: null, note });
      await recordAuditEvent(
        trx,
        { kind: 'policy_changed', action: 'withdrawn', version: stale.version, basedOn: stale.based_on, reason: note, changes: stale.changes },
        { actor: SYSTEM_ACTOR },
      );
    }
    if (active && status === 'active') await setPolicyVersionStatus(trx, active.version, 'superseded');
    const row = await insertPolicyVersion(trx, {
      version,
      document: JSON.stringify(baseline),
      status,
      based_on: active?.version ?? 0,
      loosens,
      changes: JSON.stringify(changes),
      reason,
      created_by: null,
      baseline_hash: hash,
    });
    await recordAuditEvent(trx, { kind: 'policy_changed', action: 'baseline', version, basedOn: row.based_on, reason, changes }, { actor: SYSTEM_ACTOR });
    if (status === 'active') await announcePolicyChange(trx, version);
    return { baseline: row, recorded: true, inForce: status === 'active' ? version : (active?.version ?? 0) };
  });
}
