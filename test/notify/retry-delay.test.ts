import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/notify/retry-delay.js';

const noJitter = () => 0;
const fullJitter = () => 1;

describe('retries back off exponentially, capped, with jitter', () => {
  it('doubles from one second to a five-minute cap', () => {
    const delays = [1, 2, 3, 4, 9, 10, 50, 5000].map((attempts) => retryDelayMs(attempts, {}, 0, noJitter));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 256_000, 300_000, 300_000, 300_000]);
  });

  it('shortens each wait by at most the jitter share', () => {
    expect(retryDelayMs(3, { jitter: 0.5 }, 0, fullJitter)).toBe(2000);
    expect(retryDelayMs(3, { jitter: 0 }, 0, fullJitter)).toBe(4000);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(3);
      expect(delay).toBeGreaterThanOrEqual(2000);
      expect(delay).toBeLessThanOrEqual(4000);
    }
  });

  it("waits as long as the receiver's Retry-After asks, within the cap", () => {
    expect(retryDelayMs(1, {}, 30_000, noJitter)).toBe(30_000);
    expect(retryDelayMs(1, {}, 3_600_000, noJitter)).toBe(300_000);
    expect(retryDelayMs(5, {}, 1000, noJitter)).toBe(16_000);
  });
});
