import { formatList, t, tn } from '../i18n';

/** The scan's outcome in words a rep can act on; the browser's own message is kept for support. */
export function describeScan(result: {
  injected: boolean;
  error?: string;
  summary?: { emails: number; phones: number; mine: string[] };
  /** Present when the page was not marked (side-panel-only mode): the finds are listed instead. */
  list?: unknown;
}): string {
  if (result.injected) {
    const s = result.summary;
    if (!s) return t('popup_scan_done_nothing');
    const emails = tn('popup_scan_emails', s.emails);
    const phones = tn('popup_scan_phones', s.phones);
    const found = t(result.list ? 'popup_scan_done_listed' : 'popup_scan_done_marked', emails, phones);
    return s.mine.length > 0 ? `${found} ${t('popup_scan_yours_among', formatList(s.mine))}` : found;
  }
  const raw = result.error ?? t('popup_scan_unknown_error');
  if (/permission|Cannot access/i.test(raw)) return t('popup_scan_no_permission', raw);
  if (/chrome:\/\/|extensions gallery|cannot be scripted/i.test(raw))
    return t('popup_scan_browser_page', raw);
  return t('popup_scan_failed', raw);
}
