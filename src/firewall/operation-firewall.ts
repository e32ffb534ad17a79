import { isObjectType, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { deny, shield, type IRule, type IRules } from 'graphql-shield';
import { CALLERS_EXTENSION, type Callers } from '../policy/plugin/types.js';
import { wardenError } from '../errors/index.js';
import { isAuditor, isAuthenticated, isCustomer, isSecurityAdmin, isStaff, isStaffOrAssistant, isSupportManager } from './rules.js';

/** The rule behind each `callers` a root field can declare. */
const RULES: Record<Callers, IRule> = {
  authenticated: isAuthenticated,
  customer: isCustomer,
  staff: isStaff,
  staff_or_assistant: isStaffOrAssistant,
  support_manager: isSupportManager,
  security_admin: isSecurityAdmin,
  auditor: isAuditor,
};

/**
 * Which root fields each kind of caller may call, as each field says it (`callers`). A root
 * field that says nothing is missing here and denied to everyone (`fallbackRule: deny`): a new
 * operation stays closed until its author says who may call it.
 */
export function firewallRulesOf(schema: GraphQLSchema): Record<string, Record<string, IRule>> {
  const rules: Record<string, Record<string, IRule>> = {};
  for (const type of ROOT_TYPES) {
    const fields = schema.getType(type);
    if (!isObjectType(fields)) continue;
    const own: Record<string, IRule> = {};
    for (const field of Object.values(fields.getFields())) {
      const callers = field.extensions[CALLERS_EXTENSION];
      if (callers) own[field.name] = RULES[callers];
    }
    rules[type] = own;
  }
  return rules;
}

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Puts graphql-shield in front of the schema's operations, and only its operations.
 *
 * Shield wraps every field of every type it is given in an async middleware, which is the known
 * 2–8× slowdown on large lists. Field-level decisions belong to the schema's own policy plugin,
 * decided when the schema is built; the firewall answers one question per root field ("may
 * this kind of caller run this operation at all?"), so its middleware is kept for root types.
 */
export function applyOperationFirewall(schema: GraphQLSchema, rules: IRules = firewallRulesOf(schema)): GraphQLSchema {
  const permissions = shield(rules, {
    fallbackRule: deny,
    // Resolver errors carry their own codes; without this shield would replace them all.
    allowExternalErrors: true,
    fallbackError: () =>
      wardenError('FORBIDDEN', 'This operation is not open to you; check that you are signed in with the right account.'),
  });
  // Typed as any middleware (a function, options or a map); shield's generator always makes the map by type.
  const generated = permissions.generate(schema) as IMiddlewareTypeMap;
  const rootOnly: IMiddlewareTypeMap = {};
  for (const type of ROOT_TYPES) {
    const fields = generated[type];
    if (fields && schema.getType(type)) rootOnly[type] = fields;
  }
  return applyMiddleware(schema, rootOnly);
}
