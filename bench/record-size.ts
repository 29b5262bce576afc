// What a lookup's read costs by the size of the record it reads, on this machine, with nothing of Heed's around it
// (issue 18, lookup p99 ≤ 1 ms). A listed person's lookup is one read transaction: the data token and the bucket
// record that holds their key. At 10M entries and 4,096 buckets a record is 20 KB (MD5) to 49 KB (emails); with
// more buckets per list it is smaller, at a price in import time and per-record overhead
// (docs/architecture-scale.md, "Smaller buckets, measured"). This stores `bytesPerSize` of random records of each
// size in one database (random: MD5 digests do not compress), idles, then reads them as a lookup does — token and
// record in one transaction — in an interleaved random order, beside token-only reads. Runs in the bench page;
// HEED_BENCH_ONLY=record-size npm run bench.

import { idbRequest, readAll } from '@/lib/store/idb-request';
import { dropDb, freshDb, percentiles as pct, transactionDone } from './page-stats';

const DB = 'bench-record-size';

export async function recordSizeReads(
  sizes: number[],
  bytesPerSize: number,
  reads: number,
  settleMs: number,
) {
  const idb = await freshDb(DB, (db) => {
    db.createObjectStore('recs');
    db.createObjectStore('meta');
  });
  const counts = sizes.map((size) => Math.max(1, Math.round(bytesPerSize / size)));
  const writeMs: number[] = [];
  for (const [si, size] of sizes.entries()) {
    const t0 = performance.now();
    const count = counts[si] as number;
    // A few MB per transaction, as an import's rounds write.
    const perTx = Math.max(1, Math.floor((4 << 20) / size));
    for (let start = 0; start < count; start += perTx) {
      const tx = idb.transaction('recs', 'readwrite');
      const store = tx.objectStore('recs');
      for (let i = start; i < Math.min(count, start + perTx); i++) {
        const data = new Uint8Array(size);
        for (let o = 0; o < size; o += 65536)
          crypto.getRandomValues(data.subarray(o, Math.min(size, o + 65536)));
        store.put({ data, runs: new Uint32Array([1, size >> 4]) }, [size, i]);
      }
      await transactionDone(tx);
    }
    writeMs.push(Math.round(performance.now() - t0));
  }
  {
    const tx = idb.transaction('meta', 'readwrite');
    tx.objectStore('meta').put({ token: crypto.randomUUID() }, 'dataToken');
    await transactionDone(tx);
  }
  await new Promise((r) => setTimeout(r, settleMs));

  const times = sizes.map(() => [] as number[]);
  const tokenOnly: number[] = [];
  // Read as the lookup reads (lib/store/lookup.ts readIfUnchanged): both requests in one transaction, through readAll.
  const read = async (si: number) => {
    const i = Math.floor(Math.random() * (counts[si] as number));
    let rec: unknown;
    const t0 = performance.now();
    const tx = idb.transaction(['meta', 'recs'], 'readonly');
    await readAll(
      tx,
      (issue) => {
        issue(tx.objectStore('meta').get('dataToken'), () => {});
        issue(tx.objectStore('recs').get([sizes[si] as number, i]), (v) => {
          rec = v;
        });
      },
      'the read was aborted',
    );
    (times[si] as number[]).push(performance.now() - t0);
    if (!(rec as { data?: Uint8Array } | undefined)?.data)
      throw new Error(`record ${sizes[si]}/${i} missing`);
  };
  const token = async () => {
    const t0 = performance.now();
    await idbRequest(idb.transaction('meta', 'readonly').objectStore('meta').get('dataToken'));
    tokenOnly.push(performance.now() - t0);
  };
  // Interleaved, so a burst of noise on the machine falls on every size alike.
  for (let k = 0; k < reads; k++) {
    for (let si = 0; si < sizes.length; si++) await read(si);
    await token();
  }
  idb.close();
  await dropDb(DB);
  return {
    bytesPerSize,
    reads,
    sizes: sizes.map((size, si) => ({
      size,
      records: counts[si],
      writeMs: writeMs[si],
      ...pct(times[si] as number[]),
    })),
    tokenOnly: pct(tokenOnly),
  };
}
