import { describe, expect, it } from 'vitest';
import { addBusinessDays, addDays, addMonths, daysBetween, localIsoDate, longDate } from '@/lib/mydata/dates';

describe('addMonths (one month under Art. 12(3))', () => {
  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-01-15', '2026-02-15'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-12-15', '2027-01-15'],
    ['2026-02-28', '2026-03-28'],
  ])('%s + 1 month = %s', (from, to) => {
    expect(addMonths(from, 1)).toBe(to);
  });

  it('adds three months (the extended period) and goes back too', () => {
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('refuses what is not a calendar date', () => {
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addMonths('31/01/2026', 1)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 45)).toBe('2026-03-17');
    expect(addDays('2026-12-20', 45)).toBe('2027-02-03');
  });

  it('counts business days Monday to Friday', () => {
    // 2026-01-02 is a Friday: 15 business days later is Friday 2026-01-23.
    expect(addBusinessDays('2026-01-02', 15)).toBe('2026-01-23');
    // From a Saturday, the first business day is Monday.
    expect(addBusinessDays('2026-01-03', 1)).toBe('2026-01-05');
  });

  it('measures days between dates, negative backwards', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    // Across the European DST change (29 March 2026) a day is still a day.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('writes dates in words', () => {
    expect(longDate('2026-02-28')).toBe('28 February 2026');
  });

  it("takes the user's own calendar day, not UTC's", () => {
    expect(localIsoDate(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
    expect(localIsoDate(new Date(2026, 1, 1, 0, 1))).toBe('2026-02-01');
  });
});
