import type { ArgumentPlan } from './argument-inventory.js';
import { POLICY_COLUMNS } from './data-class.js';
import { decideField } from './decide.js';
import { effectiveMask } from './plugin/field-plan.js';
import type { FieldPlan, FiltersBy } from './plugin/types.js';
import type { PolicyDocument } from './policy-document.js';

const UNCLASSIFIED = 'UNCLASSIFIED (handled as secret)';
const UNDECLARED = 'UNDECLARED (refused under impersonation)';

/**
 * The field inventory the security team reviews, as Markdown: every `Type.field` with its class,
 * its mask and what each kind of caller gets under the baseline policy, then every argument and
 * input field with what it reads. Committed as schema/field-inventory.md, so a class change in
 * code shows up in review as a changed line. Deterministic: sorted, no dates.
 */
export function renderFieldInventory(
  fields: ReadonlyMap<string, FieldPlan>,
  args: ReadonlyMap<string, ArgumentPlan>,
  baseline: PolicyDocument,
): string {
  const fieldRows = [...fields.values()].map((plan) => [
    `\`${plan.coordinate}\``,
    plan.classification ?? UNCLASSIFIED,
    plan.classification === 'public' ? '-' : effectiveMask(plan),
    ...POLICY_COLUMNS.map((column) => decideField(plan, column, baseline)),
  ]);
  const argumentRows = [...args.values()].map((arg) => [`\`${arg.coordinate}\``, describeReads(arg.reads)]);
  const counts = new Map<string, number>();
  for (const plan of fields.values()) counts.set(plan.classification ?? 'unclassified', (counts.get(plan.classification ?? 'unclassified') ?? 0) + 1);
  const undeclared = [...args.values()].filter((arg) => arg.reads === null).length;

  return [
    '# Field inventory',
    '',
    'Generated from the schema and the baseline policy (`schema/policy.json`) by',
    '`npm run policy:check -- --write`; do not edit it by hand. CI fails when it is out of date, so a',
    'change of class, mask or argument shows up here in review. Columns: what each kind of caller',
    'gets under the baseline (`customer`: a customer in their own account; `staff`: staff without a',
    'session; `impersonation_*`: support in a session). A published policy version can change the',
    'decisions; `{ policyFields { … } }` shows those in force. See docs/policy.md.',
    '',
    '## Fields',
    '',
    ...table(['field', 'class', 'mask', ...POLICY_COLUMNS], fieldRows),
    '',
    `${fields.size} fields: ${[...counts].sort(([a], [b]) => a.localeCompare(b)).map(([cls, n]) => `${n} ${cls}`).join(', ')}.`,
    '',
    '## Arguments and input fields',
    '',
    'What each reads of stored data. Under impersonation, one that reads a field the caller does not',
    'see in full is refused, and so is one that declares nothing.',
    '',
    ...table(['argument', 'reads'], argumentRows),
    '',
    `${args.size} ${args.size === 1 ? 'argument or input field' : 'arguments and input fields'}${undeclared > 0 ? `, ${undeclared} undeclared` : ''}.`,
    '',
  ].join('\n');
}

function describeReads(reads: FiltersBy | null): string {
  if (reads === null) return UNDECLARED;
  if (reads === false) return 'nothing stored';
  if (typeof reads === 'string') return `\`${reads}\``;
  return Object.entries(reads)
    .map(([value, field]) => `${value}: ${field === false ? 'nothing stored' : `\`${field}\``}`)
    .join(', ');
}

/** A Markdown table with its columns padded, so it reads as well in a terminal as rendered. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, 3, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
