import {
  BUCKET_COUNT,
  type BucketRecord,
  DIGEST_BYTES,
  type EntryKind,
  type HashKind,
  isHashKind,
  type StringKind,
} from './schemas';

// Pure functions over the compact entry encoding: no database here, so all of it is unit-testable.

/**
 * FNV-1a, 32-bit, over UTF-16 code units. Only used to spread string keys over buckets: it needs to be
 * cheap and stable forever (changing it would orphan stored buckets), not cryptographic.
 */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Bucket of a stored key: for hashes the first 12 bits of the digest (hex form), else FNV-1a's low 12 bits. */
export function bucketOf(kind: EntryKind, key: string): number {
  if (isHashKind(kind)) return Number.parseInt(key.slice(0, 3), 16);
  return fnv1a32(key) & (BUCKET_COUNT - 1);
}

export function bucketOfDigest(bytes: Uint8Array, offset = 0): number {
  return ((bytes[offset] ?? 0) << 4) | ((bytes[offset + 1] ?? 0) >> 4);
}

export function compareDigests(a: Uint8Array, ai: number, b: Uint8Array, bi: number, width: number): number {
  for (let k = 0; k < width; k++) {
    const d = (a[ai + k] ?? 0) - (b[bi + k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Index of `needle` among the `width`-byte digests in sorted `keys`, or -1. */
export function searchDigest(keys: Uint8Array, width: number, needle: Uint8Array): number {
  let lo = 0;
  let hi = keys.length / width - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareDigests(keys, mid * width, needle, 0, width);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Index of `needle` in sorted `keys` (code-unit order, as Array.prototype.sort), or -1. */
export function searchString(keys: readonly string[], needle: string): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid] as string;
    if (k === needle) return mid;
    if (k < needle) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Typed arrays over plain ArrayBuffers (what IndexedDB hands back and what Zod's instanceof infers). */
export type Bytes = Uint8Array<ArrayBuffer>;
export type Ids = Uint32Array<ArrayBuffer>;

/**
 * A bucket's sorted entries, discriminated by kind: hash kinds hold their digests packed back to back, string
 * kinds a sorted array. `batchIds[i]` is the batch of entry i.
 */
export type SortedEntries =
  | { kind: HashKind; keys: Bytes; batchIds: Ids }
  | { kind: StringKind; keys: string[]; batchIds: Ids };
/** Just the keys of a bucket, still discriminated by kind. */
export type SortedKeys = { kind: HashKind; keys: Bytes } | { kind: StringKind; keys: string[] };

/** Narrows a bucket (record, entries or keys) to its hash-kind member. */
export function isHashed<T extends SortedKeys>(e: T): e is Extract<T, { kind: HashKind }> {
  return isHashKind(e.kind);
}

export function entryCount(e: SortedKeys): number {
  return isHashed(e) ? e.keys.length / DIGEST_BYTES[e.kind] : e.keys.length;
}

/** Index of `key` in the bucket, or -1; for hash kinds `needle` is the digest's bytes. */
export function findKey(e: SortedKeys, key: string, needle: Uint8Array | undefined): number {
  if (!isHashed(e)) return searchString(e.keys, key);
  if (!needle) throw new Error(`a ${e.kind} key is searched by its bytes`);
  return searchDigest(e.keys, DIGEST_BYTES[e.kind], needle);
}

/** Entries from keys whose encoding is known only at run time (a decoded file): throws if it does not fit. */
export function sortedEntries(kind: EntryKind, keys: Bytes | string[], batchIds: Ids): SortedEntries {
  if (isHashKind(kind) && keys instanceof Uint8Array) return { kind, keys, batchIds };
  if (!isHashKind(kind) && Array.isArray(keys)) return { kind, keys, batchIds };
  throw new Error(`wrong key encoding for kind ${kind}`);
}

/** A bucket record of `listId` holding `entries` (only the record's fields, whatever else `entries` carries). */
export function bucketRecord(listId: string, bucket: number, e: SortedEntries): BucketRecord {
  return isHashed(e)
    ? { listId, bucket, kind: e.kind, keys: e.keys, batchIds: e.batchIds }
    : { listId, bucket, kind: e.kind, keys: e.keys, batchIds: e.batchIds };
}

export interface MergeStats {
  added: number;
  alreadyPresent: number;
  /** Entries added per batch id, so unused batches can be dropped. */
  addedByBatch: Map<number, number>;
}
export type MergeResult = SortedEntries & MergeStats;

/**
 * Sorted merge of `incoming` (sorted, unique) into `existing` (sorted, unique; of the same kind). A key already
 * present keeps its existing batch: re-importing never changes when or why someone was suppressed.
 * The returned arrays own exactly-sized buffers: IndexedDB's structured clone stores a view's whole
 * underlying ArrayBuffer, so a subarray of a big buffer would silently store the big buffer.
 */
export function mergeEntries(existing: SortedEntries | undefined, incoming: SortedEntries): MergeResult {
  if (existing && existing.kind !== incoming.kind) {
    throw new Error(`cannot merge ${incoming.kind} entries into a ${existing.kind} bucket`);
  }
  const addedByBatch = new Map<number, number>();
  const aIds = existing?.batchIds ?? new Uint32Array(0);
  const bIds = incoming.batchIds;
  const ids = new Uint32Array(aIds.length + bIds.length);
  let i = 0;
  let j = 0;
  let k = 0;
  let present = 0;
  const noteAdded = (id: number) => addedByBatch.set(id, (addedByBatch.get(id) ?? 0) + 1);
  const stats = (na: number): MergeStats => ({ added: k - na, alreadyPresent: present, addedByBatch });
  const exactIds = (): Ids => (ids.length === k ? ids : ids.slice(0, k));

  if (isHashed(incoming)) {
    const w = DIGEST_BYTES[incoming.kind];
    const a = existing && isHashed(existing) ? existing.keys : new Uint8Array(0);
    const b = incoming.keys;
    const na = a.length / w;
    const nb = b.length / w;
    const out = new Uint8Array((na + nb) * w);
    const copy = (src: Uint8Array, si: number) => {
      for (let t = 0; t < w; t++) out[k * w + t] = src[si * w + t] as number;
    };
    while (i < na && j < nb) {
      const c = compareDigests(a, i * w, b, j * w, w);
      if (c < 0) {
        copy(a, i);
        ids[k++] = aIds[i++] as number;
      } else if (c > 0) {
        copy(b, j);
        noteAdded(bIds[j] as number);
        ids[k++] = bIds[j++] as number;
      } else {
        copy(a, i);
        ids[k++] = aIds[i++] as number;
        j++;
        present++;
      }
    }
    while (i < na) {
      copy(a, i);
      ids[k++] = aIds[i++] as number;
    }
    while (j < nb) {
      copy(b, j);
      noteAdded(bIds[j] as number);
      ids[k++] = bIds[j++] as number;
    }
    const keys = out.length === k * w ? out : out.slice(0, k * w);
    return { kind: incoming.kind, keys, batchIds: exactIds(), ...stats(na) };
  }

  const a = existing && !isHashed(existing) ? existing.keys : [];
  const b = incoming.keys;
  const out: string[] = [];
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x < y) {
      out.push(x);
      ids[k++] = aIds[i++] as number;
    } else if (x > y) {
      out.push(y);
      noteAdded(bIds[j] as number);
      ids[k++] = bIds[j++] as number;
    } else {
      out.push(x);
      ids[k++] = aIds[i++] as number;
      j++;
      present++;
    }
  }
  while (i < a.length) {
    out.push(a[i] as string);
    ids[k++] = aIds[i++] as number;
  }
  while (j < b.length) {
    out.push(b[j] as string);
    noteAdded(bIds[j] as number);
    ids[k++] = bIds[j++] as number;
  }
  return { kind: incoming.kind, keys: out, batchIds: exactIds(), ...stats(a.length) };
}

/** The entries without the one at `index` (exactly-sized copies). */
export function removeEntryAt(entries: SortedEntries, index: number): SortedEntries {
  const ids = new Uint32Array(entries.batchIds.length - 1);
  ids.set(entries.batchIds.subarray(0, index), 0);
  ids.set(entries.batchIds.subarray(index + 1), index);
  if (isHashed(entries)) {
    const w = DIGEST_BYTES[entries.kind];
    const src = entries.keys;
    const out = new Uint8Array(src.length - w);
    out.set(src.subarray(0, index * w), 0);
    out.set(src.subarray((index + 1) * w), index * w);
    return { kind: entries.kind, keys: out, batchIds: ids };
  }
  const keys = entries.keys.slice();
  keys.splice(index, 1);
  return { kind: entries.kind, keys, batchIds: ids };
}

/** Display form of entry `index`: the string itself, or lower-case hex of the digest. */
export function keyAt(e: SortedKeys, index: number): string {
  if (!isHashed(e)) return e.keys[index] as string;
  const w = DIGEST_BYTES[e.kind];
  let s = '';
  for (let t = index * w; t < (index + 1) * w; t++) s += HEX[e.keys[t] as number];
  return s;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Whether keys are strictly increasing (sorted, no duplicates): checked on every restored bucket. */
export function isStrictlySorted(e: SortedKeys): boolean {
  if (isHashed(e)) {
    const w = DIGEST_BYTES[e.kind];
    const b = e.keys;
    for (let i = 1; i < b.length / w; i++) if (compareDigests(b, (i - 1) * w, b, i * w, w) >= 0) return false;
    return true;
  }
  const s = e.keys;
  for (let i = 1; i < s.length; i++) if ((s[i - 1] as string) >= (s[i] as string)) return false;
  return true;
}

/**
 * Builds a bucket's incoming entries from unsorted, de-duplicated keys (lower-case hex for hash kinds)
 * with a batch id each. Lower-case fixed-length hex sorts exactly like the bytes it encodes.
 */
export function buildSorted(
  kind: EntryKind,
  keyToBatch: Map<string, number>,
  hexToBytes: (hex: string) => Uint8Array,
): SortedEntries {
  const keys = [...keyToBatch.keys()].sort();
  const ids = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) ids[i] = keyToBatch.get(keys[i] as string) as number;
  if (!isHashKind(kind)) return { kind, keys, batchIds: ids };
  const w = DIGEST_BYTES[kind];
  const out = new Uint8Array(keys.length * w);
  for (let i = 0; i < keys.length; i++) out.set(hexToBytes(keys[i] as string), i * w);
  return { kind, keys: out, batchIds: ids };
}
