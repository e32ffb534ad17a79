import type { FieldPlan } from './plugin/types.js';
import type { PolicyDocument } from './policy-document.js';

/**
 * The fields (`Type.field`) whose policy decides how Warden shows a customer's name and their
 * account's name outside the data: in the banner (`extensions.impersonation`) and in the
 * customer's access history. Shown no more than the field itself would be.
 */
export interface NameFields {
  customer: string;
  account: string;
}

/** The reference domain's: a schema without these fields shows ids instead of names. */
export const DEFAULT_NAME_FIELDS: NameFields = { customer: 'User.name', account: 'Account.name' };

/** What policy administration needs to know about the running schema: built once per gateway. */
export interface PolicyCatalog {
  fields: ReadonlyMap<string, FieldPlan>;
  baseline: PolicyDocument;
  /** @default DEFAULT_NAME_FIELDS */
  names?: NameFields;
}

/** The catalog's name fields, or the default. */
export function nameFieldsOf(catalog: PolicyCatalog): NameFields {
  return catalog.names ?? DEFAULT_NAME_FIELDS;
}
