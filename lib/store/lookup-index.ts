import { z } from 'zod';
import { indexOfSorted } from '../binary-search';
import { hexToBytes } from '../identifiers';
import { type EntryKind, isHashKind } from '../vocab';
import { EntryKindSchema } from '../vocab/schemas';
import type { StoredBucket } from './bucket-layout';
import { fnv1a32 } from './buckets';
import { DATA_TOKEN_KEY, LOOKUP_INDEX_KEY, META_TABLE, tokenOf } from './data-token';
import type { HeedDb } from './db';
import { idbRequest } from './idb-request';
import { forEachPackedFnv1a32 } from './packed-keys';
import { type Batch, type Contact, DIGEST_BYTES, type SuppressionList } from './schemas';

// The lookup index says, without reading any bucket, which of a person's keys some list *may* hold: per entry
// kind, the sorted 32-bit fingerprints of every stored key. Most people looked up are on no list, and for them a
// lookup then reads no bucket at all; a key whose fingerprint is present costs one bucket read, as before.
//
// It is a cache, so it must never make a lookup miss a block. It is built from one read transaction and tagged
// with the database's data token (lib/store/data-token.ts), and every lookup that uses it reads the token in the
// same transaction as its bucket reads: if anything was written since, the lookup drops the index, answers by
// reading every candidate bucket, and a new index is built in the background.
//
// Only the background (which answers the pages) and the benchmark keep one; a page's occasional lookup reads the
// buckets. The index is persisted so a restarted service worker loads it instead of re-reading every bucket.

/** Bump when the fingerprint function or the stored shape changes: an old persisted index is then rebuilt. */
export const INDEX_FORMAT = 1;

export interface LookupIndex {
  token: string;
  /** Per kind, the sorted, unique fingerprints of every key any list holds; an absent kind holds nothing. */
  fingerprints: Partial<Record<EntryKind, Uint32Array>>;
  contactKeys: ReadonlySet<string>;
  lists: ReadonlyMap<string, SuppressionList>;
  batches: ReadonlyMap<number, Batch>;
}

/**
 * A key's fingerprint: for digests their first four bytes, for strings FNV-1a (a cheap, stable spread). `digest`
 * is the key's hex already decoded (a lookup candidate's needle); without it the hex is decoded here.
 */
export function fingerprint(kind: EntryKind, key: string, digest?: Uint8Array): number {
  if (isHashKind(kind)) return digestFingerprint(digest ?? hexToBytes(key), 0);
  return fnv1a32(key);
}

function digestFingerprint(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) |
      ((bytes[at + 1] ?? 0) << 16) |
      ((bytes[at + 2] ?? 0) << 8) |
      (bytes[at + 3] ?? 0)) >>>
    0
  );
}

/** Whether some list may hold `key` of `kind` (false means certainly not, as of the index's token). */
export function mayHold(index: LookupIndex, kind: EntryKind, key: string, digest?: Uint8Array): boolean {
  const fps = index.fingerprints[kind];
  if (!fps) return false;
  return indexOfSorted(fps, fingerprint(kind, key, digest)) >= 0;
}

