import { hexToBytes } from '../identifiers';
import type { Channel, SuppressionReason } from '../vocab';
import { ENTRY_KINDS, type EntryKind, type HashKind, isHashKind } from '../vocab';
import { logAudit } from './audit';
import {
  bucketOf,
  bucketOfDigest,
  bucketRecord,
  buildSorted,
  compareDigests,
  mergeEntries,
  type SortedEntries,
} from './buckets';
import { type HeedDb, nowIso } from './db';
import {
  addToCounts,
  assertNameFree,
  assertNotManaged,
  ListError,
  type NewListInput,
  newListRecord,
} from './lists';
import {
  type BatchSource,
  BUCKET_COUNT,
  type BucketRecord,
  DIGEST_BYTES,
  type NewAuditEvent,
  NewBatchSchema,
} from './schemas';

// The one write path for suppression entries: imports, the popup's "record opt-out" and restores of a
// single entry all collect entries in memory first and then merge them into the list's buckets in one
// transaction, so a list is always either as before or fully updated.

export interface EntryMeta {
  reason: SuppressionReason;
  since: string;
}

const KIND_INDEX = Object.fromEntries(ENTRY_KINDS.map((k, i) => [k, i])) as Record<EntryKind, number>;

interface Group {
  kind: EntryKind;
  bucket: number;
  /** key -> local meta index; the first occurrence in the input wins. */
  keys: Map<string, number>;
  /** Hash kinds added as bytes: digests back to back, unsorted and with duplicates until finish. */
  digests?: DigestRun;
}

interface DigestRun {
  width: number;
  count: number;
  bytes: Uint8Array;
  metas: Uint32Array;
}

const FIRST_CAPACITY = 64;

/**
 * De-duplicates entries in memory and groups them by (kind, bucket). Keys of hash kinds are lower-case hex, or
 * bytes through `addDigest`: at ten million MD5 a string and a Map entry per digest cost more than the rest of the
 * import together (most of it in garbage collection), so those are kept packed and de-duplicated at finish.
 */
export class EntryCollector {
  // Indexed by kind * BUCKET_COUNT + bucket: an array is markedly cheaper than a Map at a million adds.
  private groups: (Group | undefined)[] = [];
  private readonly metaIndex = new Map<string, number>();
  readonly metas: EntryMeta[] = [];
  /** Entries kept; digests added as bytes count until finish, which then takes their duplicates off. */
  size = 0;
  /** Repeats of an earlier kind and key; those among digests added as bytes are counted at finish. */
  duplicates = 0;

  // The last answer of `meta`: an import asks once per row, nearly always for the same pair, and building the
  // Map key each time cost half a second at two million rows.
  private lastMeta: { reason: SuppressionReason; since: string; index: number } | undefined;

  meta(reason: SuppressionReason, since: string): number {
    const last = this.lastMeta;
    if (last !== undefined && last.reason === reason && last.since === since) return last.index;
    const id = `${reason}\u0000${since}`;
    let i = this.metaIndex.get(id);
    if (i === undefined) {
      i = this.metas.length;
      this.metas.push({ reason, since });
      this.metaIndex.set(id, i);
    }
    this.lastMeta = { reason, since, index: i };
    return i;
  }

  private group(kind: EntryKind, bucket: number): Group {
    const gid = KIND_INDEX[kind] * BUCKET_COUNT + bucket;
    let g = this.groups[gid];
    if (!g) {
      g = { kind, bucket, keys: new Map() };
      this.groups[gid] = g;
    }
    return g;
  }

  /**
   * False when the same kind and key came earlier. Once a bucket holds digests added as bytes, a hash key added
   * here joins them (keeping the input's order) and the answer is true: its duplicate shows at finish.
   */
  add(kind: EntryKind, key: string, meta: number): boolean {
    const g = this.group(kind, bucketOf(kind, key));
    if (g.digests && isHashKind(kind)) {
      appendDigest(g.digests, hexToBytes(key), meta);
      this.size++;
      return true;
    }
    if (g.keys.has(key)) {
      this.duplicates++;
      return false;
    }
    g.keys.set(key, meta);
    this.size++;
    return true;
  }

