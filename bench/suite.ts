import { bulkCheck } from '@/lib/bulk/check';
import { suggestBulkMapping } from '@/lib/bulk/mapping';
import { loadHashers } from '@/lib/identifiers';
import { encodeBucket, storedBytes } from '@/lib/store/bucket-layout';
import { DATA_TOKEN_KEY, META_TABLE } from '@/lib/store/data-token';
import { type HeedDb, openDb } from '@/lib/store/db';
import { purgeExpiredDeletedLists } from '@/lib/store/deleted-lists';
import { addEntries } from '@/lib/store/entries';
import { readAll } from '@/lib/store/idb-request';
import { importFile, previewFile } from '@/lib/store/import';
import { deleteList } from '@/lib/store/lists';
import {
  candidateKeys,
  holdersOf,
  indexedCandidates,
  type LookupResult,
  lookupPerson,
  normaliseIds,
} from '@/lib/store/lookup';
import {
  currentLookupIndex,
  keepLookupIndex,
  lookupIndexBytes,
  lookupIndexSource,
} from '@/lib/store/lookup-index';
import { applyTeamBundle, verifyTeamBundle } from '@/lib/team/apply';
import { exportTeamBundle } from '@/lib/team/export';
import { createTeamKey, deleteTeamKey, getSigningKey } from '@/lib/team/keys';
import { answerFor } from '@/lib/verdict/answer';
import { referenceBulkCheck } from '@/tests/unit/bulk/reference-check';
import { lookupPhases, markedLookups } from './lookup-phases';
import { dropDb, freshDb, percentiles, transactionDone } from './page-stats';
import { recordSizeReads } from './record-size';
import { scaleDeletes } from './scale-deletes';

// Runs inside the extension (Chromium, extension origin), so every figure is IndexedDB as the product uses it.

let dbPromise: Promise<HeedDb> | undefined;
const db = () => {
  dbPromise ??= openDb('heed-bench');
  return dbPromise;
};

function email(i: number): string {
  return `person.${i}.${(i * 2654435761) % 1000003}@company${i % 5000}.example`;
}

