import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUDGET_MS_PER_S, MIN_GAP_MS, pacedSync } from '@/lib/compose/paced-sync';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A sync that takes `costMs` of (fake) time. */
function costly(costMs: number) {
  const calls: number[] = [];
  const sync = () => {
    calls.push(Date.now());
    vi.setSystemTime(Date.now() + costMs);
  };
  return { calls, paced: pacedSync(sync, () => Date.now()) };
}

describe('pacedSync (the send check on a page that keeps changing)', () => {
  it('syncs at once after the first change, and only once for a burst', () => {
    const { calls, paced } = costly(0);
    paced.schedule();
    paced.schedule();
    paced.schedule();
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(calls).toHaveLength(1);
  });

  it('holds a page that never stops changing to the budget', () => {
    const { calls, paced } = costly(1);
    const start = Date.now();
    // The page changes every 16 ms for ten seconds.
    for (let t = 0; t < 10_000; t += 16) {
      paced.schedule();
      vi.advanceTimersByTime(16);
    }
    const spent = calls.length * 1; // ms of syncing
    const seconds = (Date.now() - start) / 1000;
    expect(spent / seconds).toBeLessThanOrEqual(BUDGET_MS_PER_S);
    // …and still syncs regularly: never more than the longest pause apart.
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? t));
    expect(calls.length).toBeGreaterThan(3);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000 + MIN_GAP_MS + 16);
  });

  it('a send catches up with a change that is still waiting, at once', () => {
    const { calls, paced } = costly(1);
    paced.schedule();
    vi.advanceTimersByTime(0);
    expect(calls).toHaveLength(1);
    // A recipient chip appears; the paced sync is not due yet when the rep presses Send.
    paced.schedule();
    expect(calls).toHaveLength(1);
    paced.flush();
    expect(calls).toHaveLength(2);
    // The timer it replaced does not sync a second time.
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(2);
  });

  it('flush does nothing when nothing changed', () => {
    const { calls, paced } = costly(0);
    paced.flush();
    expect(calls).toHaveLength(0);
  });

  it('never syncs after it stops', () => {
    const { calls, paced } = costly(0);
    paced.schedule();
    paced.stop();
    paced.schedule();
    paced.flush();
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(0);
  });
});
