import { hexToBytes } from '../identifiers';
import type { Channel, SuppressionReason } from '../vocab';
import { ENTRY_KINDS, type EntryKind, type HashKind, isHashKind, type StringKind } from '../vocab';
import { logAudit } from './audit';
import type { StoredBucket } from './bucket-layout';
import {
  bucketOf,
  bucketOfDigest,
  bucketRecord,
  compareDigests,
  type Ids,
  type MergeStats,
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
import { type PackedKeys, unpackKeys } from './packed-keys';
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
  /** A hash kind's digests, or a string kind's keys, as added: unsorted and with repeats until finish. */
  run: DigestRun | StringRun;
}

interface DigestRun {
  width: number;
  count: number;
  bytes: Uint8Array;
  metas: Uint32Array;
}

/**
 * A string kind's keys as added: their UTF-16 code units back to back (a byte each until a wider unit comes, as
 * packed-keys.ts stores them), where each key ends, and its meta. Two typed arrays instead of a heap string and a
 * Map entry per key: at ten million emails those were most of a gigabyte of heap that every full collection marked,
 * in pauses of seconds (issue 18).
 */
interface StringRun {
  count: number;
  codes: Uint8Array | Uint16Array;
  ends: Uint32Array;
  metas: Uint32Array;
}

const FIRST_CAPACITY = 64;

/**
 * De-duplicates entries and groups them by (kind, bucket), holding them packed (digests as bytes, string keys as
 * code units) and de-duplicating at finish, where the first occurrence of a key wins. Keys of hash kinds are
 * lower-case hex, or bytes through `addDigest`.
 */
export class EntryCollector {
  // Indexed by kind * BUCKET_COUNT + bucket: an array is markedly cheaper than a Map at a million adds.
  private groups: (Group | undefined)[] = [];
  private readonly metaIndex = new Map<string, number>();
  readonly metas: EntryMeta[] = [];
  /** Entries added; finish takes the repeats off. */
  size = 0;
  /** Repeats of an earlier kind and key, counted at finish. */
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
      const run: DigestRun | StringRun = isHashKind(kind)
        ? {
            width: DIGEST_BYTES[kind],
            count: 0,
            bytes: new Uint8Array(FIRST_CAPACITY * DIGEST_BYTES[kind]),
            metas: new Uint32Array(FIRST_CAPACITY),
          }
        : {
            count: 0,
            codes: new Uint8Array(FIRST_CAPACITY * 32),
            ends: new Uint32Array(FIRST_CAPACITY),
            metas: new Uint32Array(FIRST_CAPACITY),
          };
      g = { kind, bucket, run };
      this.groups[gid] = g;
    }
    return g;
  }

  /** Adds a normalised key (lower-case hex for a hash kind); a repeat shows at finish. */
  add(kind: EntryKind, key: string, meta: number): void {
    const { run } = this.group(kind, bucketOf(kind, key));
    if ('width' in run) appendDigest(run, hexToBytes(key), meta);
    else appendString(run, key, meta);
    this.size++;
  }

  /** Adds a digest of a hash kind by its bytes (`DIGEST_BYTES[kind]` of them; the array may be reused after). */
  addDigest(kind: HashKind, bytes: Uint8Array, meta: number): void {
    const width = DIGEST_BYTES[kind];
    if (bytes.length !== width)
      throw new RangeError(`a ${kind} digest has ${width} bytes, not ${bytes.length}`);
    appendDigest(this.group(kind, bucketOfDigest(bytes)).run as DigestRun, bytes, meta);
    this.size++;
  }

  private build(g: Group): PreparedBucket {
    const { kind, run } = g;
    const entries: PreparedEntries = isHashKind(kind)
      ? sortDigests(kind, run as DigestRun)
      : sortStrings(kind, run as StringRun);
    const repeats = run.count - entries.batchIds.length;
    this.duplicates += repeats;
    this.size -= repeats;
    return { kind, bucket: g.bucket, entries };
  }

  /**
   * As `finish`, but gives the event loop a turn every `sliceMs`: sorting and encoding a million keys takes
   * longer than a page may stay unresponsive.
   */
  async finishInSlices(sliceMs = 30, onSlice?: () => void): Promise<PreparedBucket[]> {
    const out: PreparedBucket[] = [];
    let last = performance.now();
    for (const [gid, g] of this.groups.entries()) {
      if (!g) continue;
      out.push(this.build(g));
      // Each group's run is garbage once sorted: at ten million entries they are hundreds of megabytes.
      this.groups[gid] = undefined;
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
    for (const g of this.groups) if (g) out.push(this.build(g));
    this.groups = [];
    return out;
  }
}

