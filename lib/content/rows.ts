import type { RowPerson } from '../extract/rows';
import type { BadgeAnswer, TabPerson } from '../messaging/types';
import type { RowMarker, RowView } from './row-marker';

/** At most this many rows per message: the background's rate limit counts what a message asks for. */
export const ROW_BATCH = 50;
/** Rows looked at per page: more than a rep scrolls through, fewer than a hostile page could plant. */
export const MAX_ROWS = 500;
const RETRY_MS = 1_000;

export interface RowAnnotatorDeps {
  doc: Document;
  url(): string;
  extract(doc: Document, url: string): RowPerson[];
  /** One message for many rows; answers come back in the same order. */
  send(rows: TabPerson[]): Promise<BadgeAnswer[]>;
  createMarker(doc: Document): RowMarker;
}

export function rowToTabPerson(r: RowPerson): TabPerson {
  return {
    identifiers: {
      emails: [],
      profileUrls: r.profileUrl ? [r.profileUrl] : [],
      salesNavUrls: r.salesNavUrl ? [r.salesNavUrl] : [],
      phones: [],
    },
    hints: { source: r.source, ...(r.name ? { name: r.name.slice(0, 200) } : {}) },
  };
}

interface Placed {
  marker: RowMarker;
  key: string;
}

/**
 * Keeps one marker on every person row of a list page. Answers are cached per person (the row's key, from the
 * profile link) until the store changes (`refresh()`), so infinite scroll, re-rendered rows and in-app
 * navigation back to a list ask only about people not seen yet. `sync()` is cheap when nothing changed.
 */
export class RowAnnotator {
  private readonly answers = new Map<string, BadgeAnswer>();
  private readonly asking = new Set<string>();
  private readonly placed = new Map<Element, Placed>();
  private generation = 0;
  /** After a refused or failed look-up, wait before asking again (the rate limit refills meanwhile). */
  private pausedUntil = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly deps: RowAnnotatorDeps) {}

  sync(): void {
    const { doc } = this.deps;
    const rows = this.deps.extract(doc, this.deps.url()).slice(0, MAX_ROWS);
    const live = new Set<Element>();
    const wanted = new Map<string, RowPerson>();
    for (const r of rows) {
      live.add(r.row);
      let p = this.placed.get(r.row);
      if (p && p.key !== r.key) {
        // The site reused the row element for someone else (virtualised lists, a new search).
        p.marker.remove();
        p = undefined;
      }
      if (!p) {
        p = { marker: this.deps.createMarker(doc), key: r.key };
        this.placed.set(r.row, p);
        p.marker.update(this.viewFor(r.key));
      }
      if (p.marker.host.previousSibling !== r.anchor || p.marker.host.parentNode !== r.anchor.parentNode)
        r.anchor.after(p.marker.host);
      if (!this.answers.has(r.key) && !this.asking.has(r.key) && !wanted.has(r.key)) wanted.set(r.key, r);
    }
    for (const [row, p] of this.placed) {
      if (live.has(row)) continue;
      p.marker.remove();
      this.placed.delete(row);
    }
    if (Date.now() < this.pausedUntil) return;
    const ask = [...wanted.values()];
    for (let i = 0; i < ask.length; i += ROW_BATCH) this.ask(ask.slice(i, i + ROW_BATCH));
  }

  /** The store changed: forget every answer and ask again for the rows on the page. */
  refresh(): void {
    this.generation++;
    this.pausedUntil = 0;
    this.answers.clear();
    this.asking.clear();
    for (const p of this.placed.values()) p.marker.update({ state: 'pending' });
    this.sync();
  }

  destroy(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    for (const p of this.placed.values()) p.marker.remove();
    this.placed.clear();
  }

  private viewFor(key: string): RowView {
    const a = this.answers.get(key);
    return a ? { state: 'answer', answer: a } : { state: 'pending' };
  }

  private showKey(key: string, view: RowView): void {
    for (const p of this.placed.values()) if (p.key === key) p.marker.update(view);
  }

  private ask(batch: RowPerson[]): void {
    const generation = this.generation;
    for (const r of batch) this.asking.add(r.key);
    this.deps.send(batch.map(rowToTabPerson)).then(
      (answers) => {
        if (generation !== this.generation) return;
        for (const [i, r] of batch.entries()) {
          this.asking.delete(r.key);
          const a = answers[i];
          if (a) this.answers.set(r.key, a);
          this.showKey(r.key, a ? { state: 'answer', answer: a } : { state: 'error' });
        }
      },
      () => {
        if (generation !== this.generation) return;
        // Not cached: asked again after a pause, not on every change of the page (which would only be refused).
        for (const r of batch) {
          this.asking.delete(r.key);
          this.showKey(r.key, { state: 'error' });
        }
        this.pausedUntil = Date.now() + RETRY_MS;
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.sync(), RETRY_MS);
      },
    );
  }
}
