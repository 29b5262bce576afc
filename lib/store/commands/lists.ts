import { logAudit } from '../audit';
import type { HeedDb } from '../db';
import {
  assertNameFree,
  ListError,
  type ListSnapshot,
  listBuckets,
  type MergeListsResult,
  mergeLists,
} from '../lists';

// The list commands the options page runs, each with what its undo needs. Create, edit and delete are
// lib/store/lists.ts's own (they check names and scope there, for every caller), a delete's undo is
// lib/store/deleted-lists.ts's; merging is here because its undo is a snapshot of every list involved. The
// snapshot is taken in the merge's own transaction: one taken before it would miss an import another page
// committed in between, and undo would then delete that import. Undo puts every list back exactly (same ids,
// same batches), but only if the target has not changed since.

export { type DeletedList, deleteList, restoreDeletedList } from '../deleted-lists';
export { createList, type ListSnapshot, type ListUpdate, type NewListInput, updateList } from '../lists';

export interface MergeUndo {
  target: ListSnapshot;
  sources: ListSnapshot[];
  /** The target's updatedAt right after the merge: undo refuses if it moved on. */
  mergedAt: string;
}

export async function snapshotList(db: HeedDb, listId: string): Promise<ListSnapshot> {
  return db.transaction('r', db.lists, db.buckets, db.batches, async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new ListError(`no list with id ${listId}`);
    const buckets = await listBuckets(db, listId).toArray();
    const batches = await db.batches.where('listId').equals(listId).toArray();
    return { list, buckets, batches };
  });
}

export async function mergeWithUndo(
  db: HeedDb,
  sourceIds: readonly string[],
  targetId: string,
): Promise<{ result: MergeListsResult; undo: MergeUndo }> {
  const ids = [...new Set(sourceIds)].filter((id) => id !== targetId);
  if (ids.length === 0) throw new ListError({ key: 'lists_merge_pick' });
  return db.transaction('rw', db.lists, db.buckets, db.batches, db.audit, async () => {
    const target = await snapshotList(db, targetId);
    const sources: ListSnapshot[] = [];
    for (const id of ids) sources.push(await snapshotList(db, id));
    const result = await mergeLists(db, ids, targetId);
    const after = await db.lists.get(targetId);
    return { result, undo: { target, sources, mergedAt: after?.updatedAt ?? '' } };
  });
}

export async function undoMerge(db: HeedDb, undo: MergeUndo): Promise<void> {
  const targetId = undo.target.list.id;
  await db.transaction('rw', db.lists, db.buckets, db.batches, db.audit, async () => {
    const now = await db.lists.get(targetId);
    if (!now) throw new ListError({ key: 'lists_merge_undo_gone' });
    if (now.updatedAt !== undo.mergedAt) {
      throw new ListError({ key: 'lists_merge_undo_changed' });
    }
    for (const s of undo.sources) {
      if (await db.lists.get(s.list.id))
        throw new ListError({ key: 'lists_merge_undo_clash', subs: [s.list.name] });
      await assertNameFree(db, s.list.name);
    }
    await listBuckets(db, targetId).delete();
    await db.batches.where('listId').equals(targetId).delete();
    await db.lists.put(undo.target.list);
    await db.batches.bulkAdd(undo.target.batches);
    await db.buckets.bulkAdd(undo.target.buckets);
    for (const s of undo.sources) {
      await db.lists.add(s.list);
      await db.batches.bulkAdd(s.batches);
      await db.buckets.bulkAdd(s.buckets);
    }
    await logAudit(db, {
      action: 'merge-lists',
      listId: targetId,
      counts: { lists: undo.sources.length },
      detail: 'undo merge',
    });
  });
}