function randomHex(bytes: number): string {
  const b = crypto.getRandomValues(new Uint8Array(bytes));
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

/** Measures how long the main thread was blocked: the worst gap between 20 ms timer ticks while work runs. */
function lagMonitor() {
  let last = performance.now();
  let worst = 0;
  const id = setInterval(() => {
    const t = performance.now();
    worst = Math.max(worst, t - last - 20);
    last = t;
  }, 20);
  return {
    stop() {
      clearInterval(id);
      return Math.round(worst);
    },
  };
}

/** Chromium's JS heap size (coarse), to see what a step keeps in memory. */
function heapBytes(): number {
  return (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

function csvBlob(header: string, n: number, value: (i: number) => string): Blob {
  // A blob per 50,000 lines, not a string: at 10M the strings were 450 MB of heap, and the page's first full
  // collection after them fell inside the timed import as a 0.5 s block that was the bench's, not the import's.
  const parts: Blob[] = [new Blob([`${header}\n`])];
  let chunk: string[] = [];
  for (let i = 0; i < n; i++) {
    chunk.push(value(i));
    if (chunk.length === 50_000) {
      parts.push(new Blob([`${chunk.join('\n')}\n`]));
      chunk = [];
    }
  }
  if (chunk.length) parts.push(new Blob([`${chunk.join('\n')}\n`]));
  return new Blob(parts, { type: 'text/csv' });
}

async function timedImport(name: string, blob: Blob) {
  const d = await db();
  const before = await usage();
  const progressAt: number[] = [];
  const lag = lagMonitor();
  const t0 = performance.now();
  const result = await importFile(d, blob, {
    target: { newList: { name } },
    reason: 'unsubscribe',
    fileName: `${name}.csv`,
    onProgress: () => progressAt.push(performance.now()),
  });
  const ms = performance.now() - t0;
  const maxLagMs = lag.stop();
  let maxProgressGapMs = progressAt.length ? progressAt[0]! - t0 : ms;
  for (let i = 1; i < progressAt.length; i++)
    maxProgressGapMs = Math.max(maxProgressGapMs, progressAt[i]! - progressAt[i - 1]!);
  maxProgressGapMs = Math.max(maxProgressGapMs, t0 + ms - (progressAt.at(-1) ?? t0));
  // The storage estimate lags writes (the database compacts its log later): wait a little, and also report the
  // logical size of what was stored, which does not depend on when the browser gets round to compacting.
  await new Promise((r) => setTimeout(r, 3000));
  let logicalBytes = 0;
  await d.buckets
    .where('[listId+kind+bucket]')
    .between([result.listId, '', 0], [result.listId, '\uffff', 1e9])
    .each((rec) => {
      logicalBytes += storedBytes(encodeBucket(rec));
    });
  return {
    listId: result.listId,
    added: result.added,
    logicalBytes,
    ms: Math.round(ms),
    progressEvents: progressAt.length,
    maxProgressGapMs: Math.round(maxProgressGapMs),
    maxLagMs,
    storageBytes: (await usage()) - before,
  };
}

/**
 * A connection that keeps the lookup index, warmed by 50 lookups, and the people bench/lookup-phases.ts and
 * bench/lookup-trace.ts look up: every other one listed (an email of the bench's list), each with a profile URL.
 */
async function warmLookups(listedUpTo: number) {
  await loadHashers();
  const d = await openDb('heed-bench');
  await keepLookupIndex(d);
  await new Promise((r) => setTimeout(r, 2000));
  const person = (k: number) => ({
    emails: [k % 2 ? email((k * 104729) % listedUpTo) : `nobody.${k}@elsewhere.example`],
    profileUrls: [`https://www.linkedin.com/in/someone-${k}/`],
  });
  for (let k = 0; k < 50; k++) await lookupPerson(d, person(k));
  return { d, person };
}

/** The naive design, for comparison: one IndexedDB record per entry, 10,000 per transaction. */
async function baselineStore(name: string, n: number, value: (i: number) => string) {
  const idb = await freshDb(`bench-baseline-${name}`, (db) =>
    db.createObjectStore('entries', { keyPath: 'value' }),
  );
  const before = await usage();
  const t0 = performance.now();
  for (let start = 0; start < n; start += 10_000) {
    const tx = idb.transaction('entries', 'readwrite');
    const store = tx.objectStore('entries');
    for (let i = start; i < Math.min(n, start + 10_000); i++) {
      store.put({ value: value(i), reason: 'unsubscribe', since: '2026-11-29', batch: 1 });
    }
    await transactionDone(tx);
  }
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 3000)); // as for Heed's imports: let the estimate catch up
  const storageBytes = (await usage()) - before;
  // Point lookups against the same store: the naive design's lookup cost.
  const times: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const i = (k * 7919) % n;
    const t = performance.now();
    await new Promise<void>((res) => {
      const g = idb
        .transaction('entries')
        .objectStore('entries')
        .get(k % 2 ? value(i) : `absent-${k}`);
      g.onsuccess = () => res();
    });
    times.push(performance.now() - t);
  }
  idb.close();
  return {
    n,
    ms: Math.round(ms),
    perSecond: Math.round((n / ms) * 1000),
    storageBytes,
    lookup: percentiles(times),
  };
}

const ignore = () => {};