  /** Adds a digest of a hash kind by its bytes (`DIGEST_BYTES[kind]` of them; the array may be reused after). */
  addDigest(kind: HashKind, bytes: Uint8Array, meta: number): void {
    const width = DIGEST_BYTES[kind];
    if (bytes.length !== width)
      throw new RangeError(`a ${kind} digest has ${width} bytes, not ${bytes.length}`);
    const g = this.group(kind, bucketOfDigest(bytes));
    let run = g.digests;
    if (!run) {
      run = {
        width,
        count: 0,
        bytes: new Uint8Array(FIRST_CAPACITY * width),
        metas: new Uint32Array(FIRST_CAPACITY),
      };
      g.digests = run;
      // Keys added as strings came first: moved over in their order, they keep winning over later repeats.
      for (const [key, m] of g.keys) appendDigest(run, hexToBytes(key), m);
      g.keys.clear();
    }
    appendDigest(run, bytes, meta);
    this.size++;
  }

  private build(g: Group): SortedEntries {
    if (!g.digests || !isHashKind(g.kind)) return buildSorted(g.kind, g.keys, hexToBytes);
    const sorted = sortDigests(g.kind, g.digests);
    const repeats = g.digests.count - sorted.batchIds.length;
    this.duplicates += repeats;
    this.size -= repeats;
    g.digests = undefined;
    return sorted;
  }

  /**
   * As `finish`, but gives the event loop a turn every `sliceMs`: sorting and encoding a million keys takes
   * longer than a page may stay unresponsive.
   */
  async finishInSlices(sliceMs = 30, onSlice?: () => void): Promise<PreparedBucket[]> {
    const out: PreparedBucket[] = [];
    let last = performance.now();
    for (const g of this.groups) {
      if (!g) continue;
      out.push({ kind: g.kind, bucket: g.bucket, entries: this.build(g) });
      if (performance.now() - last > sliceMs) {
        onSlice?.();
        await new Promise((resolve) => setTimeout(resolve, 0));
        last = performance.now();
      }
    }
    this.groups = [];
    return out;
  }

  /** Sorted, binary-encoded buckets whose batchIds are still local meta indices. */
  finish(): PreparedBucket[] {
    const out: PreparedBucket[] = [];
    for (const g of this.groups) {
      if (g) out.push({ kind: g.kind, bucket: g.bucket, entries: this.build(g) });
    }
    this.groups = [];
    return out;
  }
}

function appendDigest(run: DigestRun, bytes: Uint8Array, meta: number): void {
  if (run.count === run.metas.length) {
    const metas = new Uint32Array(run.metas.length * 2);
    metas.set(run.metas);
    run.metas = metas;
    const grown = new Uint8Array(run.bytes.length * 2);
    grown.set(run.bytes);
    run.bytes = grown;
  }
  run.bytes.set(bytes, run.count * run.width);
  run.metas[run.count] = meta;
  run.count++;
}

/**
 * Sorts a bucket's digests by their bytes and keeps the first occurrence of each: the same entries `buildSorted`
 * gives for their hex. Ties sort by position, so the first of a run of equal digests is the input's first.
 */
function sortDigests(kind: HashKind, run: DigestRun): SortedEntries {
  const { width: w, count: n, bytes } = run;
  // Every digest of a bucket shares its first 12 bits: bytes 1-4 tell almost all of them apart in one compare.
  const head = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const o = i * w;
    head[i] =
      (((bytes[o + 1] as number) << 24) |
        ((bytes[o + 2] as number) << 16) |
        ((bytes[o + 3] as number) << 8) |
        (bytes[o + 4] as number)) >>>
      0;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const ha = head[a] as number;
    const hb = head[b] as number;
    if (ha !== hb) return ha < hb ? -1 : 1;
    return compareDigests(bytes, a * w, bytes, b * w, w) || a - b;
  });
  let unique = 0;
  for (let t = 0; t < n; t++) {
    if (
      t === 0 ||
      compareDigests(bytes, (order[t - 1] as number) * w, bytes, (order[t] as number) * w, w) !== 0
    ) {
      order[unique++] = order[t] as number;
    }
  }
  const keys = new Uint8Array(unique * w);
  const ids = new Uint32Array(unique);
  for (let t = 0; t < unique; t++) {
    const i = order[t] as number;
    keys.set(bytes.subarray(i * w, i * w + w), t * w);
    ids[t] = run.metas[i] as number;
  }
  return { kind, keys, batchIds: ids };
}

export interface PreparedBucket {
  kind: EntryKind;
  bucket: number;
  entries: SortedEntries;
}

export type CommitTarget = { listId: string } | { newList: NewListInput };

