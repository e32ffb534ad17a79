import type { GraphQLObjectType, GraphQLResolveInfo, ResponsePath } from 'graphql';
import { DATA_CLASSES, type DataClass } from '../policy/data-class.js';
import { AUDIT_SUBJECT_EXTENSION } from './audit-subject.js';
import { isDenialCode, refusalCodeOf } from './refusal-codes.js';

export type ReadDecision = 'allowed' | 'masked' | 'denied';

/** One line of the request's reading: a field, how it was shown, how often, of which objects and people. */
export interface FieldReadGroup {
  typeField: string;
  dataClass: DataClass | null;
  decision: ReadDecision;
  count: number;
  /** The objects read (their `id`), at most 200. */
  objectIds: string[];
  /** The users whose data was read, for types that say whose data they hold (`auditSubjectFrom`), at most 200. */
  subjectIds: string[];
  /** How many distinct objects and users were read, when more than the ids kept; else null. */
  truncated: { objects: number; subjects: number } | null;
  paths: string[];
}

/** Reads of one class with one decision, counted but not kept (see `FieldReadRecorder.unkeptReads`). */
export interface UnkeptReads {
  dataClass: DataClass | null;
  decision: 'allowed' | 'masked';
  count: number;
}

/**
 * What a request's audit keeps: every read (staff, sessions, customers when their reads are
 * audited), or only the refused ones (customers reading their own account by default).
 */
export type RecordedReads = 'all' | 'refusals';

const MAX_IDS = 200;
const MAX_PATHS = 20;

/** A group while the request runs: every distinct id is counted, the first 200 are kept. */
interface OpenGroup {
  typeField: string;
  dataClass: DataClass | null;
  decision: ReadDecision;
  count: number;
  ids: Set<string>;
  subjects: Set<string>;
  /** Where the parent object names the user whose data it holds; decided when the group opens. */
  subjectKey: string | null;
  paths: string[];
}

/**
 * Collects what a request read, grouped by field and decision, while it executes. Bounded:
 * every read is counted, but at most 200 object ids, 200 user ids and 20 example paths are kept
 * per group; a group that read more says so, with the distinct counts.
 */
export class FieldReadRecorder {
  /** By field, then by decision: no key to build on a read, which runs once per field per object. */
  readonly #groups = new Map<string, Partial<Record<ReadDecision, OpenGroup>>>();
  readonly #refusalsOnly: boolean;
  /** What fields returning people's data returned, by response path (`returned`). */
  readonly #returned = new Map<string, unknown>();
  /**
   * Shown reads when only refusals are kept, counted for the metrics by class and decision (at
   * `unkeptCell`): an increment per read, nothing kept, nothing allocated.
   */
  readonly #unkept: Uint32Array | null;

  constructor(reads: RecordedReads = 'all') {
    this.#refusalsOnly = reads === 'refusals';
    this.#unkept = this.#refusalsOnly ? new Uint32Array(UNKEPT_CELLS.length) : null;
  }

  /** Whether reads that were shown are recorded too, or only refusals. */
  get recordsReads(): boolean {
    return !this.#refusalsOnly;
  }

  read(typeField: string, dataClass: DataClass | null, decision: ReadDecision, parent: unknown, info: GraphQLResolveInfo | null): void {
    this.readAt(typeField, dataClass, decision, parent, info?.path, info?.parentType);
  }

  /**
   * A read as `read` records it, located by its response path and the type of the object it was
   * read of, where no resolver ran (a proxy forwarding the upstream's answer walks it itself).
   */
  readAt(typeField: string, dataClass: DataClass | null, decision: ReadDecision, parent: unknown, path: ResponsePath | undefined, parentType: GraphQLObjectType | undefined): void {
    if (this.#unkept !== null && decision !== 'denied') {
      const cell = unkeptCell(dataClass, decision);
      this.#unkept[cell] = (this.#unkept[cell] ?? 0) + 1;
      return;
    }
    const group = this.#group(typeField, dataClass, decision, parentType);
    group.count += 1;
    const id = propertyOf(parent, 'id');
    if (typeof id === 'string') group.ids.add(id);
    if (group.subjectKey !== null) {
      const subject = propertyOf(parent, group.subjectKey);
      if (typeof subject === 'string') group.subjects.add(subject);
    }
    if (path && group.paths.length < MAX_PATHS) group.paths.push(pathOf(path));
  }

  /**
   * A read recorded as `shown` whose resolver threw: nothing was shown, so it is taken back, and
   * recorded as denied (of that object) when the error denied the caller something. Runs only
   * when a resolver throws.
   */
  failed(typeField: string, dataClass: DataClass | null, shown: 'allowed' | 'masked', error: unknown, parent: unknown, info: GraphQLResolveInfo): void {
    const group = this.#groups.get(typeField)?.[shown];
    // (An object read twice in one group, under two aliases, and refused once loses its id from
    // the shown group: resolvers refuse per object and viewer, so both reads are refused alike.)
    if (group) {
      group.count -= 1;
      const id = propertyOf(parent, 'id');
      if (typeof id === 'string') group.ids.delete(id);
      if (group.subjectKey !== null) {
        const subject = propertyOf(parent, group.subjectKey);
        if (typeof subject === 'string') group.subjects.delete(subject);
      }
      const at = group.paths.indexOf(pathOf(info.path));
      if (at >= 0) group.paths.splice(at, 1);
    } else if (this.#unkept !== null) {
      const cell = unkeptCell(dataClass, shown);
      const count = this.#unkept[cell] ?? 0;
      if (count > 0) this.#unkept[cell] = count - 1;
    }
    if (isDenialCode(refusalCodeOf(error))) this.read(typeField, dataClass, 'denied', parent, info);
  }

