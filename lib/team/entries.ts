import { t } from '../i18n';
import { loadHashers } from '../identifiers';
import { bucketOf, bucketOfDigest, compareDigests, fnv1a32, isHashed, keyAt } from '../store/buckets';
import { EntryCollector } from '../store/commit';
import type { HeedDb } from '../store/db';
import { OMITTED_FROM_HASHED } from '../store/export';
import { listBuckets } from '../store/lists';
import { BUCKET_COUNT, DIGEST_BYTES } from '../store/schemas';
import { type EntryKind, isHashKind, type SuppressionReason } from '../vocab';
import { BundleError, concatBytes, concatTyped } from './format';
import { MAX_KEY_LENGTH } from './schemas';

// A list's entries of one kind as one run in storage order: by bucket, then by key within the bucket. That is
// the order the buckets are read in, so exporting needs no sort, applying needs none either (the runs split
// straight into bucket records), and two versions of a list diff in one linear pass.

export type Keys = Uint8Array<ArrayBuffer> | string[];

export interface KindRun {
  kind: EntryKind;
  keys: Keys;
  /** Index into the list's metas per entry (absent for removals). */
  metas?: Uint32Array<ArrayBuffer>;
}

export interface Meta {
  reason: SuppressionReason;
  since: string;
}

export function runLength(kind: EntryKind, keys: Keys): number {
  return isHashKind(kind) ? keys.length / DIGEST_BYTES[kind] : keys.length;
}

const STRING_MASK = BUCKET_COUNT - 1;

/** Storage-order comparison of entry i of `a` with entry j of `b`. */
function comparator(kind: EntryKind): (a: Keys, i: number, b: Keys, j: number) => number {
  if (isHashKind(kind)) {
    const w = DIGEST_BYTES[kind];
    return (a, i, b, j) => compareDigests(a as Uint8Array, i * w, b as Uint8Array, j * w, w);
  }
  return (a, i, b, j) => {
    const x = (a as string[])[i] as string;
    const y = (b as string[])[j] as string;
    if (x === y) return 0;
    const d = (fnv1a32(x) & STRING_MASK) - (fnv1a32(y) & STRING_MASK);
    if (d !== 0) return d;
    return x < y ? -1 : 1;
  };
}

/** The list's entries as runs per kind, with their reasons and dates (`metas`), in storage order. */
export async function readListRuns(
  db: HeedDb,
  listId: string,
  mode: 'plain' | 'hashed',
): Promise<{ metas: Meta[]; runs: KindRun[] }> {
  const { recs, batches } = await db.transaction('r', db.buckets, db.batches, async () => ({
    recs: await listBuckets(db, listId).toArray(),
    batches: await db.batches.where('listId').equals(listId).toArray(),
  }));
  const metas: Meta[] = [];
  const metaIndex = new Map<string, number>();
  const metaOf = (reason: SuppressionReason, since: string) => {
    const id = `${reason}\u0000${since}`;
    let i = metaIndex.get(id);
    if (i === undefined) {
      i = metas.length;
      metas.push({ reason, since });
      metaIndex.set(id, i);
    }
    return i;
  };
  const byBatch = new Map<number, number>();
  for (const b of batches) byBatch.set(b.id, metaOf(b.reason, b.since));
  const fallback = () => metaOf('other', '1970-01-01');
  const metaOfBatch = (id: number) => byBatch.get(id) ?? fallback();

  if (mode === 'hashed') {
    // A hashed bundle carries no plain personal data: emails become SHA-256, kinds nobody matches by hash go.
    const h = await loadHashers();
    const c = new EntryCollector();
    for (const r of recs) {
      if (OMITTED_FROM_HASHED.includes(r.kind)) continue;
      for (let i = 0; i < r.batchIds.length; i++) {
        const m = metaOfBatch(r.batchIds[i] as number);
        if (r.kind === 'email') c.add('sha256', h.sha256(r.keys[i] as string), m);
        else if (isHashed(r)) c.add(r.kind, keyAt(r, i), m);
      }
    }
    const byKind = new Map<EntryKind, { keys: Keys[]; metas: Uint32Array[] }>();
    for (const p of c.finish()) {
      const g = byKind.get(p.kind) ?? { keys: [], metas: [] };
      g.keys.push(p.entries.keys as Keys);
      g.metas.push(p.entries.batchIds);
      byKind.set(p.kind, g);
    }
    return { metas, runs: [...byKind].map(([kind, g]) => joinRun(kind, g.keys, g.metas)) };
  }

  const byKind = new Map<EntryKind, { keys: Keys[]; metas: Uint32Array[] }>();
  for (const r of recs) {
    const g = byKind.get(r.kind) ?? { keys: [], metas: [] };
    const m = new Uint32Array(r.batchIds.length);
    for (let i = 0; i < m.length; i++) m[i] = metaOfBatch(r.batchIds[i] as number);
    g.keys.push(r.keys as Keys);
    g.metas.push(m);
    byKind.set(r.kind, g);
  }
  return { metas, runs: [...byKind].map(([kind, g]) => joinRun(kind, g.keys, g.metas)) };
}

