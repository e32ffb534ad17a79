import type { Counter } from 'prom-client';
import type { FieldReadGroup, UnkeptReads } from '../audit/field-read-recorder.js';

/**
 * Adds one request's field decisions to the counter, once per class and decision (never per
 * field read: a list of a thousand rows is thousands of reads). Reads come as the audit grouped
 * them, plus the shown reads it counted without keeping. Public fields are left out: nobody
 * decides them, and they are counted only where every read is kept.
 */
export function countFieldDecisions(counter: Counter<'data_class' | 'decision'>, groups: readonly FieldReadGroup[], unkept: readonly UnkeptReads[]): void {
  const totals = new Map<string, { data_class: string; decision: string; count: number }>();
  const add = (dataClass: string | null, decision: string, count: number) => {
    if (dataClass === 'public' || count <= 0) return;
    const data_class = dataClass ?? 'unclassified';
    const key = `${data_class}:${decision}`;
    const total = totals.get(key);
    if (total) total.count += count;
    else totals.set(key, { data_class, decision, count });
  };
  for (const group of groups) add(group.dataClass, group.decision, group.count);
  for (const reads of unkept) add(reads.dataClass, reads.decision, reads.count);
  for (const { count, ...labels } of totals.values()) counter.inc(labels, count);
}
