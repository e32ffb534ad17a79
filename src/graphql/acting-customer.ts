import type { CustomerPrincipal } from '../auth/principal.js';
import { wardenError } from '../errors/index.js';
import type { GatewayContext } from './context.js';

/**
 * The customer whose data this request may touch. Every customer-scoped query starts here, so
 * "a customer sees only their own account" is enforced in one place: repositories take the
 * account id this returns, never one from the request.
 */
export function actingCustomer(context: GatewayContext): CustomerPrincipal {
  if (context.principal.kind !== 'customer') {
    throw wardenError('FORBIDDEN', 'Only a customer (or support acting as one) can read account data.');
  }
  return context.principal;
}
