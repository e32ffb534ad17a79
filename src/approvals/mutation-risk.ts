import type { GraphQLField } from 'graphql';
import { FIREWALL_RULES } from '../firewall/index.js';
import { isCustomer } from '../firewall/rules.js';
import { RISK_EXTENSION } from '../policy/plugin/index.js';
import type { MutationRisk } from '../policy/plugin/types.js';

/** What a root mutation needs during a session, as tagged in the schema; untagged counts as risky. */
export function mutationRiskOf(field: GraphQLField<unknown, unknown>): MutationRisk {
  const risk = field.extensions[RISK_EXTENSION];
  return isMutationRisk(risk) ? risk : 'risky';
}

const RISKS: readonly MutationRisk[] = ['routine', 'risky', 'never-during-impersonation', 'session-control'];

function isMutationRisk(value: unknown): value is MutationRisk {
  return RISKS.some((risk) => risk === value);
}

/**
 * Why a `never-during-impersonation` mutation is refused, fitted to whose action it is: one the
 * firewall opens to customers stays with the customer (exports, their settings for support); any
 * other is a staff action, taken with the staff member's own credential outside a session.
 */
export function neverDuringImpersonation(field: string): string {
  const customersOwn = Object.entries(FIREWALL_RULES.Mutation).some(([name, rule]) => name === field && rule === isCustomer);
  return customersOwn
    ? `${field} is never run during impersonation: it stays with the customer, who can run it themselves.`
    : `${field} is never run during impersonation: it is a staff action; send it without the impersonation token, as yourself.`;
}
