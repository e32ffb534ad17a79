import { sql } from 'kysely';
import { recordAuditEvent, type AuditScope } from '../audit/index.js';
import type { StaffPrincipal } from '../auth/principal.js';
import type { Db } from '../db/database.js';
import type { SessionDelegationRow } from '../db/tables/session-delegation.js';
import { wardenError } from '../errors/index.js';
import { findDelegationByTokenHash, insertDelegation, lockDelegation } from './delegations.repository.js';
import { lockSession } from './sessions.repository.js';
import { newId } from './start-session.js';
import { randomBytes, createHash } from 'node:crypto';

const PREFIX = 'wdlg_';

/** 256 random bits; the prefix lets secret scanners (and Warden) tell it from a session token. */
export function mintDelegationToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function looksLikeDelegationToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= PREFIX.length + 43 && value.length <= 200;
}

export function hashDelegationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export { findDelegationByTokenHash };

export interface DelegateContext {
  db: Db;
  agent: StaffPrincipal;
  scope: AuditScope;
}

/**
 * An agent lends their live session to one assistant, for at most the session's remaining
 * time: the delegation token it returns works only with that assistant's own bearer token, and
 * only while the session lives and the agent has not taken it back. Recorded with the session.
 */
export async function delegateSession(
  ctx: DelegateContext,
  input: { sessionId: string; assistantId: string; minutes: number | null },
): Promise<{ delegation: SessionDelegationRow; token: string }> {
  if (input.minutes !== null && (!Number.isInteger(input.minutes) || input.minutes < 1)) {
    throw wardenError('BAD_USER_INPUT', 'Give minutes as a whole number of at least 1, or leave it out for the rest of the session.');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, input.sessionId);
    if (!session || session.agent_id !== ctx.agent.id) throw wardenError('NOT_FOUND', 'You have no session with that id.');
    const expiresAt = session.expires_at;
    if (session.status !== 'active' || !expiresAt || expiresAt.getTime() <= Date.now()) {
      throw wardenError('SESSION_EXPIRED', 'Only a live session can be delegated; start one first.');
    }
    const assistant = await trx.selectFrom('staff').select(['id', 'name', 'kind', 'active']).where('id', '=', input.assistantId).executeTakeFirst();
    if (!assistant || assistant.kind !== 'assistant' || !assistant.active) {
      throw wardenError('BAD_USER_INPUT', 'No active assistant has that id; sessions are delegated to assistants in the staff directory only.');
    }
    const wanted = input.minutes === null ? expiresAt : new Date(Date.now() + input.minutes * 60_000);
    const until = wanted.getTime() < expiresAt.getTime() ? wanted : expiresAt;
    const token = mintDelegationToken();
    const delegation = await insertDelegation(trx, {
      id: newId('dlg'),
      session_id: session.id,
      agent_id: ctx.agent.id,
      assistant_id: assistant.id,
      token_hash: hashDelegationToken(token),
      expires_at: until,
      revoked_at: null,
      revoked_by: null,
    });
    await recordAuditEvent(
      trx,
      {
        kind: 'session_delegated',
        sessionId: session.id,
        delegationId: delegation.id,
        assistant: { id: assistant.id, name: assistant.name },
        expiresAt: until.toISOString(),
        user: { id: session.user_id, name: session.user_name },
        account: { id: session.account_id, name: session.account_name },
      },
      { ...ctx.scope, sessionId: session.id },
    );
    return { delegation, token };
  });
}

/** The delegating agent (or a manager) takes a session back from its assistant, at any moment. */
export async function revokeDelegation(ctx: DelegateContext & { mayRevokeAny: boolean }, delegationId: string): Promise<SessionDelegationRow> {
  return ctx.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('session_delegations').select('session_id').where('id', '=', delegationId).executeTakeFirst();
    // The session before the delegation: the order ending a session takes its locks in.
    const session = found ? await lockSession(trx, found.session_id) : undefined;
    const delegation = await lockDelegation(trx, delegationId);
    if (!delegation || !session || (delegation.agent_id !== ctx.agent.id && !ctx.mayRevokeAny)) {
      throw wardenError('NOT_FOUND', 'You delegated no session with that id.');
    }
    if (delegation.revoked_at) return delegation;
    const revoked = await trx
      .updateTable('session_delegations')
      .set({ revoked_at: sql<Date>`now()`, revoked_by: ctx.agent.id })
      .where('id', '=', delegation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const assistant = await trx.selectFrom('staff').select(['id', 'name']).where('id', '=', delegation.assistant_id).executeTakeFirstOrThrow();
    await recordAuditEvent(
      trx,
      {
        kind: 'delegation_revoked',
        sessionId: session.id,
        delegationId: delegation.id,
        assistant,
        expiresAt: delegation.expires_at.toISOString(),
        user: { id: session.user_id, name: session.user_name },
        account: { id: session.account_id, name: session.account_name },
      },
      { ...ctx.scope, sessionId: session.id },
    );
    return revoked;
  });
}
