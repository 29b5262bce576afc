import {
  classifyValue,
  emailHashForms,
  entryKeyAs,
  hexToBytes,
  loadHashers,
  normaliseAs,
} from '../identifiers';
import type { Channel, SuppressionReason } from '../vocab';
import { logAudit } from './audit';
import { bucketOf, bucketRecord, findKey, keyAt, removeEntryAt } from './buckets';
import { type CommitResult, commitEntries, EntryCollector } from './commit';
import { type HeedDb, nowIso } from './db';
import { addToCounts, assertNotManaged, ListError, listBuckets } from './lists';
import {
  type Batch,
  type BatchSource,
  type BucketRecord,
  type EntryKind,
  EntryKindSchema,
  HASH_KINDS as HASH_KIND_LIST,
  isHashKind,
} from './schemas';

export interface EntryInput {
  kind: EntryKind;
  value: string;
}

export interface AddEntriesResult extends Omit<CommitResult, 'listId'> {
  rejected: { value: string; kind: EntryKind; reason: string }[];
}

export function today(): string {
  return nowIso().slice(0, 10);
}

/**
 * Adds entries by hand (the popup's "record opt-out"), through the same merge path as an import. Values
 * are normalised as their kind; those that cannot be are returned as rejected, the rest are committed.
 */
export async function addEntries(
  db: HeedDb,
  listId: string,
  values: readonly EntryInput[],
  meta: {
    reason: SuppressionReason;
    since?: string;
    source?: BatchSource;
    defaultCountry?: string;
    /** What this recording blocks when narrower than the list (the reason's default channels). */
    channels?: readonly Channel[];
  },
): Promise<AddEntriesResult> {
  const collector = new EntryCollector();
  const m = collector.meta(meta.reason, meta.since ?? today());
  const rejected: AddEntriesResult['rejected'] = [];
  for (const v of values) {
    const kind = EntryKindSchema.parse(v.kind);
    const n = entryKeyAs(kind, v.value, meta.defaultCountry);
    if (n.ok) collector.add(kind, n.value, m);
    else rejected.push({ value: v.value, kind, reason: n.reason });
  }
  if (collector.size === 0) {
    const list = await db.lists.get(listId);
    if (!list) throw new ListError(`no list with id ${listId}`);
    assertNotManaged(list, 'add entries to');
    return { batchIds: [], added: 0, alreadyPresent: 0, rejected };
  }
  const r = await commitEntries(db, { listId }, collector.metas, collector.finish(), {
    source: meta.source ?? 'manual',
    ...(meta.channels ? { channels: meta.channels } : {}),
    audit: { action: 'opt-out', counts: { rejected: rejected.length } },
  });
  return { batchIds: r.batchIds, added: r.added, alreadyPresent: r.alreadyPresent, rejected };
}

/** Position of a normalised key in its bucket record, if there. */
export function findInBucket(rec: BucketRecord | undefined, kind: EntryKind, key: string): number {
  if (!rec) return -1;
  return findKey(rec, key, isHashKind(kind) ? hexToBytes(key) : undefined);
}

/** Removes one entry (value normalised as `kind` first). False if the list did not have it. */
export async function removeEntry(
  db: HeedDb,
  listId: string,
  kind: EntryKind,
  value: string,
): Promise<boolean> {
  const n = entryKeyAs(kind, value);
  if (!n.ok) return false;
  const key = n.value;
  return db.transaction('rw', db.lists, db.buckets, db.audit, async () => {
    const list = await db.lists.get(listId);
    if (!list) throw new ListError(`no list with id ${listId}`);
    assertNotManaged(list, 'remove entries from');
    const pk: [string, EntryKind, number] = [listId, kind, bucketOf(kind, key)];
    const rec = await db.buckets.get(pk);
    const i = findInBucket(rec, kind, key);
    if (!rec || i < 0) return false;
    const rest = removeEntryAt(rec, i);
    if (rest.batchIds.length === 0) await db.buckets.delete(pk);
    else await db.buckets.put(bucketRecord(rec.listId, rec.bucket, rest));
    await db.lists.put({ ...list, counts: addToCounts(list.counts, kind, -1), updatedAt: nowIso() });
    await logAudit(db, { action: 'delete-entry', listId, counts: { removed: 1 }, detail: `kind ${kind}` });
    return true;
  });
}

