import { type HeedDb, openDb } from './store/db';
import { ensureDefaultList } from './store/lists';

let opened: Promise<HeedDb> | undefined;

/**
 * The extension's one database, opened once per context (service worker, popup, options page) with the default
 * "Do not contact" list in place from the first run. A failed open is not cached, so the next call retries.
 */
export function appDb(): Promise<HeedDb> {
  opened ??= (async () => {
    const db = await openDb();
    // Read-only first: a read-write transaction at every start would hold up the first look-up's reads behind it.
    if (!(await db.lists.filter((l) => l.isDefault).first())) await ensureDefaultList(db);
    return db;
  })().catch((err: unknown) => {
    opened = undefined;
    throw err;
  });
  return opened;
}
