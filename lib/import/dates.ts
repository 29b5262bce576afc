// Dates as CRM and mail tools write them. Mailchimp writes "2026-03-10 09:10:00", HubSpot and Salesforce
// write the user's locale ("03/10/2026" in the US, "10/03/2026" or "10.03.2026" in Europe) and Excel keeps
// a serial day number when a date cell is saved as a number. A day/month order that the values cannot
// settle is the user's choice: guessing it would record the wrong opt-out date for every row.

/** Which number comes first in a slashed or dotted date. */
export type DateOrder = 'dmy' | 'mdy';

/** Serial 1 is 1900-01-01 in Excel's 1900 system; 1899-12-30 as day 0 absorbs its phantom 1900-02-29. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
// Serials from 1950 to 2100: a plain 5-digit number outside this range is not a date worth guessing.
const EXCEL_MIN = 18_264;
const EXCEL_MAX = 73_051;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[AaPp][Mm])?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const NAMED_DMY = new RegExp(String.raw`^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{4})${TIME}$`);
const NAMED_MDY = new RegExp(String.raw`^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})${TIME}$`);
const SERIAL = /^(\d{5})(?:\.\d+)?$/;

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null; // 31 April and the like
  return t.toISOString().slice(0, 10);
}

function month(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? 0 : i + 1;
}

/** What a date cell says about the day/month order: only a first or second number above 12 tells. */
export function dateOrderHint(cell: string): DateOrder | 'either' | null {
  const m = NUMERIC.exec(cell.trim());
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return a <= 12 && b <= 12 ? 'either' : null;
}

export interface DateOrderGuess {
  /** The order the values prove, or null when none of them has a number above 12 (then ask). */
  order: DateOrder | null;
  /** Whether any value was in the day/month form at all. */
  numeric: boolean;
  /** Values in both orders (a mixed or broken column). */
  conflicting: boolean;
}

export function guessDateOrder(cells: readonly string[]): DateOrderGuess {
  let dmy = 0;
  let mdy = 0;
  let numeric = false;
  for (const c of cells) {
    const h = dateOrderHint(c);
    if (h === null) continue;
    numeric = true;
    if (h === 'dmy') dmy++;
    if (h === 'mdy') mdy++;
  }
  return {
    order: dmy > 0 && mdy === 0 ? 'dmy' : mdy > 0 && dmy === 0 ? 'mdy' : null,
    numeric,
    conflicting: dmy > 0 && mdy > 0,
  };
}

/**
 * The calendar date of a cell, as YYYY-MM-DD, or null when it is not a date this reader knows. A
 * day/month date whose order the numbers do not settle uses `order`; without one it is unreadable.
 */
export function readDate(cell: string, order?: DateOrder): string | null {
  const s = cell.trim();
  if (s === '') return null;
  let m = ISO.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const hint = dateOrderHint(s);
    const use = hint === 'dmy' || hint === 'mdy' ? hint : order;
    if (use === undefined) return null;
    return use === 'dmy' ? iso(y, b, a) : iso(y, a, b);
  }
  m = NAMED_DMY.exec(s);
  if (m) return iso(Number(m[3]), month(m[2] as string), Number(m[1]));
  m = NAMED_MDY.exec(s);
  if (m) return iso(Number(m[3]), month(m[1] as string), Number(m[2]));
  m = SERIAL.exec(s);
  if (m) {
    const n = Number(s);
    if (n < EXCEL_MIN || n > EXCEL_MAX) return null;
    return new Date(EXCEL_EPOCH_MS + Math.floor(n) * DAY_MS).toISOString().slice(0, 10);
  }
  return null;
}
