import type { HeedDb } from '../store/db';

export interface StoreCounts {
  lists: number;
  entries: number;
  contacts: number;
}

/** Counts for the popup's footer, read from the list records' own counters (no scan of the entries). */
export async function storeCounts(db: HeedDb): Promise<StoreCounts> {
  const [lists, contacts] = await Promise.all([db.lists.toArray(), db.contacts.count()]);
  return { lists: lists.length, entries: lists.reduce((n, l) => n + l.counts.total, 0), contacts };
}
