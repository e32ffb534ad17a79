import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';
import type { PolicyChange } from '../../policy/diff-policies.js';
import type { PolicyDocument } from '../../policy/policy-document.js';

export type PolicyVersionStatus = 'pending' | 'active' | 'superseded' | 'rejected' | 'withdrawn';

export interface PolicyVersionTable {
  version: number;
  document: ColumnType<PolicyDocument, string, never>;
  status: PolicyVersionStatus;
  /** The version that was active when this one was proposed; changes are relative to it. */
  based_on: number;
  loosens: boolean;
  changes: ColumnType<PolicyChange[], string, never>;
  reason: string;
  /** The security admin who published it; null for a baseline recorded from schema/policy.json. */
  created_by: string | null;
  /** For a baseline recorded at a gateway's start: the SHA-256 of its canonical JSON; else null. */
  baseline_hash: ColumnType<string | null, string | null | undefined, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export type PolicyVersionRow = Selectable<PolicyVersionTable>;
export type NewPolicyVersionRow = Insertable<PolicyVersionTable>;
export type PolicyVersionUpdate = Updateable<PolicyVersionTable>;
