import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';

// Issue 18, lookup p99 at 10M: does the size of the bucket a listed person's lookup reads set the tail? The same
// figures as HEED_BENCH_ONLY=lookups, plus what a bucket count changes elsewhere: each import's time and storage,
// the records stored and the mean bytes of an email bucket, and the machine's load around the run. Run against
// builds that differ only in BUCKET_BITS (HEED_BENCH_EXT_DIR), alternating them:
//   HEED_BENCH_ONLY=bucket-size HEED_BENCH_N=5000000 HEED_BENCH_EXT_DIR=… npm run bench
// Everything is read through the bench page's existing functions and the raw IndexedDB, so a build made before
// this file existed runs it too.

type Import = { added: number; ms: number; storageBytes: number; logicalBytes: number; maxLagMs: number };
type Pct = { p50: number; p95: number; p99: number; max: number };
type Lookups = {
  hits: number;
  rounds: { lookup: number; singleGet: number }[];
  medianRoundP99: { lookup: number; singleGet: number; ownReads?: number };
  lookup: Pct;
  /** Absent in builds from before the bench measured the lookups' own reads. */
  ownReadsWithBucket?: Pct;
  lookupListed: Pct;
  lookupUnlisted: Pct;
  singleGet: Pct;
  index: { buildMs: number; bytes: number };
};

type Calls = {
  importMd5(n: number): Promise<Import>;
  importEmails(n: number): Promise<Import>;
  lookups(rounds: number, perRound: number, listedUpTo: number): Promise<Lookups>;
};

/** Bucket records per kind in the bench's database, read raw (no Heed code, so any build answers). */
function recordsPerKind(page: Page): Promise<Record<string, number>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('heed-bench');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const index = db.transaction('buckets').objectStore('buckets').index('[kind+bucket]');
          const out: Record<string, number> = {};
          const kinds = ['md5', 'email'];
          let left = kinds.length;
          for (const kind of kinds) {
            const r = index.count(IDBKeyRange.bound([kind, 0], [kind, Number.MAX_SAFE_INTEGER]));
            r.onsuccess = () => {
              out[kind] = r.result;
              if (--left === 0) {
                db.close();
                resolve(out);
              }
            };
            r.onerror = () => reject(r.error);
          }
        };
      }),
  );
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const mb = (b: number) => round1(b / 1024 / 1024);

export async function bucketSizeRun(calls: Calls, page: Page, n: number, rounds: number, perRound: number) {
  const loadBefore = loadavg().map(round1);
  const md5 = await calls.importMd5(n);
  const emails = await calls.importEmails(n);
  const records = await recordsPerKind(page);
  // HEED_BENCH_SETTLE_MS: idle this long before the lookups, so the database's compaction of a big import (longer
  // with more records) is not inside the timed reads of one build and not the other's.
  await new Promise((r) => setTimeout(r, Number(process.env.HEED_BENCH_SETTLE_MS ?? 0)));
  const loadBeforeLookups = loadavg().map(round1);
  const l = await calls.lookups(rounds, perRound, n);
  const loadAfter = loadavg().map(round1);
  const emailRecords = records.email ?? 0;
  const figures = {
    n,
    settleMs: Number(process.env.HEED_BENCH_SETTLE_MS ?? 0),
    records,
    emailsPerBucket: emailRecords ? Math.round(n / emailRecords) : 0,
    emailBucketKB: emailRecords ? round1(emails.logicalBytes / emailRecords / 1024) : 0,
    md5: {
      ms: md5.ms,
      storageMB: mb(md5.storageBytes),
      logicalMB: mb(md5.logicalBytes),
      maxLagMs: md5.maxLagMs,
    },
    emails: {
      ms: emails.ms,
      storageMB: mb(emails.storageBytes),
      logicalMB: mb(emails.logicalBytes),
      maxLagMs: emails.maxLagMs,
    },
    lookups: {
      medianRoundP99: l.medianRoundP99.lookup,
      roundsP99: l.rounds.map((r) => r.lookup),
      pooled: { p50: l.lookup.p50, p95: l.lookup.p95, p99: l.lookup.p99, max: l.lookup.max },
      listed: { p50: l.lookupListed.p50, p95: l.lookupListed.p95, p99: l.lookupListed.p99 },
      unlisted: { p50: l.lookupUnlisted.p50, p95: l.lookupUnlisted.p95, p99: l.lookupUnlisted.p99 },
      singleGetMedianRoundP99: l.medianRoundP99.singleGet,
      singleGetRoundsP99: l.rounds.map((r) => r.singleGet),
      singleGetPooled: { p50: l.singleGet.p50, p99: l.singleGet.p99 },
      ownReadsMedianRoundP99: l.medianRoundP99.ownReads,
      ownReadsWithBucket: l.ownReadsWithBucket,
      indexBuildMs: l.index.buildMs,
      hits: l.hits,
    },
    load: { before: loadBefore, beforeLookups: loadBeforeLookups, after: loadAfter },
  };
  return figures;
}
