import { actingCustomer, auditScopeOf } from '../../index.js';
import type { DemoBuilder } from '../demo-types.js';
import { changeEmailEffect, loginResetEffect } from './sign-in.effects.js';
import { changeUserEmail, sendLoginReset } from './sign-in.service.js';

/** How a user signs in, and the risky changes to it: a new email, a login reset. */
export function defineSignInTypes(builder: DemoBuilder): void {
  builder.objectFields('User', (t) => ({
    loginResetSentAt: t.expose('login_reset_sent_at', {
      type: 'DateTime',
      classification: 'internal',
      nullable: true,
      description: 'When a login reset link was last sent; the link itself is never stored.',
    }),
  }));

  builder.mutationFields((t) => ({
    changeUserEmail: t.field({
      type: 'User',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: changeEmailEffect,
      description: "Changes the address a user signs in with: one's own, or a colleague's (owners and admins).",
      authScopes: { customer: true },
      args: {
        userId: t.arg.id({ required: true, filtersBy: 'User.id' }),
        email: t.arg.string({ required: true, filtersBy: false, description: 'The new address.' }),
      },
      resolve: (_root, { userId, email }, context, info) =>
        changeUserEmail(context.db, actingCustomer(context), { userId: String(userId), email }, auditScopeOf(context, info)),
    }),
    sendLoginReset: t.field({
      type: 'User',
      callers: 'customer',
      classification: 'public',
      risk: 'risky',
      effect: loginResetEffect,
      description: "Sends a user a link to set a new password: oneself, or a colleague (owners and admins).",
      authScopes: { customer: true },
      args: { userId: t.arg.id({ required: true, filtersBy: 'User.id' }) },
      resolve: (_root, { userId }, context, info) => sendLoginReset(context.db, actingCustomer(context), String(userId), auditScopeOf(context, info)),
    }),
  }));
}
