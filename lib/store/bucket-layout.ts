import type { DBCore, DBCoreCursor, Middleware } from 'dexie';
import { findKey, type Ids } from './buckets';
import {
  type Codes,
  isPackedKeys,
  type Lengths,
  type PackedKeys,
  packedBytes,
  packKeys,
  searchPacked,
  unpackKeys,
} from './packed-keys';
import type { BucketRecord } from './schemas';

// How a bucket record's batch ids are stored (schema version 4). Most buckets hold entries of one batch (a list
// imported once), so a 4-byte id per entry was a fifth of an MD5 list's bytes for one number repeated. On disk a
// record holds `runs` — [batch id, entry count] pairs in entry order — when that is shorter than one id per entry,
// and the plain `batchIds` otherwise (entries of many batches interleaved). Everything above the database sees
// `batchIds` only: this Dexie middleware encodes on write and decodes on read, so no write path can store the
// long form by forgetting, and the native-IndexedDB read paths (lookup.ts, lookup-index.ts) call `decodeBucket`.
//
// A string kind's keys are stored packed (lib/store/packed-keys.ts: `keyCodes` and `keyLengths` replace `keys`)
// since schema version 4 too, without an upgrade of its own: a record written before holds `keys`, is read as it
// is, and is packed when next written.

/** A bucket record as stored: `runs` replaces `batchIds` when shorter; `keyCodes` + `keyLengths` replace `keys`. */
export type StoredBucket = BucketRecord extends infer R
  ? R extends BucketRecord
    ? Omit<R, 'batchIds' | 'keys'> & {
        keys?: R['keys'];
        batchIds?: Ids;
        runs?: Ids;
        keyCodes?: Codes;
        keyLengths?: Lengths;
      }
    : never
  : never;

/** The packed keys of a stored record, if it holds them. */
function storedPacked(rec: StoredBucket | BucketRecord): PackedKeys | undefined {
  if (!('keyCodes' in rec)) return undefined;
  const { keyCodes, keyLengths } = rec;
  return isPackedKeys(keyCodes, keyLengths)
    ? { codes: keyCodes as Codes, lengths: keyLengths as Lengths }
    : undefined;
}

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
  const runs = rec.batchIds ? toRuns(rec.batchIds) : null;
  const pack = Array.isArray(rec.keys);
  if (!runs && !pack) return rec as StoredBucket;
  const { batchIds, keys, ...rest } = rec;
  const out: Record<string, unknown> = { ...rest };
  if (runs) out.runs = runs;
  else if (batchIds) out.batchIds = batchIds;
  if (pack) {
    const p = packKeys(keys as string[]);
    out.keyCodes = p.codes;
    out.keyLengths = p.lengths;
  } else if (keys !== undefined) out.keys = keys; // a record already packed (an import's new bucket) has none
  return out as StoredBucket;
}

/** The record as the rest of the store sees it (a record with plain keys and batch ids is returned as it is). */
export function decodeBucket(rec: StoredBucket | BucketRecord): BucketRecord {
  const runs = 'runs' in rec ? rec.runs : undefined;
  const packed = storedPacked(rec);
  if (!runs && !packed) return rec as BucketRecord;
  const { runs: _r, keyCodes: _c, keyLengths: _l, ...rest } = rec as StoredBucket;
  const out: Record<string, unknown> = { ...rest };
  if (runs) out.batchIds = fromRuns(runs);
  if (packed) out.keys = unpackKeys(packed);
  return out as BucketRecord;
}

// A lookup's reads keep the runs and the packed keys, and expand them only if something asks for the whole
// `batchIds` or `keys`: a lookup needs a binary search and one id per hit (findStoredKey, batchIdAt), and most
// buckets it reads (an index false positive, a listed person's bucket) would otherwise allocate four bytes per
// entry for nothing (10 KB per MD5 bucket at 10M entries) and a string per email.
const lazyRuns = new WeakMap<object, Ids>();
const lazyKeys = new WeakMap<object, PackedKeys>();

/** An enumerable property made by `make` the first time it is read, then kept. */
function defineLazily<T>(o: object, name: string, make: () => T): void {
  let value: T | undefined;
  Object.defineProperty(o, name, { enumerable: true, configurable: true, get: () => (value ??= make()) });
}

/** decodeBucket for the native read paths: the same record, its batch ids and keys expanded on first use. */
export function decodeBucketLazily(rec: StoredBucket | BucketRecord): BucketRecord {
  const runs = 'runs' in rec ? rec.runs : undefined;
  const packed = storedPacked(rec);
  if (!runs && !packed) return rec as BucketRecord;
  const { runs: _r, keyCodes: _c, keyLengths: _l, ...rest } = rec as StoredBucket;
  if (runs) defineLazily(rest, 'batchIds', () => fromRuns(runs));
  if (packed) defineLazily(rest, 'keys', () => unpackKeys(packed));
  const out = rest as unknown as BucketRecord;
  if (runs) lazyRuns.set(out, runs);
  if (packed) lazyKeys.set(out, packed);
  return out;
}

/** A lazily decoded record's stored forms (packed keys, batch runs), for readers that can use them as they are. */
export function storedFormsOf(rec: BucketRecord): { packed?: PackedKeys; runs?: Ids } {
  return { packed: lazyKeys.get(rec), runs: lazyRuns.get(rec) };
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

/** findKey (buckets.ts) on any record, without expanding a lazily decoded record's packed keys. */
export function findStoredKey(rec: BucketRecord, key: string, needle: Uint8Array | undefined): number {
  const packed = lazyKeys.get(rec);
  return packed ? searchPacked(packed, key) : findKey(rec, key, needle);
}

/** Roughly the bytes a record read by a lookup holds (strings at two bytes a character), without expanding it. */
export function heldBytes(rec: BucketRecord): number {
  const packed = lazyKeys.get(rec);
  const runs = lazyRuns.get(rec);
  let n = 64 + (runs ? runs.byteLength : rec.batchIds.byteLength);
  if (packed) return n + packedBytes(packed);
  if (rec.keys instanceof Uint8Array) return n + rec.keys.byteLength;
  for (const k of rec.keys) n += 2 * k.length + 16;
  return n;
}

/** Bytes of a record's keys and batch ids as stored (strings counted at two bytes a character). */
export function storedBytes(rec: StoredBucket): number {
  const packed = storedPacked(rec);
  const keys = packed
    ? packedBytes(packed)
    : Array.isArray(rec.keys)
      ? rec.keys.reduce((n, k) => n + 2 * k.length, 0)
      : (rec.keys?.byteLength ?? 0);
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
