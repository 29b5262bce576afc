import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUDGET_MS_PER_S, BURST_MS, MAX_WAIT_MS, pacedSync } from '@/lib/compose/paced-sync';

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

/** The page changes every 16 ms for `ms`. */
function busy(paced: { schedule(): void }, ms: number) {
  for (let t = 0; t < ms; t += 16) {
    paced.schedule();
    vi.advanceTimersByTime(16);
  }
}

describe('pacedSync (the send check on a page that keeps changing)', () => {
  it('syncs at once after a change, and once for a burst of changes in one task', () => {
    const { calls, paced } = costly(0);
    paced.schedule();
    paced.schedule();
    paced.schedule();
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(calls).toHaveLength(1);
  });

  it('on a calm page follows each change at once: recipients added one after another are each seen', () => {
    const { calls, paced } = costly(1);
    for (let i = 0; i < 5; i++) {
      paced.schedule();
      vi.advanceTimersByTime(0);
      expect(calls).toHaveLength(i + 1);
      vi.advanceTimersByTime(300); // the rep types the next address
    }
  });

  it('holds a page that never stops changing to the budget once its credit is spent', () => {
    const { calls, paced } = costly(0.1); // what the send check's sync costs on a page without a compose box
    busy(paced, 10_000); // spends the credit
    const before = calls.length;
    const start = Date.now();
    busy(paced, 60_000);
    const spentMs = (calls.length - before) * 0.1;
    const seconds = (Date.now() - start) / 1000;
    expect(spentMs / seconds).toBeLessThanOrEqual(BUDGET_MS_PER_S * 1.05);
    // …and still syncs regularly: never further apart than the longest wait.
    const gaps = calls.slice(before + 1).map((t, i) => t - (calls[before + i] ?? t));
    expect(gaps.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_WAIT_MS + 16 + 1);
  });

  it('never keeps a change waiting longer than MAX_WAIT_MS, however costly the sync', () => {
    const { calls, paced } = costly(5);
    busy(paced, 20_000);
    const gaps = calls.slice(1).map((t, i) => t - (calls[i] ?? t));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(MAX_WAIT_MS + 16 + 5);
  });

  it('a page that calms down gets its credit back', () => {
    const { calls, paced } = costly(1);
    busy(paced, 10_000);
    vi.advanceTimersByTime((BURST_MS / BUDGET_MS_PER_S) * 1000); // quiet long enough to refill
    const before = calls.length;
    for (let i = 0; i < 5; i++) {
      paced.schedule();
      vi.advanceTimersByTime(0);
    }
    expect(calls.length - before).toBe(5);
  });

  it('a send catches up with a change that is still waiting, at once', () => {
    const { calls, paced } = costly(1);
    busy(paced, 10_000);
    paced.schedule(); // a recipient chip appears while the paced sync is not due yet
    const n = calls.length;
    paced.flush(); // the rep presses Send
    expect(calls).toHaveLength(n + 1);
    // The timer it replaced does not sync a second time.
    vi.advanceTimersByTime(5000);
    expect(calls).toHaveLength(n + 1);
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