function joinRun(kind: EntryKind, keys: Keys[], metas: Uint32Array[]): KindRun {
  const all = concatTyped(metas, (n) => new Uint32Array(n));
  const joined = isHashKind(kind)
    ? concatBytes(keys as Uint8Array[])
    : ([] as string[]).concat(...(keys as string[][]));
  return { kind, keys: joined, metas: all };
}

/** Entries of `next` not in `prev` (with their metas) and entries of `prev` not in `next`. Both in storage order. */
export function diffRuns(
  kind: EntryKind,
  prev: Keys,
  next: Keys,
  nextMetas: Uint32Array,
): { added: KindRun; removed: KindRun } {
  const cmp = comparator(kind);
  const np = runLength(kind, prev);
  const nn = runLength(kind, next);
  const addIdx: number[] = [];
  const remIdx: number[] = [];
  let i = 0;
  let j = 0;
  while (i < np && j < nn) {
    const c = cmp(prev, i, next, j);
    if (c === 0) {
      i++;
      j++;
    } else if (c < 0) remIdx.push(i++);
    else addIdx.push(j++);
  }
  while (i < np) remIdx.push(i++);
  while (j < nn) addIdx.push(j++);
  const metas = new Uint32Array(addIdx.length);
  addIdx.forEach((x, t) => {
    metas[t] = nextMetas[x] as number;
  });
  return {
    added: { kind, keys: pick(kind, next, addIdx), metas },
    removed: { kind, keys: pick(kind, prev, remIdx) },
  };
}

function pick(kind: EntryKind, keys: Keys, idx: number[]): Keys {
  if (!isHashKind(kind)) return idx.map((i) => (keys as string[])[i] as string);
  const w = DIGEST_BYTES[kind];
  const src = keys as Uint8Array;
  const out = new Uint8Array(idx.length * w);
  idx.forEach((i, t) => {
    out.set(src.subarray(i * w, (i + 1) * w), t * w);
  });
  return out;
}

// ---- Section bytes ---------------------------------------------------------------------------------------

const utf8 = new TextEncoder();

export function encodeKeys(kind: EntryKind, keys: Keys): Uint8Array {
  if (isHashKind(kind)) return keys as Uint8Array;
  const strings = keys as string[];
  for (const k of strings) {
    // '\n' separates keys in the body; a normalised identifier never holds one, so this is a bug if it fires.
    if (k.includes('\n')) throw new BundleError('content', t('options_team_err_line_break'));
  }
  return utf8.encode(strings.join('\n'));
}

export function encodeMetas(metas: Uint32Array): Uint8Array {
  const out = new Uint8Array(metas.length * 4);
  const v = new DataView(out.buffer);
  for (let i = 0; i < metas.length; i++) v.setUint32(i * 4, metas[i] as number, true);
  return out;
}

