import { t, tn } from '../i18n/index';
import { daysBetween } from './dates';
import type { SelfDb } from './db';
import type { RequestRecord } from './schemas';

export class RequestLogError extends Error {
  override name = 'RequestLogError';
}

export type NewRequest = Omit<RequestRecord, 'id' | 'answeredAt'>;

export type RequestStatus = 'answered' | 'overdue' | 'due-soon' | 'waiting';

/** Within this many days of the deadline a request is "due soon". */
export const DUE_SOON_DAYS = 7;

/**
 * Where a request stands on `today`. A reply is overdue the day after the due date: the company has the whole due day.
 */
export function requestStatus(r: RequestRecord, today: string): RequestStatus {
  if (r.answeredAt !== undefined) return 'answered';
  const left = daysBetween(today, r.dueAt);
  if (left < 0) return 'overdue';
  if (left <= DUE_SOON_DAYS) return 'due-soon';
  return 'waiting';
}

const STATUS_ORDER: Record<RequestStatus, number> = { overdue: 0, 'due-soon': 1, waiting: 2, answered: 3 };

/** Every request: overdue first, then by due date; answered ones last, newest first. */
export async function listRequests(db: SelfDb, today: string): Promise<RequestRecord[]> {
  const all = await db.requests.toArray();
  return all.sort((a, b) => {
    const s = STATUS_ORDER[requestStatus(a, today)] - STATUS_ORDER[requestStatus(b, today)];
    if (s !== 0) return s;
    if (a.answeredAt !== undefined && b.answeredAt !== undefined)
      return b.answeredAt.localeCompare(a.answeredAt);
    return a.dueAt.localeCompare(b.dueAt) || a.company.localeCompare(b.company);
  });
}

/** Unanswered requests whose due date has passed on `today` (YYYY-MM-DD), oldest deadline first. */
export async function overdueRequests(db: SelfDb, today: string): Promise<RequestRecord[]> {
  // The index bounds the scan to past deadlines; answered ones are filtered here (not indexed: few records).
  const past = await db.requests.where('dueAt').below(today).toArray();
  return past.filter((r) => r.answeredAt === undefined).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/**
 * What the toolbar icon shows for overdue replies when no verdict is on screen: a count and a tooltip. Null when
 * nothing is overdue. For the background: `reminderBadge(await overdueRequests(db, localIsoDate(new Date())))`.
 */
export function reminderBadge(
  overdue: readonly RequestRecord[],
): { text: string; colour: string; title: string; note: string } | null {
  if (overdue.length === 0) return null;
  const first = overdue
    .slice(0, 3)
    .map((r) => r.company)
    .join(', ');
  const names = overdue.length > 3 ? t('mydata_names_more', first, overdue.length - 3) : first;
  return {
    text: overdue.length > 9 ? '9+' : String(overdue.length),
    colour: '#b54708',
    // In the language the background last set (the settings' language).
    title: tn('mydata_reminder_title', overdue.length, names),
    // The short form a tab's verdict tooltip carries along (see lib/background/toolbar.ts).
    note: tn('mydata_reminder_note', overdue.length, names),
  };
}