function appendDigest(run: DigestRun, bytes: Uint8Array, meta: number): void {
  if (run.count === run.metas.length) {
    run.metas = grown(run.metas, 2 * run.metas.length);
    run.bytes = grown(run.bytes, 2 * run.bytes.length);
  }
  run.bytes.set(bytes, run.count * run.width);
  run.metas[run.count] = meta;
  run.count++;
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

function appendString(run: StringRun, key: string, meta: number): void {
  if (run.count === run.metas.length) {
    run.metas = grown(run.metas, 2 * run.metas.length);
    run.ends = grown(run.ends, 2 * run.ends.length);
  }
  const start = run.count === 0 ? 0 : (run.ends[run.count - 1] as number);
  if (start + key.length > run.codes.length)
    run.codes = grown(run.codes, Math.max(2 * run.codes.length, start + key.length));
  let codes = run.codes;
  let i = 0;
  if (codes instanceof Uint8Array) {
    for (; i < key.length; i++) {
      const c = key.charCodeAt(i);
      if (c > 0xff) break;
      codes[start + i] = c;
    }
    if (i < key.length) {
      // The first unit wider than a byte: from now on this bucket's keys take two bytes a unit.
      codes = Uint16Array.from(codes);
      run.codes = codes;
    }
  }
  for (; i < key.length; i++) codes[start + i] = key.charCodeAt(i);
  run.ends[run.count] = start + key.length;
  run.metas[run.count] = meta;
  run.count++;
}

/**
 * Sorts a bucket's digests by their bytes and keeps the first occurrence of each: the same entries `buildSorted`
 * gives for their hex. Ties sort by position, so the first of a run of equal digests is the input's first.
 */
function sortDigests(kind: HashKind, run: DigestRun): Extract<SortedEntries, { kind: HashKind }> {
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

/**
 * Code-unit order of keys a and b of `run`, as `<` orders strings (and Array.prototype.sort sorts them): negative
 * when a sorts first.
 */
function compareKeys(run: StringRun, a: number, b: number): number {
  const { codes, ends } = run;
  const as = a === 0 ? 0 : (ends[a - 1] as number);
  const bs = b === 0 ? 0 : (ends[b - 1] as number);
  const al = (ends[a] as number) - as;
  const bl = (ends[b] as number) - bs;
  const n = Math.min(al, bl);
  for (let k = 0; k < n; k++) {
    const d = (codes[as + k] as number) - (codes[bs + k] as number);
    if (d !== 0) return d;
  }
  return al - bl;
}

/**
 * Sorts a bucket's string keys and keeps the first occurrence of each, packed exactly as `packKeys` packs the
 * sorted strings (the store writes them as they are): the same entries `buildSorted` gives for them as strings.
 * Ties sort by position, so the first of a run of equal keys is the input's first.
 */
function sortStrings(kind: StringKind, run: StringRun): PackedEntries {
  const n = run.count;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => compareKeys(run, a, b) || a - b);
  let unique = 0;
  for (let t = 0; t < n; t++) {
    if (t === 0 || compareKeys(run, order[t - 1] as number, order[t] as number) !== 0)
      order[unique++] = order[t] as number;
  }
  const { codes, ends } = run;
  const startOf = (i: number) => (i === 0 ? 0 : (ends[i - 1] as number));
  let total = 0;
  let longest = 0;
  let wide = false;
  for (let t = 0; t < unique; t++) {
    const i = order[t] as number;
    const len = (ends[i] as number) - startOf(i);
    total += len;
    if (len > longest) longest = len;
    if (codes instanceof Uint16Array && !wide)
      for (let k = startOf(i); k < (ends[i] as number); k++) if ((codes[k] as number) > 0xff) wide = true;
  }
  const out = wide ? new Uint16Array(total) : new Uint8Array(total);
  const lengths =
    longest < 256
      ? new Uint8Array(unique)
      : longest < 65536
        ? new Uint16Array(unique)
        : new Uint32Array(unique);
  const ids = new Uint32Array(unique);
  let at = 0;
  for (let t = 0; t < unique; t++) {
    const i = order[t] as number;
    const s = startOf(i);
    const len = (ends[i] as number) - s;
    out.set(codes.subarray(s, s + len), at);
    at += len;
    lengths[t] = len;
    ids[t] = run.metas[i] as number;
  }
  return { kind, keys: { codes: out, lengths }, batchIds: ids };
}

/**
 * A string kind's sorted, unique keys still packed (packed-keys.ts): a bucket the list does not have yet is written
 * as it is, so an import makes no heap string per key at any point.
 */
export type PackedEntries = { kind: StringKind; keys: PackedKeys; batchIds: Ids };
export type PreparedEntries = Extract<SortedEntries, { kind: HashKind }> | PackedEntries;

export interface PreparedBucket {
  kind: EntryKind;
  bucket: number;
  entries: PreparedEntries;
}

/** The prepared entries as the rest of the store takes them (a string kind's keys as strings). */
export function sortedOf(e: PreparedEntries): SortedEntries {
  return isHashKind(e.kind)
    ? (e as SortedEntries)
    : { kind: e.kind, keys: unpackKeys(e.keys as PackedKeys), batchIds: e.batchIds };
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
        const m = mergePrepared(listId, p, existing[i], ids);
        added += m.added;
        alreadyPresent += m.alreadyPresent;
        for (const id of m.addedByBatch.keys()) used.add(id);
        if (m.added > 0) {
          counts = addToCounts(counts, p.kind, m.added);
          writes.push(m.record);
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

/**
 * The bucket record of `p` merged into what the list has (`batchIds` already the batches' ids). A string kind's
 * new bucket keeps its packed keys: the bucket layout (bucket-layout.ts) stores a record that holds `keyCodes` and
 * `keyLengths` as it is, so ten million emails never become ten million strings on the way to the database.
 */
function mergePrepared(
  listId: string,
  p: PreparedBucket,
  existing: BucketRecord | undefined,
  batchIds: Ids,
): MergeStats & { record: BucketRecord } {
  const e = p.entries;
  if (existing || isHashKind(e.kind)) {
    const m = mergeEntries(existing, { ...sortedOf(e), batchIds });
    return { ...m, record: bucketRecord(listId, p.bucket, m) };
  }
  const { codes, lengths } = e.keys as PackedKeys;
  const addedByBatch = new Map<number, number>();
  for (const id of batchIds) addedByBatch.set(id, (addedByBatch.get(id) ?? 0) + 1);
  const stored = { listId, bucket: p.bucket, kind: e.kind, batchIds, keyCodes: codes, keyLengths: lengths };
  return {
    added: batchIds.length,
    alreadyPresent: 0,
    addedByBatch,
    // The stored form passes through the layout's encoding; nothing else sees the record before it is put.
    record: stored satisfies StoredBucket as unknown as BucketRecord,
  };
}
