import { createMarker } from '../badge/marker';
import type { MarkVerdict, ScanAnswer, ScanSummary } from '../messaging/types';

export interface ScanDeps {
  findEmails(doc: Document): { email: string; element: Element }[];
  findPhones(doc: Document): { phone: string; element: Element }[];
  ask(emails: string[], phones: string[]): Promise<ScanAnswer>;
}

function place(element: Element, marker: HTMLElement): void {
  // After a link, outside it, so the marker is not part of the link's text or click target.
  if (element.tagName === 'A') element.after(marker);
  else element.append(marker);
}

/**
 * Marks every visible address and number on the page with its level ("Yours" for the user's own). Every found
 * identifier gets the same bare marker host, whatever its verdict, so the markers a page's MutationObserver sees
 * say nothing about the lists or about which identifiers are the user's. Running it again (a second click on
 * "Scan this page") replaces the markers rather than adding more.
 */
export async function scanPage(
  doc: Document,
  deps: ScanDeps,
  previous: HTMLElement[] = [],
): Promise<{ markers: HTMLElement[]; summary: ScanSummary }> {
  for (const m of previous) m.remove();
  const emails = deps.findEmails(doc);
  const phones = deps.findPhones(doc);
  if (emails.length === 0 && phones.length === 0)
    return { markers: [], summary: { emails: 0, phones: 0, mine: [] } };
  const answer = await deps.ask(
    emails.map((f) => f.email),
    phones.map((p) => p.phone),
  );
  const found: { value: string; element: Element; verdict: MarkVerdict | undefined }[] = [
    ...emails.map((f, i) => ({ value: f.email, element: f.element, verdict: answer.emails[i] })),
    ...phones.map((f, i) => ({ value: f.phone, element: f.element, verdict: answer.phones[i] })),
  ];
  const markers: HTMLElement[] = [];
  const mine: string[] = [];
  for (const { value, element, verdict } of found) {
    if (!element.isConnected) continue;
    // A missing verdict (a malformed answer) still gets a marker, so the count never depends on the answer.
    const v = verdict ?? { level: 'unknown' as const, summary: '' };
    if (v.mine) mine.push(value);
    const marker = createMarker(doc, {
      value,
      level: v.level,
      summary: v.summary,
      ...(v.mine ? { mine: true } : {}),
    });
    place(element, marker);
    markers.push(marker);
  }
  return { markers, summary: { emails: emails.length, phones: phones.length, mine } };
}
