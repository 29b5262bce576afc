import { shownError } from '../i18n/shown-error';
import { bucketOf } from '../store/buckets';
import type { HeedDb } from '../store/db';
import { type EntryRow, pageEntries } from '../store/entries';

// Browsing a list of a million entries: rows are fetched a page at a time as the table scrolls towards the
// end of what is loaded, never all at once, and a request in flight is not repeated. The table is
// virtualised, so only the rows on screen become DOM.

export const PAGE_SIZE = 500;

export interface PagerState {
  rows: readonly EntryRow[];
  done: boolean;
  loading: boolean;
  error: string | null;
}

export class EntryPager {
  private rows: EntryRow[] = [];
  private cursor: string | undefined;
  private done = false;
  private inFlight: Promise<void> | null = null;
  private error: string | null = null;
  private generation = 0;
  private readonly listeners = new Set<() => void>();
  private state: PagerState = { rows: [], done: false, loading: false, error: null };

  constructor(
    private readonly db: HeedDb,
    private readonly listId: string,
    private readonly pageSize = PAGE_SIZE,
  ) {}

  getState = (): PagerState => this.state;

  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** Loads the next page unless everything is loaded or a load is running. */
  loadMore(): Promise<void> {
    if (this.done) return Promise.resolve();
    if (this.inFlight) return this.inFlight;
    const gen = this.generation;
    this.inFlight = (async () => {
      this.publish(true);
      try {
        const page = await pageEntries(this.db, this.listId, {
          limit: this.pageSize,
          ...(this.cursor !== undefined ? { cursor: this.cursor } : {}),
        });
        if (gen !== this.generation) return;
        this.rows = this.rows.concat(page.rows);
        this.cursor = page.nextCursor;
        this.done = page.nextCursor === undefined;
        this.error = null;
      } catch (e) {
        if (gen === this.generation) this.error = shownError(e);
      } finally {
        if (gen === this.generation) {
          this.inFlight = null;
          this.publish(false);
        }
      }
    })();
    return this.inFlight;
  }

  /** Starts again from the first page (after an import or deletion changed the list). */
  reset(): Promise<void> {
    this.generation++;
    this.rows = [];
    this.cursor = undefined;
    this.done = false;
    this.error = null;
    this.inFlight = null;
    this.publish(false);
    return this.loadMore();
  }

  /** Drops one row from what is shown, after it was deleted, without reloading the pages before it. */
  removeRow(row: EntryRow): void {
    const i = this.rows.findIndex((r) => r.kind === row.kind && r.value === row.value);
    if (i < 0) return;
    this.rows = [...this.rows.slice(0, i), ...this.rows.slice(i + 1)];
    this.cursor = shiftCursor(this.cursor, row);
    this.publish(this.inFlight !== null);
  }

  private publish(loading: boolean): void {
    this.state = { rows: this.rows, done: this.done, loading, error: this.error };
    for (const l of this.listeners) l();
  }
}

/**
 * The store's cursor is "kind|bucket|index" into the sorted bucket. Deleting an entry before the cursor in
 * the same bucket moves every later entry down by one, so the cursor must follow or a row would be skipped.
 */
export function shiftCursor(
  cursor: string | undefined,
  removed: Pick<EntryRow, 'kind' | 'value'>,
): string | undefined {
  if (cursor === undefined) return undefined;
  const [kind, bucket, index] = cursor.split('|');
  const i = Number(index);
  if (kind !== removed.kind || Number(bucket) !== bucketOf(removed.kind, removed.value) || !(i > 0))
    return cursor;
  return `${kind}|${bucket}|${i - 1}`;
}