export interface EntryRow {
  kind: EntryKind;
  /** The stored value: the string itself, or lower-case hex for hashes. */
  value: string;
  reason: SuppressionReason | 'unknown';
  since: string;
  batchId: number;
  source?: BatchSource;
  fileName?: string;
}

export interface EntryPage {
  rows: EntryRow[];
  /** Pass back to get the next page; absent on the last page. */
  nextCursor?: string;
}

function parseCursor(cursor: string | undefined): { kind: EntryKind; bucket: number; index: number } | null {
  if (!cursor) return null;
  const [k, b, i] = cursor.split('|');
  const kind = EntryKindSchema.safeParse(k);
  const bucket = Number(b);
  const index = Number(i);
  if (!kind.success || !Number.isInteger(bucket) || !Number.isInteger(index)) return null;
  return { kind: kind.data, bucket, index };
}

/** A page of a list's entries in storage order (kind, then bucket, then key), for browsing. */
export async function pageEntries(
  db: HeedDb,
  listId: string,
  opts: { cursor?: string; limit: number },
): Promise<EntryPage> {
  const limit = Math.max(1, Math.min(opts.limit, 10_000));
  const from = parseCursor(opts.cursor);
  const found: { kind: EntryKind; bucket: number; index: number; value: string; batchId: number }[] = [];
  let nextCursor: string | undefined;
  await db.transaction('r', db.buckets, db.batches, async () => {
    const coll = from
      ? db.buckets
          .where('[listId+kind+bucket]')
          .between([listId, from.kind, from.bucket], [listId, '\uffff', Infinity])
      : listBuckets(db, listId);
    await coll
      .until(() => nextCursor !== undefined)
      .each((rec) => {
        const n = rec.batchIds.length;
        const start = from && rec.kind === from.kind && rec.bucket === from.bucket ? from.index : 0;
        for (let i = start; i < n; i++) {
          if (found.length === limit) {
            nextCursor = `${rec.kind}|${rec.bucket}|${i}`;
            return;
          }
          found.push({
            kind: rec.kind,
            bucket: rec.bucket,
            index: i,
            value: keyAt(rec, i),
            batchId: rec.batchIds[i] as number,
          });
        }
      });
  });
  const batches = await batchMap(
    db,
    found.map((f) => f.batchId),
  );
  return { rows: found.map((f) => toRow(f.kind, f.value, f.batchId, batches)), nextCursor };
}

export async function batchMap(db: HeedDb, ids: readonly number[]): Promise<Map<number, Batch>> {
  const unique = [...new Set(ids)];
  const got = await db.batches.bulkGet(unique);
  const map = new Map<number, Batch>();
  got.forEach((b, i) => {
    if (b) map.set(unique[i] as number, b);
  });
  return map;
}

export function toRow(
  kind: EntryKind,
  value: string,
  batchId: number,
  batches: Map<number, Batch>,
): EntryRow {
  const b = batches.get(batchId);
  return {
    kind,
    value,
    reason: b?.reason ?? 'unknown',
    since: b?.since ?? '',
    batchId,
    ...(b ? { source: b.source } : {}),
    ...(b?.fileName !== undefined ? { fileName: b.fileName } : {}),
  };
}

/**
 * Exact search in one list: the query is read as whatever identifier it looks like and normalised; an
 * email also finds its MD5/SHA-1/SHA-256/SHA-512 entries, a domain both its exact and its '.domain' entry.
 */
