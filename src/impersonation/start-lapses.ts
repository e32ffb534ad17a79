/**
 * How a lapse is said in the record (the closing request's audit event, and the session's
 * `closed_because`), wherever it is noticed: by the sweeper, or by the agent collecting.
 */

/** Whole minutes from `from` to `to`: how long something was given. */
export function minutesBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / 60_000);
}

/** A request nobody decided before it lapsed. */
export function undecidedLapse(createdAt: Date, expiresAt: Date): string {
  return `nobody decided it within ${minutesBetween(createdAt, expiresAt)} minutes`;
}

/** An approved start whose agent did not collect the token before the approval lapsed. */
export function uncollectedLapse(approvedAt: Date | null, approvalExpiresAt: Date | null): string {
  const within = approvedAt && approvalExpiresAt ? ` within ${minutesBetween(approvedAt, approvalExpiresAt)} minutes` : ' in time';
  return `the agent did not collect the session token${within}`;
}
