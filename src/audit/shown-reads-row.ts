import type { AuditEventRow } from '../db/tables/audit-event.js';
import type { FieldReadGroup } from './field-read-recorder.js';

/** Users kept on a shared row, as on any field-read row. */
const MAX_SUBJECTS = 200;

/** One field as a request's shared row keeps it: `details.fields[coordinate]`. */
export interface SharedFieldReads {
  count: number;
  /** Example paths, consecutive list indexes as one range: `account.invoices[0-19].number`. */
  paths: string[];
  /** Of objects with an `id`, and the users whose data they hold; absent when there were none. */
  objectIds?: string[];
  subjectIds?: string[];
  truncated?: true;
  distinctObjectIds?: number;
  distinctSubjectIds?: number;
  /** What a root field was asked for, by response key (staff only). */
  arguments?: Record<string, unknown>;
}

/** A request's shown reads of one class, as its shared row's `details` holds them. */
export type SharedReadsDetails = {
  /** Every field read, by coordinate (`Invoice.number`). */
  fields: Record<string, SharedFieldReads>;
  /** How many values the request read, over all these fields. */
  count: number;
  /** The users whose data the objects read hold: the user filter (and its index) reads this key on every row. */
  subjectIds?: string[];
  truncated?: true;
  distinctSubjectIds?: number;
};

/**
 * Which reads share a row: fields shown as they are whose class holds nobody's personal data
 * (`public`, `internal`). Personal, sensitive and secret fields, and every mask and denial, keep
 * a row per field and decision, where an auditor's question ("did she see Jane's phone?") is
 * answered by one row.
 */
export function sharesRow(group: Pick<FieldReadGroup, 'dataClass' | 'decision'>): boolean {
  return group.decision === 'allowed' && (group.dataClass === 'public' || group.dataClass === 'internal');
}

/**
 * The `details` of a request's one row for the fields of a class it was shown (kind
 * `field_read`, that `data_class`, decision allowed, no `type_field`; see `sharesRow`). Each
 * field keeps what a row of its own would: its count, the objects and their users, example
 * paths, and for a root field what it was asked for. The row's `subjectIds` unites the fields'
 * users, so the user filter (and its index) finds the row as it finds any other.
 *
 * One row, not one per field: a nested page reads some thirty such fields, and each row costs
 * the gateway and PostgreSQL about as much again as its bytes (docs/performance.md). For the
 * same reason a field's example paths over a list are kept as ranges, which say the same.
 */
export function shownReadsDetails(groups: readonly FieldReadGroup[], asked: (typeField: string) => Record<string, unknown> | undefined): SharedReadsDetails {
  const fields: Record<string, SharedFieldReads> = {};
  const subjects = new Set<string>();
  let count = 0;
  /** The most distinct users one field read, where it read more than it kept. */
  let subjectsSeen = 0;
  for (const group of groups) {
    count += group.count;
    const arguments_ = asked(group.typeField);
    fields[group.typeField] = {
      count: group.count,
      paths: compactPaths(group.paths),
      ...(group.objectIds.length > 0 ? { objectIds: group.objectIds } : {}),
      ...(group.subjectIds.length > 0 ? { subjectIds: group.subjectIds } : {}),
      ...(group.truncated ? { truncated: true, distinctObjectIds: group.truncated.objects, distinctSubjectIds: group.truncated.subjects } : {}),
      ...(arguments_ ? { arguments: arguments_ } : {}),
    };
    for (const id of group.subjectIds) subjects.add(id);
    if (group.truncated) subjectsSeen = Math.max(subjectsSeen, group.truncated.subjects);
  }
  const subjectIds = [...subjects];
  // Distinct users over all fields: at least the union kept and the most one field counted.
  const distinctSubjects = Math.max(subjectIds.length, subjectsSeen);
  return {
    fields,
    count,
    ...(subjectIds.length > 0 ? { subjectIds: subjectIds.slice(0, MAX_SUBJECTS) } : {}),
    ...(distinctSubjects > MAX_SUBJECTS ? { truncated: true, distinctSubjectIds: distinctSubjects } : {}),
  };
}

/** A list index in a response path; `split` keeps the digits at the odd places. */
const INDEX = /\[(\d+)\]/;

/**
 * Paths in their order, each run that differs only in one list index, counting up by one, as a
 * range: `a[0].b`, `a[1].b`, `a[2].b` → `a[0-2].b`. Nothing is lost; a path alone stays as it is.
 */
export function compactPaths(paths: readonly string[]): string[] {
  const out: string[] = [];
  /** The run being gathered: its first path's parts, which index varies, and its last value. */
  let run: { parts: string[]; at: number; to: number } | null = null;
  const flush = (): void => {
    if (!run) return;
    const { parts, at, to } = run;
    out.push(parts.map((part, i) => (i % 2 === 0 ? part : `[${i === at ? `${part}-${to}` : part}]`)).join(''));
    run = null;
  };
  for (const path of paths) {
    const parts = path.split(INDEX);
    if (run && parts.length === run.parts.length) {
      const at = varyingIndex(run.parts, parts, run.at);
      const next = at === -1 ? Number.NaN : Number(parts[at]);
      if (at !== -1 && next === (run.at === -1 ? Number(run.parts[at]) : run.to) + 1 && String(next) === parts[at]) {
        run.at = at;
        run.to = next;
        continue;
      }
    }
    flush();
    run = { parts, at: -1, to: Number.NaN };
  }
  flush();
  return out;
}

/** The one index at which two split paths differ (`at`, once a run has one), else -1. */
function varyingIndex(first: readonly string[], parts: readonly string[], at: number): number {
  let differs = -1;
  for (let i = 0; i < parts.length; i += 1) {
    if (parts[i] === first[i] || i === at) continue;
    if (i % 2 === 0 || differs !== -1 || at !== -1) return -1;
    differs = i;
  }
  return at !== -1 ? at : differs;
}

/** The columns `fieldReadsOf` reads: any selection of an `audit_events` row that has them. */
export type FieldReadColumns = Pick<AuditEventRow, 'kind' | 'type_field' | 'details'>;

/** Whether a row is a request's shared row for the fields of a class it was shown (`shownReadsDetails`). */
export function isSharedReadsRow(row: FieldReadColumns): boolean {
  return row.kind === 'field_read' && row.type_field === null && typeof row.details['fields'] === 'object' && row.details['fields'] !== null;
}

/**
 * A request's field-read rows one field at a time, whichever shape they were written in: a
 * shared row becomes a row per field it names, with what the field's entry holds (count,
 * objects and users, paths, arguments; its first path as `path`, where the row has that
 * column); any other row is itself. For readers that tell reads field by field: the session
 * story, an adopter's own checks of what a request read.
 */
export function fieldReadsOf<Row extends FieldReadColumns>(row: Row): Row[] {
  if (!isSharedReadsRow(row)) return [row];
  const fields = row.details['fields'] as Record<string, unknown>;
  return Object.entries(fields).flatMap(([typeField, value]) => {
    if (typeof value !== 'object' || value === null) return [];
    const field = value as Record<string, unknown>;
    const paths = Array.isArray(field['paths']) ? field['paths'] : [];
    const objectIds = Array.isArray(field['objectIds']) ? field['objectIds'] : [];
    return [
      {
        ...row,
        type_field: typeField,
        ...('path' in row ? { path: typeof paths[0] === 'string' ? paths[0] : null } : {}),
        details: { ...field, objectIds },
      },
    ];
  });
}
