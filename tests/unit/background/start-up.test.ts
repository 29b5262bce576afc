import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstAnswer } from '@/lib/background/start-up';

describe('afterFirstAnswer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the first answer, then runs the work once, outside the answer itself', () => {
    const work = vi.fn();
    const startUp = afterFirstAnswer(work, 1000);
    vi.advanceTimersByTime(300);
    expect(work).not.toHaveBeenCalled();
    startUp.answered();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(work).toHaveBeenCalledTimes(1);
    startUp.answered();
    vi.advanceTimersByTime(5000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs the work after latestMs when no message comes', () => {
    const work = vi.fn();
    afterFirstAnswer(work, 1000);
    vi.advanceTimersByTime(999);
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(work).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(work).toHaveBeenCalledTimes(1);
  });
});
