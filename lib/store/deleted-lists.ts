import { logAudit } from './audit';
import type { HeedDb } from './db';
import {
  DELETED_LIST_HOLD_MS,
  DELETED_LIST_PREFIX,
  type DeletedList,
  type DeletedListRecord,
  DeletedListRecordSchema,
  deletedListKey,
  readDeletedListRecord,
} from './deleted-list-record';
import { assertNameFree, ListError, listBuckets } from './lists';

// The undo and the final removal of a list deleted by `deleteList` (lists.ts); how the two steps fit together is
// explained in deleted-list-record.ts.

export { DELETED_LIST_HOLD_MS, type DeletedList } from './deleted-list-record';
export { deleteList } from './lists';

/** Puts a deleted list back exactly as it was (same id, batches and entries), if its entries are still there. */
export async function restoreDeletedList(
  db: HeedDb,
  deleted: Pick<DeletedList, 'listId' | 'name'>,
): Promise<void> {
  await db.transaction('rw', [db.lists, db.buckets, db.batches, db.meta, db.audit], async () => {
    const rec = await readDeletedListRecord(db, deleted.listId);
    const gone = () => new ListError({ key: 'lists_delete_undo_gone', subs: [deleted.name] });
    if (!rec) throw gone();
    if (await db.lists.get(rec.list.id)) throw new ListError('that list exists already');
    await assertNameFree(db, rec.list.name);
    // A backup restored since may have replaced every bucket: never bring back a list without its entries.
    if ((await listBuckets(db, rec.list.id).count()) !== rec.bucketRecords) throw gone();
    await db.lists.add(rec.list);
    await db.batches.bulkAdd(rec.batches);
    await db.meta.delete(rec.key);
    await logAudit(db, {
      action: 'create-list',
      listId: rec.list.id,
      counts: { entries: rec.list.counts.total },
      detail: 'undo delete',
    });
  });
}

/** Keeps a deleted list restorable for `holdMs` more (the page offering its Undo calls this while it does). */
export async function keepDeletedList(
  db: HeedDb,
  listId: string,
  holdMs = DELETED_LIST_HOLD_MS,
): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    const rec = await readDeletedListRecord(db, listId);
    if (!rec) return false;
    const held: DeletedListRecord = { ...rec, keepUntil: Math.max(rec.keepUntil, Date.now() + holdMs) };
    await db.meta.put(held);
    return true;
  });
}

/**
 * Removes a deleted list's entries for good: one key-range delete, in the same transaction as its undo record.
 * False when there was nothing to remove. A list with the same id that exists again (a backup restored since)
 * keeps its entries: only the undo record goes.
 */
export async function purgeDeletedList(db: HeedDb, listId: string): Promise<boolean> {
  return db.transaction('rw', [db.lists, db.buckets, db.meta], async () => {
    if (!(await db.meta.get(deletedListKey(listId)))) return false;
    if (!(await db.lists.get(listId))) await listBuckets(db, listId).delete();
    await db.meta.delete(deletedListKey(listId));
    return true;
  });
}

/** Deleted lists whose undo is no longer held, purged one transaction each; how many. Safe to run at any start. */
export async function purgeExpiredDeletedLists(db: HeedDb, now = Date.now()): Promise<number> {
  const recs = await db.meta.where('key').startsWith(DELETED_LIST_PREFIX).toArray();
  let purged = 0;
  for (const r of recs) {
    const parsed = DeletedListRecordSchema.safeParse(r);
    // A record this code cannot read is not an undo anyone can use: its entries go too.
    if (parsed.success && parsed.data.keepUntil > now) continue;
    const listId = r.key.slice(DELETED_LIST_PREFIX.length);
    if (await purgeDeletedList(db, listId)) purged++;
  }
  return purged;
}

/** The deleted lists still restorable (for tests and the benchmark). */
export async function deletedListIds(db: HeedDb): Promise<string[]> {
  return (await db.meta.where('key').startsWith(DELETED_LIST_PREFIX).primaryKeys()).map((k) =>
    k.slice(DELETED_LIST_PREFIX.length),
  );
}
