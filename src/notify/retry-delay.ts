export interface BackoffOptions {
  /** The wait after the first failed attempt; each further failure doubles it. @default 1000 */
  initialMs?: number;
  /** The longest wait between attempts. Retries never stop, they only stop speeding up. @default 300000 */
  maxMs?: number;
  /**
   * The share of each wait that is random (0 to 1), so messages that failed together do not all
   * retry in the same instant. @default 0.5
   */
  jitter?: number;
}

/**
 * How long to wait after `attempts` failed attempts: 1 s, 2 s, 4 s … up to 5 minutes by default,
 * each shortened by up to `jitter` of itself. A receiver's `Retry-After` (Slack sends one with
 * 429) wins when it asks for longer, within the same cap.
 */
export function retryDelayMs(
  attempts: number,
  options: BackoffOptions = {},
  retryAfterMs = 0,
  random: () => number = Math.random,
): number {
  const { initialMs = 1000, maxMs = 300_000, jitter = 0.5 } = options;
  const exponential = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential * (1 - jitter * random()));
  return Math.max(jittered, Math.min(retryAfterMs, maxMs));
}
