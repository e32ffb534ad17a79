import type { GraphQLFieldResolver } from 'graphql';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { auditScopeOf } from '../graphql/audit-scope.js';
import type { GatewayContext } from '../graphql/context.js';

/**
 * A root mutation of the upstream, recorded before it is sent: Warden cannot commit the
 * upstream's change and its record together, so the record (and the use of the approval that
 * let the call through, in the same transaction) is written first, and a call whose record
 * cannot be written is never sent (AUDIT_UNAVAILABLE). An approval is therefore spent by the
 * attempt: a call the upstream then refuses needs a new one, and its refusal is on the trail too.
 */
export function recordUpstreamMutation(
  coordinate: string,
  send: GraphQLFieldResolver<unknown, GatewayContext, object>,
): GraphQLFieldResolver<unknown, GatewayContext, object> {
  const field = coordinate.slice(coordinate.indexOf('.') + 1);
  return async (parent, args, context, info) => {
    const customer = context.access.actingAs;
    const session = context.access.session;
    if (customer) {
      // The customer's own call names their account as the application does (a session's names it already).
      const known = session ? null : (await context.identity.customer(customer.id))?.account;
      const account = session?.account ?? { id: customer.accountId, name: known?.name ?? customer.accountId };
      const scope = auditScopeOf(context, info);
      await context.db.transaction().execute((trx) =>
        recordAuditEvent(
          trx,
          {
            kind: 'mutation_executed',
            typeField: coordinate,
            account,
            subjectUserId: customer.id,
            target: field,
            done: `sent ${field} to the upstream API`,
            changes: [],
          },
          scope,
        ),
      );
    }
    return send(parent, args, context, info);
  };
}
