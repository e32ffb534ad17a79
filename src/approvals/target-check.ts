import type { GraphQLField } from 'graphql';
import type { Transaction } from 'kysely';
import { SYSTEM_ACTOR, type AuditScope } from '../audit/index.js';
import type { MutationRefused } from '../audit/audit-event.js';
import { recordDenial } from '../audit/record-denial.js';
import type { Database } from '../db/database.js';
import type { EffectScope } from '../policy/plugin/effect-text.js';
import type { FieldPlan } from '../policy/plugin/types.js';
import { targetStateHash } from './canonical-hash.js';
import { closeApprovalRequests } from './close-approval-requests.js';
import { describeMutationCall } from './describe-call.js';
import { recordedEffect } from './describe-request.js';

/** Why an approved call may not run on its approval: its target changed, or is gone. */
export interface TargetRefusal {
  code: 'TARGET_CHANGED' | 'NOT_FOUND';
  /** For the agent and the refusal's record. */
  why: string;
  /** For the record of the spent approval. */
  spentBecause: string;
  /**
   * `why` without the target's values, for a caller who sees people's data only as stand-ins
   * (an AI assistant): `why` draws them as the audit keeps them.
   */
  whyWithoutValues: string;
}

/**
 * Whether an approved call's target is still as its request described it, read with
 * `scope.db` (inside the change's transaction, the rows it locked): null when it is. The
 * description is built again and its state hashed; a manager approves the state they saw.
 */
export async function targetRefusal(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  approvedStateHash: string,
  scope: EffectScope,
  fields: ReadonlyMap<string, FieldPlan> | undefined,
): Promise<TargetRefusal | null> {
  const now = await describeMutationCall(field, args, scope);
  if (!now) {
    const why = `What ${field.name} would change no longer exists, so nothing ran and its approval is spent; check the ids, and ask again for what is there now if a change is still needed.`;
    return { code: 'NOT_FOUND', why, spentBecause: 'its target no longer exists', whyWithoutValues: why };
  }
  if (targetStateHash(now.state) === approvedStateHash) return null;
  const reads = recordedEffect(now.says, fields);
  return {
    code: 'TARGET_CHANGED',
    why: `What ${field.name} would change is no longer as the manager was asked to approve it (it would now ${reads}), so nothing ran and its approval is spent: a manager approves the state they saw. Ask again if the change is still needed.`,
    spentBecause: `its target changed after it was asked for (it would now ${reads})`,
    whyWithoutValues: `What ${field.name} would change is no longer as the manager was asked to approve it, so nothing ran and its approval is spent: a manager approves the state they saw. Ask again if the change is still needed.`,
  };
}

/**
 * Spends an approval whose call was refused for its target, and records the refusal, in the
 * caller's transaction: one that commits although the call did not run (never the change's own,
 * which rolls back with the refusal). Warden closes the approval; the agent is refused. The
 * approval's row is locked before the audit chain's head, the order a change using an approval
 * takes them in, so the two cannot deadlock.
 */
export async function spendForTarget(
  trx: Transaction<Database>,
  approvalId: string,
  refusal: TargetRefusal,
  refused: Omit<MutationRefused, 'kind' | 'code' | 'why'>,
  scope: AuditScope,
): Promise<void> {
  const approval = await trx.selectFrom('approval_requests').selectAll().where('id', '=', approvalId).forUpdate().executeTakeFirst();
  if (approval) await closeApprovalRequests(trx, [approval], 'expired', refusal.spentBecause, { ...scope, actor: SYSTEM_ACTOR, withChange: null, beforeChange: null });
  await recordDenial(trx, { kind: 'mutation_refused', ...refused, code: refusal.code, why: refusal.why }, scope);
}
