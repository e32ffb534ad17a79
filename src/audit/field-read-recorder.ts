import type { GraphQLResolveInfo } from 'graphql';
import type { DataClass } from '../policy/data-class.js';

export type ReadDecision = 'allowed' | 'masked' | 'denied';

/** One line of the request's reading: a field, how it was shown, how often, of which objects. */
export interface FieldReadGroup {
  typeField: string;
  dataClass: DataClass | null;
  decision: ReadDecision;
  count: number;
  objectIds: string[];
  paths: string[];
}

const MAX_IDS = 200;
const MAX_PATHS = 20;

/**
 * What a request's audit keeps: every read (staff, sessions, customers when their reads are
 * audited), or only the refused ones (customers reading their own account by default).
 */
export type RecordedReads = 'all' | 'refusals';

/**
 * Collects what a request read, grouped by field and decision, while it executes. Bounded:
 * every read is counted, but at most 200 object ids and 20 example paths are kept per group.
 */
export class FieldReadRecorder {
  /** By field, then by decision: no key to build on a read, which runs once per field per object. */
  readonly #groups = new Map<string, Partial<Record<ReadDecision, FieldReadGroup>>>();
  readonly #ids = new WeakMap<FieldReadGroup, Set<string>>();
  readonly #refusalsOnly: boolean;

  constructor(reads: RecordedReads = 'all') {
    this.#refusalsOnly = reads === 'refusals';
  }

  /** Whether reads that were shown are recorded too, or only refusals. */
  get recordsReads(): boolean {
    return !this.#refusalsOnly;
  }

  read(typeField: string, dataClass: DataClass | null, decision: ReadDecision, parent: unknown, info: GraphQLResolveInfo | null): void {
    if (this.#refusalsOnly && decision !== 'denied') return;
    const group = this.#group(typeField, dataClass, decision);
    group.count += 1;
    const id = typeof parent === 'object' && parent !== null ? (parent as { id?: unknown }).id : undefined;
    if (typeof id === 'string' && group.objectIds.length < MAX_IDS) {
      let ids = this.#ids.get(group);
      if (!ids) this.#ids.set(group, (ids = new Set()));
      if (!ids.has(id)) {
        ids.add(id);
        group.objectIds.push(id);
      }
    }
    if (info && group.paths.length < MAX_PATHS) group.paths.push(pathOf(info.path));
  }

  /** Adds counted reads found after execution (public fields, from the result). */
  add(typeField: string, count: number, paths: string[]): void {
    const group = this.#group(typeField, 'public', 'allowed');
    group.count += count;
    for (const path of paths) if (group.paths.length < MAX_PATHS) group.paths.push(path);
  }

  groups(): FieldReadGroup[] {
    const all: FieldReadGroup[] = [];
    for (const byDecision of this.#groups.values()) {
      for (const decision of DECISIONS) {
        const group = byDecision[decision];
        if (group) all.push(group);
      }
    }
    return all;
  }

  #group(typeField: string, dataClass: DataClass | null, decision: ReadDecision): FieldReadGroup {
    let byDecision = this.#groups.get(typeField);
    if (!byDecision) this.#groups.set(typeField, (byDecision = {}));
    return (byDecision[decision] ??= { typeField, dataClass, decision, count: 0, objectIds: [], paths: [] });
  }
}

const DECISIONS: readonly ReadDecision[] = ['allowed', 'masked', 'denied'];

function pathOf(path: GraphQLResolveInfo['path'] | undefined): string {
  const parts: Array<string | number> = [];
  for (let p = path; p; p = p.prev) parts.unshift(p.key);
  return parts.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replaceAll('.[', '[');
}
