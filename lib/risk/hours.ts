// Local time for calling-hours rules. Only runs when `now` carries a time. The recipient's clock comes from
// the IANA `timeZone` (through Intl: no library, no network), else from the offset written in `now` (none: UTC). Nothing here reads the clock or zone of the machine running Heed.

const DAY_MS = 86_400_000;

export interface LocalClock {
  /** Days since 1970-01-01 of the recipient's local date. */
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number;
  /** Minutes since local midnight. */
  readonly minute: number;
  /** The zone as shown to the rep: an IANA name, or an offset such as -05:00. */
  readonly zone: string;
  /** Local wall time → its UTC offset in minutes (for writing the next permitted time). */
  readonly offsetAt: (day: number, minute: number) => number | undefined;
}

const OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(4, 6)));
}

function wallOf(iso: string): { day: number; minute: number } {
  const day = Math.round(
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS,
  );
  return { day, minute: Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16)) };
}

// Building an Intl.DateTimeFormat costs far more than using one, and an assessment asks for a zone's offset
// several times (now, each deadline, across DST): one formatter per zone, kept for the life of the page.
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter that names `timeZone`'s UTC offset; throws a RangeError for a zone the runtime does not know. */
export function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, f);
  }
  return f;
}

function zoneOffsetAt(timeZone: string, instant: number): number {
  const parts = offsetFormat(timeZone).formatToParts(instant);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  if (m === null) return 0;
  const h = Number(m[1]);
  return h * 60 + Math.sign(h || 1) * Number(m[2] ?? 0);
}

export function localClockOf(now: string, timeZone: string | undefined): LocalClock | undefined {
  if (now.length <= 10) return undefined;
  const written = wallOf(now);
  // A date-time without an offset is read as UTC, as everywhere in the engine.
  const zoneText = OFFSET.exec(now)?.[1] ?? 'Z';
  if (timeZone !== undefined) {
    const instant = (written.day * 1440 + written.minute - offsetMinutes(zoneText)) * 60_000;
    const localMinutes = instant / 60_000 + zoneOffsetAt(timeZone, instant);
    const wall = { day: Math.floor(localMinutes / 1440), minute: ((localMinutes % 1440) + 1440) % 1440 };
    return {
      ...wall,
      weekday: (((wall.day + 4) % 7) + 7) % 7,
      zone: timeZone,
      offsetAt: (day, minute) => {
        // Two passes settle the offset across a DST change.
        const guess = (day * 1440 + minute) * 60_000;
        const first = zoneOffsetAt(timeZone, guess - zoneOffsetAt(timeZone, guess) * 60_000);
        return zoneOffsetAt(timeZone, guess - first * 60_000);
      },
    };
  }
  const fixed = offsetMinutes(zoneText);
  return {
    ...written,
    weekday: (((written.day + 4) % 7) + 7) % 7,
    zone: zoneText === 'Z' ? 'UTC' : `UTC${zoneText}`,
    offsetAt: () => fixed,
  };
}

/** Permitted calling windows on a local day, as [first minute, last minute] pairs. */
export type Windows = (day: number, weekday: number) => readonly (readonly [number, number])[];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatLocal(day: number, minute: number, offset: number | undefined): string {
  const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
  const time = `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}:00`;
  if (offset === undefined) return `${date}T${time}`;
  if (offset === 0) return `${date}T${time}Z`;
  const abs = Math.abs(offset);
  return `${date}T${time}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function hhmm(minute: number): string {
  return `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
}

/** Whether the clock is inside a window; if not, the next permitted local time (within 3 weeks). */
export function checkWindows(
  clock: LocalClock,
  windows: Windows,
): { inside: true } | { inside: false; next: string | undefined } {
  for (const [from, to] of windows(clock.day, clock.weekday)) {
    if (clock.minute >= from && clock.minute <= to) return { inside: true };
  }
  for (let d = 0; d < 21; d++) {
    const day = clock.day + d;
    const weekday = (clock.weekday + d) % 7;
    const starts = windows(day, weekday)
      .map(([from]) => from)
      .filter((from) => d > 0 || from > clock.minute)
      .sort((a, b) => a - b);
    const first = starts[0];
    if (first !== undefined)
      return { inside: false, next: formatLocal(day, first, clock.offsetAt(day, first)) };
  }
  return { inside: false, next: undefined };
}

/** Easter Sunday (Gregorian, anonymous algorithm) as a day number. */
export function easterDay(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / DAY_MS);
}

function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

function fixed(day: number, dates: readonly string[]): boolean {
  const md = new Date(day * DAY_MS).toISOString().slice(5, 10);
  return dates.includes(md);
}

/** French public holidays (jours fériés, Code du travail art. L3133-1), metropolitan list. */
export function frenchHoliday(day: number): boolean {
  if (fixed(day, ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'])) return true;
  const easter = easterDay(yearOf(day));
  return day === easter + 1 || day === easter + 39 || day === easter + 50;
}

/** Australian national public holidays (no state holidays, no substitute days). */
export function australianHoliday(day: number): boolean {
  if (fixed(day, ['01-01', '01-26', '04-25', '12-25', '12-26'])) return true;
  const easter = easterDay(yearOf(day));
  return day === easter - 2 || day === easter + 1;
}
