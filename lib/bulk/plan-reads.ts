import { fnv1a32 } from '../store/buckets';
import { DATA_TOKEN_KEY, META_TABLE, tokenOf } from '../store/data-token';
import type { HeedDb } from '../store/db';
import { readAll } from '../store/idb-request';
import { type Codes, isPackedKeys, type Lengths } from '../store/packed-keys';
import { BUCKET_BITS, DIGEST_BYTES } from '../store/schemas';
import { type EntryKind, isHashKind } from '../vocab';
import type { PackedRecord } from './packed-buckets';

// A planned bulk check (lookup-many.ts, LookupPlan) collects the keys a stretch of a file's rows may be listed
// under, then reads each bucket they need once and keeps only those keys of it. It collects them as the lookup
// index's 32-bit fingerprints, not as strings: a key's bucket is part of its fingerprint (a digest's first 12 bits;
// the low 12 bits of a string's FNV-1a), so four bytes per key say which buckets to read and which of their entries
// to keep. Kept are the entries whose fingerprint was wanted: every wanted key a bucket holds, and the odd entry
// that only shares a wanted key's fingerprint. Searching the kept entries for a key then finds exactly what
// searching the whole bucket finds. At 10M entries 300,000 keys as short strings in sets were about 40 MB of the
// page's heap; as fingerprints they are 1.2 MB outside it, and a million-row file is planned in one stretch.

/** The lookup index's fingerprint of a key (lookup-index.ts, fingerprint) without decoding a digest's hex. */
export function keyFingerprint(kind: EntryKind, key: string): number {
  if (!isHashKind(kind)) return fnv1a32(key);
  let fp = 0;
  for (let i = 0; i < 8; i++) {
    const c = key.charCodeAt(i);
    fp = (fp << 4) | (c <= 57 ? c - 48 : (c | 0x20) - 87);
  }
  return fp >>> 0;
}

const SHIFT = 32 - BUCKET_BITS;

/**
 * A fingerprint rearranged so that its bucket is its top bits (a digest's already are; a string's bucket bits are
 * rotated up): sorted, a kind's plan keys then come bucket by bucket.
 */
export function planKey(kind: EntryKind, fp: number): number {
  return isHashKind(kind) ? fp >>> 0 : ((fp << SHIFT) | (fp >>> BUCKET_BITS)) >>> 0;
}

export function bucketOfPlanKey(pk: number): number {
  return pk >>> SHIFT;
}

/** A growing list of plan keys; sorted and made unique once collected. */
export class PlanKeys {
  private a = new Uint32Array(1024);
  private n = 0;
  push(pk: number): void {
    if (this.n === this.a.length) {
      const b = new Uint32Array(2 * this.a.length);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = pk;
  }
  get length(): number {
    return this.n;
  }
  sortedUnique(): Uint32Array {
    const s = this.a.subarray(0, this.n).sort();
    let m = 0;
    for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[m - 1]) s[m++] = s[i] as number;
    return s.subarray(0, m);
  }
}

/** A run of consecutive buckets of one kind to read with one request, and the sorted plan keys wanted in them. */
export interface BucketRange {
  kind: EntryKind;
  first: number;
  last: number;
  keys: Uint32Array;
}

/**
 * The wanted keys' buckets as runs of at most `maxBuckets` consecutive buckets: one IndexedDB request reads a run
 * (at 10M entries a million-row file wants nearly every bucket, and one request per bucket cost more than the data).
 */
export function bucketRanges(kind: EntryKind, keys: Uint32Array, maxBuckets: number): BucketRange[] {
  const out: BucketRange[] = [];
  let at = 0;
  while (at < keys.length) {
    const first = bucketOfPlanKey(keys[at] as number);
    let last = first;
    let end = at + 1;
    for (; end < keys.length; end++) {
      const b = bucketOfPlanKey(keys[end] as number);
      if (b === last) continue;
      if (b !== last + 1 || b - first >= maxBuckets) break;
      last = b;
    }
    out.push({ kind, first, last, keys: keys.subarray(at, end) });
    at = end;
  }
  return out;
}

