import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { SessionEndReason, SessionMode, SessionStatus } from '../db/tables/impersonation-session.js';
import type { StaffRole } from '../db/tables/staff.js';
import type { ErrorCode } from '../errors/index.js';
import type { CustomerIdentity, SupportAccess, WardenIdentity } from '../identity/identity.js';

/** The customer a session would act as, as the start rules need them now. */
export interface StartTarget {
  userId: string;
  userName: string;
  role: string;
  /** Why entering as them waits for a manager because of who they are (`the account's owner`); null: nobody special. */
  privileged: string | null;
  accountId: string;
  accountName: string;
  sensitive: boolean;
  supportAccess: SupportAccess;
  /** The user's id or email is a staff member's. */
  isStaff: boolean;
}

export interface StartRefusal {
  code: ErrorCode;
  why: string;
}

/**
 * The target as the application's identity hook tells it now, and whether they are one of
 * Warden's staff (by id or email); undefined when no customer user has that id. Inside one of
 * Warden's transactions pass it as `db`: the identity reads through it where it can.
 */
export async function loadStartTarget(db: Executor, identity: WardenIdentity, userId: string): Promise<StartTarget | undefined> {
  const customer = await identity.customer(userId, db);
  if (!customer) return undefined;
  const email = customer.email?.toLowerCase() ?? null;
  const staff = await db
    .selectFrom('staff')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', customer.id), ...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : [])]))
    .executeTakeFirst();
  return {
    userId: customer.id,
    userName: customer.name,
    role: customer.role,
    privileged: customer.privileged,
    accountId: customer.account.id,
    accountName: customer.account.name,
    sensitive: customer.account.sensitive,
    supportAccess: customer.account.supportAccess,
    isStaff: staff !== undefined,
  };
}

/**
 * Makes starts into an account, and an opt-out of it (`closeSessionsOfOptedOutAccount`), take
 * turns until the transaction ends. A start reads its target after taking it; an opt-out closes
 * the account's sessions after taking it: either the start sees "never" and is refused, or the
 * opt-out sees the session and closes it. Warden cannot lock the application's rows, so it
 * locks the account's name instead (a transaction-scoped advisory lock).
 */
export async function takeAccountTurn(db: Executor, accountId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`warden.account:${accountId}`}, 0))`.execute(db);
}

/** Support agents impersonate; on-call engineers too when the policy in force says so. */
export function mayImpersonate(roles: readonly StaffRole[], oncallMayImpersonate: boolean): boolean {
  return roles.includes('support_agent') || (oncallMayImpersonate && roles.includes('oncall_engineer'));
}

/** Targets nobody may enter, whoever approves: staff, and accounts whose customer said never. */
export function targetRefusal(target: StartTarget): StartRefusal | null {
  if (target.isStaff) return { code: 'FORBIDDEN', why: 'Staff accounts cannot be impersonated.' };
  if (target.supportAccess === 'never') {
    return { code: 'FORBIDDEN', why: `${target.accountName} has asked that support never enter their account; ask the customer to change this in their settings.` };
  }
  return null;
}

/** Why a start needs a manager's approval; empty when it does not. */
export function approvalReasons(target: StartTarget, mode: SessionMode): string[] {
  const reasons: string[] = [];
  if (target.sensitive) reasons.push('the account is flagged sensitive');
  if (target.privileged) reasons.push(`the user is ${target.privileged}`);
  if (target.supportAccess === 'ask_first') reasons.push('the customer asked to be asked first');
  if (mode === 'read_write') reasons.push('read-write sessions are always approved by a manager');
  return reasons;
}

/**
 * Whether an approved start still holds: the agent may still impersonate, the target may still
 * be entered, and what the manager approved still covers why the start needs approval now (an
 * account that became sensitive since, a member who became an admin, was not part of it).
 */
export function approvalStillHolds(input: {
  agentName: string;
  agentMayImpersonate: boolean;
  target: StartTarget | undefined;
  mode: SessionMode;
  approvedReasons: readonly string[];
}): StartRefusal | null {
  if (!input.agentMayImpersonate) return { code: 'FORBIDDEN', why: `${input.agentName} may no longer start impersonation sessions.` };
  if (!input.target) return { code: 'NOT_FOUND', why: 'The customer user no longer exists.' };
  const refusal = targetRefusal(input.target);
  if (refusal) return refusal;
  const uncovered = approvalReasons(input.target, input.mode).filter((reason) => !input.approvedReasons.includes(reason));
  if (uncovered.length > 0) {
    return { code: 'FORBIDDEN', why: `The customer's account changed since the request (${uncovered.join('; ')}); start a new session so a manager approves it as it is now.` };
  }
  return null;
}

