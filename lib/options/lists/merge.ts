import { logAudit } from '../../store/audit';
import type { HeedDb } from '../../store/db';
import {
  ListError,
  type ListSnapshot,
  listBuckets,
  type MergeListsResult,
  mergeLists,
} from '../../store/lists';

// Merging deletes the merged lists, so the page offers Undo for it like for a deletion. The store's
// mergeLists has no undo of its own: this takes a snapshot of every list involved first, and undo puts
// all of them back exactly (same ids, same batches), but only if the target has not changed since.

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
  const target = await snapshotList(db, targetId);
  const sources: ListSnapshot[] = [];
  for (const id of ids) sources.push(await snapshotList(db, id));
  const result = await mergeLists(db, ids, targetId);
  const after = await db.lists.get(targetId);
  return { result, undo: { target, sources, mergedAt: after?.updatedAt ?? '' } };
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
