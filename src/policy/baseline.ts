import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FieldPlan } from './plugin/types.js';
import { DEFAULT_POLICY } from './default-policy.js';
import { parsePolicyDocument, type PolicyDocument } from './policy-document.js';

/** `schema/policy.json`: the policy Warden starts from before anyone publishes a version. */
export const BASELINE_POLICY_PATH = fileURLToPath(new URL('../../schema/policy.json', import.meta.url));

export class PolicyFileError extends Error {}

/** Warden's own default (`DEFAULT_POLICY`), for a schema whose application gives no baseline file. */
export function defaultPolicy(fields?: ReadonlyMap<string, FieldPlan>): PolicyDocument {
  const parsed = parsePolicyDocument(JSON.stringify(DEFAULT_POLICY, null, 2), fields);
  if (!parsed.ok) throw new PolicyFileError(`Warden's default policy is not valid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return parsed.document;
}

/** Reads and validates the baseline; a problem stops the start with the file and line. */
export function loadBaselinePolicy(fields?: ReadonlyMap<string, FieldPlan>, path = BASELINE_POLICY_PATH): PolicyDocument {
  const parsed = parsePolicyDocument(readFileSync(path, 'utf8'), fields);
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    throw new PolicyFileError(`The baseline policy is not valid:\n${lines.join('\n')}`);
  }
  return parsed.document;
}
