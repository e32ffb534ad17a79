import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Checks every `everyMs` until `check` holds; fails after `timeoutMs`. Bounded in tries and time.
 * The bound is generous on purpose: it costs nothing when the check passes at once, and a
 * loaded machine (CI, a parallel suite) can take seconds for what usually takes milliseconds.
 */
export async function waitUntil(
  check: () => boolean | Promise<boolean>,
  { timeoutMs = 20_000, everyMs = 20 }: { timeoutMs?: number; everyMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const tries = Math.ceil(timeoutMs / everyMs) + 1;
  for (let i = 0; i < tries && Date.now() <= deadline; i++) {
    if (await check()) return;
    await sleep(everyMs);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
