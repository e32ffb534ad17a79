import { type CustomerPrincipal, type EffectText, says, shown } from '../../index.js';

/**
 * A user as a description names them: "the customer" for the customer acted as (the request
 * names them already, as the audit names whom a request concerns), anyone else by their name as
 * the reader's policy shows `User.name`, else by their id (the audit keeps no other person's name).
 */
export function personNamed(user: { id: string; name: string }, customer: Pick<CustomerPrincipal, 'id'>): EffectText {
  return user.id === customer.id ? says`the customer` : says`${shown('User.name', user.name, `user ${user.id}`)}`;
}

/** The same, as an owner: "the customer's own", "Omar Haddad's". */
export function personsOwn(user: { id: string; name: string }, customer: Pick<CustomerPrincipal, 'id'>): EffectText {
  return user.id === customer.id ? says`the customer's own` : says`${shown('User.name', user.name, `user ${user.id}`)}'s`;
}
