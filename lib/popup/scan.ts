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
    if (!s) return 'Scanned. If the page names a person, the verdict appears here.';
    const where = result.list
      ? 'found on the page (listed below; the page is left unmarked)'
      : 'marked on the page';
    const found = `${s.emails} email ${s.emails === 1 ? 'address' : 'addresses'} and ${s.phones} phone ${s.phones === 1 ? 'number' : 'numbers'} ${where}`;
    const mine = s.mine.length > 0 ? ` Yours among them: ${s.mine.join(', ')}.` : '';
    return `Scanned: ${found}.${mine}`;
  }
  const raw = result.error ?? 'unknown error';
  if (/permission|Cannot access/i.test(raw)) {
    return `Heed may not read this page yet: open Heed from its toolbar button while on the page (that lets it read the page once), or allow the site in the options. (${raw})`;
  }
  if (/chrome:\/\/|extensions gallery|cannot be scripted/i.test(raw))
    return `Browser pages cannot be scanned. (${raw})`;
  return `Could not scan this page: ${raw}`;
}
