import type { Channel, EntryKind } from '../vocab';
import { logAudit } from './audit';
import { bucketRecord, entryCount, mergeEntries } from './buckets';
import { type HeedDb, nowIso } from './db';
import {
  DELETED_LIST_HOLD_MS,
  type DeletedList,
  type DeletedListRecord,
  deletedListKey,
} from './deleted-list-record';
import { WordedError } from './error-words';
import { assertListDeleteAllowed } from './policy-guard';
import {
  type Batch,
  type BucketRecord,
  type ListCounts,
  type SuppressionList,
  SuppressionListSchema,
} from './schemas';

export type { DeletedList } from './deleted-list-record';

export const DEFAULT_LIST_NAME = 'Do not contact';

export class ListError extends WordedError {
  override name = 'ListError';
}

/**
 * Refuses a change to a list that came from a signed team bundle. Every write path that changes or removes a
 * list's entries or details calls this, so the refusal holds whatever page or message asked for the change.
 */
export function assertNotManaged(list: SuppressionList, action: keyof typeof MANAGED_REFUSAL): void {
  if (list.managed) {
    throw new ListError({ key: MANAGED_REFUSAL[action], subs: [list.name, list.managed.teamName] });
  }
}

// One whole sentence per refused action: the verb and its object are placed differently in each language.
const MANAGED_REFUSAL = {
  edit: 'lists_err_managed_edit',
  delete: 'lists_err_managed_delete',
  'merge into': 'lists_err_managed_merge_into',
  'merge away': 'lists_err_managed_merge_away',
  'import into': 'lists_err_managed_import_into',
  'add entries to': 'lists_err_managed_add_entries',
  'remove entries from': 'lists_err_managed_remove_entries',
} as const;

export interface NewListInput {
  name: string;
  description?: string;
  channels?: Channel[];
  sourceFile?: string;
}

/** A validated list record, not yet stored (imports create theirs inside their own transaction). */
export function newListRecord(input: NewListInput, isDefault = false): SuppressionList {
  const now = nowIso();
  return SuppressionListSchema.parse({
    id: crypto.randomUUID(),
    name: input.name,
    description: input.description ?? '',
    channels: input.channels,
    isDefault,
    sourceFile: input.sourceFile,
    counts: { total: 0, byKind: {} },
    createdAt: now,
    updatedAt: now,
  });
}

/** A list name, trimmed: refused when empty or too long, with words a person can act on. */
function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new ListError({ key: 'lists_new_name_missing' });
  if (trimmed.length > 200) throw new ListError('A list name can be at most 200 characters.');
  return trimmed;
}

/** An empty scope would block nothing at all, which no one means: "every channel" is `undefined`/null. */
function checkScope(channels: readonly Channel[] | null | undefined): void {
  if (channels && channels.length === 0) throw new ListError({ key: 'lists_scope_missing' });
}

/**
 * Names are unique without regard to case, so a rep choosing where to record an opt-out never has to tell two
 * “Vendors” apart. Checked inside the write's transaction, so two pages creating the same name at once cannot
 * both succeed.
 */
export async function assertNameFree(db: HeedDb, name: string, exceptId?: string): Promise<void> {
  const lower = name.toLowerCase();
  const clash = await db.lists.filter((l) => l.id !== exceptId && l.name.toLowerCase() === lower).first();
  if (clash) throw new ListError({ key: 'lists_new_taken', subs: [`“${name}”`] });
}

export async function createList(db: HeedDb, input: NewListInput): Promise<SuppressionList> {
  checkScope(input.channels);
  const list = newListRecord({ ...input, name: checkedName(input.name) });
  await db.transaction('rw', db.lists, db.audit, async () => {
    await assertNameFree(db, list.name);
    await db.lists.add(list);
    await logAudit(db, { action: 'create-list', listId: list.id });
  });
  return list;
}

export async function getList(db: HeedDb, listId: string): Promise<SuppressionList | undefined> {
  return db.lists.get(listId);
}

/** All lists, the default first, then by name. */
export async function getLists(db: HeedDb): Promise<SuppressionList[]> {
  const lists = await db.lists.toArray();
  return lists.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name));
}

/** Creates the "Do not contact" list on first run; safe to call on every start, from several pages at once. */
export async function ensureDefaultList(db: HeedDb): Promise<SuppressionList> {
  // A rw transaction serialises concurrent callers, so only the first one creates the list.
  return db.transaction('rw', db.lists, db.audit, async () => {
    const existing = (await db.lists.toArray()).find((l) => l.isDefault);
    if (existing) return existing;
    const list = newListRecord(
      { name: DEFAULT_LIST_NAME, description: 'People who objected, unsubscribed or asked to be erased.' },
      true,
    );
    await db.lists.add(list);
    await logAudit(db, { action: 'create-list', listId: list.id, actor: 'system', detail: 'default list' });
    return list;
  });
}

export interface ListUpdate {
  name?: string;
  description?: string;
  /** null makes the list apply to every channel again. */
  channels?: Channel[] | null;
}

