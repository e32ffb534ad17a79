import type { AuditEventRow } from '../db/tables/audit-event.js';
import { asHashed } from './audit-hash.js';
import { auditEventId } from './audit-queries.js';

export type AuditExportFormat = 'csv' | 'jsonl';

/** An export, and whether it holds every event that matched. */
export interface AuditExport {
  content: string;
  events: number;
  truncated: boolean;
}

const CSV_COLUMNS = [
  'chain_seq',
  'occurred_at',
  'kind',
  'actor_kind',
  'actor_id',
  'actor_name',
  'subject_user_id',
  'account_id',
  'session_id',
  'request_id',
  'operation',
  'type_field',
  'path',
  'data_class',
  'decision',
  'policy_version',
  'reason',
  'summary',
  'details',
] as const;

/**
 * A filtered range as CSV (one row per event; `details`, with object ids, paths and before and
 * after values, as JSON in the last column) or JSON Lines (every column). Pass up to `limit + 1`
 * rows: an extra row means more matched than the export holds, and the export then ends with a
 * line saying so where its reader will see it: a last CSV row whose first cell begins
 * "Cut short", a last JSON line `{"truncated":true,…}`.
 */
export function formatAuditExport(rows: readonly AuditEventRow[], format: AuditExportFormat, limit: number): AuditExport {
  const truncated = rows.length > limit;
  const kept = truncated ? rows.slice(0, limit) : rows;
  const oldest = kept.at(-1)?.occurred_at.toISOString();
  const note = truncated
    ? `Cut short: more events matched than the ${limit} here, which are the newest (the oldest is from ${oldest}). Narrow the filter (an earlier \`to\`) or raise \`limit\` for the rest.`
    : null;
  if (format === 'jsonl') {
    // As hashed (`chain_id` only when not 0), so a reader can recompute each row's hash from its line.
    const lines = kept.map((row) => JSON.stringify(asHashed(row)));
    if (note) lines.push(JSON.stringify({ truncated: true, events: kept.length, note }));
    return { content: lines.join('\n'), events: kept.length, truncated };
  }
  const lines = [CSV_COLUMNS.join(','), ...kept.map((row) => CSV_COLUMNS.map((c) => csvCell(csvValue(row, c))).join(','))];
  if (note) lines.push([note, ...CSV_COLUMNS.slice(1).map(() => '')].map(csvCell).join(','));
  return { content: lines.join('\n'), events: kept.length, truncated };
}

/**
 * A column's value: `details` as JSON; `chain_seq` as lists name the row, its number on chain 0
 * and CHAIN:NUMBER on another (a number alone names a row only within its chain).
 */
function csvValue(row: AuditEventRow, column: (typeof CSV_COLUMNS)[number]): unknown {
  if (column === 'details') return JSON.stringify(row.details);
  if (column === 'chain_seq') return auditEventId(row);
  return row[column];
}

/** Quoted always; a leading =,+,-,@ (or tab, CR) would be a formula in a spreadsheet, so it is prefixed. */
function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
}
