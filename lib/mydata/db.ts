import { Dexie, type Table } from 'dexie';
import { writeFeedMiddleware } from '../store/write-feed';
import type { Identity, RequestRecord, SelfSetting } from './schemas';

/**
 * The user's own data lives in its own database, not in `heed`: a suppression-list backup, restore or merge must
 * never carry the user's identities along, and deleting every list must not delete them.
 */
export const SELF_DB_NAME = 'heed-self';

/** Identities decide the own-profile advice, requests the toolbar's overdue reminder (write-feed.ts). */
export const SELF_WATCHED_TABLES: readonly string[] = ['identities', 'requests', 'settings'];

/** Schema history: append, never edit (an installed extension upgrades through every step). */
export const SELF_SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
  {
    version: 1,
    stores: {
      // sha256 is indexed: matching a page's identifiers looks them up by hash.
      identities: 'id, &sha256',
      // dueAt is indexed for the overdue reminder, which the background asks for on every wake-up.
      requests: 'id, dueAt',
      settings: 'key',
    },
  },
];

export class SelfDb extends Dexie {
  identities!: Table<Identity, string>;
  requests!: Table<RequestRecord, string>;
  settings!: Table<SelfSetting, string>;

  constructor(name: string = SELF_DB_NAME) {
    super(name);
    for (const v of SELF_SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
    this.use(writeFeedMiddleware(name, SELF_WATCHED_TABLES));
  }
}

/** Opens (and upgrades) the self-check database. Unit tests pass a fresh name per test. */
export async function openSelfDb(name: string = SELF_DB_NAME): Promise<SelfDb> {
  const db = new SelfDb(name);
  await db.open();
  return db;
}

let opened: Promise<SelfDb> | undefined;

/** The one instance for a page or the service worker. A failed open is not cached, so the next call retries. */
export function selfDb(): Promise<SelfDb> {
  opened ??= openSelfDb().catch((err: unknown) => {
    opened = undefined;
    throw err;
  });
  return opened;
}

export function newId(): string {
  return crypto.randomUUID();
}
