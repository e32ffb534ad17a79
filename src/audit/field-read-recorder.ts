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
 * Collects what a request read, grouped by field and decision, while it executes. Bounded:
 * every read is counted, but at most 200 object ids and 20 example paths are kept per group.
 */
export class FieldReadRecorder {
  readonly #groups = new Map<string, FieldReadGroup>();
  readonly #ids = new Map<string, Set<string>>();

  read(typeField: string, dataClass: DataClass | null, decision: ReadDecision, parent: unknown, info: GraphQLResolveInfo | null): void {
    const key = `${typeField}\u0000${decision}`;
    let group = this.#groups.get(key);
    if (!group) {
      group = { typeField, dataClass, decision, count: 0, objectIds: [], paths: [] };
      this.#groups.set(key, group);
      this.#ids.set(key, new Set());
    }
    group.count += 1;
    const id = typeof parent === 'object' && parent !== null ? (parent as { id?: unknown }).id : undefined;
    const ids = this.#ids.get(key);
    if (typeof id === 'string' && ids && ids.size < MAX_IDS && !ids.has(id)) {
      ids.add(id);
      group.objectIds.push(id);
    }
    if (info && group.paths.length < MAX_PATHS) group.paths.push(pathOf(info.path));
  }

  /** Adds counted reads found after execution (public fields, from the result). */
  add(typeField: string, count: number, paths: string[]): void {
    const key = `${typeField}\u0000allowed`;
    const group = this.#groups.get(key) ?? { typeField, dataClass: 'public' as const, decision: 'allowed' as const, count: 0, objectIds: [], paths: [] };
    group.count += count;
    for (const path of paths) if (group.paths.length < MAX_PATHS) group.paths.push(path);
    this.#groups.set(key, group);
  }

  groups(): FieldReadGroup[] {
    return [...this.#groups.values()];
  }
}

function pathOf(path: GraphQLResolveInfo['path'] | undefined): string {
  const parts: Array<string | number> = [];
  for (let p = path; p; p = p.prev) parts.unshift(p.key);
  return parts.map((part) => (typeof part === 'number' ? `[${part}]` : part)).join('.').replaceAll('.[', '[');
}
