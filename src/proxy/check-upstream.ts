import { argumentInventory } from '../policy/argument-inventory.js';
import { renderFieldInventory } from '../policy/inventory-report.js';
import type { PolicyCheck } from '../policy/policy-check.js';
import type { ProxySchema } from './proxy-schema.js';

/**
 * The security team's review of an upstream, as `policy:check` gives it for a native schema: the
 * inventory (every field with its class, mask and what each kind of caller gets; every argument
 * with what it reads), and as problems each field nobody classified, each argument that does not
 * say what it reads, and each entry of the classification naming what the upstream lacks.
 */
export function checkUpstream(schema: ProxySchema, source: string): PolicyCheck {
  const report = renderFieldInventory(schema.catalog.fields, argumentInventory(schema.schema), schema.catalog.baseline);
  const { unclassified, undeclared, stale } = schema.report;
  const problems: string[] = [];
  if (unclassified.length > 0) {
    problems.push(`These upstream fields have no data class, so they are hidden as secrets; classify each in ${source} ("fields"):\n    ${unclassified.join('\n    ')}`);
  }
  if (undeclared.length > 0) {
    problems.push(
      `These upstream arguments and input fields do not say what they read, so they are refused during impersonation; declare each in ${source} ("arguments": the "Type.field" it filters, searches or sorts by, one per enum value, or false):\n    ${undeclared.join('\n    ')}`,
    );
  }
  if (stale.length > 0) problems.push(`${source} names what the upstream does not have; remove or rename these entries:\n    ${stale.join('\n    ')}`);
  return { report, problems };
}
