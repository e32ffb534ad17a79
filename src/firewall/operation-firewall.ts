import type { GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { deny, shield, type IRules } from 'graphql-shield';
import { wardenError } from '../errors/index.js';
import { isAuditor, isAuthenticated, isCustomer, isSecurityAdmin, isStaff, isSupportManager } from './rules.js';

/**
 * Which root fields each kind of caller may call. A root field missing here is denied to
 * everyone (`fallbackRule: deny`): a new operation stays closed until someone opens it here.
 */
export const FIREWALL_RULES = {
  Query: {
    viewer: isAuthenticated,
    me: isCustomer,
    account: isCustomer,
    user: isCustomer,
    invoice: isCustomer,
    directory: isStaff,
    activePolicy: isSecurityAdmin,
    policyVersions: isSecurityAdmin,
    policyDiff: isSecurityAdmin,
    policyFields: isSecurityAdmin,
    accessHistory: isCustomer,
    myImpersonationSession: isStaff,
    pendingApprovals: isSupportManager,
    approvalRequest: isStaff,
    auditEvents: isAuditor,
    impersonationSessions: isAuditor,
    accessReview: isAuditor,
    auditExport: isAuditor,
  },
  Mutation: {
    updateNotificationSettings: isCustomer,
    setInvoiceTaxRate: isCustomer,
    publishPolicy: isSecurityAdmin,
    approvePolicyVersion: isSecurityAdmin,
    rejectPolicyVersion: isSecurityAdmin,
    withdrawPolicyVersion: isSecurityAdmin,
    rollbackPolicy: isSecurityAdmin,
    refundInvoice: isCustomer,
    exportInvoices: isCustomer,
    setSupportAccess: isCustomer,
    changeUserEmail: isCustomer,
    sendLoginReset: isCustomer,
    changePlan: isCustomer,
    cancelPlan: isCustomer,
    revokeApiToken: isCustomer,
    deletePrivateNote: isCustomer,
    startImpersonation: isStaff,
    claimImpersonation: isStaff,
    endImpersonation: isStaff,
    revokeImpersonation: isSupportManager,
    approveRequest: isSupportManager,
    denyRequest: isSupportManager,
    requestFieldAccess: isStaff,
    requestMutationApproval: isStaff,
  },
} satisfies IRules;

const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Puts graphql-shield in front of the schema's operations, and only its operations.
 *
 * Shield wraps every field of every type it is given in an async middleware, which is the known
 * 2–8× slowdown on large lists. Field-level decisions belong to the schema's own policy plugin,
 * decided when the schema is built; the firewall answers one question per root field ("may
 * this kind of caller run this operation at all?"), so its middleware is kept for root types.
 */
export function applyOperationFirewall(schema: GraphQLSchema, rules: IRules = FIREWALL_RULES): GraphQLSchema {
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