export function decodeKeys(kind: EntryKind, bytes: Uint8Array, count: number): Keys {
  if (isHashKind(kind)) {
    if (bytes.length !== count * DIGEST_BYTES[kind]) {
      throw new BundleError('content', t('options_team_err_count'));
    }
    return bytes.slice();
  }
  if (count === 0) {
    if (bytes.length !== 0) throw new BundleError('content', t('options_team_err_stray_bytes'));
    return [];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('content', t('options_team_err_not_text'));
  }
  const keys = text.split('\n');
  if (keys.length !== count) {
    throw new BundleError('content', t('options_team_err_count'));
  }
  for (const k of keys) {
    if (k === '' || k.length > MAX_KEY_LENGTH)
      throw new BundleError('content', t('options_team_err_entry_length'));
  }
  return keys;
}

export function decodeMetas(bytes: Uint8Array, metaCount: number): Uint32Array<ArrayBuffer> {
  const out = new Uint32Array(bytes.length / 4);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let i = 0; i < out.length; i++) {
    const m = v.getUint32(i * 4, true);
    if (m >= metaCount) throw new BundleError('content', t('options_team_err_reason'));
    out[i] = m;
  }
  return out;
}

// ---- Runs to buckets -------------------------------------------------------------------------------------

export interface BucketSlice {
  bucket: number;
  keys: Keys;
  /** Entry indices [start, end) in the run. */
  start: number;
  end: number;
}

/**
 * Cuts a run into its buckets, checking on the way that it is in strict storage order (which also rules out
 * duplicates): a bundle that is not would corrupt the binary searches every lookup relies on.
 */
export function splitRun(kind: EntryKind, keys: Keys): BucketSlice[] {
  const n = runLength(kind, keys);
  const cmp = comparator(kind);
  const out: BucketSlice[] = [];
  const w = isHashKind(kind) ? DIGEST_BYTES[kind] : 0;
  const bucketAt = isHashKind(kind)
    ? (i: number) => bucketOfDigest(keys as Uint8Array, i * w)
    : (i: number) => bucketOf(kind, (keys as string[])[i] as string);
  let start = 0;
  let current = n > 0 ? bucketAt(0) : 0;
  for (let i = 1; i <= n; i++) {
    const b = i < n ? bucketAt(i) : -1;
    if (i < n && (b < current || (b === current && cmp(keys, i - 1, keys, i) >= 0))) {
      throw new BundleError('content', t('options_team_err_order'));
    }
    if (b !== current) {
      out.push({
        bucket: current,
        keys: isHashKind(kind)
          ? (keys as Uint8Array<ArrayBuffer>).slice(start * w, i * w)
          : (keys as string[]).slice(start, i),
        start,
        end: i,
      });
      start = i;
      current = b;
    }
  }
  return out;
}

/** `existing` without the entries of `remove` (both sorted), with exactly-sized copies. */
export function subtractSorted(
  kind: EntryKind,
  existing: { keys: Keys; batchIds: Uint32Array },
  remove: Keys,
): { keys: Keys; batchIds: Uint32Array<ArrayBuffer>; removed: number } {
  const cmp = comparator(kind);
  const na = runLength(kind, existing.keys);
  const nb = runLength(kind, remove);
  const keep: number[] = [];
  let i = 0;
  let j = 0;
  while (i < na) {
    if (j >= nb) {
      keep.push(i++);
      continue;
    }
    const c = cmp(existing.keys, i, remove, j);
    if (c === 0) {
      i++;
      j++;
    } else if (c < 0) keep.push(i++);
    else j++;
  }
  const ids = new Uint32Array(keep.length);
  keep.forEach((x, t) => {
    ids[t] = existing.batchIds[x] as number;
  });
  return { keys: pick(kind, existing.keys, keep), batchIds: ids, removed: na - keep.length };
}
