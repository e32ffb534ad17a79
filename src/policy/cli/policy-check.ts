import { POLICY_COLUMNS } from '../data-class.js';
import { decideField } from '../decide.js';
import { effectiveMask } from '../plugin/field-plan.js';
import { buildWardenSchema } from '../../server/warden-schema.js';

/**
 * `npm run policy:check`: the field inventory for the security team's review (every
 * `Type.field`, its class, its mask, and what each kind of caller gets under the baseline
 * policy), and a failure if any field is unclassified or the baseline has a bad line.
 */
function main(): number {
  let built;
  try {
    built = buildWardenSchema({ onUnclassified: 'error' });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }
  const { fields, baseline } = built.catalog;
  const header = ['field', 'class', 'mask', ...POLICY_COLUMNS];
  const rows = [...fields.values()].map((plan) => [
    plan.coordinate,
    plan.classification ?? 'UNCLASSIFIED',
    plan.classification === 'public' ? '-' : effectiveMask(plan),
    ...POLICY_COLUMNS.map((column) => decideField(plan, column, baseline)),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
  const counts = new Map<string, number>();
  for (const plan of fields.values()) counts.set(plan.classification ?? 'unclassified', (counts.get(plan.classification ?? 'unclassified') ?? 0) + 1);
  console.log(`\n${fields.size} fields: ${[...counts].map(([cls, n]) => `${n} ${cls}`).join(', ')}. Baseline policy: schema/policy.json.`);
  return 0;
}

process.exit(main());
