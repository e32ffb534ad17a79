import { type AuditScope, type CustomerPrincipal, recordAuditEvent, type WardenDb, wardenError } from '../../index.js';
import type { ApiTokenRow } from '../tables/api-token.js';
import { findAccountById } from '../accounts/index.js';
import { lockApiToken, markApiTokenRevoked } from './api-token.repository.js';
import type { DomainTables } from '../database.js';

/** Whether a token still works: a revoked one stays listed, as revoked. */
export function tokenState(token: Pick<ApiTokenRow, 'revoked_at'>): 'active' | 'revoked' {
  return token.revoked_at === null ? 'active' : 'revoked';
}

/** Owners and admins revoke any of the account's tokens; everyone else only those they created. */
export function mayRevoke(customer: CustomerPrincipal, token: Pick<ApiTokenRow, 'created_by'>): void {
  if (customer.role === 'owner' || customer.role === 'admin' || token.created_by === customer.id) return;
  throw wardenError('FORBIDDEN', "Only the account's owners and admins revoke a token someone else created; ask one of them.");
}

/** Revokes one of the account's API tokens, and records it, atomically. */
export async function revokeApiToken(db: WardenDb, customer: CustomerPrincipal, tokenId: string, scope: AuditScope): Promise<ApiTokenRow> {
  return db.transaction().execute(async (trx) => {
    const app = trx.withTables<DomainTables>();
    const before = await lockApiToken(app, customer.accountId, tokenId);
    await scope.beforeChange?.(trx, scope);
    const account = await findAccountById(app, customer.accountId);
    if (!before || !account) throw wardenError('NOT_FOUND', 'No API token with that id in your account; list the account’s tokens to find its id.');
    mayRevoke(customer, before);
    if (before.revoked_at !== null) throw wardenError('BAD_USER_INPUT', `The token “${before.name}” is already revoked; nothing to change.`);
    const after = await markApiTokenRevoked(app, before.id);
    await recordAuditEvent(
      trx,
      {
        kind: 'mutation_executed',
        typeField: 'Mutation.revokeApiToken',
        account: { id: account.id, name: account.name },
        subjectUserId: before.created_by,
        target: `API token “${before.name}”`,
        done: `revoked API token “${before.name}”`,
        changes: [{ field: 'ApiToken.state', label: 'state', before: tokenState(before), after: tokenState(after) }],
      },
      scope,
    );
    return after;
  });
}