/** Collects fingerprints into a growing typed array, then sorts and de-duplicates them. */
class FingerprintSet {
  private a = new Uint32Array(1024);
  private n = 0;
  add(fp: number) {
    if (this.n === this.a.length) {
      const b = new Uint32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = fp;
  }
  /** A record as read natively (stored form): a string kind's keys may be packed (bucket-layout.ts). */
  addBucket(rec: StoredBucket) {
    if (rec.keyCodes && rec.keyLengths) {
      forEachPackedFnv1a32({ codes: rec.keyCodes, lengths: rec.keyLengths }, (h) => this.add(h));
    } else if (rec.keys instanceof Uint8Array && isHashKind(rec.kind)) {
      const w = DIGEST_BYTES[rec.kind];
      const bytes = rec.keys;
      for (let at = 0; at < bytes.length; at += w) this.add(digestFingerprint(bytes, at));
    } else if (Array.isArray(rec.keys)) {
      for (const k of rec.keys) this.add(fnv1a32(k));
    }
  }
  done(): Uint32Array {
    const s = this.a.subarray(0, this.n).sort();
    let u = 0;
    for (let i = 0; i < s.length; i++) if (i === 0 || s[i] !== s[u - 1]) s[u++] = s[i] as number;
    return s.slice(0, u);
  }
}

const PAGE = 256;

/** Builds the index from one read transaction, so the token and everything read belong to the same state. */
export async function buildLookupIndex(db: HeedDb): Promise<LookupIndex> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([META_TABLE, 'buckets', 'contacts', 'lists', 'batches'], 'readonly');
  const listsRead = idbRequest(tx.objectStore('lists').getAll()) as Promise<SuppressionList[]>;
  const small = Promise.all([
    idbRequest(tx.objectStore(META_TABLE).get(DATA_TOKEN_KEY)),
    idbRequest(tx.objectStore('contacts').getAll()) as Promise<Contact[]>,
    listsRead,
    idbRequest(tx.objectStore('batches').getAll()) as Promise<Batch[]>,
  ]);
  // Awaited after the bucket pages; if a page fails first, this must not become an unhandled rejection.
  small.catch(() => undefined);
  const sets = new Map<EntryKind, FingerprintSet>();
  const buckets = tx.objectStore('buckets');
  // A deleted list's buckets wait for their undo (deleted-lists.ts): skipped, not read.
  const live = new Set((await listsRead).map((l) => l.id));
  // A page of records per request: a cursor would cost one round trip per record (thousands of them).
  let range: IDBKeyRange | undefined;
  for (;;) {
    // Native reads, past the middleware that decodes batch ids: the index needs only the keys.
    const page = (await idbRequest(buckets.getAll(range, PAGE))) as StoredBucket[];
    for (const rec of page) {
      if (!live.has(rec.listId)) continue;
      const set = sets.get(rec.kind) ?? new FingerprintSet();
      sets.set(rec.kind, set);
      set.addBucket(rec);
    }
    const last = page.at(-1);
    if (!last || page.length < PAGE) break;
    // An array sorts after every string, so [listId, []] is past all of that list's keys.
    range = IDBKeyRange.lowerBound(
      live.has(last.listId) ? [last.listId, last.kind, last.bucket] : [last.listId, []],
      true,
    );
  }
  const [tokenRec, contacts, lists, batches] = await small;
  const fingerprints: Partial<Record<EntryKind, Uint32Array>> = {};
  for (const [kind, set] of sets) fingerprints[kind] = set.done();
  return assemble(
    tokenOf(tokenRec),
    fingerprints,
    contacts.flatMap((c) => c.keys),
    lists,
    batches,
  );
}

function assemble(
  token: string,
  fingerprints: Partial<Record<EntryKind, Uint32Array>>,
  contactKeys: readonly string[],
  lists: readonly SuppressionList[],
  batches: readonly Batch[],
): LookupIndex {
  return {
    token,
    fingerprints,
    contactKeys: new Set(contactKeys),
    lists: new Map(lists.map((l) => [l.id, l] as const)),
    batches: new Map(batches.map((b) => [b.id, b] as const)),
  };
}

const StoredIndexSchema = z.object({
  key: z.literal(LOOKUP_INDEX_KEY),
  format: z.literal(INDEX_FORMAT),
  /** The schema version it was built under: an upgrade may rewrite entries without a data token of its own. */
  schemaVersion: z.number(),
  token: z.string(),
  fingerprints: z.partialRecord(EntryKindSchema, z.instanceof(Uint32Array)),
  contactKeys: z.array(z.string()),
});

/** Stores the index unless the data changed since it was built (then it is already out of date). */
export async function persistLookupIndex(db: HeedDb, index: LookupIndex): Promise<boolean> {
  return db.transaction('rw', db.meta, async () => {
    if (tokenOf(await db.meta.get(DATA_TOKEN_KEY)) !== index.token) return false;
    await db.meta.put({
      key: LOOKUP_INDEX_KEY,
      format: INDEX_FORMAT,
      schemaVersion: db.verno,
      token: index.token,
      fingerprints: index.fingerprints,
      contactKeys: [...index.contactKeys],
    } as { key: string });
    return true;
  });
}

/** The persisted index, if it was built from the data as it is now. */
export async function loadLookupIndex(db: HeedDb): Promise<LookupIndex | undefined> {
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([META_TABLE, 'lists', 'batches'], 'readonly');
  const meta = tx.objectStore(META_TABLE);
  const [tokenRec, stored, lists, batches] = await Promise.all([
    idbRequest(meta.get(DATA_TOKEN_KEY)),
    idbRequest(meta.get(LOOKUP_INDEX_KEY)),
    idbRequest(tx.objectStore('lists').getAll()) as Promise<SuppressionList[]>,
    idbRequest(tx.objectStore('batches').getAll()) as Promise<Batch[]>,
  ]);
  const parsed = StoredIndexSchema.safeParse(stored);
  if (!parsed.success || parsed.data.token !== tokenOf(tokenRec) || parsed.data.schemaVersion !== db.verno) {
    return undefined;
  }
  return assemble(parsed.data.token, parsed.data.fingerprints, parsed.data.contactKeys, lists, batches);
}

