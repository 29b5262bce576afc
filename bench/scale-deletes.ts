import { bucketRecord, isHashed } from '@/lib/store/buckets';
import { type HeedDb, openDb } from '@/lib/store/db';
import { deleteList, purgeDeletedList } from '@/lib/store/deleted-lists';
import { importFile } from '@/lib/store/import';
import { addToCounts, listBuckets } from '@/lib/store/lists';
import { applyTeamBundle, verifyTeamBundle } from '@/lib/team/apply';
import { exportTeamBundle } from '@/lib/team/export';
import { createTeamKey, deleteTeamKey, getSigningKey } from '@/lib/team/keys';
import { dropDb } from './page-stats';

// Issue 18: deleting a big list, and removing many entries through a team delta, must stay within the import's
// time and give the space back. Runs in the benchmark page (bench/suite.ts); figures judged in bench/targets.ts.

export interface DeleteFigures {
  n: number;
  importMs: number;
  /** The delete itself: the list disappears (its record and batches move to the undo record). */
  deleteMs: number;
  /** Removing its entries for good once the undo is no longer offered: one key-range delete. */
  purgeMs?: number;
  /** What the delete's undo holds in the page: now the few fields of a DeletedList (JSON bytes). */
  undoBytes?: number;
  /** What the undo held before (issue 18): every bucket of the list, read whole; its typed arrays and read time. */
  oldSnapshot?: { bytes: number; ms: number };
  /**
   * navigator.storage.estimate() usage: before the import, after it, the lowest within 30 s of the delete, and after
   * the next import of as many entries (LevelDB's compactions that writes cause take back the deleted space).
   */
  usage: { before: number; imported: number; deleted: number; deletedAfterMs: number; nextImport?: number };
  remove?: {
    removed: number;
    /** The rep's verify + apply of the delta that removes them. */
    ms: number;
    usage: { before: number; removed: number; removedAfterMs: number };
  };
}

