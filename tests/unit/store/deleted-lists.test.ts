import type { DBCore, Middleware } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NoticeStack } from '../../../lib/notices';
import { holdWhileOffered } from '../../../lib/options/deleted-list-hold';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import { HeedDb } from '../../../lib/store/db';
import {
  DELETED_LIST_HOLD_MS,
  deletedListIds,
  deleteList,
  keepDeletedList,
  purgeDeletedList,
  purgeExpiredDeletedLists,
  restoreDeletedList,
} from '../../../lib/store/deleted-lists';
import { exportListCsv } from '../../../lib/store/export';
import { importFile } from '../../../lib/store/import';
import { createList, getLists } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { buildLookupIndex, mayHold } from '../../../lib/store/lookup-index';
import { blobOf, dump } from './helpers';

// Issue 18: deleting a big list must not need the list in memory for its undo. A delete takes the list's record
// and batches out (its entries stop matching at once) and leaves its buckets for the undo; the buckets go for good
// when the undo is no longer offered. Undo restores exactly, and a page killed at any point never leaves a
// half-deleted list visible.

/** Reads of bucket records' values (not counts or keys) through Dexie, counted per connection. */
function bucketReads(): { mw: Middleware<DBCore>; reads: number } {
  const spy = {
    reads: 0,
    mw: {
      stack: 'dbcore',
      name: 'test-bucket-reads',
      create(down) {
        return {
          ...down,
          table(name) {
            const t = down.table(name);
            if (name !== 'buckets') return t;
            return {
              ...t,
              get(req) {
                spy.reads++;
                return t.get(req);
              },
              getMany(req) {
                spy.reads++;
                return t.getMany(req);
              },
              query(req) {
                if (req.values) spy.reads++;
                return t.query(req);
              },
              openCursor(req) {
                if (req.values !== false) spy.reads++;
                return t.openCursor(req);
              },
            };
          },
        };
      },
    } as Middleware<DBCore>,
  };
  return spy;
}

/** Fails every write to `table` in the connection it is used on: a page killed before its transaction committed. */
function failingWrites(
  table: string,
  when: (req: { type: string }) => boolean = () => true,
): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: `test-fail-${table}`,
    create(down) {
      return {
        ...down,
        table(name) {
          const t = down.table(name);
          if (name !== table) return t;
          return {
            ...t,
            mutate(req) {
              if (when(req)) return Promise.reject(new Error('killed'));
              return t.mutate(req);
            },
          };
        },
      };
    },
  };
}

