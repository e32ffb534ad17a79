import type { ApprovalStatus } from '../db/tables/approval-request.js';
import type { SessionEndReason, SessionStatus } from '../db/tables/impersonation-session.js';
import type { StartRefusal } from './start-checks.js';
import { minutesBetween, uncollectedLapse, undecidedLapse } from './start-lapses.js';

/** The approval a start waited for, as its request's row holds it. */
export interface StartApprovalRecord {
  status: ApprovalStatus;
  createdAt: Date;
  /** A request nobody decides lapses at this time. */
  expiresAt: Date;
  deciderName: string | null;
  decidedAt: Date | null;
  /** The manager's words: why they denied it, or what they checked approving it. */
  note: string | null;
  /** An approved start must be collected by this time. */
  grantExpiresAt: Date | null;
  /** Why the start needed approval, as the manager saw it. */
  why: readonly string[];
}

/** What the record says of a session its agent asks to collect. */
export interface CollectRecord {
  id: string;
  status: SessionStatus;
  minutes: number;
  startedAt: Date | null;
  expiresAt: Date | null;
  idleExpiresAt: Date | null;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
  /** Who ended it, when a person did: its agent, or a manager revoking it. */
  endedByName: string | null;
  /** Why it closed, in its audit record's words (see the session table). */
  closedBecause: string | null;
  approval: StartApprovalRecord | null;
  /**
   * The database's clock when the record was read. Deadlines are compared with it, not with the
   * gateway's: the database stamps a closing with the same clock, so a start closed here as
   * lapsed reads as lapsed when it is collected again.
   */
  readAt: Date;
}

const before = (deadline: Date | null, at: Date | null): boolean => deadline !== null && at !== null && deadline.getTime() <= at.getTime();

/**
 * The words to close a start with when it has lapsed but is still open (nobody decided it in
 * time, or its agent did not collect the approval in time); null when it has not. The sweeper
 * closes these as well: whoever notices first closes it, with the same words.
 */
export function lapseOf(record: CollectRecord): string | null {
  const approval = record.approval;
  if (!approval) return null;
  if (record.status === 'pending_approval' && approval.status === 'pending' && before(approval.expiresAt, record.readAt)) {
    return undecidedLapse(approval.createdAt, approval.expiresAt);
  }
  if (record.status === 'approved' && before(approval.grantExpiresAt, record.readAt)) return uncollectedLapse(approval.decidedAt, approval.grantExpiresAt);
  return null;
}

/**
 * Why the agent cannot collect this session, in a sentence that says what happened and what to
 * do; null for an approved start (the start rules and the sign-in are checked next). A lapse not
 * yet closed is not told here: close it with `lapseOf`'s words first, then read the record again.
 *
 * Codes: a start still waiting is `APPROVAL_REQUIRED`; one that ended, withdrawn, revoked or
 * lapsed is `SESSION_EXPIRED` (it is over, start a new one); one a manager denied, one closed
 * because it no longer held, and a second collect of a token issued already are `FORBIDDEN`.
 */
export function collectRefusal(record: CollectRecord): StartRefusal | null {
  const session = `session ${record.id}`;
  switch (record.status) {
    case 'approved':
      return null;
    case 'pending_approval': {
      const lapses = record.approval ? ` (a request nobody decides within ${minutesBetween(record.approval.createdAt, record.approval.expiresAt)} minutes lapses)` : '';
      return { code: 'APPROVAL_REQUIRED', why: `No manager has decided ${session} yet: collect it once one approves it${lapses}.` };
    }
    case 'active': {
      const ranOut = ranOutBy(record);
      if (ranOut) return endedAfterCollect(record, ranOut);
      return {
        code: 'FORBIDDEN',
        why: `You collected the token of ${session} already, and a session's token is issued once: send the one you collected, or end the session and start a new one if you lost it.`,
      };
    }
    case 'ended':
      return record.startedAt ? endedAfterCollect(record, howItEnded(record)) : endedBeforeStart(record);
    case 'refused':
      return refusedBeforeStart(record);
  }
}

/** An active session past one of its limits, not yet closed by the sweeper: how it ran out. */
function ranOutBy(record: CollectRecord): string | null {
  if (before(record.expiresAt, record.readAt)) return `it reached its ${record.minutes}-minute limit`;
  if (before(record.idleExpiresAt, record.readAt)) return 'it closed after being idle';
  return null;
}

