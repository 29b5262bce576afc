import { Dexie, type Table } from 'dexie';
import { dataTokenMiddleware } from './data-token';
import type {
  AuditEvent,
  Batch,
  BucketRecord,
  Contact,
  EntryKind,
  SettingsRecord,
  SuppressionList,
} from './schemas';

export const DB_NAME = 'heed';

/**
 * Schema history. Append a new entry for every change, never edit an old one: an installed extension
 * upgrades through each step, and tests/unit/store/schema-golden.test.ts opens a golden fixture of each
 * old version with the current code.
 */
export const SCHEMA_VERSIONS: readonly { version: number; stores: Record<string, string> }[] = [
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
];

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
    for (const v of SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
    this.use(dataTokenMiddleware);
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
