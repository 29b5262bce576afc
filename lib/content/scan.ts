import { createMarker } from '../badge/marker';
import type { EmailVerdict } from '../messaging/types';

export interface ScanDeps {
  find(doc: Document): { email: string; element: Element }[];
  lookup(emails: string[]): Promise<EmailVerdict[]>;
}

/**
 * Marks every visible address on the page with its level. Running it again (a second click on "Scan this page")
 * replaces the markers rather than adding more. Returns how many addresses were marked.
 */
export async function scanPage(doc: Document, deps: ScanDeps, previous: HTMLElement[] = []): Promise<HTMLElement[]> {
  for (const m of previous) m.remove();
  const found = deps.find(doc);
  if (found.length === 0) return [];
  const verdicts = await deps.lookup(found.map((f) => f.email));
  const byEmail = new Map(verdicts.map((v) => [v.email, v]));
  const markers: HTMLElement[] = [];
  for (const { email, element } of found) {
    const verdict = byEmail.get(email);
    if (!verdict || !element.isConnected) continue;
    const marker = createMarker(doc, verdict);
    // After a link, outside it, so the marker is not part of the link's text or click target.
    if (element.tagName === 'A') element.after(marker);
    else element.append(marker);
    markers.push(marker);
  }
  return markers;
}