let name: string;
const opened: HeedDb[] = [];
async function connect(...middlewares: Middleware<DBCore>[]): Promise<HeedDb> {
  const db = new HeedDb(name);
  for (const m of middlewares) db.use(m);
  await db.open();
  opened.push(db);
  return db;
}
beforeEach(() => {
  name = `heed-deleted-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const md5Of = (i: number) => (i * 2654435761).toString(16).padStart(8, '0').repeat(4).slice(0, 32);

/** A list with emails and MD5s spread over many buckets, and a second list that stays. */
async function seed(db: HeedDb) {
  const big = await createList(db, { name: 'Vendor' });
  await importFile(
    db,
    blobOf([`email\n${Array.from({ length: 300 }, (_, i) => `p${i}@x.example`).join('\n')}\n`]),
    {
      target: { listId: big.id },
      reason: 'objection',
    },
  );
  await importFile(db, blobOf([`md5\n${Array.from({ length: 300 }, (_, i) => md5Of(i)).join('\n')}\n`]), {
    target: { listId: big.id },
    reason: 'unsubscribe',
  });
  const other = await createList(db, { name: 'Partners' });
  await importFile(db, blobOf(['email\nkept@x.example\np1@x.example\n']), {
    target: { listId: other.id },
    reason: 'bounce',
  });
  return { big, other };
}

const listed = async (db: HeedDb, email: string) =>
  (await lookupPerson(db, { emails: [email] })).matches.map((m) => m.listName).sort();

describe('deleting a list', () => {
  it('does not read the list’s entries, and its entries stop matching at once', async () => {
    const spy = bucketReads();
    const db = await connect(spy.mw);
    const { big, other } = await seed(db);
    expect(await listed(db, 'p1@x.example')).toEqual(['Partners', 'Vendor']);
    spy.reads = 0;
    const deleted = await deleteList(db, big.id);
    // The undo holds a few fields, not the list's entries, and nothing read them.
    expect(spy.reads).toBe(0);
    expect(deleted).toEqual({ listId: big.id, name: 'Vendor', entries: 600 });
    expect(JSON.stringify(deleted).length).toBeLessThan(200);
    // Gone from lookups (with and without the index), the lists, exports and backups.
    expect(await listed(db, 'p1@x.example')).toEqual(['Partners']);
    expect(await listed(db, 'p2@x.example')).toEqual([]);
    const index = await buildLookupIndex(db);
    expect([...index.lists.keys()]).toEqual([other.id]);
    expect(mayHold(index, 'email', 'p2@x.example')).toBe(false);
    expect((await getLists(db)).map((l) => l.name)).toEqual(['Partners']);
    await expect(exportListCsv(db, big.id, { mode: 'plain' })).rejects.toThrow();
    const backup = await parseBackup(await createBackup(db));
    expect(backup.data.lists.map((l) => l.name)).toEqual(['Partners']);
    expect(new Set(backup.data.buckets.map((b) => b.listId))).toEqual(new Set([other.id]));
  });

  it('undo puts it back exactly, for as long as the undo is held', async () => {
    const db = await connect();
    const { big } = await seed(db);
    const before = await dump(db);
    const deleted = await deleteList(db, big.id, { holdMs: 1000 });
    // A sweep while the undo is held keeps the entries.
    expect(await purgeExpiredDeletedLists(db)).toBe(0);
    expect(await keepDeletedList(db, big.id, 60_000)).toBe(true);
    expect(await purgeExpiredDeletedLists(db, Date.now() + 30_000)).toBe(0);
    await restoreDeletedList(db, deleted);
    expect(await dump(db)).toEqual(before);
    expect(await listed(db, 'p7@x.example')).toEqual(['Vendor']);
    expect((await lookupPerson(db, { emails: ['p7@x.example'] })).matches[0]?.reason).toBe('objection');
    expect(await deletedListIds(db)).toEqual([]);
    // Nothing left to purge: the list's entries stay.
    expect(await purgeDeletedList(db, big.id)).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  it('the purge removes the entries from disk, and undo afterwards says so and changes nothing', async () => {
    const db = await connect();
    const { big, other } = await seed(db);
    const deleted = await deleteList(db, big.id, { holdMs: 0 });
    expect(await purgeExpiredDeletedLists(db, Date.now() + 1)).toBe(1);
    expect(new Set((await db.buckets.toArray()).map((b) => b.listId))).toEqual(new Set([other.id]));
    const after = await dump(db);
    await expect(restoreDeletedList(db, deleted)).rejects.toThrow(/“Vendor” have been removed for good/);
    expect(await dump(db)).toEqual(after);
  });

  it('a page killed during the delete leaves the list whole and matching', async () => {
    const setup = await connect();
    const { big } = await seed(setup);
    const before = await dump(setup);
    // The list record is the delete's last write: every earlier one (undo record, batches) is rolled back with it.
    const killed = await connect(failingWrites('lists'));
    await expect(deleteList(killed, big.id)).rejects.toThrow(/killed/);
    const db = await connect();
    expect(await dump(db)).toEqual(before);
    expect(await deletedListIds(db)).toEqual([]);
    expect(await listed(db, 'p5@x.example')).toEqual(['Vendor']);
  });

  it('a page killed after the delete leaves the list hidden, and the next start removes its entries', async () => {
    const page = await connect();
    const { big, other } = await seed(page);
    await deleteList(page, big.id);
    page.close(); // the options page closes with its Undo, which it can no longer withdraw
    const worker = await connect();
    expect(await listed(worker, 'p5@x.example')).toEqual([]);
    expect((await getLists(worker)).map((l) => l.id)).toEqual([other.id]);
    // Within the hold nothing is removed (another page might still offer the undo) ...
    expect(await purgeExpiredDeletedLists(worker)).toBe(0);
    // ... after it, the sweep at start removes the entries.
    expect(await purgeExpiredDeletedLists(worker, Date.now() + DELETED_LIST_HOLD_MS + 1)).toBe(1);
    expect(new Set((await worker.buckets.toArray()).map((b) => b.listId))).toEqual(new Set([other.id]));
  });

  it('a purge killed midway removes nothing, and the undo still works', async () => {
    const setup = await connect();
    const { big } = await seed(setup);
    const before = await dump(setup);
    const deleted = await deleteList(setup, big.id);
    // The undo record's removal is the purge's last write: the key-range delete before it is rolled back with it.
    const killed = await connect(failingWrites('meta', (r) => r.type === 'delete'));
    await expect(purgeDeletedList(killed, big.id)).rejects.toThrow(/killed/);
    const db = await connect();
    expect(await db.buckets.count()).toBe((before as { buckets: unknown[] }).buckets.length);
    await restoreDeletedList(db, deleted);
    expect(await dump(db)).toEqual(before);
  });

  it('a backup restored meanwhile wins: undo refuses, and the purge keeps a restored list’s entries', async () => {
    const db = await connect();
    const { big } = await seed(db);
    const withBig = await parseBackup(await createBackup(db));
    const deleted = await deleteList(db, big.id);
    // The backup holds the list again, under the same id.
    await restoreBackup(db, withBig, { mode: 'replace' });
    const restored = await dump(db);
    await expect(restoreDeletedList(db, deleted)).rejects.toThrow(/exists already/);
    expect(await purgeDeletedList(db, big.id)).toBe(true);
    expect(await dump(db)).toEqual(restored);
    expect(await listed(db, 'p5@x.example')).toEqual(['Vendor']);

    // A backup without the list replaced its entries: undo must not bring back a list with none.
    const again = await deleteList(db, big.id);
    const empty = { ...withBig.data, lists: [], buckets: [], batches: [] };
    await restoreBackup(db, { ...withBig, data: empty }, { mode: 'replace' });
    await expect(restoreDeletedList(db, again)).rejects.toThrow(/removed for good/);
    expect(await db.lists.count()).toBe(0);
  });
});

describe('holdWhileOffered', () => {
  it('renews the hold while the notice is offered, and purges once it is dismissed', async () => {
    const db = await connect();
    const { big } = await seed(db);
    const stack = new NoticeStack();
    const deleted = await deleteList(db, big.id, { holdMs: 10 });
    const notice = stack.push('Deleted', () => restoreDeletedList(db, deleted));
    holdWhileOffered(db, [big.id], notice, stack, 20);
    await new Promise((r) => setTimeout(r, 120));
    // Renewed: a sweep now keeps it.
    expect(await purgeExpiredDeletedLists(db)).toBe(0);
    const bucketsBefore = await db.buckets.count();
    stack.dismiss(notice.id);
    await expect.poll(() => deletedListIds(db)).toEqual([]);
    await expect.poll(() => db.buckets.count()).toBeLessThan(bucketsBefore);
  });

  it('after Undo there is nothing to purge: the list stays whole', async () => {
    const db = await connect();
    const { big } = await seed(db);
    const before = await dump(db);
    const stack = new NoticeStack();
    const deleted = await deleteList(db, big.id);
    const notice = stack.push('Deleted', () => restoreDeletedList(db, deleted));
    holdWhileOffered(db, [big.id], notice, stack, 20);
    await stack.run(notice.id);
    await new Promise((r) => setTimeout(r, 60));
    expect(await dump(db)).toEqual(before);
  });
});
