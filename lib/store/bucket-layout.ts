import type { DBCore, DBCoreCursor, Middleware } from 'dexie';
import type { Ids } from './buckets';
import type { BucketRecord } from './schemas';

// How a bucket record's batch ids are stored (schema version 4). Most buckets hold entries of one batch (a list
// imported once), so a 4-byte id per entry was a fifth of an MD5 list's bytes for one number repeated. On disk a
// record holds `runs` — [batch id, entry count] pairs in entry order — when that is shorter than one id per entry,
// and the plain `batchIds` otherwise (entries of many batches interleaved). Everything above the database sees
// `batchIds` only: this Dexie middleware encodes on write and decodes on read, so no write path can store the
// long form by forgetting, and the native-IndexedDB read paths (lookup.ts, lookup-index.ts) call `decodeBucket`.

/** A bucket record as stored: `runs` replaces `batchIds` when shorter. */
export type StoredBucket = BucketRecord extends infer R
  ? R extends BucketRecord
    ? Omit<R, 'batchIds'> & { batchIds?: Ids; runs?: Ids }
    : never
  : never;

/** [batch id, count] pairs of consecutive equal ids, or null when they would not be shorter than the ids. */
export function toRuns(ids: Uint32Array): Ids | null {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) n++;
  if (n === 0 || 2 * n >= ids.length) return null;
  const runs = new Uint32Array(2 * n);
  let r = -2;
  for (let i = 0; i < ids.length; i++) {
    if (i === 0 || ids[i] !== ids[i - 1]) {
      r += 2;
      runs[r] = ids[i] as number;
    }
    runs[r + 1] = (runs[r + 1] as number) + 1;
  }
  return runs;
}

export function fromRuns(runs: Uint32Array): Ids {
  let n = 0;
  for (let r = 1; r < runs.length; r += 2) n += runs[r] as number;
  const ids = new Uint32Array(n);
  let at = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = at + (runs[r + 1] as number);
    ids.fill(runs[r] as number, at, end);
    at = end;
  }
  return ids;
}

/** The stored form of a record (a record already stored compactly is returned as it is). */
export function encodeBucket(rec: BucketRecord | StoredBucket): StoredBucket {
  if (!rec.batchIds) return rec;
  const runs = toRuns(rec.batchIds);
  if (!runs) return rec;
  const { batchIds: _, ...rest } = rec;
  return { ...rest, runs };
}

/** The record as the rest of the store sees it (a record with plain batch ids is returned as it is). */
export function decodeBucket(rec: StoredBucket | BucketRecord): BucketRecord {
  if (!('runs' in rec) || !rec.runs) return rec as BucketRecord;
  const { runs, ...rest } = rec;
  return { ...rest, batchIds: fromRuns(runs) } as BucketRecord;
}

// A lookup's reads keep the runs and expand them only if something asks for the whole `batchIds`: a lookup needs
// one id per hit (batchIdAt), and most buckets it reads (an index false positive, a listed person's bucket) would
// otherwise allocate four bytes per entry for nothing (10 KB per MD5 bucket at 10M entries).
const lazyRuns = new WeakMap<object, Ids>();

/** decodeBucket for the native read paths: the same record, its batch ids expanded on first use. */
export function decodeBucketLazily(rec: StoredBucket | BucketRecord): BucketRecord {
  if (!('runs' in rec) || !rec.runs) return rec as BucketRecord;
  const { runs, ...rest } = rec;
  let ids: Ids | undefined;
  const out = Object.defineProperty(rest, 'batchIds', {
    enumerable: true,
    configurable: true,
    get: () => {
      ids ??= fromRuns(runs);
      return ids;
    },
  }) as BucketRecord;
  lazyRuns.set(out, runs);
  return out;
}

/** The batch id of entry `at` (`rec.batchIds[at]`), without expanding a lazily decoded record's runs. */
export function batchIdAt(rec: BucketRecord, at: number): number | undefined {
  const runs = lazyRuns.get(rec);
  if (!runs) return rec.batchIds[at];
  let left = at;
  for (let r = 0; r + 1 < runs.length; r += 2) {
    left -= runs[r + 1] as number;
    if (left < 0) return runs[r];
  }
  return undefined;
}

/** Bytes of a record's keys and batch ids as stored (strings counted at two bytes a character). */
export function storedBytes(rec: StoredBucket): number {
  const keys = Array.isArray(rec.keys) ? rec.keys.reduce((n, k) => n + 2 * k.length, 0) : rec.keys.byteLength;
  return keys + ((rec.runs ?? rec.batchIds)?.byteLength ?? 0);
}

const decodeAny = (v: unknown) => (v && typeof v === 'object' ? decodeBucket(v as StoredBucket) : v);

function decodingCursor(cursor: DBCoreCursor): DBCoreCursor {
  let raw: unknown;
  let decoded: unknown;
  return Object.create(cursor, {
    value: {
      get() {
        const v = cursor.value;
        if (v !== raw) {
          raw = v;
          decoded = decodeAny(v);
        }
        return decoded;
      },
    },
  });
}

export const BUCKETS_TABLE = 'buckets';

export const bucketLayoutMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'heed-bucket-layout',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (name !== BUCKETS_TABLE) return table;
        return {
          ...table,
          mutate(req) {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            return table.mutate({ ...req, values: req.values.map((v) => encodeBucket(v as BucketRecord)) });
          },
          async get(req) {
            return decodeAny(await table.get(req));
          },
          async getMany(req) {
            return (await table.getMany(req)).map(decodeAny);
          },
          async query(req) {
            const res = await table.query(req);
            return req.values ? { ...res, result: res.result.map(decodeAny) } : res;
          },
          async openCursor(req) {
            const cursor = await table.openCursor(req);
            return cursor && req.values !== false ? decodingCursor(cursor) : cursor;
          },
        };
      },
    };
  },
};