export interface CommitOptions {
  source: BatchSource;
  fileName?: string;
  /** Channels every batch of this commit blocks, narrower than the list's; absent means the list's scope. */
  channels?: readonly Channel[];
  signal?: AbortSignal;
  /** Called between bucket writes with the number of buckets written so far. */
  onProgress?: (done: number, total: number) => void;
  audit: Omit<NewAuditEvent, 'listId'>;
  /** Buckets per bulkGet/bulkPut round; smaller means more progress reports. */
  chunk?: number;
}

export interface CommitResult {
  listId: string;
  batchIds: number[];
  added: number;
  alreadyPresent: number;
}

// Not named 'AbortError': Dexie treats that name as its own transaction abort and replaces the error.
export class CommitAbortedError extends Error {
  override name = 'CommitAbortedError';
}

/**
 * Merges prepared buckets into a list in ONE read-write transaction. Anything thrown inside (quota, abort,
 * a bug) rolls the whole transaction back, and a closed page aborts it in IndexedDB itself, so the list is
 * never half-imported. A new list is created inside the same transaction for the same reason.
 */
export async function commitEntries(
  db: HeedDb,
  target: CommitTarget,
  metas: readonly EntryMeta[],
  prepared: readonly PreparedBucket[],
  opts: CommitOptions,
): Promise<CommitResult> {
  const chunk = opts.chunk ?? 256;
  const checkAbort = () => {
    if (opts.signal?.aborted) throw new CommitAbortedError('cancelled');
  };
  checkAbort();
  return db.transaction('rw', db.lists, db.buckets, db.batches, db.audit, async () => {
    const importedAt = nowIso();
    let list = 'listId' in target ? await db.lists.get(target.listId) : undefined;
    if ('listId' in target && !list) throw new ListError(`no list with id ${target.listId}`);
    if (list) assertNotManaged(list, 'import into');
    const isNew = !list;
    if (!list) {
      list = newListRecord('newList' in target ? target.newList : { name: 'Imported list' });
      await assertNameFree(db, list.name);
      await db.lists.add(list);
      await logAudit(db, { action: 'create-list', listId: list.id });
    }
    const listId = list.id;

    const batchIds: number[] = [];
    for (const m of metas) {
      batchIds.push(
        // Parsed, because a batch the backup could not validate would make every later backup unrestorable;
        // a throw here aborts the one transaction, so nothing is written.
        await db.batches.add(
          NewBatchSchema.parse({
            listId,
            reason: m.reason,
            since: m.since,
            source: opts.source,
            ...(opts.fileName !== undefined ? { fileName: opts.fileName.slice(0, 500) } : {}),
            ...(opts.channels && opts.channels.length > 0 ? { channels: [...opts.channels] } : {}),
            importedAt,
          }),
        ),
      );
    }

    let counts = list.counts;
    let added = 0;
    let alreadyPresent = 0;
    const used = new Set<number>();
    opts.onProgress?.(0, prepared.length);
    for (let start = 0; start < prepared.length; start += chunk) {
      checkAbort();
      const part = prepared.slice(start, start + chunk);
      const existing = await db.buckets.bulkGet(part.map((p) => [listId, p.kind, p.bucket]));
      const writes: BucketRecord[] = [];
      part.forEach((p, i) => {
        const local = p.entries.batchIds;
        const ids = new Uint32Array(local.length);
        for (let t = 0; t < local.length; t++) ids[t] = batchIds[local[t] as number] as number;
        const m = mergeEntries(existing[i], { ...p.entries, batchIds: ids });
        added += m.added;
        alreadyPresent += m.alreadyPresent;
        for (const id of m.addedByBatch.keys()) used.add(id);
        if (m.added > 0) {
          counts = addToCounts(counts, p.kind, m.added);
          writes.push(bucketRecord(listId, p.bucket, m));
        }
      });
      if (writes.length > 0) await db.buckets.bulkPut(writes);
      opts.onProgress?.(Math.min(start + chunk, prepared.length), prepared.length);
    }
    checkAbort();

    // A batch nothing landed in (e.g. the same file imported twice) would be clutter with no entries.
    const unused = batchIds.filter((id) => !used.has(id));
    if (unused.length > 0) await db.batches.bulkDelete(unused);
    if (added > 0 || isNew) {
      await db.lists.put({
        ...list,
        counts,
        updatedAt: importedAt,
        ...(isNew && opts.fileName !== undefined ? { sourceFile: opts.fileName.slice(0, 500) } : {}),
      });
    }
    await logAudit(db, { ...opts.audit, listId, counts: { ...opts.audit.counts, added, alreadyPresent } });
    return { listId, batchIds: batchIds.filter((id) => used.has(id)), added, alreadyPresent };
  });
}
