import { t } from '../i18n';
import { type EntryKind, isHashKind } from '../vocab';
import type { SortedEntries } from './buckets';
import type { PackedKeys } from './packed-keys';
import { BUCKET_COUNT, DIGEST_BYTES } from './schemas';

// Issue 18: before an import or a team bundle writes anything, Heed estimates the space it needs and checks the
// browser's estimate of what is free; when it will not fit, nothing is written and the user sees both numbers.
// The write would fail anyway (QuotaExceededError rolls the transaction back), but only after minutes of work and
// with a browser that may then evict other data under pressure.

/**
 * On-disk bytes per byte of entry data: the database's own overhead (measured: 17.1 MB for 1M MD5 = 16 MB of
 * digests) and the write-ahead log and compaction, which hold a transaction's writes twice for a while (a
 * large write or delete was seen to double the directory before it settled).
 */
const OVERHEAD = 1.5;

/** Bytes of one key of `kind` as stored: a digest's bytes, or a string key's characters and its slot. */
function keyBytes(kind: EntryKind, averageKeyLength = 40): number {
  return isHashKind(kind) ? DIGEST_BYTES[kind] : averageKeyLength + 8;
}

/**
 * Bytes of a bucket's batch ids as stored (bucket-layout.ts `toRuns`): [id, count] runs of 8 bytes when that is
 * shorter than one 4-byte id per entry.
 */
export function idBytes(entries: number, runs: number): number {
  return runs > 0 && 2 * runs < entries ? 8 * runs : 4 * entries;
}

/** Runs of equal consecutive values: batch ids, or the indices of the batches they will be (the count is the same). */
function runCount(ids: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (i === 0 || ids[i] !== ids[i - 1]) n++;
  return n;
}

/** A bucket's keys: as the store reads them, or a string kind's still packed (an import's, commit.ts). */
type Keys = SortedEntries['keys'] | PackedKeys;

function keyCount(kind: EntryKind, keys: Keys): number {
  if ('lengths' in keys) return keys.lengths.length;
  return Array.isArray(keys) ? keys.length : isHashKind(kind) ? keys.length / DIGEST_BYTES[kind] : 0;
}

function keysBytes(kind: EntryKind, keys: Keys): number {
  // The same as the strings' count below: a character and a slot's 8 bytes a key.
  if ('lengths' in keys) return keys.codes.length + 8 * keys.lengths.length;
  if (!Array.isArray(keys)) return isHashKind(kind) ? keys.length : 0;
  let n = 0;
  for (const k of keys) n += k.length + 8;
  return n;
}

/** The bytes of sorted entries as stored in one bucket of a new list (keys and batch-id runs). */
export function entriesBytes(kind: EntryKind, entries: { keys: Keys; batchIds?: ArrayLike<number> }): number {
  const n = keyCount(kind, entries.keys);
  return keysBytes(kind, entries.keys) + idBytes(n, entries.batchIds ? runCount(entries.batchIds) : 1);
}

export interface BucketsToWrite {
  kind: EntryKind;
  /** New entries; `batchIds` (or the batch indices they will be) when known, else they are taken as one batch. */
  entries: { keys: Keys; batchIds?: ArrayLike<number> };
  /** How many buckets these entries fall in (a team bundle's run spans many): 1 unless said. */
  buckets?: number;
}

/**
 * What writing these buckets into a list needs, with the database's overhead: the new entries, and each touched
 * bucket rewritten whole, its existing entries estimated from the list's counts per kind. Batch ids cost what the
 * layout stores: a run per batch and bucket for a bucket of new entries; in a bucket that already holds entries,
 * the new ones interleave with the old in key order, so the runs are about the boundaries between old and new
 * (2ab / (a + b) for a old and b new entries in random order) and often the plain 4 bytes per entry win.
 */
export function bytesToWrite(
  items: readonly BucketsToWrite[],
  existingByKind: Partial<Record<EntryKind, number>> = {},
): number {
  let bytes = 0;
  for (const it of items) {
    const existing = existingByKind[it.kind] ?? 0;
    const buckets = Math.max(1, it.buckets ?? 1);
    if (existing === 0) {
      bytes += entriesBytes(it.kind, it.entries);
      // One run more per bucket a multi-bucket item spans beyond the first.
      if (buckets > 1) bytes += 8 * (buckets - 1);
      continue;
    }
    // Per touched bucket: the new entries and the old ones, rewritten together.
    const b = keyCount(it.kind, it.entries.keys) / buckets;
    const a = existing / BUCKET_COUNT;
    const runs =
      1 + (it.entries.batchIds ? runCount(it.entries.batchIds) / buckets - 1 : 0) + (2 * a * b) / (a + b);
    bytes += keysBytes(it.kind, it.entries.keys) + buckets * (a * keyBytes(it.kind) + idBytes(a + b, runs));
  }
  return Math.ceil(bytes * OVERHEAD);
}

export interface SpaceShortfall {
  neededBytes: number;
  freeBytes: number;
}

/**
 * Null when `neededBytes` fits in what the browser says is free, or when it cannot say (no StorageManager, or an
 * estimate without numbers): a write is then attempted as before.
 */
export async function spaceShortfall(neededBytes: number): Promise<SpaceShortfall | null> {
  const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
  if (!storage?.estimate) return null;
  let est: StorageEstimate;
  try {
    est = await storage.estimate();
  } catch {
    return null;
  }
  if (typeof est.quota !== 'number' || typeof est.usage !== 'number') return null;
  const freeBytes = Math.max(0, est.quota - est.usage);
  return neededBytes <= freeBytes ? null : { neededBytes, freeBytes };
}

/** Megabytes with one decimal, rounded up for what is needed and down for what is free. */
export function shortfallMegabytes(s: SpaceShortfall): { needed: number; free: number } {
  const mb = 1024 * 1024;
  return {
    needed: Math.ceil((s.neededBytes / mb) * 10) / 10,
    free: Math.floor((s.freeBytes / mb) * 10) / 10,
  };
}

export function noSpaceMessage(s: SpaceShortfall, what: 'import' | 'bundle'): string {
  const { needed, free } = shortfallMegabytes(s);
  return what === 'import'
    ? t('options_storage_no_space_import', needed, free)
    : t('options_storage_no_space_bundle', needed, free);
}

let persistAsked: Promise<boolean | null> | undefined;

/**
 * Asks once per page that the browser keep Heed's data under storage pressure (navigator.storage.persist()), so a
 * team's lists are not evicted; true when it is (or already was) granted, null when the browser cannot say.
 */
export function requestPersistence(): Promise<boolean | null> {
  persistAsked ??= (async () => {
    const storage = (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
    if (!storage?.persist) return null;
    try {
      if (storage.persisted && (await storage.persisted())) return true;
      return await storage.persist();
    } catch {
      return null;
    }
  })();
  return persistAsked;
}

/** For tests: forget that persistence was asked. */
export function resetPersistenceRequest(): void {
  persistAsked = undefined;
}