/** A bucket record as IndexedDB holds it (see lib/store/bucket-layout.ts): only what reduceStored reads. */
interface RawBucket {
  listId: string;
  kind: EntryKind;
  bucket: number;
  keys?: unknown;
  keyCodes?: unknown;
  keyLengths?: unknown;
  batchIds?: Uint32Array;
  runs?: Uint32Array;
}

/**
 * Reads the records of every range in one transaction, with the data token: per range its records (each bucket's
 * records in the order a read of that bucket alone gives: by list), or undefined when the token is no longer
 * `token`. The records stay as stored: reduceStored reads packed keys and batch runs in place.
 */
export async function readRanges(
  db: HeedDb,
  token: string,
  ranges: readonly BucketRange[],
): Promise<unknown[][] | undefined> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([META_TABLE, 'buckets'], 'readonly');
  const out: unknown[][] = new Array(ranges.length);
  let tokenRec: unknown;
  await readAll(
    tx,
    (issue) => {
      issue(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY), (v) => {
        tokenRec = v;
      });
      const byBucket = tx.objectStore('buckets').index('[kind+bucket]');
      ranges.forEach((r, i) => {
        issue(byBucket.getAll(IDBKeyRange.bound([r.kind, r.first], [r.kind, r.last])), (v) => {
          out[i] = v as unknown[];
        });
      });
    },
    'the read was aborted',
  );
  return tokenOf(tokenRec) === token ? out : undefined;
}

// Reused by every reduceStored call: the positions of the entries kept.
let keptScratch = new Uint32Array(4096);

/**
 * The entries of a stored record whose plan key is among `keys` (sorted; those of the record's bucket at least),
 * as a PackedRecord (lib/bulk/packed-buckets.ts) in the record's order with their batch ids; undefined when none
 * is. Packed string keys stay code units (no string is made), as do digests.
 */
export function reduceStored(stored: unknown, keys: Uint32Array): PackedRecord | undefined {
  const rec = stored as RawBucket;
  // The record's bucket's keys: a few dozen of a range's few thousand.
  const lo = lowerBound(keys, (rec.bucket << SHIFT) >>> 0);
  const hi =
    rec.bucket + 1 < 1 << BUCKET_BITS ? lowerBound(keys, ((rec.bucket + 1) << SHIFT) >>> 0) : keys.length;
  if (lo >= hi) return undefined;
  // A bitmap of the wanted keys' low 16 bits settles most entries (a bucket's few dozen wanted keys set a few
  // dozen of its 65,536 bits); the rest are searched for. Cleared again before returning.
  for (let i = lo; i < hi; i++) {
    const b = (keys[i] as number) & 0xffff;
    lowBits[b >>> 3] = (lowBits[b >>> 3] as number) | (1 << (b & 7));
  }
  const wanted = (pk: number) => {
    const b = pk & 0xffff;
    if (((lowBits[b >>> 3] as number) & (1 << (b & 7))) === 0) return false;
    let l = lo;
    let h = hi;
    while (l < h) {
      const mid = (l + h) >>> 1;
      const v = keys[mid] as number;
      if (v === pk) return true;
      if (v < pk) l = mid + 1;
      else h = mid;
    }
    return false;
  };
  try {
    return reduceWith(rec, wanted);
  } finally {
    for (let i = lo; i < hi; i++) lowBits[((keys[i] as number) & 0xffff) >>> 3] = 0;
  }
}

const lowBits = new Uint8Array(8192);

