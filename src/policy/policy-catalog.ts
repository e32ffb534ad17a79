import type { FieldPlan } from './plugin/types.js';
import type { PolicyDocument } from './policy-document.js';

/** What policy administration needs to know about the running schema: built once per gateway. */
export interface PolicyCatalog {
  fields: ReadonlyMap<string, FieldPlan>;
  baseline: PolicyDocument;
}
