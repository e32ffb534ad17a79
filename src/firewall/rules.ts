import { rule, type IRule } from 'graphql-shield';
import type { GatewayContext } from '../graphql/context.js';
import { wardenError } from '../errors/index.js';
import { admits } from './admits.js';

// `contextual` caches each rule's answer per request: a document that calls five customer root
// fields asks "is this a customer?" once. Each is typed as shield's exported `IRule`: the class
// `rule()` returns is not exported, so the build's declarations could not name it.

export const isAuthenticated: IRule = rule({ cache: 'contextual' })(
  (_parent, _args, context: GatewayContext) => context.principal !== undefined,
);

export const isCustomer: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('customer', context.principal, context.access)
    ? true
    : wardenError('FORBIDDEN', 'This field reads a customer account: sign in as the customer, or start an impersonation session.'),
);

export const isStaff: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('staff', context.principal, context.access)
    ? true
    : wardenError('FORBIDDEN', 'This field is for Warden staff; customers cannot call it.'),
);

export const isSecurityAdmin: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('security_admin', context.principal, context.access)
    ? true
    : wardenError('FORBIDDEN', 'Only security admins read or change the field policy.'),
);

export const isAuditor: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('auditor', context.principal, context.access)
    ? true
    : wardenError('FORBIDDEN', 'Only auditors and security admins read the audit trail.'),
);

export const isSupportManager: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('support_manager', context.principal, context.access)
    ? true
    : wardenError('FORBIDDEN', 'Only support managers decide requests and revoke sessions.'),
);
