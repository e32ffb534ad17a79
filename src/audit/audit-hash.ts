import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

/** Everything a row says, as hashed: any change to any column changes the hash. */
export interface HashedAuditRow {
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

/** SHA-256 over a canonical serialisation (sorted keys, ISO time): the same row always hashes alike. */
export function hashAuditRow(row: HashedAuditRow): string {
  const { occurred_at: occurredAt, ...rest } = row;
  return createHash('sha256').update(canonicalJson({ ...rest, occurred_at: occurredAt.toISOString() })).digest('hex');
}

/** A checkpoint's signature: HMAC with a key kept outside the database. */
export function signCheckpoint(key: string, chainSeq: string, hash: string): string {
  return createHmac('sha256', key).update(`${chainSeq}:${hash}`).digest('hex');
}

export function checkpointSignatureValid(key: string, chainSeq: string, hash: string, signature: string): boolean {
  const expected = Buffer.from(signCheckpoint(key, chainSeq, hash), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Names the key without revealing it, so verify can say which key a checkpoint needs. */
export function keyId(key: string): string {
  return createHash('sha256').update(`warden-audit-key:${key}`).digest('hex').slice(0, 12);
}
