import type { ReplyOptOut } from '../messaging/types';
import type { OfferElement } from './offer';
import { detectOptOut, type Phrase } from './phrases';
import type { ReplyMessage } from './read';

export interface ReplyScannerDeps {
  doc: Document;
  url(): string;
  read(doc: Document, url: string): ReplyMessage[];
  createOffer(
    doc: Document,
    offer: ReplyOptOut,
    phrase: Phrase,
    onRecord: (o: ReplyOptOut) => void,
  ): OfferElement;
  /** Asks the background to open the popup's form, prefilled; the content script never writes. */
  openRecord(offer: ReplyOptOut): void;
}

interface Placed {
  offer: OfferElement;
  /** Who, when and which phrase: a re-rendered message with the same words keeps its offer. */
  key: string;
}

/**
 * Puts an offer after each message from the other person that asks to opt out. The text is read in this
 * content script, checked against the curated phrases and dropped; only the sender, the day and the phrase id
 * ever leave it, and only when the rep clicks.
 */
export class ReplyScanner {
  private readonly placed = new Map<Element, Placed>();

  constructor(private readonly deps: ReplyScannerDeps) {}

  sync(): void {
    const { doc } = this.deps;
    const live = new Set<Element>();
    for (const m of this.deps.read(doc, this.deps.url())) {
      const phrase = detectOptOut(m.text);
      if (!phrase) continue;
      const offer: ReplyOptOut = {
        sender: m.sender,
        since: m.date,
        phraseId: phrase.id,
        reason: phrase.reason,
      };
      const key = JSON.stringify(offer);
      live.add(m.container);
      let p = this.placed.get(m.container);
      if (p && p.key !== key) {
        p.offer.remove();
        p = undefined;
      }
      if (!p) {
        p = { offer: this.deps.createOffer(doc, offer, phrase, (o) => this.deps.openRecord(o)), key };
        this.placed.set(m.container, p);
      }
      if (p.offer.host.previousSibling !== m.anchor) m.anchor.after(p.offer.host);
    }
    for (const [container, p] of this.placed) {
      if (live.has(container)) continue;
      p.offer.remove();
      this.placed.delete(container);
    }
  }

  destroy(): void {
    for (const p of this.placed.values()) p.offer.remove();
    this.placed.clear();
  }
}
