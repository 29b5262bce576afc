import { type NoticeItem, type NoticeStack, pageNotices } from '../notices';
import type { HeedDb } from '../store/db';
import { DELETED_LIST_HOLD_MS, keepDeletedList, purgeDeletedList } from '../store/deleted-lists';

/**
 * Keeps deleted lists restorable for as long as this page offers their Undo, and removes their entries for good
 * once it stops offering it (dismissed, pushed out by newer notices, or undone: then there is nothing to remove).
 * The hold is renewed every `everyMs`; a page that closes or crashes stops renewing it, and the next sweep
 * (purgeExpiredDeletedLists, at the start of the background and of the options page) removes the entries.
 */
export function holdWhileOffered(
  db: HeedDb,
  listIds: readonly string[],
  notice: NoticeItem,
  stack: NoticeStack = pageNotices,
  everyMs = DELETED_LIST_HOLD_MS / 4,
): () => void {
  let done = false;
  const renew = () => {
    for (const id of listIds) void keepDeletedList(db, id).catch(() => undefined);
  };
  const release = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    unsubscribe();
    // Each purge is one transaction; one that fails (the page closing) is left to the next sweep.
    for (const id of listIds) void purgeDeletedList(db, id).catch(() => undefined);
  };
  const timer = setInterval(renew, everyMs);
  const unsubscribe = stack.subscribe(() => {
    if (!stack.snapshot().some((n) => n.id === notice.id)) release();
  });
  return release;
}