  /**
   * What a field returning objects that say whose data they hold returned (or will: a promise),
   * kept by response path until the public reads are counted from the result.
   */
  returned(info: GraphQLResolveInfo, value: unknown): void {
    if (this.#refusalsOnly) return;
    const path = pathOf(info.path);
    if (isPromiseLike(value)) value.then((resolved) => void this.#returned.set(path, resolved), ignore);
    else this.#returned.set(path, value);
  }

  /** The objects `returned` was told of, by response path (`account.users`). */
  get returnedObjects(): ReadonlyMap<string, unknown> {
    return this.#returned;
  }

  /** Adds counted reads found after execution (public fields, from the result), with the objects and users they were of, where known. */
  add(typeField: string, count: number, paths: readonly string[], objectIds: Iterable<string> = [], subjectIds: Iterable<string> = []): void {
    const group = this.#group(typeField, 'public', 'allowed', undefined);
    group.count += count;
    for (const path of paths) if (group.paths.length < MAX_PATHS) group.paths.push(path);
    for (const id of objectIds) group.ids.add(id);
    for (const id of subjectIds) group.subjects.add(id);
  }

  /** The shown reads counted but not kept (only refusals are), by class and decision: empty when every read is kept. */
  unkeptReads(): UnkeptReads[] {
    const reads: UnkeptReads[] = [];
    if (this.#unkept === null) return reads;
    for (const [cell, { dataClass, decision }] of UNKEPT_CELLS.entries()) {
      const count = this.#unkept[cell] ?? 0;
      if (count > 0) reads.push({ dataClass, decision, count });
    }
    return reads;
  }

  groups(): FieldReadGroup[] {
    const all: FieldReadGroup[] = [];
    for (const byDecision of this.#groups.values()) {
      for (const decision of DECISIONS) {
        const group = byDecision[decision];
        // A group whose every read was taken back (`failed`) read nothing.
        if (group && group.count > 0) all.push(closed(group));
      }
    }
    return all;
  }

  #group(typeField: string, dataClass: DataClass | null, decision: ReadDecision, parentType: GraphQLObjectType | undefined): OpenGroup {
    let byDecision = this.#groups.get(typeField);
    if (!byDecision) this.#groups.set(typeField, (byDecision = {}));
    let group = byDecision[decision];
    if (!group) {
      const subjectKey = parentType?.extensions[AUDIT_SUBJECT_EXTENSION];
      group = { typeField, dataClass, decision, count: 0, ids: new Set(), subjects: new Set(), subjectKey: typeof subjectKey === 'string' ? subjectKey : null, paths: [] };
      byDecision[decision] = group;
    }
    return group;
  }
}

const DECISIONS: readonly ReadDecision[] = ['allowed', 'masked', 'denied'];

/** What each cell of the unkept tally counts: the classes in `unkeptCell`'s order, shown then masked. */
const UNKEPT_CELLS: ReadonlyArray<Omit<UnkeptReads, 'count'>> = [...DATA_CLASSES, null].flatMap((dataClass) => [
  { dataClass, decision: 'allowed' as const },
  { dataClass, decision: 'masked' as const },
]);

/** A switch, not a lookup: it runs once per field read, and compares interned strings. */
function unkeptCell(dataClass: DataClass | null, decision: 'allowed' | 'masked'): number {
  let row: number;
  switch (dataClass) {
    case 'public':
      row = 0;
      break;
    case 'internal':
      row = 2;
      break;
    case 'pii':
      row = 4;
      break;
    case 'sensitive':
      row = 6;
      break;
    case 'secret':
      row = 8;
      break;
    default:
      row = 10;
  }
  return decision === 'masked' ? row + 1 : row;
}

function closed(group: OpenGroup): FieldReadGroup {
  const truncated = group.ids.size > MAX_IDS || group.subjects.size > MAX_IDS;
  return {
    typeField: group.typeField,
    dataClass: group.dataClass,
    decision: group.decision,
    count: group.count,
    objectIds: firstOf(group.ids),
    subjectIds: firstOf(group.subjects),
    truncated: truncated ? { objects: group.ids.size, subjects: group.subjects.size } : null,
    paths: group.paths,
  };
}

function firstOf(ids: Set<string>): string[] {
  const kept: string[] = [];
  for (const id of ids) {
    if (kept.length === MAX_IDS) break;
    kept.push(id);
  }
  return kept;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/** A rejected field is an error in the result; nothing of it is kept here. */
function ignore(): void {}

function propertyOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

function pathOf(path: ResponsePath | undefined): string {
  // Built from the leaf up, one concatenation a step: it runs for every kept path of every read.
  let out = '';
  for (let p = path; p; p = p.prev) {
    const part = typeof p.key === 'number' ? `[${p.key}]` : p.key;
    out = out === '' ? part : out.charCodeAt(0) === OPEN_BRACKET ? part + out : `${part}.${out}`;
  }
  return out;
}

const OPEN_BRACKET = 0x5b;
