import type { Badge, BadgeView } from '../badge/badge';
import { createMarker } from '../badge/marker';
import type { PagePerson } from '../extract/types';
import type { BadgeAnswer, MarkVerdict, RecordAction, ScanAnswer, TabPerson } from '../messaging/types';

export interface AnnotatorDeps {
  doc: Document;
  url(): string;
  extract(doc: Document, url: string): PagePerson | null;
  /** Tells the background who is on the page (or nobody) and gets the verdict back. */
  send(person: TabPerson | null): Promise<BadgeAnswer | null>;
  /** Absent in side-panel-only mode: the page then gets no badge, and nothing else from Heed. */
  createBadge?: (doc: Document, onRecord: (action: RecordAction) => void) => Badge;
  openRecord(action: RecordAction): void;
  /**
   * Looks up the addresses and numbers of an open contact-info overlay, each one a rate-limit token (the scan's
   * message). Absent in side-panel-only mode: no marker either.
   */
  mark?: (emails: string[], phones: string[]) => Promise<ScanAnswer>;
}

export function toTabPerson(p: PagePerson): TabPerson {
  return {
    identifiers: {
      emails: p.emails.slice(0, 20),
      profileUrls: p.profileUrl ? [p.profileUrl] : [],
      salesNavUrls: p.salesNavUrl ? [p.salesNavUrl] : [],
      phones: p.phones.slice(0, 10),
    },
    hints: {
      source: p.source,
      ...(p.country ? { country: p.country } : {}),
      ...(p.name ? { name: p.name.slice(0, 200) } : {}),
      ...(p.birthday ? { birthday: p.birthday.slice(0, 40) } : {}),
      ...(p.contactVisibility ? { contactVisibility: p.contactVisibility } : {}),
      ...(p.employer ? { employer: p.employer.slice(0, 200) } : {}),
    },
  };
}

/**
 * Keeps one badge in step with the person the page shows. `sync()` is cheap when nothing changed, so it can run
 * after every batch of DOM mutations; a changed person (SPA navigation, the contact-info overlay adding an email,
 * a name swapped after load) gets a fresh look-up, and answers to older look-ups are dropped.
 */
export class Annotator {
  private badge: Badge | null = null;
  private key = '';
  private generation = 0;
  private lastView: BadgeView = { state: 'pending' };
  /** The overlay's markers, and the elements they were placed for. */
  private markers: HTMLElement[] = [];
  private marked: Element[] = [];
  private markGen = 0;

  constructor(private readonly deps: AnnotatorDeps) {}

  sync(force = false): void {
    const { doc } = this.deps;
    const url = this.deps.url();
    const person = this.deps.extract(doc, url);
    const tabPerson = person ? toTabPerson(person) : null;
    this.markOverlay(person?.overlay);
    const key = JSON.stringify([tabPerson]);
    if (!person || !tabPerson) {
      this.removeBadge();
      this.lastView = { state: 'pending' };
      if (force || key !== this.key) {
        this.key = key;
        this.generation++;
        void this.deps.send(null).catch(() => undefined);
      }
      return;
    }
    const anchor = this.deps.createBadge ? person.anchor : null;
    if (anchor && this.deps.createBadge && (!this.badge || this.badge.host.parentNode !== anchor)) {
      this.badge ??= this.deps.createBadge(doc, (action) => this.deps.openRecord(action));
      anchor.append(this.badge.host);
      this.badge.update(this.lastView);
    } else if (!anchor) {
      this.removeBadge();
    }
    if (!force && key === this.key) return;
    this.key = key;
    const generation = ++this.generation;
    this.show({ state: 'pending' });
    this.deps.send(tabPerson).then(
      (answer) => {
        if (generation !== this.generation) return;
        this.show(answer ? { state: 'answer', answer } : { state: 'error', message: 'no answer' });
      },
      (err: unknown) => {
        if (generation !== this.generation) return;
        this.show({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
  }

  /** Forget the last answer and ask again (the user recorded something in the popup or options). */
  refresh(): void {
    this.sync(true);
  }

  destroy(): void {
    this.generation++;
    this.removeBadge();
    this.markOverlay(undefined);
  }

  /**
   * A marker next to each address and number of the open contact-info overlay (issue 20, item 4): the scan's
   * marker, so every one has the same bare host and nothing says which is the user's own. Asked again only when
   * the overlay shows other elements (opened, closed, re-rendered), never on every mutation: each look-up costs.
   */
  private markOverlay(overlay: PagePerson['overlay']): void {
    const emails = overlay?.emails ?? [];
    const phones = overlay?.phones ?? [];
    const els = [...emails, ...phones].map((f) => f.element);
    const marked = this.marked;
    if (
      els.length === marked.length &&
      els.every((e, i) => e === marked[i]) &&
      this.markers.every((m) => m.isConnected)
    )
      return;
    this.marked = els;
    const generation = ++this.markGen;
    for (const m of this.markers.splice(0)) m.remove();
    const { mark, doc } = this.deps;
    if (!mark || els.length === 0) return;
    const put = (value: string, element: Element, v?: MarkVerdict) => {
      // A missing verdict (a malformed answer) still gets a marker, so the count never depends on the answer.
      const marker = createMarker(doc, { value, level: 'unknown', summary: '', ...v });
      // After a link, outside it, so the marker is not part of the link's text or click target.
      if (element.tagName === 'A') element.after(marker);
      else element.append(marker);
      this.markers.push(marker);
    };
    mark(
      emails.map((f) => f.email),
      phones.map((f) => f.phone),
    ).then((a) => {
      if (generation !== this.markGen) return;
      for (const [i, f] of emails.entries()) put(f.email, f.element, a.emails[i]);
      for (const [i, f] of phones.entries()) put(f.phone, f.element, a.phones[i]);
    }, Boolean);
  }

  private show(view: BadgeView): void {
    this.lastView = view;
    this.badge?.update(view);
  }

  private removeBadge(): void {
    this.badge?.remove();
    this.badge = null;
  }
}