/** The session an agent holds open (waiting for a manager, approved, or active), named. */
export interface OpenSessionOfAgent {
  id: string;
  status: SessionStatus;
  userId: string;
  userName: string;
  accountId: string;
  accountName: string;
}

/**
 * One open session per agent, a rule of the product: each session is one visit, for one
 * reason and one ticket, and the customer's history and the trail tell them apart. A start
 * while another session waits for a manager, waits to be collected or runs is refused like
 * the other rules of who may start what, naming that session and the way out of it. `open` is
 * null when only the database's unique index saw it (two starts at once) and it has closed since.
 * An assistant is told the session's user and account by id, never by name.
 */
export function oneOpenSessionRefusal(open: OpenSessionOfAgent | null, holder: 'person' | 'assistant' = 'person'): StartRefusal {
  const rule = 'An agent has one session open at a time';
  if (!open) return { code: 'FORBIDDEN', why: `${rule}, and another start of yours got there first; see myImpersonationSession, and end it before starting another.` };
  // An assistant sees people's names as stand-ins: it is told the ids it started with instead.
  const session = `session ${open.id} as ${holder === 'assistant' ? `${open.userId} (account ${open.accountId})` : `${open.userName} (${open.accountName})`}`;
  switch (open.status) {
    case 'active':
      return { code: 'FORBIDDEN', why: `${rule}: ${session} is open. End it (endImpersonation) before starting another.` };
    case 'approved':
      return { code: 'FORBIDDEN', why: `${rule}: ${session} is approved and waits for you. Collect it (claimImpersonation), or withdraw it (endImpersonation) before starting another.` };
    default:
      return { code: 'FORBIDDEN', why: `${rule}: ${session} waits for a manager's approval. Withdraw it (endImpersonation) before starting another, or wait for the decision.` };
  }
}

/** What a live session depends on, as it is now and as it was at the start. */
export interface SessionStanding {
  agentMayImpersonate: boolean;
  /** Undefined: the customer user no longer exists. */
  supportAccess: SupportAccess | undefined;
  accountSensitive: boolean;
  accountSensitiveAtStart: boolean;
  userPrivileged: boolean;
  userPrivilegedAtStart: boolean;
  /** A manager approved the session's start (whatever the reason it needed one). */
  approvedAtStart: boolean;
}

/** A session's standing from what it was at its start and what the identity hook says of its customer now (null: gone). */
export function standingOf(
  session: { account_sensitive_at_start: boolean; target_privileged_at_start: string | null; approval_request_id: string | null },
  customer: CustomerIdentity | null,
  agentMayImpersonate: boolean,
): SessionStanding {
  return {
    agentMayImpersonate,
    supportAccess: customer?.account.supportAccess,
    accountSensitive: customer?.account.sensitive ?? false,
    accountSensitiveAtStart: session.account_sensitive_at_start,
    userPrivileged: customer?.privileged != null,
    userPrivilegedAtStart: session.target_privileged_at_start !== null,
    approvedAtStart: session.approval_request_id !== null,
  };
}

/**
 * A session that must end now, and why: the agent may no longer impersonate (`role_lost`), or
 * the customer changed so that the start would need approval it did not have, or is refused
 * outright (`target_changed`). Null while it holds.
 */
export function sessionBrokenBecause(standing: SessionStanding): SessionEndReason | null {
  if (!standing.agentMayImpersonate) return 'role_lost';
  if (standing.supportAccess === undefined || standing.supportAccess === 'never') return 'target_changed';
  // The customer now asks to be asked first: a session started without a manager's approval no longer holds.
  if (standing.supportAccess === 'ask_first' && !standing.approvedAtStart) return 'target_changed';
  if (standing.accountSensitive && !standing.accountSensitiveAtStart) return 'target_changed';
  if (standing.userPrivileged && !standing.userPrivilegedAtStart) return 'target_changed';
  return null;
}
