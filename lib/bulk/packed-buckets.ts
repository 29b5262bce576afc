import { binarySearch } from '../binary-search';
import { storedFormsOf } from '../store/bucket-layout';
import { searchDigest } from '../store/buckets';
import { type Candidate, findHitsWith, type Hit } from '../store/lookup';
import { type Codes, compareAt } from '../store/packed-keys';
import { type BucketRecord, DIGEST_BYTES } from '../store/schemas';
import type { EntryKind } from '../vocab';

// The bulk check keeps the bucket records it has read, so that a campaign of a million rows reads each bucket
// about once instead of once per batch. As read, a plain-email bucket is an array of a few hundred strings and a
// Uint32Array of batch ids: at 1M listed emails that was ~94 MB by the cache's own estimate, twice its budget, so
// about half the reads of a 1M-row check were re-reads (a third of its main-thread time), and the million small
// strings it did hold were marked by every major GC. Packed, a bucket is one string of its keys back to back with
// where each ends, and its batch ids as one number when they are all the same (a list imported at once): the same
// 1M emails take ~45 MB in ~8,000 objects. Searching it gives exactly the index `findKey` gives on the record.

/** A bucket record as the bulk check caches it (see above). */
export interface PackedRecord {
  listId: string;
  kind: EntryKind;
  /** Hash kinds: the digests back to back, as stored. */
  digests?: Uint8Array;
  /** String kinds: the sorted keys concatenated. */
  text: string;
  /** String kinds, instead of `text`: the keys' code units (as lib/store/packed-keys.ts stores them). */
  codes?: Codes;
  /** String kinds: where key i ends in `text` (it starts where key i - 1 ends). */
  ends?: Uint32Array;
  /** The batch id of every entry, or the one id they all share. */
  batch: number | Uint32Array;
  /** Roughly what the record costs in the heap. */
  bytes: number;
}

const NOT_LATIN1 = /[\u0100-\uffff]/;

export function packRecord(rec: BucketRecord): PackedRecord {
  // A record read by the store's native reader holds its keys packed and its batch ids as runs until asked for
  // them as strings and ids (lib/store/bucket-layout.ts): used as they are, the keys never become strings.
  const stored = storedFormsOf(rec);
  let batch: number | Uint32Array;
  let idBytes = 0;
  if (stored.runs && stored.runs.length === 2) batch = stored.runs[0] as number;
  else {
    const ids = rec.batchIds;
    let same = ids.length > 0;
    for (let i = 1; i < ids.length && same; i++) same = ids[i] === ids[0];
    batch = same ? (ids[0] as number) : ids;
    idBytes = same ? 0 : ids.byteLength;
  }
  if (rec.keys instanceof Uint8Array) {
    return {
      listId: rec.listId,
      kind: rec.kind,
      digests: rec.keys,
      text: '',
      batch,
      bytes: 64 + rec.keys.byteLength + idBytes,
    };
  }
  if (stored.packed) {
    const { codes, lengths } = stored.packed;
    const ends = new Uint32Array(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      at += lengths[i] as number;
      ends[i] = at;
    }
    return {
      listId: rec.listId,
      kind: rec.kind,
      codes,
      text: '',
      ends,
      batch,
      bytes: 64 + codes.byteLength + ends.byteLength + idBytes,
    };
  }
  const keys = rec.keys;
  const ends = new Uint32Array(keys.length);
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    at += (keys[i] as string).length;
    ends[i] = at;
  }
  const text = keys.join('');
  // V8 keeps a string of Latin-1 characters at one byte each, any other at two.
  const charBytes = NOT_LATIN1.test(text) ? 2 : 1;
  return {
    listId: rec.listId,
    kind: rec.kind,
    text,
    ends,
    batch,
    bytes: 64 + text.length * charBytes + ends.byteLength + idBytes,
  };
}

/** Code-unit order of text[start, end) against `needle`, as `<` orders strings: negative when it sorts first. */
function compareSlice(text: string, start: number, end: number, needle: string): number {
  const len = end - start;
  const n = Math.min(len, needle.length);
  for (let k = 0; k < n; k++) {
    const d = text.charCodeAt(start + k) - needle.charCodeAt(k);
    if (d !== 0) return d;
  }
  return len - needle.length;
}

/** Index of the candidate's key in the record, or -1: the index `findKey` gives on the unpacked record. */
export function findPacked(rec: PackedRecord, key: string, needle: Uint8Array | undefined): number {
  if (rec.digests) {
    if (!needle) throw new Error(`a ${rec.kind} key is searched by its bytes`);
    return searchDigest(rec.digests, DIGEST_BYTES[rec.kind as keyof typeof DIGEST_BYTES], needle);
  }
  const ends = rec.ends as Uint32Array;
  const codes = rec.codes;
  if (codes)
    return binarySearch(ends.length, (i) =>
      compareAt(codes, i === 0 ? 0 : (ends[i - 1] as number), ends[i] as number, key),
    );
  const text = rec.text;
  return binarySearch(ends.length, (i) =>
    compareSlice(text, i === 0 ? 0 : (ends[i - 1] as number), ends[i] as number, key),
  );
}

export function batchAt(rec: PackedRecord, i: number): number {
  return typeof rec.batch === 'number' ? rec.batch : (rec.batch[i] as number);
}

/** The store's findHits (lib/store/lookup.ts) over packed records: the same hits, in the same order. */
export function findPackedHits(
  groups: Iterable<{ cands: readonly Candidate[]; records: readonly PackedRecord[] }>,
): Map<string, Hit> {
  return findHitsWith(groups, findPacked, batchAt);
}
