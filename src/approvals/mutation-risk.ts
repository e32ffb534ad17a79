import type { GraphQLField } from 'graphql';
import { CALLERS_EXTENSION, RISK_EXTENSION } from '../policy/plugin/index.js';
import { MUTATION_RISKS, type MutationRisk } from '../policy/plugin/types.js';

/** What a root mutation needs during a session, as tagged in the schema; untagged counts as risky. */
export function mutationRiskOf(field: GraphQLField<unknown, unknown>): MutationRisk {
  const risk = field.extensions[RISK_EXTENSION];
  return isMutationRisk(risk) ? risk : 'risky';
}

function isMutationRisk(value: unknown): value is MutationRisk {
  return MUTATION_RISKS.some((risk) => risk === value);
}

/**
 * Why a `never-during-impersonation` mutation is refused, fitted to whose action it is: one
 * customers call (`callers: 'customer'`) stays with the customer (exports, their settings for
 * support); any other is a staff action, taken with the staff member's own credential outside a
 * session.
 */
export function neverDuringImpersonation(field: GraphQLField<unknown, unknown>): string {
  const customersOwn = field.extensions[CALLERS_EXTENSION] === 'customer';
  return customersOwn
    ? `${field.name} is never run during impersonation: it stays with the customer, who can run it themselves.`
    : `${field.name} is never run during impersonation: it is a staff action; send it without the impersonation token, as yourself.`;
}
