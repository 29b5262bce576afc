import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserTimeZone } from '../../../lib/verdict/answer';

// Issue 18: reading the browser's zone built an Intl.DateTimeFormat per verdict, the most expensive step of an
// assessment. It is read once a minute.
afterEach(() => vi.restoreAllMocks());

describe('browserTimeZone', () => {
  it('reads the zone once a minute, not once per verdict', () => {
    const spy = vi.spyOn(Intl, 'DateTimeFormat');
    const t0 = 1_900_000_000_000;
    const zone = browserTimeZone(t0);
    expect(zone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    spy.mockClear();
    for (let i = 1; i < 100; i++) expect(browserTimeZone(t0 + i * 100)).toBe(zone);
    expect(spy).not.toHaveBeenCalled();
    // A minute later it is read again (the computer may have crossed a time zone).
    browserTimeZone(t0 + 60_000);
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
