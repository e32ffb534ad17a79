import type { AuditEventRow } from '../db/tables/audit-event.js';
import type { FieldReadGroup } from './field-read-recorder.js';

/** Users kept on a shared row, as on any field-read row. */
const MAX_SUBJECTS = 200;

/** One field as a request's shared row keeps it (`details.fields[coordinate]`), and as its own row's `details` says it. */
export type SharedFieldReads = {
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
};

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
export function sharesRow<Group extends Pick<FieldReadGroup, 'dataClass' | 'decision'>>(group: Group): group is Group & { dataClass: SharedClass } {
  return group.decision === 'allowed' && (group.dataClass === 'public' || group.dataClass === 'internal');
}

/** The classes whose shown fields share a row (`sharesRow`). */
export type SharedClass = 'public' | 'internal';

/**
 * The `details` of a request's one row for the fields of a class it was shown (kind
 * `field_read`, that `data_class`, decision allowed, no `type_field`; see `sharesRow`). Each
 * field keeps what a row of its own would: its count, the objects and their users, example
 * paths, and for a root field what it was asked for. The row's `subjectIds` unites the fields'
 * users, so the user filter (and its index) finds the row as it finds any other.
 *
 * One row, not one per field: a nested page reads some thirty such fields, and each row costs
 * the gateway and PostgreSQL about as much again as its bytes (docs/performance.md). For the
 * same reason a field's example paths over a list are kept as ranges, which say the same, in
 * list order: resolvers finish in any order (`users[0]`, `users[2]`, `users[1]`), and a row
 * that says the same reads the same, and joins them into one range.
 */
export function shownReadsDetails(groups: readonly FieldReadGroup[], asked: (typeField: string) => Record<string, unknown> | undefined): SharedReadsDetails {
  const fields: Record<string, SharedFieldReads> = {};
  const subjects = new Set<string>();
  let count = 0;
  /** The most distinct users one field read, where it read more than it kept. */
  let subjectsSeen = 0;
  for (const group of groups) {
    count += group.count;
    for (const id of group.subjectIds) subjects.add(id);
    if (group.truncated) subjectsSeen = Math.max(subjectsSeen, group.truncated.subjects);
  }
  // Keys written in sorted order, at every level: canonical JSON then serialises the row natively.
  for (const group of [...groups].sort(byTypeField)) {
    fields[group.typeField] = fieldReadsDetails(group, asked(group.typeField), compactInListOrder(group.paths), false);
  }
  const subjectIds = [...subjects];
  // Distinct users over all fields: at least the union kept and the most one field counted.
  const distinctSubjects = Math.max(subjectIds.length, subjectsSeen);
  const truncated = distinctSubjects > MAX_SUBJECTS;
  return {
    count,
    ...(truncated ? { distinctSubjectIds: distinctSubjects } : {}),
    fields,
    ...(subjectIds.length > 0 ? { subjectIds: subjectIds.slice(0, MAX_SUBJECTS) } : {}),
    ...(truncated ? { truncated: true } : {}),
  };
}

/**
 * What a field's reads say in `details`: a field-read row's own, or its entry on a shared row
 * (`paths` compacted there, `objectIds` left out when empty). Keys set one by one in sorted
 * order, so canonical JSON serialises them natively; set rather than spread from objects made
 * for the purpose, since a spread copies through V8's runtime and this runs for every field a
 * request read.
 */
export function fieldReadsDetails(
  group: FieldReadGroup,
  arguments_: Record<string, unknown> | undefined,
  paths: string[],
  alwaysObjectIds: boolean,
): SharedFieldReads {
  // `paths` is set below, in its place in the key order.
  const details = (arguments_ ? { arguments: arguments_, count: group.count } : { count: group.count }) as SharedFieldReads;
  if (group.truncated) {
    details.distinctObjectIds = group.truncated.objects;
    details.distinctSubjectIds = group.truncated.subjects;
  }
  if (alwaysObjectIds || group.objectIds.length > 0) details.objectIds = group.objectIds;
  details.paths = paths;
  if (group.subjectIds.length > 0) details.subjectIds = group.subjectIds;
  if (group.truncated) details.truncated = true;
  return details;
}

function byTypeField(a: Pick<FieldReadGroup, 'typeField'>, b: Pick<FieldReadGroup, 'typeField'>): number {
  return a.typeField < b.typeField ? -1 : a.typeField > b.typeField ? 1 : 0;
}

