import type { AuditEventRow } from '../../db/tables/audit-event.js';
import { asHashed } from '../audit-hash.js';
import type { PublishedSeal } from '../audit-seal.js';
import type { PublishedCheckpoint } from '../checkpoints.js';
import { isSharedReadsRow } from '../shown-reads-row.js';

/** Chain 0's name in cursors, events and segment files: the name the one chain had before there were several. */
export const DEFAULT_CHAIN = 'default';

/** A chain's name in cursors, events and segment files: `default` for chain 0, `chain-3` for chain 3. */
export function chainName(chain: number): string {
  return chain === 0 ? DEFAULT_CHAIN : `chain-${chain}`;
}

/** The chain a name stands for; null when it is not one `chainName` gives. */
export function chainOfName(name: string): number | null {
  if (name === DEFAULT_CHAIN) return 0;
  const match = /^chain-([1-9]\d?)$/.exec(name);
  return match ? Number(match[1]) : null;
}

export const OCSF_VERSION = '1.3.0';
const API_ACTIVITY = 6003;
const APPLICATION_ACTIVITY = 6;

/** OCSF API Activity `activity_id`s Warden uses. */
const ACTIVITY = { create: 1, read: 2, update: 3, delete: 4, other: 99 } as const;

/**
 * An audit row as it is in the table: every hashed column, `occurred_at` as ISO text and
 * `hash`; `chain_id` only when it is not 0. SHA-256 of the canonical JSON of all but `hash`
 * (keys sorted at every level, no spaces) is `hash`; `prev_hash` is the hash of row
 * `chain_seq - 1` of the same chain.
 */
export type StreamedRow = Omit<AuditEventRow, 'occurred_at' | 'chain_id'> & { occurred_at: string; chain_id?: number };

/**
 * A row some of whose columns were left out of its event (see `withheldEvent`): every other
 * column as the table holds it, `hash` and `prev_hash` among them.
 */
export type WithheldStreamedRow = Omit<StreamedRow, WithholdableColumn> & Partial<Pick<StreamedRow, WithholdableColumn>>;

/** The columns an event too large for its receiver may go without: the ones that can be long. */
type WithholdableColumn = 'details' | 'summary' | 'reason' | 'operation' | 'path' | 'actor_name';

/** Warden's part of an event: the row itself, its chain, and the newest signed checkpoint at or before it. */
export interface WardenAttestation {
  chain: string;
  /** The row whole; without the columns `withheld` names when it has them. */
  row: StreamedRow | WithheldStreamedRow;
  /**
   * Only on an event its receiver refused as too large (HTTP 413) even alone: why, and the size
   * in bytes (UTF-8 of its JSON) of each column left out of `row`. Its hash cannot be recomputed
   * from the event; its links (`prev_hash`, `hash`) can still be checked, and the whole row is in
   * the audit table (`auditEvents`, `auditExport`).
   */
  withheld?: { reason: string; bytes: Partial<Record<WithholdableColumn, number>> };
  /**
   * Null until the chain's first checkpoint is signed. Verify it with the checkpoint public key:
   * a single-chain checkpoint signs `seq:hash:signedAt`; a seal (`seal` set) signs the statement
   * audit-seal.ts describes, naming every chain's head.
   */
  checkpoint: PublishedCheckpoint | PublishedSeal | null;
}

/** An OCSF 1.3 API Activity event (class 6003) for one audit row. */
export interface OcsfApiActivity {
  class_uid: 6003;
  class_name: 'API Activity';
  category_uid: 6;
  category_name: 'Application Activity';
  activity_id: number;
  activity_name: string;
  type_uid: number;
  severity_id: 1;
  status_id: 1 | 2;
  status: 'Success' | 'Failure';
  time: number;
  message: string;
  metadata: {
    version: string;
    uid: string;
    event_code: string;
    sequence: number;
    log_name: string;
    original_time: string;
    correlation_uid?: string;
    product: { name: 'Warden'; vendor_name: 'Warden'; feature: { name: 'audit trail' } };
  };
  actor: { user: { uid?: string; name?: string; type: string }; session?: { uid: string } };
  api: { operation: string; request?: { uid: string }; service: { name: 'warden' } };
  resources?: Array<{ type: string; uid?: string; name?: string }>;
  unmapped: { warden: WardenAttestation };
}

/**
 * The event's id, the same however often the row is sent: `<chain>:<chain_seq>:<hash prefix>`.
 * The hash tells apart two databases whose chains both have a row 1.
 */
export function auditEventUid(chain: string, row: Pick<AuditEventRow, 'chain_seq' | 'hash'>): string {
  return `${chain}:${row.chain_seq}:${row.hash.slice(0, 16)}`;
}

/** Kinds that record something refused: OCSF `status` Failure. */
const REFUSALS = new Set(['mutation_refused', 'access_denied', 'request_refused', 'approval_denied']);

function activityOf(kind: string): number {
  switch (kind) {
    case 'field_read':
    case 'audit_read':
      return ACTIVITY.read;
    case 'mutation_executed':
    case 'policy_changed':
    case 'approval_granted':
      return ACTIVITY.update;
    case 'session_started':
    case 'approval_requested':
      return ACTIVITY.create;
    case 'session_ended':
    case 'session_expired':
    case 'session_revoked':
      return ACTIVITY.delete;
    default:
      return ACTIVITY.other;
  }
}