interface IndexState {
  index?: LookupIndex;
  pending?: Promise<LookupIndex | undefined>;
  failedAt?: number;
  /** How the current index was obtained, and how often it answered or was found stale (benchmark, tests). */
  source?: 'loaded' | 'built';
  answered: number;
  dropped: number;
  /** While set, the first load waits: not before `notBefore`, and not after `latest` (epoch ms). */
  deferred?: { notBefore: number; latest: number };
}

const states = new WeakMap<HeedDb, IndexState>();
const RETRY_AFTER_MS = 10_000;
/** A lookup during a deferred first load pushes the load back by this much: a page's burst is answered first. */
const BUSY_PUSH_MS = 300;

export interface KeepOptions {
  /**
   * Start the first load this long from now (ms), later while lookups keep coming (up to five times as long).
   * A service worker is started by the message it must answer: at 10M entries, loading and decoding the 40 MB
   * persisted index at the same time made that first answer wait for it (measured: median 284 ms, up to 2.3 s,
   * against 205 ms for an empty store in the same run; deferred, 111 ms against 101). Lookups before the load
   * read their candidate buckets, as without an index: a few reads each.
   */
  deferMs?: number;
}

/** Keeps a lookup index for this database instance from now on (the background's and the benchmark's). */
export function keepLookupIndex(db: HeedDb, opts: KeepOptions = {}): Promise<LookupIndex | undefined> {
  const state = states.get(db) ?? { answered: 0, dropped: 0 };
  states.set(db, state);
  const deferMs = opts.deferMs ?? 0;
  if (deferMs <= 0 || state.index || state.pending) return refresh(db, state);
  const now = Date.now();
  state.deferred = { notBefore: now + deferMs, latest: now + 5 * deferMs };
  return new Promise((resolve) => {
    const fire = () => {
      const d = state.deferred;
      const wait = d ? Math.min(d.notBefore, d.latest) - Date.now() : 0;
      if (wait > 0) {
        setTimeout(fire, wait);
        return;
      }
      state.deferred = undefined;
      resolve(refresh(db, state));
    };
    setTimeout(fire, deferMs);
  });
}

function refresh(db: HeedDb, state: IndexState): Promise<LookupIndex | undefined> {
  if (state.index) return Promise.resolve(state.index);
  state.pending ??= (async () => {
    try {
      const loaded = await loadLookupIndex(db);
      const index = loaded ?? (await buildLookupIndex(db));
      // Not persisting (a full disk, say) only costs the next service worker a rebuild.
      if (!loaded) await persistLookupIndex(db, index).catch(() => false);
      state.index = index;
      state.source = loaded ? 'loaded' : 'built';
      state.failedAt = undefined;
      return index;
    } catch {
      // Lookups keep working without the index (they read every candidate bucket); try again later.
      state.failedAt = Date.now();
      return undefined;
    } finally {
      state.pending = undefined;
    }
  })();
  return state.pending;
}

/** The index to use now, if this database keeps one and it is ready; starts (re)building it if not. */
export function currentLookupIndex(db: HeedDb): LookupIndex | undefined {
  const state = states.get(db);
  if (!state) return undefined;
  if (state.deferred) {
    state.deferred.notBefore = Math.max(state.deferred.notBefore, Date.now() + BUSY_PUSH_MS);
    return undefined;
  }
  if (
    !state.index &&
    !state.pending &&
    (state.failedAt === undefined || Date.now() - state.failedAt > RETRY_AFTER_MS)
  )
    void refresh(db, state);
  return state.index;
}

/** Called by a lookup that found the data changed since `index` was built. */
export function dropLookupIndex(db: HeedDb, index: LookupIndex): void {
  const state = states.get(db);
  if (!state || state.index !== index) return;
  state.index = undefined;
  state.source = undefined;
  state.dropped++;
  void refresh(db, state);
}

/** Called by a lookup that the index answered. */
export function countIndexAnswer(db: HeedDb): void {
  const state = states.get(db);
  if (state) state.answered++;
}

export function lookupIndexSource(db: HeedDb): IndexState['source'] {
  return states.get(db)?.source;
}

export function lookupIndexStats(db: HeedDb): { answered: number; dropped: number } {
  const state = states.get(db);
  return { answered: state?.answered ?? 0, dropped: state?.dropped ?? 0 };
}

/** Bytes the index's fingerprints take in memory. */
export function lookupIndexBytes(index: LookupIndex): number {
  return Object.values(index.fingerprints).reduce((n, a) => n + (a?.byteLength ?? 0), 0);
}
