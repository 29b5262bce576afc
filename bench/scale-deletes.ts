import { bucketRecord, isHashed } from '@/lib/store/buckets';
import { type HeedDb, openDb } from '@/lib/store/db';
import { importFile } from '@/lib/store/import';
import { addToCounts, deleteList, listBuckets } from '@/lib/store/lists';
import { applyTeamBundle, verifyTeamBundle } from '@/lib/team/apply';
import { exportTeamBundle } from '@/lib/team/export';
import { createTeamKey, deleteTeamKey, getSigningKey } from '@/lib/team/keys';

// Issue 18: deleting a big list, and removing many entries through a team delta, must stay within the import's
// time and give the space back. Runs in the benchmark page (bench/suite.ts); figures judged in bench/targets.ts.

export interface DeleteFigures {
  n: number;
  importMs: number;
  deleteMs: number;
  /** navigator.storage.estimate() usage: before the import, after it, the lowest within 30 s of the delete. */
  usage: { before: number; imported: number; deleted: number; deletedAfterMs: number };
  remove: {
    removed: number;
    /** The rep's verify + apply of the delta that removes them. */
    ms: number;
    usage: { before: number; removed: number; removedAfterMs: number };
  };
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/** The estimate lags writes and deletes (the database compacts later): let it catch up before reading it. */
async function settledUsage(): Promise<number> {
  await new Promise((r) => setTimeout(r, 3000));
  return usage();
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
  const t = performance.now();
  const r = await importFile(d, md5File(n), {
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
async function lowestUsageWithin(ms: number): Promise<{ bytes: number; afterMs: number }> {
  const t0 = performance.now();
  let best = { bytes: await usage(), afterMs: 0 };
  while (performance.now() - t0 < ms) {
    await new Promise((r) => setTimeout(r, 2000));
    const bytes = await usage();
    if (bytes < best.bytes) best = { bytes, afterMs: Math.round(performance.now() - t0) };
  }
  return best;
}

async function dropDb(name: string) {
  await new Promise<void>((res) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => res();
  });
}

export async function scaleDeletes(d: HeedDb, n: number): Promise<DeleteFigures> {
  // Delete a list of n MD5, with the storage before the import, after it and after the delete.
  const before = await settledUsage();
  const imported = await timedImport(d, 'bench-delete', n);
  const afterImport = await settledUsage();
  let t = performance.now();
  await deleteList(d, imported.listId);
  const deleteMs = performance.now() - t;
  const afterDelete = await lowestUsageWithin(30_000);

  // Remove half of a list of n MD5 through a team delta applied by a rep.
  const lead = await timedImport(d, 'bench-remove', n);
  if (await getSigningKey(d)) await deleteTeamKey(d);
  await createTeamKey(d, 'Bench team');
  const full = await exportTeamBundle(d, { listIds: [lead.listId], entryMode: 'plain', delta: false });
  await dropDb('heed-bench-rep-remove');
  const rep = await openDb('heed-bench-rep-remove');
  await applyTeamBundle(rep, await verifyTeamBundle(rep, full.bytes), { pin: true });
  const dropped = await dropHalf(d, lead.listId);
  const delta = await exportTeamBundle(d, { listIds: [lead.listId], entryMode: 'plain', delta: true });
  const repBefore = await settledUsage();
  t = performance.now();
  const applied = await applyTeamBundle(rep, await verifyTeamBundle(rep, delta.bytes));
  const removeMs = performance.now() - t;
  const repAfter = await lowestUsageWithin(30_000);
  const left = (await rep.lists.toArray()).find((l) => l.managed)?.counts.total;
  rep.close();
  await dropDb('heed-bench-rep-remove');
  await deleteTeamKey(d);
  await deleteList(d, lead.listId);
  if (applied.removed !== dropped || left !== n - dropped) {
    throw new Error(`the delta removed ${applied.removed} of ${dropped}; the rep has ${left}`);
  }
  return {
    n,
    importMs: Math.round(Math.max(imported.ms, lead.ms)),
    deleteMs: Math.round(deleteMs),
    usage: { before, imported: afterImport, deleted: afterDelete.bytes, deletedAfterMs: afterDelete.afterMs },
    remove: {
      removed: dropped,
      ms: Math.round(removeMs),
      usage: { before: repBefore, removed: repAfter.bytes, removedAfterMs: repAfter.afterMs },
    },
  };
}