export async function updateList(db: HeedDb, listId: string, update: ListUpdate): Promise<SuppressionList> {
  return db.transaction('rw', db.lists, db.audit, async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new ListError(`no list with id ${listId}`);
    assertNotManaged(list, 'edit');
    checkScope(update.channels);
    const next: SuppressionList = { ...list, updatedAt: nowIso() };
    if (update.name !== undefined) {
      next.name = checkedName(update.name);
      await assertNameFree(db, next.name, listId);
    }
    if (update.description !== undefined) next.description = update.description;
    if (update.channels === null) delete next.channels;
    else if (update.channels !== undefined) next.channels = update.channels;
    const parsed = SuppressionListSchema.parse(next);
    await db.lists.put(parsed);
    const fields = Object.keys(update).join(' ');
    await logAudit(db, { action: 'update-list', listId, detail: `changed ${fields}`.slice(0, 200) });
    return parsed;
  });
}

/**
 * Deletes a list: it disappears from lookups, counts and exports when this returns. Its entries stay on disk for
 * the undo until `purgeDeletedList` or a sweep after `holdMs` without a renewal.
 */
export async function deleteList(
  db: HeedDb,
  listId: string,
  opts: { holdMs?: number } = {},
): Promise<DeletedList> {
  await assertListDeleteAllowed();
  return db.transaction('rw', [db.lists, db.buckets, db.batches, db.meta, db.audit], async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new ListError(`no list with id ${listId}`);
    if (list.isDefault) throw new ListError('the default list cannot be deleted; remove its entries instead');
    assertNotManaged(list, 'delete');
    const batches = await db.batches.where('listId').equals(listId).toArray();
    const record: DeletedListRecord = {
      key: deletedListKey(listId),
      list,
      batches,
      bucketRecords: await listBuckets(db, listId).count(),
      deletedAt: nowIso(),
      keepUntil: Date.now() + (opts.holdMs ?? DELETED_LIST_HOLD_MS),
    };
    await db.meta.put(record);
    await db.batches.where('listId').equals(listId).delete();
    await db.lists.delete(listId);
    await logAudit(db, { action: 'delete-list', listId, counts: { entries: list.counts.total } });
    return { listId, name: list.name, entries: list.counts.total };
  });
}

/** Everything a list had, so a merge can be undone (deleting keeps far less: deleted-lists.ts). */
export interface ListSnapshot {
  list: SuppressionList;
  buckets: BucketRecord[];
  batches: Batch[];
}

/** All bucket records of one list, in key order (kind, then bucket). */
export function listBuckets(db: HeedDb, listId: string) {
  return db.buckets.where('[listId+kind+bucket]').between([listId, '', -1], [listId, '\uffff', Infinity]);
}

/** Counts recomputed from the entries themselves. */
export async function listCounts(db: HeedDb, listId: string): Promise<ListCounts> {
  const counts: ListCounts = { total: 0, byKind: {} };
  await listBuckets(db, listId).each((b) => {
    const n = entryCount(b);
    counts.total += n;
    counts.byKind[b.kind] = (counts.byKind[b.kind] ?? 0) + n;
  });
  return counts;
}

export function addToCounts(counts: ListCounts, kind: EntryKind, delta: number): ListCounts {
  const byKind = { ...counts.byKind, [kind]: (counts.byKind[kind] ?? 0) + delta };
  if (byKind[kind] === 0) delete byKind[kind];
  return { total: counts.total + delta, byKind };
}

export interface MergeListsResult {
  added: number;
  alreadyPresent: number;
}

/**
 * Merges the entries of `sourceIds` into `targetId` and deletes the sources. Entries keep their batch
 * (reason, date, file), which moves to the target; an entry the target already has keeps the target's.
 */
export async function mergeLists(
  db: HeedDb,
  sourceIds: string[],
  targetId: string,
): Promise<MergeListsResult> {
  const sources = [...new Set(sourceIds)].filter((id) => id !== targetId);
  return db.transaction('rw', db.lists, db.buckets, db.batches, db.audit, async () => {
    const target = await db.lists.get(targetId);
    if (!target) throw new ListError(`no list with id ${targetId}`);
    assertNotManaged(target, 'merge into');
    let counts = target.counts;
    let added = 0;
    let alreadyPresent = 0;
    for (const sourceId of sources) {
      const source = await db.lists.get(sourceId);
      if (!source) throw new ListError(`no list with id ${sourceId}`);
      if (source.isDefault) throw new ListError('the default list cannot be merged away');
      assertNotManaged(source, 'merge away');
      const srcBuckets = await listBuckets(db, sourceId).toArray();
      const existing = await db.buckets.bulkGet(srcBuckets.map((b) => [targetId, b.kind, b.bucket]));
      const writes: BucketRecord[] = [];
      srcBuckets.forEach((b, i) => {
        const m = mergeEntries(existing[i], b);
        added += m.added;
        alreadyPresent += m.alreadyPresent;
        counts = addToCounts(counts, b.kind, m.added);
        writes.push(bucketRecord(targetId, b.bucket, m));
      });
      await db.buckets.bulkPut(writes);
      await listBuckets(db, sourceId).delete();
      await db.batches.where('listId').equals(sourceId).modify({ listId: targetId });
      await db.lists.delete(sourceId);
    }
    await db.lists.put({ ...target, counts, updatedAt: nowIso() });
    await logAudit(db, {
      action: 'merge-lists',
      listId: targetId,
      counts: { lists: sources.length, added, alreadyPresent },
    });
    return { added, alreadyPresent };
  });
}