function reduceWith(rec: RawBucket, wanted: (pk: number) => boolean): PackedRecord | undefined {
  const kind = rec.kind;

  let kept = 0;
  const keep = (i: number) => {
    if (kept === keptScratch.length) {
      const b = new Uint32Array(2 * kept);
      b.set(keptScratch);
      keptScratch = b;
    }
    keptScratch[kept++] = i;
  };
  let out: PackedRecord;
  if (isHashKind(kind)) {
    const digests = rec.keys as Uint8Array;
    const width = DIGEST_BYTES[kind];
    const n = digests.length / width;
    for (let i = 0; i < n; i++) {
      const at = i * width;
      const fp =
        (((digests[at] as number) << 24) |
          ((digests[at + 1] as number) << 16) |
          ((digests[at + 2] as number) << 8) |
          (digests[at + 3] as number)) >>>
        0;
      if (wanted(fp)) keep(i);
    }
    if (kept === 0) return undefined;
    const out8 = new Uint8Array(kept * width);
    for (let j = 0; j < kept; j++) {
      const at = (keptScratch[j] as number) * width;
      out8.set(digests.subarray(at, at + width), j * width);
    }
    out = { listId: rec.listId, kind, digests: out8, text: '', batch: 0, bytes: 64 + out8.length };
  } else if (isPackedKeys(rec.keyCodes, rec.keyLengths)) {
    const codes = rec.keyCodes as Codes;
    const lengths = rec.keyLengths as Lengths;
    let at = 0;
    let units = 0;
    for (let i = 0; i < lengths.length; i++) {
      const end = at + (lengths[i] as number);
      let h = 0x811c9dc5;
      for (let k = at; k < end; k++) {
        h ^= codes[k] as number;
        h = Math.imul(h, 0x01000193);
      }
      if (wanted(planKey(kind, h >>> 0))) {
        keep(i);
        units += end - at;
      }
      at = end;
    }
    if (kept === 0) return undefined;
    // The kept keys' code units copied out: a second pass, but no garbage.
    const outCodes = codes instanceof Uint8Array ? new Uint8Array(units) : new Uint16Array(units);
    const ends = new Uint32Array(kept);
    let j = 0;
    let from = 0;
    let to = 0;
    for (let i = 0; i < lengths.length && j < kept; i++) {
      const len = lengths[i] as number;
      if (keptScratch[j] === i) {
        outCodes.set(codes.subarray(from, from + len), to);
        to += len;
        ends[j++] = to;
      }
      from += len;
    }
    out = { listId: rec.listId, kind, codes: outCodes, text: '', ends, batch: 0, bytes: 64 + 2 * units };
  } else {
    // Written before keys were stored packed: plain strings.
    const strs = (Array.isArray(rec.keys) ? rec.keys : []) as string[];
    for (let i = 0; i < strs.length; i++) if (wanted(planKey(kind, fnv1a32(strs[i] as string)))) keep(i);
    if (kept === 0) return undefined;
    const ends = new Uint32Array(kept);
    let text = '';
    for (let j = 0; j < kept; j++) {
      text += strs[keptScratch[j] as number];
      ends[j] = text.length;
    }
    out = { listId: rec.listId, kind, text, ends, batch: 0, bytes: 64 + 2 * text.length };
  }
  out.batch = keptBatches(rec, kept);
  return out;
}

/** The batch ids of the kept entries (keptScratch), or the one they all share. */
function keptBatches(rec: RawBucket, kept: number): number | Uint32Array {
  const ids = new Uint32Array(kept);
  if (rec.runs) {
    // [batch id, count] pairs in entry order; the kept positions ascend.
    const runs = rec.runs;
    let r = 0;
    let runEnd = runs[1] ?? 0;
    for (let j = 0; j < kept; j++) {
      const i = keptScratch[j] as number;
      while (i >= runEnd && r + 3 < runs.length) {
        r += 2;
        runEnd += runs[r + 1] as number;
      }
      ids[j] = runs[r] as number;
    }
  } else if (rec.batchIds)
    for (let j = 0; j < kept; j++) ids[j] = rec.batchIds[keptScratch[j] as number] as number;
  for (let j = 1; j < kept; j++) if (ids[j] !== ids[0]) return ids;
  return ids[0] as number;
}

function lowerBound(a: Uint32Array, v: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
