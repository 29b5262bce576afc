import { type PageKey, pageDate, pt } from '../i18n/page';
import type { OptOutReason } from './phrases';

/** `day` (YYYY-MM-DD) plus `n` business days (Saturdays and Sundays skipped; public holidays are not known here). */
export function addBusinessDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Translates a page message: `pt` on a page; an extension page may pass its own `t`. */
export type Translate = (key: PageKey, ...subs: (string | number)[]) => string;

/** The lines a rep reads before recording: what the law gives them to honour the request. */
export function deadlineLines(since: string, reason: OptOutReason, tr: Translate = pt): string[] {
  return [
    tr('page_reply_us_deadline', pageDate(addBusinessDays(since, 10))),
    tr(reason === 'objection' ? 'page_reply_eu_objection' : 'page_reply_eu_stop'),
  ];
}

/** "Objected to marketing" / "Unsubscribed", in the page's language. */
export function reasonLabel(reason: OptOutReason, tr: Translate = pt): string {
  return tr(reason === 'objection' ? 'page_reply_objection' : 'page_reply_unsubscribe');
}