const ACTIVITY_NAMES: Record<number, string> = { 1: 'Create', 2: 'Read', 3: 'Update', 4: 'Delete', 99: 'Other' };

/**
 * The OCSF event for a row. The row travels whole in `unmapped.warden.row`, as the table holds
 * it: the table never holds a clear value of a masked or withheld field (docs/audit.md), so
 * neither does the event. Pure: the same row and checkpoint give the same event.
 */
export function ocsfEventOf(chain: string, row: AuditEventRow, checkpoint: PublishedCheckpoint | PublishedSeal | null): OcsfApiActivity {
  const activityId = activityOf(row.kind);
  const failed = REFUSALS.has(row.kind) || row.decision === 'denied';
  const occurredAt = row.occurred_at.toISOString();
  const resources: NonNullable<OcsfApiActivity['resources']> = [];
  if (row.account_id) resources.push({ type: 'account', uid: row.account_id });
  if (row.subject_user_id) resources.push({ type: 'user', uid: row.subject_user_id });
  if (row.type_field) resources.push({ type: 'field', name: row.type_field });
  // Fields shown as they are share a row of their class: each is a resource of the event.
  else if (isSharedReadsRow(row)) for (const name of Object.keys(row.details['fields'] as object)) resources.push({ type: 'field', name });
  return {
    class_uid: API_ACTIVITY,
    class_name: 'API Activity',
    category_uid: APPLICATION_ACTIVITY,
    category_name: 'Application Activity',
    activity_id: activityId,
    activity_name: ACTIVITY_NAMES[activityId] ?? 'Other',
    type_uid: API_ACTIVITY * 100 + activityId,
    severity_id: 1,
    status_id: failed ? 2 : 1,
    status: failed ? 'Failure' : 'Success',
    time: row.occurred_at.getTime(),
    message: row.summary,
    metadata: {
      version: OCSF_VERSION,
      uid: auditEventUid(chain, row),
      event_code: row.kind,
      sequence: Number(row.chain_seq),
      log_name: `warden_audit_${chain}`,
      original_time: occurredAt,
      ...(row.request_id ? { correlation_uid: row.request_id } : {}),
      product: { name: 'Warden', vendor_name: 'Warden', feature: { name: 'audit trail' } },
    },
    actor: {
      user: { ...(row.actor_id ? { uid: row.actor_id } : {}), ...(row.actor_name ? { name: row.actor_name } : {}), type: row.actor_kind },
      ...(row.session_id ? { session: { uid: row.session_id } } : {}),
    },
    api: { operation: row.operation ?? row.kind, ...(row.request_id ? { request: { uid: row.request_id } } : {}), service: { name: 'warden' } },
    ...(resources.length > 0 ? { resources } : {}),
    unmapped: { warden: { chain, row: { ...asHashed(row), occurred_at: occurredAt }, checkpoint } },
  };
}

/** A text column longer than this is left out of a withheld event too; `details` always is. */
const WITHHELD_TEXT_CHARS = 1_000;
const WITHHOLDABLE_TEXT: readonly Exclude<WithholdableColumn, 'details'>[] = ['summary', 'reason', 'operation', 'path', 'actor_name'];

/**
 * The event without the row's `details` and any long text column, for a receiver that refused it
 * whole as too large: it still names the row (id, chain, number, hash and link, actor, kind,
 * resources) and says what was left out and how large it was, so the stream goes on past it and
 * nothing is silently dropped. Null when it has been withheld already.
 */
export function withheldEvent(event: OcsfApiActivity, reason: string): OcsfApiActivity | null {
  const { details, ...rest } = event.unmapped.warden.row;
  if (details === undefined) return null;
  const bytes: Partial<Record<WithholdableColumn, number>> = { details: Buffer.byteLength(JSON.stringify(details)) };
  const row: WithheldStreamedRow = { ...rest };
  for (const column of WITHHOLDABLE_TEXT) {
    const value = row[column];
    if (typeof value === 'string' && value.length > WITHHELD_TEXT_CHARS) {
      bytes[column] = Buffer.byteLength(value);
      delete row[column];
    }
  }
  const message =
    bytes.summary === undefined
      ? event.message
      : `${event.metadata.event_code} event ${event.metadata.uid}: its summary (${bytes.summary} bytes) is withheld, too large for this receiver; the whole row is in the audit table`;
  // The columns the event repeats outside the row go with them: the operation names the kind instead.
  const actor = bytes.actor_name === undefined ? event.actor : { ...event.actor, user: withoutName(event.actor.user) };
  const api = bytes.operation === undefined ? event.api : { ...event.api, operation: event.metadata.event_code };
  return { ...event, message, actor, api, unmapped: { warden: { ...event.unmapped.warden, row, withheld: { reason, bytes } } } };
}

function withoutName<T extends { name?: string }>(user: T): Omit<T, 'name'> {
  const { name: _name, ...rest } = user;
  return rest;
}
