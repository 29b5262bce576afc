import { createMarker } from '../badge/marker';
import type { ScanAnswer, ScanSummary } from '../messaging/types';

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
 * Marks every visible address on the page with its level, and the user's own numbers as theirs. Running it again
 * (a second click on "Scan this page") replaces the markers rather than adding more.
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
  const byEmail = new Map(answer.emails.map((v) => [v.email, v]));
  const markers: HTMLElement[] = [];
  for (const { email, element } of emails) {
    const v = byEmail.get(email);
    if (!v || !element.isConnected) continue;
    const marker = createMarker(doc, {
      value: email,
      level: v.level,
      summary: v.summary,
      ...(v.mine ? { mine: true } : {}),
    });
    place(element, marker);
    markers.push(marker);
  }
  const myPhones = new Set(answer.myPhones);
  for (const { phone, element } of phones) {
    if (!myPhones.has(phone) || !element.isConnected) continue;
    const marker = createMarker(doc, { value: phone, level: 'unknown', summary: '', mine: true });
    place(element, marker);
    markers.push(marker);
  }
  const mine = [...answer.emails.filter((v) => v.mine).map((v) => v.email), ...answer.myPhones];
  return { markers, summary: { emails: emails.length, phones: phones.length, mine } };
}
