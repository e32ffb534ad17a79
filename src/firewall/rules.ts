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

/**
 * An AI assistant is never staff: it cannot start, extend, approve or delegate a session, nor
 * reach any staff tool. Said with a code of its own, so an assistant (and its operator) knows
 * this is no missing role to ask for.
 */
export function assistantNotPermitted() {
  return wardenError(
    'ASSISTANT_NOT_PERMITTED',
    'An AI assistant cannot do this: starting, extending, approving or delegating sessions and every staff tool are for people. Ask the agent you work for.',
  );
}

export const isStaff: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('staff', context.principal, context.access)
    ? true
    : context.principal.kind === 'assistant'
      ? assistantNotPermitted()
      : wardenError('FORBIDDEN', 'This field is for Warden staff; customers cannot call it.'),
);

/** Staff, and AI assistants on a session of their own: what an assistant may do there, its resolver decides. */
export const isStaffOrAssistant: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  admits('staff_or_assistant', context.principal, context.access) ? true : wardenError('FORBIDDEN', 'This field is for Warden staff; customers cannot call it.'),
);

export const isSecurityAdmin: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  context.principal.kind === 'assistant'
    ? assistantNotPermitted()
    : admits('security_admin', context.principal, context.access)
      ? true
      : wardenError('FORBIDDEN', 'Only security admins read or change the field policy.'),
);

export const isAuditor: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  context.principal.kind === 'assistant'
    ? assistantNotPermitted()
    : admits('auditor', context.principal, context.access)
      ? true
      : wardenError('FORBIDDEN', 'Only auditors and security admins read the audit trail.'),
);

export const isSupportManager: IRule = rule({ cache: 'contextual' })((_parent, _args, context: GatewayContext) =>
  context.principal.kind === 'assistant'
    ? assistantNotPermitted()
    : admits('support_manager', context.principal, context.access)
      ? true
      : wardenError('FORBIDDEN', 'Only support managers decide requests and revoke sessions.'),
);
