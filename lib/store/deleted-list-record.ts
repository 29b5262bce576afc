import { z } from 'zod';
import type { HeedDb } from './db';
import { lazySchema } from './lazy-schema';
import { BatchSchema, SuppressionListSchema } from './schemas';

// Deleting a list in two steps (issue 18). The delete itself takes the list's record and batches out of their
// tables in one small transaction and keeps them in a `meta` record; the buckets stay where they are. Every reader
// finds a list's entries through its record (lookups drop hits whose list does not exist, the index, exports,
// counts and backups go by the lists table), so the entries stop matching when that transaction commits, and the
// undo needs only the record and batches — not the list's entries, which at 10M are hundreds of MB in a page.
// The buckets are removed for real when the undo is no longer offered (`purgeDeletedList`), or by the next sweep
// once the page that offered it has stopped renewing its hold (`purgeExpiredDeletedLists`, run at start).
// Each step is one transaction: a page or worker killed at any point leaves the list either whole and visible, or
// invisible with its undo record, or gone; never half.

export const DELETED_LIST_PREFIX = 'deleted-list:';

/** How long a deleted list stays restorable without its page renewing the hold (`keepDeletedList`). */
export const DELETED_LIST_HOLD_MS = 2 * 60_000;

// Built on first use, as the store's schemas are (lib/store/lazy-schema.ts): the background bundles this module.
export const DeletedListRecordSchema = lazySchema(() =>
  z.object({
    key: z.string().startsWith(DELETED_LIST_PREFIX),
    list: SuppressionListSchema,
    batches: z.array(BatchSchema),
    /** Bucket records the list had: undo refuses if they are not all still there. */
    bucketRecords: z.number().int().nonnegative(),
    deletedAt: z.string(),
    /** Epoch ms after which a sweep may remove the entries. */
    keepUntil: z.number(),
  }),
);
export type DeletedListRecord = z.infer<typeof DeletedListRecordSchema>;

/** What the page keeps to offer Undo: a few fields, whatever the list's size. */
export interface DeletedList {
  listId: string;
  name: string;
  entries: number;
}

export const deletedListKey = (listId: string) => `${DELETED_LIST_PREFIX}${listId}`;

export async function readDeletedListRecord(
  db: HeedDb,
  listId: string,
): Promise<DeletedListRecord | undefined> {
  const parsed = DeletedListRecordSchema.safeParse(await db.meta.get(deletedListKey(listId)));
  return parsed.success ? parsed.data : undefined;
}
