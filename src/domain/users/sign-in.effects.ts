import { type EffectDescriber, says, shown } from '../../index.js';
import { personNamed, personsOwn } from './person-named.js';
import { mayManageSignInOf, newEmailAddress, sentAt } from './sign-in.service.js';
import { findUserInAccount } from './user.repository.js';
import { demoExecutor } from '../database.js';

/** "change Omar Haddad's email from omar.haddad@acme.example to omar@gmail.example". */
export const changeEmailEffect: EffectDescriber<{ userId: string | number; email: string }> = async (args, { db, customer }) => {
  mayManageSignInOf(customer, String(args.userId));
  const email = newEmailAddress(args.email);
  const user = await findUserInAccount(demoExecutor(db), customer.accountId, String(args.userId));
  if (!user) return null;
  return {
    says: says`change ${personsOwn(user, customer)} email from ${shown('User.email', user.email)} to ${shown('User.email', email)}`,
    state: { name: user.name, email: user.email },
  };
};

/** "send Omar Haddad a login reset link at omar.haddad@acme.example (last one sent: never)". */
export const loginResetEffect: EffectDescriber<{ userId: string | number }> = async (args, { db, customer }) => {
  mayManageSignInOf(customer, String(args.userId));
  const user = await findUserInAccount(demoExecutor(db), customer.accountId, String(args.userId));
  if (!user) return null;
  const last = sentAt(user.login_reset_sent_at);
  return {
    says: says`send ${personNamed(user, customer)} a login reset link at ${shown('User.email', user.email)} (last one sent: ${user.login_reset_sent_at ? shown('User.loginResetSentAt', last) : last})`,
    state: { name: user.name, email: user.email, lastSent: user.login_reset_sent_at },
  };
};