export const benchSuite = {
  /** Deleting a list of `n` MD5 and removing half of another through a team delta (bench/scale-deletes.ts). */
  async scaleDeletes(n: number, removal = true) {
    return scaleDeletes(await db(), n, { removal });
  },
  /**
   * The emails list (after importEmails) as a signed team bundle: the lead's full export, a rep's verify and apply
   * into a second database, then a daily update of 1,000 new entries as a delta.
   */
  async teamBundle() {
    const d = await db();
    const list = (await d.lists.toArray()).find((l) => l.name === 'bench-emails');
    if (!list) throw new Error('import the emails first');
    if (await getSigningKey(d)) await deleteTeamKey(d);
    await createTeamKey(d, 'Bench team');
    let t = performance.now();
    const full = await exportTeamBundle(d, { listIds: [list.id], entryMode: 'plain', delta: false });
    const exportMs = performance.now() - t;
    await dropDb('heed-bench-rep');
    const rep = await openDb('heed-bench-rep');
    t = performance.now();
    const v = await verifyTeamBundle(rep, full.bytes);
    const verifyMs = performance.now() - t;
    t = performance.now();
    const applied = await applyTeamBundle(rep, v, { pin: true });
    const applyMs = performance.now() - t;
    await addEntries(
      d,
      list.id,
      Array.from({ length: 1000 }, (_, k) => ({
        kind: 'email' as const,
        value: `daily.${k}@update.example`,
      })),
      { reason: 'unsubscribe' },
    );
    t = performance.now();
    const delta = await exportTeamBundle(d, { listIds: [list.id], entryMode: 'plain', delta: true });
    const deltaExportMs = performance.now() - t;
    t = performance.now();
    const dv = await verifyTeamBundle(rep, delta.bytes);
    const dApplied = await applyTeamBundle(rep, dv);
    const deltaApplyMs = performance.now() - t;
    const repCount = (await rep.lists.toArray()).find((l) => l.managed)?.counts.total ?? 0;
    rep.close();
    await dropDb('heed-bench-rep');
    await deleteTeamKey(d);
    if (applied.added !== full.entries || dApplied.added !== 1000 || repCount !== full.entries + 1000) {
      throw new Error(`bundle applied ${applied.added}/${dApplied.added}, rep has ${repCount}`);
    }
    return {
      entries: full.entries,
      bytes: full.bytes.length,
      exportMs: Math.round(exportMs),
      verifyMs: Math.round(verifyMs),
      applyMs: Math.round(applyMs),
      delta: {
        entries: delta.entries,
        bytes: delta.bytes.length,
        exportMs: Math.round(deltaExportMs),
        verifyApplyMs: Math.round(deltaApplyMs),
      },
    };
  },
  /**
   * A prospect file of `n` people (every other one listed) through the options page's bulk check; `perRow` runs
   * the baseline instead: the same file checked one row at a time (lookupPerson and the risk engine per row, the
   * reference the fast path is tested against).
   */
  async bulkCheck(n: number, listedUpTo: number, perRow = false) {
    const d = await db();
    const blob = csvBlob('email', n, (k) =>
      k % 2 ? email((k * 7919) % listedUpTo) : `prospect.${k}@elsewhere.example`,
    );
    const p = await previewFile(blob);
    const heapBefore = heapBytes();
    let heapPeak = heapBefore;
    const lag = lagMonitor();
    const t0 = performance.now();
    const r = await (perRow ? referenceBulkCheck : bulkCheck)(d, blob, {
      headers: p.headers,
      hasHeader: p.hasHeader,
      delimiter: p.delimiter,
      encoding: p.encoding,
      sepLine: p.sepLine,
      mapping: suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader),
      onProgress: () => {
        heapPeak = Math.max(heapPeak, heapBytes());
      },
    });
    const ms = performance.now() - t0;
    const maxLagMs = lag.stop();
    if (r.counts.blocked !== Math.floor(n / 2))
      throw new Error(`bulk check found ${r.counts.blocked} blocked`);
    return {
      rows: r.rows,
      ms: Math.round(ms),
      perSecond: Math.round((n / ms) * 1000),
      heapGrowthBytes: heapBytes() - heapBefore,
      heapPeakGrowthBytes: heapPeak - heapBefore,
      outputBytes: r.output.size,
      maxLagMs,
    };
  },
  /**
   * Builds and persists the lookup index, as Heed's background does after an import (bulk-figures.ts then reloads
   * the page, so the bulk check loads it in a fresh page as the options page would).
   */
  async keepIndex() {
    return (await keepLookupIndex(await db())) !== undefined;
  },
  /** Where a lookup's time goes: normalising and hashing the identifiers, before any database read. */
  async keyCost(count: number) {
    await loadHashers();
    const times: number[] = [];
    for (let k = 0; k < count; k++) {
      const t = performance.now();
      await candidateKeys(
        normaliseIds({ emails: [email(k)], profileUrls: [`https://www.linkedin.com/in/someone-${k}/`] }),
        true,
      );
      times.push(performance.now() - t);
    }
    return percentiles(times);
  },
  async reset() {
    const d = await db();
    for (const l of await d.lists.toArray()) await deleteList(d, l.id);
    // Their entries wait for an undo no one will offer here: removed now.
    await purgeExpiredDeletedLists(d, Number.POSITIVE_INFINITY);
    return (await d.buckets.count()) === 0;
  },
  importEmails(n: number) {
    return timedImport('bench-emails', csvBlob('email', n, email));
  },
  importMd5(n: number) {
    return timedImport(
      'bench-md5',
      csvBlob('md5', n, () => randomHex(16)),
    );
  },
  baselineEmails(n: number) {
    return baselineStore('emails', n, email);
  },
  baselineMd5(n: number) {
    const hexes = Array.from({ length: n }, () => randomHex(16));
    return baselineStore('md5', n, (i) => hexes[i]!);
  },
  /** A lookup's read (token + one record) by record size, nothing of Heed's around it (bench/record-size.ts). */
  recordSizes(sizes: number[], bytesPerSize: number, reads: number, settleMs: number) {
    return recordSizeReads(sizes, bytesPerSize, reads, settleMs);
  },
  /**
   * One person (an email, which is hashed three ways for the hashed lists, and a profile URL) per lookup; every
   * other person is listed. Measured as the background does it (with the lookup index), without the index (every
   * candidate bucket read), and next to a single IndexedDB get, in `rounds` rounds spread over time: these
   * machines have bursts of noise, and a burst then spoils one round, not the figure (the median round is
   * reported next to the pooled percentiles).
   */
  async lookups(rounds: number, perRound: number, listedUpTo: number) {
    const plain = await db();
    await loadHashers();
    // A second connection keeps the index, as the background does; `plain` never has one.
    const d = await openDb('heed-bench');
    let t = performance.now();
    const index = await keepLookupIndex(d);
    const indexBuildMs = performance.now() - t;
    if (!index || lookupIndexSource(d) !== 'built') throw new Error('the lookup index was not built');
    const again = await openDb('heed-bench');
    t = performance.now();
    await keepLookupIndex(again);
    const indexLoadMs = performance.now() - t;
    if (lookupIndexSource(again) !== 'loaded') throw new Error('the persisted lookup index was not loaded');
    again.close();
    // Steady state, as the background is between page views: building the index read every bucket once, and the
    // garbage that left is collected while the page idles, not inside the timed lookups.
    await new Promise((r) => setTimeout(r, 2000));

    const person = (k: number) => ({
      emails: [k % 2 ? email((k * 104729) % listedUpTo) : `nobody.${k}@elsewhere.example`],
      profileUrls: [`https://www.linkedin.com/in/someone-${k}/`],
    });
    const idb = d.backendDB();
    const singleGet = () =>
      new Promise<void>((res, rej) => {
        const r = idb.transaction('lists').objectStore('lists').get('none');
        r.onsuccess = () => res();
        r.onerror = () => rej(r.error);
      });
    // The same run's floor for the lookup: exactly the IndexedDB reads the indexed lookup of that person makes (the
    // data token, and each bucket record the index could not rule out, by primary key, in one transaction), issued
    // natively with nothing of Heed's JavaScript around them. The keys are worked out before the clock starts. They
    // are other people's than the timed lookups' (as many listed, buckets as random), so neither reads a record the
    // other has just brought into the database's caches.
    const holders = await holdersOf(d, index);
    const OTHERS = 2 * rounds * perRound;
    const readsOf = async (k: number): Promise<[string, string, number][]> => {
      const { groups } = await indexedCandidates(index, normaliseIds(person(k)), true);
      return [...groups.values()].flatMap((g) =>
        (holders?.get(g.kind) ?? []).map((listId) => [listId, g.kind, g.bucket] as [string, string, number]),
      );
    };
    const ownReads = (keys: readonly [string, string, number][]) => {
      const tx = idb.transaction(keys.length > 0 ? [META_TABLE, 'buckets'] : [META_TABLE], 'readonly');
      return readAll(
        tx,
        (issue) => {
          issue(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY), ignore);
          for (const key of keys) issue(tx.objectStore('buckets').get(key), ignore);
        },
        'the reads were aborted',
      );
    };
    for (let k = 0; k < 50; k++) {
      await lookupPerson(d, person(k));
      await lookupPerson(plain, person(k));
      await singleGet();
      await ownReads(await readsOf(k));
    }
    const all = { lookup: [] as number[], listed: [] as number[], unlisted: [] as number[] };
    const plainTimes: number[] = [];
    const getTimes: number[] = [];
    const full: number[] = [];
    const ownTimes = { all: [] as number[], listed: [] as number[] };
    const perRoundP99: {
      lookup: number;
      singleGet: number;
      ownReads: number;
      withoutIndex: number;
      assess: number;
    }[] = [];
    let hits = 0;
    let plainHits = 0;
    const time = async (f: () => Promise<unknown>, into: number[][]) => {
      const t0 = performance.now();
      const r = await f();
      const ms = performance.now() - t0;
      for (const a of into) a.push(ms);
      return r;
    };
    for (let round = 0; round < rounds; round++) {
      const lookup: number[] = [];
      const get: number[] = [];
      const own: number[] = [];
      const without: number[] = [];
      const assess: number[] = [];
      for (let i = 0; i < perRound; i++) {
        const k = round * perRound + i;
        const r = (await time(() => lookupPerson(d, person(k)), [lookup, all.lookup])) as LookupResult;
        (r.matches.length > 0 ? all.listed : all.unlisted).push(lookup.at(-1) as number);
        if (r.matches.length > 0) hits++;
      }
      for (let i = 0; i < perRound; i++) await time(singleGet, [get, getTimes]);
      for (let i = 0; i < perRound; i++) {
        const keys = await readsOf(OTHERS + round * perRound + i);
        await time(
          () => ownReads(keys),
          keys.length > 0 ? [own, ownTimes.all, ownTimes.listed] : [own, ownTimes.all],
        );
      }
      for (let i = 0; i < perRound; i++) {
        const r = (await time(
          () => lookupPerson(plain, person(round * perRound + i)),
          [without, plainTimes],
        )) as LookupResult;
        if (r.matches.length > 0) plainHits++;
      }
      for (let i = 0; i < perRound; i++) {
        const p = person(round * perRound + i);
        await time(
          () =>
            answerFor(
              d,
              { ...p, salesNavUrls: [], phones: [] },
              { source: 'linkedin-profile', country: 'GB' },
              new Date(),
            ),
          [assess, full],
        );
      }
      perRoundP99.push({
        lookup: percentiles(lookup).p99,
        singleGet: percentiles(get).p99,
        ownReads: percentiles(own).p99,
        withoutIndex: percentiles(without).p99,
        assess: percentiles(assess).p99,
      });
      await new Promise((r) => setTimeout(r, 500));
    }
    if (hits !== plainHits) throw new Error('the index changed what lookups found');
    if (currentLookupIndex(d) !== index) throw new Error('the index was dropped during the run');
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    d.close();
    return {
      count: rounds * perRound,
      hits,
      rounds: perRoundP99,
      medianRoundP99: {
        lookup: median(perRoundP99.map((r) => r.lookup)),
        singleGet: median(perRoundP99.map((r) => r.singleGet)),
        ownReads: median(perRoundP99.map((r) => r.ownReads)),
        withoutIndex: median(perRoundP99.map((r) => r.withoutIndex)),
        assess: median(perRoundP99.map((r) => r.assess)),
      },
      lookup: percentiles(all.lookup),
      lookupListed: percentiles(all.listed),
      lookupUnlisted: percentiles(all.unlisted),
      lookupWithoutIndex: percentiles(plainTimes),
      singleGet: percentiles(getTimes),
      /** The lookups' own reads, natively (see ownReads above); `listed` are those that read a bucket. */
      ownReads: percentiles(ownTimes.all),
      ownReadsWithBucket: percentiles(ownTimes.listed),
      lookupAndAssess: percentiles(full),
      index: {
        buildMs: Math.round(indexBuildMs),
        loadMs: Math.round(indexLoadMs),
        bytes: lookupIndexBytes(index),
      },
    };
  },
  /** Lookups wrapped in User Timing measures, for a trace (bench/lookup-trace.ts). */
  async markedLookups(count: number, listedUpTo: number) {
    const { d, person } = await warmLookups(listedUpTo);
    try {
      return await markedLookups(d, person, count);
    } finally {
      d.close();
    }
  },
  /** Where a lookup's time goes (bench/lookup-phases.ts), on a connection that keeps the index. */
  async lookupPhases(count: number, listedUpTo: number) {
    const { d, person } = await warmLookups(listedUpTo);
    try {
      const plain = await lookupPhases(d, person, count);
      if (!('gc' in globalThis)) return plain;
      return { plain, gc: await lookupPhases(d, person, count, count, true) };
    } finally {
      d.close();
    }
  },
};
