import { Dexie } from 'dexie';
import { DB_NAME, WATCHED_TABLES } from './db';

// Every committed Dexie write fires 'storagemutated' in the context that made it, and Dexie forwards it over a
// BroadcastChannel to every other context of the extension's origin. An open page (the popup, the side panel)
// watches it to show what another page just wrote, without being told. (The background is told by
// write-feed.ts instead: a BroadcastChannel message does not wake a sleeping service worker.)

const WATCHED: Readonly<Record<string, readonly string[]>> = { [DB_NAME]: WATCHED_TABLES };

/** Whether a set of mutated parts (`idb://<db>/<table>/<index>` keys) touches a watched table. */
export function touchesWatched(
  parts: Readonly<Record<string, unknown>>,
  watched: Readonly<Record<string, readonly string[]>> = WATCHED,
): boolean {
  for (const part of Object.keys(parts)) {
    const m = /^idb:\/\/([^/]+)\/([^/]+)\//.exec(part);
    if (m && watched[m[1] as string]?.includes(m[2] as string)) return true;
  }
  return false;
}

export interface StoreWatchOptions {
  /**
   * Writes that come in a burst (deleting entries one by one, a restore's several transactions) are answered
   * once, this long after the last of them.
   */
  quietMs?: number;
  /** Which databases and tables count (default: the tables of `heed` that decide a verdict). */
  watched?: Readonly<Record<string, readonly string[]>>;
}

/** Calls `onChange` after writes to the watched tables, from any context; returns the unsubscribe. */
export function watchStore(onChange: () => void, opts: StoreWatchOptions = {}): () => void {
  const quietMs = opts.quietMs ?? 150;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const listener = (parts: Record<string, unknown>) => {
    if (!touchesWatched(parts, opts.watched)) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, quietMs);
  };
  Dexie.on('storagemutated', listener);
  return () => {
    if (timer) clearTimeout(timer);
    Dexie.on('storagemutated').unsubscribe(listener);
  };
}
