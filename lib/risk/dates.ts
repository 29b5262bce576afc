// Day arithmetic for the legal periods. Periods count calendar days as written in the input (the date part of
// a date-time, whatever its offset), so a verdict never depends on the time zone of the machine running it.

const DAY_MS = 86_400_000;
const MAX_DAY = dayNumber(9999, 12, 31);

function dayNumber(y: number, m: number, d: number): number {
  const t = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  t.setUTCFullYear(y, m - 1, d);
  return Math.round(t.getTime() / DAY_MS);
}

/** Days since 1970-01-01 of the calendar date written in an ISO date or date-time. */
export function dayOf(iso: string): number {
  return dayNumber(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

export function formatDay(day: number): string {
  // A deadline past year 9999 cannot be written as an ISO date; it is as good as never.
  return new Date(Math.min(day, MAX_DAY) * DAY_MS).toISOString().slice(0, 10);
}

function hasTime(iso: string): boolean {
  return iso.length > 10;
}

/** Milliseconds since the epoch. A date-time without an offset is read as UTC, for the same reason. */
export function instantOf(iso: string): number {
  if (!hasTime(iso)) return Date.parse(`${iso}T00:00:00Z`);
  return Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`);
}

/** Negative if a is earlier. Instants when both carry a time, otherwise calendar days. */
export function compareMoments(a: string, b: string): number {
  if (hasTime(a) && hasTime(b)) return Math.sign(instantOf(a) - instantOf(b));
  return Math.sign(dayOf(a) - dayOf(b));
}

/** Same day of the month n months later; the end of the month when that day does not exist (Jan 31 → Feb 28). */
export function addMonths(day: number, n: number): number {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m0 = d.getUTCMonth() + n;
  const ty = y + Math.floor(m0 / 12);
  const tm = (((m0 % 12) + 12) % 12) + 1;
  const last = new Date(0);
  last.setUTCFullYear(ty, tm, 0);
  return dayNumber(ty, tm, Math.min(d.getUTCDate(), last.getUTCDate()));
}

export function addYears(day: number, n: number): number {
  return addMonths(day, 12 * n);
}

/** Saturdays and Sundays skipped; public holidays are not, which only brings the date earlier. */
export function addBusinessDays(day: number, n: number): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d += 1;
    const weekday = new Date(d * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}
