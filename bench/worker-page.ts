import { appDb } from '@/lib/app-db';
import { purgeDeletedList } from '@/lib/store/deleted-lists';
import { importFile } from '@/lib/store/import';
import { deleteList } from '@/lib/store/lists';
import { buildLookupIndex, lookupIndexBytes, persistLookupIndex } from '@/lib/store/lookup-index';

// The bench page's half of bench/worker.ts: it fills the extension's own database (the one the service worker
// answers from), not the benchmark's, and persists the lookup index the way the background does, so a stopped
// worker restarts exactly as it would after Chrome put it to sleep with that many entries stored.

const LIST = 'bench-worker-md5';

function randomHexLines(n: number, known: readonly string[]): Blob {
  const parts: string[] = ['md5\n', ...known.map((h) => `${h}\n`)];
  const hex = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
  const bytes = new Uint8Array(16 * 50_000);
  for (let start = 0; start < n; start += 50_000) {
    const count = Math.min(50_000, n - start);
    for (let at = 0; at < bytes.length; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
    const lines: string[] = new Array(count);
    for (let i = 0; i < count; i++) {
      let s = '';
      for (let k = 0; k < 16; k++) s += hex[bytes[i * 16 + k] as number];
      lines[i] = s;
    }
    parts.push(`${lines.join('\n')}\n`);
  }
  return new Blob(parts, { type: 'text/csv' });
}

export const workerPageBench = {
  /** Removes the bench's list (the default list stays, empty): the store as a new user's. */
  async clear(): Promise<number> {
    const db = await appDb();
    for (const l of await db.lists.toArray())
      if (l.name === LIST) {
        await deleteList(db, l.id);
        // A delete only hides the list until its undo lapses; the bench wants the store empty now.
        await purgeDeletedList(db, l.id);
      }
    return db.buckets.count();
  },
  /**
   * Imports `n` random MD5 digests as the options page does (importFile on this page), timing the phases the
   * progress events show (`known`: digests to list among the random ones): reading and parsing the file, then the sort (the gap before the first write event),
   * then the bucket writes; with the longest main-thread block and the longest gap between progress events.
   */
  async seed(n: number, known: string[]) {
    const db = await appDb();
    const blob = randomHexLines(n - known.length, known);
    const events: { at: number; phase: 'parse' | 'write' }[] = [];
    let last = performance.now();
    let worst = 0;
    const lag = setInterval(() => {
      const t = performance.now();
      worst = Math.max(worst, t - last - 20);
      last = t;
    }, 20);
    const t0 = performance.now();
    const result = await importFile(db, blob, {
      target: { newList: { name: LIST } },
      reason: 'unsubscribe',
      fileName: `${LIST}.csv`,
      onProgress: (p) => events.push({ at: performance.now(), phase: p.phase }),
    });
    const end = performance.now();
    clearInterval(lag);
    let maxGap = 0;
    let prev = t0;
    for (const e of events) {
      maxGap = Math.max(maxGap, e.at - prev);
      prev = e.at;
    }
    maxGap = Math.max(maxGap, end - prev);
    const lastParse = events.filter((e) => e.phase === 'parse').at(-1)?.at ?? t0;
    const firstWrite = events.find((e) => e.phase === 'write')?.at ?? end;
    return {
      added: result.added,
      ms: Math.round(end - t0),
      fileBytes: blob.size,
      /** Until the last parse event: reading, decoding, parsing rows, collecting and sorting the keys. */
      parseAndSortMs: Math.round(lastParse - t0),
      /** From the last parse event to the first write event: the quota check and opening the transaction. */
      beforeWriteMs: Math.round(firstWrite - lastParse),
      /** From the first write event to the end: merging into the buckets and committing. */
      writeMs: Math.round(end - firstWrite),
      progressEvents: events.length,
      maxProgressGapMs: Math.round(maxGap),
      maxLagMs: Math.round(worst),
    };
  },
  /** Builds and persists the lookup index as a running background does after a write. */
  async persistIndex() {
    const db = await appDb();
    let t = performance.now();
    const index = await buildLookupIndex(db);
    const buildMs = performance.now() - t;
    t = performance.now();
    const persisted = await persistLookupIndex(db, index);
    const persistMs = performance.now() - t;
    if (!persisted) throw new Error('the lookup index could not be persisted (the data changed meanwhile)');
    return { buildMs: Math.round(buildMs), persistMs: Math.round(persistMs), bytes: lookupIndexBytes(index) };
  },
};
