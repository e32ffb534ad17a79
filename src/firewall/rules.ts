import { rule, type IRule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { wardenError } from '../errors/index.js';
import { hasRole } from '../auth/principal.js';

// `contextual` caches each rule's answer per request: a document that calls five customer root
// fields asks "is this a customer?" once. Each is typed as shield's exported `IRule`: the class
// `rule()` returns is not exported, so the build's declarations could not name it.

export const isAuthenticated: IRule = rule({ cache: 'contextual' })(
  (_parent, _args, context: GatewayContext) => context.principal !== undefined,
);

export const isCustomer: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  context.access.actingAs !== null
    ? true
    : wardenError('FORBIDDEN', 'This field reads a customer account: sign in as the customer, or start an impersonation session.'),
);

export const isStaff: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  context.principal.kind === 'staff'
    ? true
    : wardenError('FORBIDDEN', 'This field is for Warden staff; customers cannot call it.'),
);

export const isSecurityAdmin: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  hasRole(context.principal, 'security_admin')
    ? true
    : wardenError('FORBIDDEN', 'Only security admins read or change the field policy.'),
);

export const isAuditor: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  hasRole(context.principal, 'auditor') || hasRole(context.principal, 'security_admin')
    ? true
    : wardenError('FORBIDDEN', 'Only auditors and security admins read the audit trail.'),
);

export const isSupportManager: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  hasRole(context.principal, 'support_manager')
    ? true
    : wardenError('FORBIDDEN', 'Only support managers decide requests and revoke sessions.'),
);
