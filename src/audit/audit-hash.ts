import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Everything a row says, as hashed: any change to any column changes the hash. */
export interface HashedAuditRow {
  /**
   * The chain the row is on. Hashed only when it is not 0, so rows written while there was one
   * chain (all chain 0's) hash exactly as they did, and a row moved to another chain does not.
   */
  chain_id?: number;
  chain_seq: string;
  occurred_at: Date;
  kind: string;
  actor_kind: string;
  actor_id: string | null;
  actor_name: string | null;
  subject_user_id: string | null;
  account_id: string | null;
  session_id: string | null;
  request_id: string | null;
  reason: string | null;
  operation: string | null;
  type_field: string | null;
  path: string | null;
  data_class: string | null;
  decision: string | null;
  policy_version: number | null;
  details: Record<string, unknown>;
  summary: string;
  prev_hash: string;
}

/**
 * SHA-256 over a canonical serialisation (sorted keys, ISO time): the same row always hashes
 * alike. Equal to `canonicalJson` of the row with `occurred_at` as an ISO string (and without
 * `chain_id` when it is 0), built with the key order fixed so only `details` needs sorting.
 */
export function hashAuditRow(row: HashedAuditRow): string {
  return hashSerialisedAuditRow(row, canonicalJson(row.details), JSON.stringify(row.occurred_at.toISOString()));
}

/**
 * `hashAuditRow` for a row whose `details` (its `canonicalJson`) and time (as JSON) are already
 * serialised: the writer hashes the same text it writes to the table, and rows written together
 * share one time. Whatever `row.details` holds is not read.
 */
export function hashSerialisedAuditRow(row: Omit<HashedAuditRow, 'details' | 'occurred_at'>, detailsJson: string, occurredAtJson: string): string {
  // The columns in sorted order, the canonical serialisation's key order (`chain_id`, when hashed,
  // before `chain_seq`), joined once: a string grown piece by piece allocated about twice the
  // bytes (docs/performance.md, "What profiling changed").
  const text = [
    '{"account_id":', scalarJson(row.account_id),
    ',"actor_id":', scalarJson(row.actor_id),
    ',"actor_kind":', scalarJson(row.actor_kind),
    ',"actor_name":', scalarJson(row.actor_name),
    row.chain_id ? `,"chain_id":${row.chain_id},"chain_seq":` : ',"chain_seq":', scalarJson(row.chain_seq),
    ',"data_class":', scalarJson(row.data_class),
    ',"decision":', scalarJson(row.decision),
    ',"details":', detailsJson,
    ',"kind":', scalarJson(row.kind),
    ',"occurred_at":', occurredAtJson,
    ',"operation":', scalarJson(row.operation),
    ',"path":', scalarJson(row.path),
    ',"policy_version":', scalarJson(row.policy_version),
    ',"prev_hash":', scalarJson(row.prev_hash),
    ',"reason":', scalarJson(row.reason),
    ',"request_id":', scalarJson(row.request_id),
    ',"session_id":', scalarJson(row.session_id),
    ',"subject_user_id":', scalarJson(row.subject_user_id),
    ',"summary":', scalarJson(row.summary),
    ',"type_field":', scalarJson(row.type_field),
    '}',
  ].join('');
  // The one-shot hash: no Hash object per row (it runs for every audit row on the write path).
  return hash('sha256', text, 'hex');
}

/**
 * A row as it is hashed, for readers who check the hash themselves (the stream, the JSON Lines
 * export): `chain_id` only when it is not 0, so the canonical JSON of all but `hash` is what was hashed.
 */
export function asHashed<T extends { chain_id: number }>(row: T): Omit<T, 'chain_id'> & { chain_id?: number } {
  if (row.chain_id !== 0) return row;
  // Copied key by key: a rest copy (`{ chain_id, ...rest }`) goes through V8's runtime, about
  // three times slower, and this runs for every row streamed or exported.
  const copy: Record<string, unknown> = {};
  for (const key in row) if (key !== 'chain_id') copy[key] = row[key];
  return copy as Omit<T, 'chain_id'>;
}

/** What JSON.stringify would escape in a string: quotes, backslashes, control characters, surrogates. */
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * `canonicalJson` of a column's value: text, a number or null. Ids, names and codes rarely hold
 * anything JSON escapes: those are quoted as they are, about half the cost of JSON.stringify
 * (nineteen a row, on the write path).
 */
function scalarJson(value: string | number | null | undefined): string {
  if (value == null) return 'null';
  return typeof value === 'string' && !ESCAPED_IN_JSON.test(value) ? `"${value}"` : JSON.stringify(value);
}
