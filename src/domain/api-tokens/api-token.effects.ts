import { type EffectDescriber, says, shown } from '../../index.js';
import { personNamed } from '../users/index.js';
import { findApiToken } from './api-token.repository.js';
import { mayRevoke, tokenState } from './api-token.service.js';
import { demoExecutor } from '../database.js';

/** "revoke the API token CI deploys (created by Omar Haddad, active)". */
export const revokeTokenEffect: EffectDescriber<{ tokenId: string | number }> = async ({ tokenId }, { db, customer }) => {
  const token = await findApiToken(demoExecutor(db), customer.accountId, String(tokenId));
  if (!token) return null;
  mayRevoke(customer, token);
  const state = tokenState(token);
  return {
    says: says`revoke the API token ${shown('ApiToken.name', token.name)} (created by ${personNamed({ id: token.created_by, name: token.creator_name }, customer)}, ${shown('ApiToken.state', state)})`,
    state: { name: token.name, createdBy: token.created_by, state },
  };
};
