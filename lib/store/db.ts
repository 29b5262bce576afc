import { Dexie, type Table, type Transaction } from 'dexie';
import {
  BUCKETS_TABLE,
  bucketLayoutMiddleware,
  encodeBucket,
  type StoredBucket,
  toRuns,
} from './bucket-layout';
import { dataTokenMiddleware } from './data-token';
import { canonicaliseGmailEntries, withCanonicalKeys } from './gmail-keys';
import type {
  AuditEvent,
  Batch,
  BucketRecord,
  Contact,
  EntryKind,
  SettingsRecord,
  SuppressionList,
} from './schemas';
import { writeFeedMiddleware } from './write-feed';

export const DB_NAME = 'heed';

/** The tables whose writes can change a verdict or the content scripts' mode (announced by write-feed.ts). */
export const WATCHED_TABLES: readonly string[] = ['lists', 'buckets', 'batches', 'contacts', 'settings'];

/**
 * Schema history. Append a new entry for every change, never edit an old one: an installed extension
 * upgrades through each step, and tests/unit/store/schema-golden.test.ts opens a golden fixture of each
 * old version with the current code.
 */
export const SCHEMA_VERSIONS: readonly {
  version: number;
  stores: Record<string, string>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      lists: 'id',
      // Compound primary key: a list's entries of one kind and bucket are one record.
      buckets: '[listId+kind+bucket], [kind+bucket]',
      batches: '++id, listId',
      contacts: 'id, *keys',
      settings: 'key',
      audit: '++id, at, action',
    },
  },
  {
    // Derived data only (the data token and the persisted lookup index): never backed up, safe to drop.
    version: 2,
    stores: { meta: 'key' },
  },
  {
    // Gmail addresses are stored as their canonical mailbox (dots and +tags removed, googlemail.com as
    // gmail.com), so that a list entry blocks every spelling of it; entries written before are rewritten.
    version: 3,
    stores: {},
    upgrade: canonicaliseStoredGmailKeys,
  },
  {
    // Bucket records store their batch ids as [id, count] runs when shorter (lib/store/bucket-layout.ts): a list
    // imported once costs 8 bytes per bucket instead of 4 per entry. Old records are rewritten; they would read
    // correctly as they are, but would keep their space until the next write to each bucket.
    version: 4,
    stores: {},
    upgrade: compactStoredBatchIds,
  },
];

// A page of records at a time, so the upgrade holds a few hundred buckets in memory whatever the lists' size.
async function compactStoredBatchIds(tx: Transaction): Promise<void> {
  const buckets = tx.table(BUCKETS_TABLE);
  let after: unknown;
  for (;;) {
    const page = (await (after === undefined ? buckets.toCollection() : buckets.where(':id').above(after))
      .limit(256)
      .toArray()) as StoredBucket[];
    const compact = page.filter((r) => r.batchIds && toRuns(r.batchIds));
    if (compact.length > 0) await buckets.bulkPut(compact.map(encodeBucket));
    const last = page.at(-1);
    if (!last || page.length < 256) return;
    after = [last.listId, last.kind, last.bucket];
  }
}

// One list at a time, so the upgrade holds at most one list's email entries in memory; each list is read in one
// request (a cursor would cost a round trip per record). Lists without a non-canonical Gmail key stay untouched.
async function canonicaliseStoredGmailKeys(tx: Transaction): Promise<void> {
  // Contact records are found by their keys: a Gmail address is keyed by its mailbox from now on.
  const contacts = (await tx.table('contacts').toArray()) as Contact[];
  const rekeyed = contacts.filter((c) => withCanonicalKeys(c) !== c).map(withCanonicalKeys);
  if (rekeyed.length > 0) await tx.table('contacts').bulkPut(rekeyed);
  const buckets = tx.table('buckets');
  const lists = (await tx.table('lists').toArray()) as SuppressionList[];
  for (const list of lists) {
    const recs = (await buckets
      .where('[listId+kind+bucket]')
      .between([list.id, 'email', -1], [list.id, 'email', Infinity])
      .toArray()) as BucketRecord[];
    const r = canonicaliseGmailEntries([list], recs);
    if (r.rewritten.size === 0) continue;
    await buckets.bulkDelete(recs.map((b) => [b.listId, b.kind, b.bucket]));
    await buckets.bulkPut(r.buckets);
    if (r.lists[0]) await tx.table('lists').put(r.lists[0]);
  }
}

export class HeedDb extends Dexie {
  lists!: Table<SuppressionList, string>;
  buckets!: Table<BucketRecord, [string, EntryKind, number]>;
  batches!: Table<Batch, number, Omit<Batch, 'id'> & { id?: number }>;
  contacts!: Table<Contact, string>;
  settings!: Table<SettingsRecord, string>;
  audit!: Table<AuditEvent, number, Omit<AuditEvent, 'id'> & { id?: number }>;
  meta!: Table<{ key: string }, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    this.use(bucketLayoutMiddleware);
    this.use(dataTokenMiddleware);
    this.use(writeFeedMiddleware(name, WATCHED_TABLES));
  }
}

/** Opens (and upgrades) the database. Tests pass a fresh name per test. */
export async function openDb(name: string = DB_NAME): Promise<HeedDb> {
  const db = new HeedDb(name);
  await db.open();
  return db;
}

let shared: HeedDb | null = null;

/** The extension's one database instance (Dexie opens it on first use). */
export function heedDb(): HeedDb {
  if (shared === null) shared = new HeedDb(DB_NAME);
  return shared;
}

/** Every table of the database, for transactions that must see or replace everything at once. */
export function allTables(db: HeedDb) {
  return [db.lists, db.buckets, db.batches, db.contacts, db.settings, db.audit];
}

export function nowIso(): string {
  return new Date().toISOString();
}