function howItEnded(record: CollectRecord): string {
  const note = record.closedBecause ? ` (${record.closedBecause})` : '';
  switch (record.endReason) {
    case 'ended':
      return 'you ended it';
    case 'idle_timeout':
      return 'it closed after being idle';
    case 'expired':
      return `it reached its ${record.minutes}-minute limit`;
    case 'revoked':
      return `${record.endedByName ?? 'a manager'} revoked it${record.closedBecause ? `: "${record.closedBecause}"` : ''}`;
    case 'role_lost':
      return 'you no longer hold a role that may impersonate';
    case 'target_changed':
      return `the customer's account changed${note}`;
    case null:
      return `it was closed${note}`;
  }
}

function endedAfterCollect(record: CollectRecord, how: string): StartRefusal {
  return {
    code: 'SESSION_EXPIRED',
    why: `You collected session ${record.id} already, and it has ended: ${how}. Its token no longer works; start a new session if you still need one.`,
  };
}

function endedBeforeStart(record: CollectRecord): StartRefusal {
  const what =
    record.endReason === 'ended'
      ? `You withdrew session ${record.id} before it started, by ending it`
      : record.endReason === 'revoked'
        ? `${record.endedByName ?? 'A manager'} revoked session ${record.id} before it started${record.closedBecause ? `: "${record.closedBecause}"` : ''}`
        : `Session ${record.id} ended before it started: ${howItEnded(record)}`;
  return { code: 'SESSION_EXPIRED', why: `${what}. There is no token to collect; start a new session if you still need one.` };
}

function refusedBeforeStart(record: CollectRecord): StartRefusal {
  const { approval } = record;
  const session = `session ${record.id}`;
  if (approval?.status === 'denied') {
    const manager = approval.deciderName ?? 'A manager';
    return {
      code: 'FORBIDDEN',
      why: approval.note
        ? `${manager} denied ${session}: "${approval.note}". It will not start; if the customer still needs help, start a new session that answers this.`
        : `${manager} denied ${session} without a note. It will not start; ask them why before starting again.`,
    };
  }
  if (approval?.status === 'expired' && approval.decidedAt === null && before(approval.expiresAt, record.endedAt)) {
    return {
      code: 'SESSION_EXPIRED',
      why: `Session ${record.id} lapsed: no manager decided it within ${minutesBetween(approval.createdAt, approval.expiresAt)} minutes. Start a new session if you still need one.`,
    };
  }
  if (approval?.status === 'expired' && approval.decidedAt !== null && approval.grantExpiresAt !== null && before(approval.grantExpiresAt, record.endedAt)) {
    return {
      code: 'SESSION_EXPIRED',
      why: `Session ${record.id} lapsed: ${approval.deciderName ?? 'a manager'} approved it, but its token was not collected within the ${minutesBetween(approval.decidedAt, approval.grantExpiresAt)} minutes an approval holds. Start a new session if you still need one; a manager approves it again.`,
    };
  }
  const because = record.closedBecause ? ` because ${record.closedBecause.replace(/\.$/, '')}` : '';
  return {
    code: 'FORBIDDEN',
    why: `Session ${record.id} was closed before it started${because}. There is no token to collect; start a new session only if the rules now allow it.`,
  };
}

/**
 * Collecting keeps the start's step-up rule: the token goes to someone who signed in within the
 * last `maxAgeMinutes`. Coded `UNAUTHENTICATED`, as the start's refusal is: what is missing is a
 * recent authentication, and signing in again is the whole remedy (the answer OAuth's step-up
 * challenge gives, RFC 9470). `FORBIDDEN` would tell a console the agent may not collect, which
 * is false, and would count towards the repeated-denials alert, which a slow collect is not.
 */
export function staleSignInRefusal(record: CollectRecord, signedInAt: Date, now: Date, maxAgeMinutes: number): StartRefusal | null {
  const age = (now.getTime() - signedInAt.getTime()) / 60_000;
  if (age <= maxAgeMinutes) return null;
  const deadline = record.approval?.grantExpiresAt ?? null;
  const left = deadline ? Math.floor((deadline.getTime() - record.readAt.getTime()) / 60_000) : null;
  const inTime = left === null ? '' : left >= 1 ? ` within ${left} minute${left === 1 ? '' : 's'}, before its approval lapses` : ' within the minute, before its approval lapses';
  return {
    code: 'UNAUTHENTICATED',
    why: `Your sign-in is older than ${maxAgeMinutes} minutes (you signed in ${Math.floor(age)} minutes ago): sign in again, then collect session ${record.id}${inTime}.`,
  };
}
