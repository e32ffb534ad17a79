import type { CustomerPrincipal } from '../auth/principal.js';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from './context.js';

/**
 * The customer whose data this request may touch: the caller, or the customer support is
 * acting as. Every customer-scoped query starts here, so "only one's own account" is enforced in
 * one place: repositories take the account id this returns, never one from the request.
 */
export function actingCustomer(context: GatewayContext): CustomerPrincipal {
  const customer = context.access.actingAs;
  if (!customer) {
    throw wardenError('FORBIDDEN', 'Only a customer (or support acting as one) can read account data.');
  }
  return customer;
}
