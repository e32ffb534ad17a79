import type { SessionMode } from '../db/tables/impersonation-session.js';
import { says, type EffectText } from '../policy/plugin/effect-text.js';

/**
 * What approving a session start allows: how long, whether anything may change in it, and why
 * it waits for a manager ("the user is the account's owner").
 */
export function describeSessionStart(start: { mode: SessionMode; minutes: number; why: readonly string[] }): EffectText {
  const session =
    start.mode === 'read_only'
      ? says`open a read-only session of ${start.minutes} minutes`
      : says`open a read-write session of ${start.minutes} minutes, in which routine changes run and each risky one needs its own approval`;
  return says`${session} (approval needed: ${start.why.join('; ')})`;
}