// The browser's usage figure is recomputed when a transaction commits, not when the database compacts files away
// later: a one-record write first, so the figure is the files on disk now (seen: 37.7 MB reported for 26.8 MB).
async function usage(d?: HeedDb): Promise<number> {
  if (d) await d.meta.put({ key: 'bench-usage-tick' });
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** The estimate lags writes and deletes (the database compacts later): let it catch up before reading it. */
async function settledUsage(d: HeedDb): Promise<number> {
  await new Promise((r) => setTimeout(r, 3000));
  return usage(d);
}

function md5File(n: number): Blob {
  const parts: string[] = ['md5\n'];
  const b = new Uint8Array(16 * 50_000);
  for (let done = 0; done < n; done += 50_000) {
    // getRandomValues fills at most 64 KB at a time.
    for (let at = 0; at < b.length; at += 65_536) crypto.getRandomValues(b.subarray(at, at + 65_536));
    const lines: string[] = [];
    for (let i = 0; i < Math.min(50_000, n - done); i++) {
      let s = '';
      for (let t = i * 16; t < i * 16 + 16; t++) s += (b[t] as number).toString(16).padStart(2, '0');
      lines.push(s);
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  return new Blob(parts, { type: 'text/csv' });
}

async function timedImport(d: HeedDb, name: string, n: number) {
  // The file is made before the clock starts: making 10M random hex lines in the page takes longer than importing.
  const file = md5File(n);
  const t = performance.now();
  const r = await importFile(d, file, {
    target: { newList: { name } },
    reason: 'unsubscribe',
    fileName: `${name}.csv`,
  });
  if (r.added !== n) throw new Error(`${name}: imported ${r.added} of ${n}`);
  return { listId: r.listId, ms: performance.now() - t };
}

/**
 * The lead's list loses the first half of every bucket's entries, as when a vendor's new file drops them. Written
 * straight into the store: Heed removes entries one at a time by hand, and this is only the delta's setup.
 */
async function dropHalf(d: HeedDb, listId: string): Promise<number> {
  return d.transaction('rw', d.lists, d.buckets, async () => {
    let removed = 0;
    const recs = await listBuckets(d, listId).toArray();
    const writes = recs.flatMap((r) => {
      const h = Math.floor(r.batchIds.length / 2);
      removed += h;
      if (h === r.batchIds.length) return [];
      const batchIds = r.batchIds.slice(h);
      if (!isHashed(r))
        return [bucketRecord(listId, r.bucket, { kind: r.kind, keys: r.keys.slice(h), batchIds })];
      const w = r.keys.length / r.batchIds.length;
      return [bucketRecord(listId, r.bucket, { kind: r.kind, keys: r.keys.slice(h * w), batchIds })];
    });
    await listBuckets(d, listId).delete();
    await d.buckets.bulkPut(writes);
    const list = await d.lists.get(listId);
    if (list) await d.lists.put({ ...list, counts: addToCounts(list.counts, 'md5', -removed) });
    return removed;
  });
}

/**
 * Space is given back only when the database compacts the deleted records away, which the browser schedules
 * itself: the lowest estimate seen within `ms`, and after how long (polled every 2 s).
 */
async function lowestUsageWithin(d: HeedDb, ms: number): Promise<{ bytes: number; afterMs: number }> {
  const t0 = performance.now();
  let best = { bytes: await usage(d), afterMs: 0 };
  while (performance.now() - t0 < ms) {
    await new Promise((r) => setTimeout(r, 2000));
    const bytes = await usage(d);
    if (bytes < best.bytes) best = { bytes, afterMs: Math.round(performance.now() - t0) };
  }
  return best;
}

/** What the delete's undo used to hold: the list's bucket records, read whole in one transaction. */
async function oldSnapshot(d: HeedDb, listId: string): Promise<{ bytes: number; ms: number }> {
  const t = performance.now();
  const recs = await d.transaction('r', d.buckets, () => listBuckets(d, listId).toArray());
  const ms = performance.now() - t;
  let bytes = 0;
  for (const r of recs) {
    bytes +=
      (Array.isArray(r.keys) ? r.keys.reduce((n, k) => n + 2 * k.length, 0) : r.keys.byteLength) +
      r.batchIds.byteLength;
  }
  return { bytes, ms: Math.round(ms) };
}

export async function scaleDeletes(
  d: HeedDb,
  n: number,
  opts: { removal?: boolean } = {},
): Promise<DeleteFigures> {
  // Delete a list of n MD5, with the storage before the import, after it and after the delete.
  const before = await settledUsage(d);
  const imported = await timedImport(d, 'bench-delete', n);
  const afterImport = await settledUsage(d);
  const snapshot = await oldSnapshot(d, imported.listId);
  let t = performance.now();
  const deleted = await deleteList(d, imported.listId);
  const deleteMs = performance.now() - t;
  t = performance.now();
  await purgeDeletedList(d, imported.listId);
  const purgeMs = performance.now() - t;
  const afterDelete = await lowestUsageWithin(d, 30_000);
  const figures: DeleteFigures = {
    n,
    importMs: Math.round(imported.ms),
    deleteMs: Math.round(deleteMs),
    purgeMs: Math.round(purgeMs),
    undoBytes: JSON.stringify(deleted).length,
    oldSnapshot: snapshot,
    usage: { before, imported: afterImport, deleted: afterDelete.bytes, deletedAfterMs: afterDelete.afterMs },
  };
  if (opts.removal === false) return figures;

  // Remove half of a list of n MD5 through a team delta applied by a rep.
  const lead = await timedImport(d, 'bench-remove', n);
  figures.usage.nextImport = await settledUsage(d);
  if (await getSigningKey(d)) await deleteTeamKey(d);
  await createTeamKey(d, 'Bench team');
  const full = await exportTeamBundle(d, { listIds: [lead.listId], entryMode: 'plain', delta: false });
  await dropDb('heed-bench-rep-remove');
  const rep = await openDb('heed-bench-rep-remove');
  await applyTeamBundle(rep, await verifyTeamBundle(rep, full.bytes), { pin: true });
  const dropped = await dropHalf(d, lead.listId);
  const delta = await exportTeamBundle(d, { listIds: [lead.listId], entryMode: 'plain', delta: true });
  const repBefore = await settledUsage(rep);
  t = performance.now();
  const applied = await applyTeamBundle(rep, await verifyTeamBundle(rep, delta.bytes));
  const removeMs = performance.now() - t;
  const repAfter = await lowestUsageWithin(rep, 30_000);
  const left = (await rep.lists.toArray()).find((l) => l.managed)?.counts.total;
  rep.close();
  await dropDb('heed-bench-rep-remove');
  await deleteTeamKey(d);
  await deleteList(d, lead.listId);
  await purgeDeletedList(d, lead.listId);
  if (applied.removed !== dropped || left !== n - dropped) {
    throw new Error(`the delta removed ${applied.removed} of ${dropped}; the rep has ${left}`);
  }
  return {
    ...figures,
    importMs: Math.round(Math.max(imported.ms, lead.ms)),
    remove: {
      removed: dropped,
      ms: Math.round(removeMs),
      usage: { before: repBefore, removed: repAfter.bytes, removedAfterMs: repAfter.afterMs },
    },
  };
}