/**
 * Paths in their order, each run that differs only in one list index, counting up by one, as a
 * range: `a[0].b`, `a[1].b`, `a[2].b` → `a[0-2].b`. Nothing is lost; a path alone stays as it is.
 * Compares the paths as text (a shared start and end around one index), not split into parts:
 * it runs on every shared row's fields.
 */
export function compactPaths(paths: readonly string[]): string[] {
  return compact(paths, false) ?? [];
}

/**
 * `compactPaths(inListOrder(paths))`, in one pass where the paths are in list order already (as
 * a list's public reads always are): the paths inside a run are in order by what makes them one,
 * so only where one run or path meets the next are two paths compared.
 */
export function compactInListOrder(paths: string[]): string[] {
  return compact(paths, true) ?? compactPaths(inListOrder(paths));
}

/** The compacted paths; null when `ordered` asks for list order and two paths meet out of it. */
function compact(paths: readonly string[], ordered: boolean): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < paths.length) {
    const first = paths[i] ?? '';
    if (ordered && i > 0 && comparePaths(paths[i - 1] ?? '', first) > 0) return null;
    const second = paths[i + 1];
    const run = second === undefined ? null : indexStep(first, second);
    if (!run) {
      out.push(first);
      i += 1;
      continue;
    }
    let to = run.from + 1;
    let next = i + 2;
    for (; next < paths.length; next += 1) {
      const path = paths[next] ?? '';
      if (path.length <= run.start.length + run.end.length || !path.startsWith(run.start) || !path.endsWith(run.end)) break;
      if (indexValue(path, run.start.length, path.length - run.end.length) !== to + 1) break;
      to += 1;
    }
    out.push(`${run.start}${run.from}-${to}${run.end}`);
    i = next;
  }
  return out;
}

/**
 * Paths sorted as text, but a list index by its number (`x[2]` before `x[10]`): one list's
 * items in the order the response lists them. The same array when it is in that order already,
 * as the public reads of one list always are; fields read under several response keys come
 * sorted by key.
 */
export function inListOrder(paths: string[]): string[] {
  for (let i = 1; i < paths.length; i += 1) if (comparePaths(paths[i - 1] ?? '', paths[i] ?? '') > 0) return [...paths].sort(comparePaths);
  return paths;
}

function comparePaths(a: string, b: string): number {
  const shorter = Math.min(a.length, b.length);
  let at = 0;
  while (at < shorter && a.charCodeAt(at) === b.charCodeAt(at)) at += 1;
  if (at === shorter) return a.length - b.length;
  // Inside a list index both share the start of (`[1` in `[12]` and `[104]`): by number.
  let start = at;
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start -= 1;
  if (start > 0 && a.charCodeAt(start - 1) === OPEN) {
    const x = indexValue(a, start, a.indexOf(']', start));
    const y = indexValue(b, start, b.indexOf(']', start));
    if (x >= 0 && y >= 0) return x - y;
  }
  return a.charCodeAt(at) - b.charCodeAt(at);
}

const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]

/**
 * Where `b` is `a` with one list index one higher (`x[4].y` → `x[5].y`): the text before that
 * index (ending in `[`), after it (starting with `]`), and `a`'s index. Else null.
 */
function indexStep(a: string, b: string): { start: string; end: string; from: number } | null {
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  if (start === shorter) return null;
  // Back to the index's first digit (10 → 11 share the 1).
  while (start > 0 && isDigit(a.charCodeAt(start - 1))) start -= 1;
  if (start === 0 || a.charCodeAt(start - 1) !== OPEN) return null;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  // On to the index's last digit (19 → 29 share the 9).
  while (endA < a.length && isDigit(a.charCodeAt(endA))) {
    endA += 1;
    endB += 1;
  }
  if (a.charCodeAt(endA) !== CLOSE) return null;
  const from = indexValue(a, start, endA);
  if (from < 0 || indexValue(b, start, endB) !== from + 1) return null;
  return { start: a.slice(0, start), end: a.slice(endA), from };
}

/**
 * `text` from `start` to `end` read as a list index written as the response writes it (digits,
 * no leading zero), else -1. Read in place: it runs for every path of every shared row.
 */
function indexValue(text: string, start: number, end: number): number {
  if (end <= start || end - start > 15 || (end - start > 1 && text.charCodeAt(start) === 0x30)) return -1;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
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
