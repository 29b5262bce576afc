// Calendar arithmetic on ISO dates ('2026-01-31'), in UTC so a time zone or a DST change cannot shift a day.
import type { Lang } from '../i18n/define';
import { IsoDateSchema } from './schemas';

function parts(iso: string): [number, number, number] {
  const parsed = IsoDateSchema.safeParse(iso);
  if (!parsed.success) throw new RangeError(`not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function fromUtc(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** The user's calendar day for `now`, in their own time zone: what they would write at the top of a letter. */
export function localIsoDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/**
 * The same day `n` months later, or the last day of that month when it has no such day (31 January → 28 February).
 * This is how a period "of one month" runs under Regulation 1182/71 Art. 3(2)(c), and what the ICO and the EDPB
 * guidelines on the right of access describe.
 */
export function addMonths(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month1 = (index % 12) + 1;
  return fromUtc(Date.UTC(year, month1 - 1, Math.min(d, daysInMonth(year, month1))));
}

export function addDays(iso: string, n: number): string {
  const [y, m, d] = parts(iso);
  return fromUtc(Date.UTC(y, m - 1, d + n));
}

/** `n` days later counting Monday to Friday only. Public holidays are not known, so the date can be a day or two early. */
export function addBusinessDays(iso: string, n: number): string {
  let day = iso;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * '31 January 2026': unambiguous on both sides of the Atlantic, unlike 01/02/2026. In German and French the
 * language's own long date ('31. Januar 2026', '31 janvier 2026'), read in UTC so the day never shifts.
 */
export function longDate(iso: string, lang: Lang = 'en'): string {
  const [y, m, d] = parts(iso);
  if (lang === 'en') return `${d} ${MONTHS[m - 1]} ${y}`;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}
