import { t } from '../i18n';
import type { SortedEntries } from './buckets';
import { BUCKET_COUNT, DIGEST_BYTES, type EntryKind, isHashKind } from './schemas';

// Issue 18: before an import or a team bundle writes anything, Heed estimates the space it needs and checks the
// browser's estimate of what is free; when it will not fit, nothing is written and the user sees both numbers.
// The write would fail anyway (QuotaExceededError rolls the transaction back), but only after minutes of work and
// with a browser that may then evict other data under pressure.

/**
 * On-disk bytes per byte of entry data: the database's own overhead (measured: 21 MB for 1M MD5 = 20 MB of
 * digests and batch ids) and the write-ahead log that holds a transaction's writes until they are compacted.
 */
const OVERHEAD = 1.5;

/** Bytes of one entry of `kind` as stored: a digest's bytes, or a string key's characters; and its batch id. */
function bytesPerEntry(kind: EntryKind, averageKeyLength = 40): number {
  return (isHashKind(kind) ? DIGEST_BYTES[kind] : averageKeyLength + 8) + 4;
}

/** The bytes of sorted entries as stored. */
export function entriesBytes(kind: EntryKind, entries: Pick<SortedEntries, 'keys'>): number {
  const { keys } = entries;
  if (!Array.isArray(keys))
    return isHashKind(kind) ? (keys.length / DIGEST_BYTES[kind]) * bytesPerEntry(kind) : 0;
  let n = 0;
  for (const k of keys) n += k.length + 8 + 4;
  return n;
}

/**
 * What writing these buckets into a list needs: the new entries, and each touched bucket rewritten whole (its
 * existing entries estimated from the list's counts per kind), with the database's overhead.
 */
export function bytesToWrite(
  buckets: readonly { kind: EntryKind; entries: Pick<SortedEntries, 'keys'> }[],
  existingByKind: Partial<Record<EntryKind, number>> = {},
): number {
  let bytes = 0;
  for (const b of buckets) {
    bytes += entriesBytes(b.kind, b.entries);
    const existing = existingByKind[b.kind] ?? 0;
    if (existing > 0) bytes += (existing / BUCKET_COUNT) * bytesPerEntry(b.kind);
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