export async function findEntries(
  db: HeedDb,
  listId: string,
  query: string,
  opts: { defaultCountry?: string } = {},
): Promise<(EntryRow & { via: string })[]> {
  const kind = classifyValue(query);
  if (kind === null) return [];
  const n = entryKeyAs(kind, query, opts.defaultCountry);
  if (!n.ok) return [];
  const candidates: { kind: EntryKind; key: string; via: string }[] = [];
  if (kind === 'email') {
    candidates.push({ kind: 'email', key: n.value, via: 'email' });
    const h = await loadHashers();
    // A hashed list holds whatever spelling its owner hashed: the address as written and its canonical mailbox.
    const written = normaliseAs('email', query);
    const spellings = new Set([...(written.ok ? [written.value] : []), n.value]);
    for (const form of [...spellings].flatMap(emailHashForms)) {
      for (const algo of HASH_KIND_LIST) {
        candidates.push({ kind: algo, key: h[algo](form), via: `${algo} of email` });
      }
    }
  } else if (kind === 'domain') {
    const bare = n.value.replace(/^\./, '');
    candidates.push({ kind, key: bare, via: 'domain' }, { kind, key: `.${bare}`, via: 'domain' });
  } else {
    candidates.push({ kind, key: n.value, via: kind });
  }
  const hits = await db.transaction('r', db.buckets, db.batches, async () => {
    const recs = await db.buckets.bulkGet(candidates.map((c) => [listId, c.kind, bucketOf(c.kind, c.key)]));
    const out: { kind: EntryKind; key: string; via: string; batchId: number }[] = [];
    candidates.forEach((c, i) => {
      const rec = recs[i];
      const at = findInBucket(rec, c.kind, c.key);
      if (rec && at >= 0) out.push({ ...c, batchId: rec.batchIds[at] as number });
    });
    return out;
  });
  const batches = await batchMap(
    db,
    hits.map((h) => h.batchId),
  );
  return hits.map((h) => ({ ...toRow(h.kind, h.key, h.batchId, batches), via: h.via }));
}

const HASH_KINDS: ReadonlySet<EntryKind> = new Set(HASH_KIND_LIST);

/**
 * Finds entries the way a person searches: exact matches first (an email also finds its hashes), then entries
 * that contain what was typed (plain kinds) or start with it (hashes, on their hex digits), up to `limit`. The
 * contains pass reads the whole list once; a list of a million entries takes a moment, which a search may.
 */
export async function searchEntries(
  db: HeedDb,
  listId: string,
  query: string,
  opts: { defaultCountry?: string; limit?: number } = {},
): Promise<(EntryRow & { via: string })[]> {
  const limit = Math.max(1, opts.limit ?? 100);
  const exact = (await findEntries(db, listId, query, opts)).slice(0, limit);
  const needle = query.trim().toLowerCase();
  if (needle === '' || exact.length >= limit) return exact;
  // Phone numbers are stored as +447700900123: a typed "+44 7700 900…" still finds them.
  const compact = needle.replace(/[\s().-]/g, '');
  const hexNeedle = /^[0-9a-f]+$/.test(needle) ? needle : null;
  const seen = new Set(exact.map((r) => `${r.kind}|${r.value}`));
  const found: { kind: EntryKind; value: string; batchId: number; via: string }[] = [];
  await db.transaction('r', db.buckets, async () => {
    await listBuckets(db, listId)
      .until(() => exact.length + found.length >= limit)
      .each((rec) => {
        const hash = HASH_KINDS.has(rec.kind);
        if (hash && hexNeedle === null) return;
        for (let i = 0; i < rec.batchIds.length; i++) {
          if (exact.length + found.length >= limit) return;
          const value = keyAt(rec, i);
          const v = value.toLowerCase();
          const hit = hash
            ? v.startsWith(hexNeedle as string)
            : v.includes(needle) || (rec.kind === 'phone' && compact !== '' && v.includes(compact));
          if (!hit || seen.has(`${rec.kind}|${value}`)) continue;
          seen.add(`${rec.kind}|${value}`);
          found.push({
            kind: rec.kind,
            value,
            batchId: rec.batchIds[i] as number,
            via: hash ? 'prefix' : 'contains',
          });
        }
      });
  });
  const batches = await batchMap(
    db,
    found.map((f) => f.batchId),
  );
  return [...exact, ...found.map((f) => ({ ...toRow(f.kind, f.value, f.batchId, batches), via: f.via }))];
}
