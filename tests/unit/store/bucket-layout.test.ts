import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchIdAt,
  decodeBucket,
  decodeBucketLazily,
  encodeBucket,
  findStoredKey,
  fromRuns,
  heldBytes,
  type StoredBucket,
  toRuns,
} from '../../../lib/store/bucket-layout';
import { bucketOf, findKey } from '../../../lib/store/buckets';
import { type HeedDb, openDb, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { addEntries, findEntries, removeEntry } from '../../../lib/store/entries';
import { exportListCsv } from '../../../lib/store/export';
import { createList } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { keepLookupIndex } from '../../../lib/store/lookup-index';
import { dump, freshDb } from './helpers';

/** The records exactly as IndexedDB holds them, past Dexie and its middleware. */
async function rawBuckets(db: HeedDb): Promise<StoredBucket[]> {
  const tx = db.backendDB().transaction('buckets', 'readonly');
  const req = tx.objectStore('buckets').getAll();
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as StoredBucket[]);
    req.onerror = () => reject(req.error);
  });
}

/** Emails that all fall into bucket `bucket` of the email kind, so one record holds many entries. */
function emailsInBucket(bucket: number, count: number, tag: string): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const e = `${tag}.${i}@dense.example`;
    if (bucketOf('email', e) === bucket) out.push(e);
  }
  return out;
}

const md5sIn = (prefix: string, count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => `${prefix}${(from + i).toString(16).padStart(29, '0')}`);

/**
 * A database with one bucket of a single batch (as after importing a list once), one bucket whose entries came in
 * two batches, and one where batches alternate entry by entry (runs would be longer than the ids).
 */
async function seed(db: HeedDb) {
  const list = await createList(db, { name: 'Dense' });
  const single = emailsInBucket(7, 12, 'single');
  await addEntries(
    db,
    list.id,
    single.map((value) => ({ kind: 'email' as const, value })),
    { reason: 'objection', since: '2025-01-02' },
  );
  await addEntries(
    db,
    list.id,
    md5sIn('abc', 20).map((value) => ({ kind: 'md5' as const, value })),
    { reason: 'unsubscribe', since: '2025-01-03' },
  );
  await addEntries(
    db,
    list.id,
    md5sIn('abc', 5, 100).map((value) => ({ kind: 'md5' as const, value })),
    { reason: 'complaint', since: '2025-02-03' },
  );
  const alternating = md5sIn('def', 6);
  for (const [i, value] of alternating.entries()) {
    await addEntries(db, list.id, [{ kind: 'md5', value }], {
      reason: i % 2 ? 'unsubscribe' : 'objection',
      since: `2025-03-0${i + 1}`,
    });
  }
  return { list, single, md5s: [...md5sIn('abc', 20), ...md5sIn('abc', 5, 100), ...alternating] };
}

async function answers(db: HeedDb, listId: string, emails: string[], md5s: string[]) {
  const out: unknown[] = [];
  for (const e of [...emails, 'nobody@dense.example'])
    out.push((await lookupPerson(db, { emails: [e] })).matches.map((m) => [m.kind, m.reason, m.since]));
  for (const h of md5s) out.push((await findEntries(db, listId, h)).map((r) => [r.value, r.reason, r.since]));
  out.push(await exportListCsv(db, listId, { mode: 'plain' }));
  return out;
}

describe('batch ids as runs', () => {
  it('round-trips any ids, and uses runs only when shorter', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 60 }), (xs) => {
        const ids = Uint32Array.from(xs);
        const runs = toRuns(ids);
        if (runs) {
          expect(runs.length).toBeLessThan(ids.length);
          expect(Array.from(fromRuns(runs))).toEqual(xs);
        }
        const rec = { listId: 'l', kind: 'email' as const, bucket: 1, keys: xs.map(String), batchIds: ids };
        expect(decodeBucket(encodeBucket(rec))).toEqual(rec);
      }),
    );
    expect(Array.from(toRuns(new Uint32Array(500).fill(9)) ?? [])).toEqual([9, 500]);
    expect(toRuns(Uint32Array.from([1, 2, 1, 2]))).toBeNull();
  });

  it('a lazily decoded record reads as the decoded one, and batchIdAt finds each id without expanding the runs', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 60 }), (xs) => {
        const ids = Uint32Array.from(xs);
        const rec = { listId: 'l', kind: 'email' as const, bucket: 1, keys: xs.map(String), batchIds: ids };
        const stored = encodeBucket(rec);
        const lazy = decodeBucketLazily(stored);
        for (let at = 0; at < xs.length; at++) expect(batchIdAt(lazy, at)).toBe(xs[at]);
        expect(batchIdAt(lazy, xs.length)).toBeUndefined();
        expect(lazy).toEqual(rec);
        expect(lazy).toEqual(decodeBucket(stored));
      }),
    );
  });

  it('stores a one-batch bucket in 8 bytes of ids, and every read path sees the same entries', async () => {
    const db = await freshDb();
    const { list, single, md5s } = await seed(db);
    const raw = await rawBuckets(db);
    const of = (kind: string, bucket: number) => raw.find((r) => r.kind === kind && r.bucket === bucket);
    expect(of('email', 7)?.runs?.length).toBe(2);
    expect(of('email', 7)?.batchIds).toBeUndefined();
    expect(of('md5', 0xabc)?.runs?.length).toBeLessThanOrEqual(6);
    expect(of('md5', 0xdef)?.runs).toBeUndefined();
    expect(of('md5', 0xdef)?.batchIds?.length).toBe(6);

    const before = await answers(db, list.id, single, md5s);
    expect(before[0]).toEqual([['email', 'objection', '2025-01-02']]);
    expect(before[single.length]).toEqual([]);
    // The lookup index reads records natively: it must find the same.
    await keepLookupIndex(db);
    expect(await answers(db, list.id, single, md5s)).toEqual(before);

    // A removal rewrites the bucket and keeps every other entry's batch.
    expect(await removeEntry(db, list.id, 'md5', md5s[3] as string)).toBe(true);
    const after = await answers(db, list.id, single, md5s);
    expect(after[single.length + 1 + 3]).toEqual([]);
    expect(after.filter((_, i) => i !== single.length + 1 + 3).slice(0, -1)).toEqual(
      before.filter((_, i) => i !== single.length + 1 + 3).slice(0, -1),
    );
    db.close();
  });

  it('an old-layout database (schema 3, one id per entry) upgrades, shrinks and answers the same', async () => {
    const src = await freshDb();
    const { list, single, md5s } = await seed(src);
    const expected = await answers(src, list.id, single, md5s);
    const expectedDump = await dump(src);

    // The same data written by schema 3: every record with one batch id per entry, as Heed stored it then.
    const name = `old-layout-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 3)) old.version(v.version).stores(v.stores);
    await old.open();
    await old.table('lists').bulkAdd(await src.lists.toArray());
    await old.table('batches').bulkAdd(await src.batches.toArray());
    await old.table('buckets').bulkAdd(await src.buckets.toArray());
    await old.table('settings').bulkAdd(await src.settings.toArray());
    old.close();
    src.close();

    const db = await openDb(name);
    expect(db.verno).toBe(4);
    const raw = await rawBuckets(db);
    expect(raw.filter((r) => r.runs).length).toBe(2);
    expect(raw.find((r) => r.kind === 'email')?.batchIds).toBeUndefined();
    expect(await answers(db, list.id, single, md5s)).toEqual(expected);
    expect(await dump(db)).toEqual(expectedDump);
    db.close();
  });
});

/** Writes records exactly as given, past Dexie and its middleware (as an older Heed left them on disk). */
async function putRaw(db: HeedDb, records: StoredBucket[]): Promise<void> {
  const tx = db.backendDB().transaction('buckets', 'readwrite');
  for (const r of records) tx.objectStore('buckets').put(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

describe('string keys packed', () => {
  const key = fc
    .array(fc.constantFrom('a', 'b', '.', '@', '\u00e9', '\u4e2d', '\uffff', '😀'), { maxLength: 8 })
    .map((u) => u.join(''));

  it('round-trips any sorted keys and ids, and a lazily decoded record finds what the decoded one finds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), fc.array(key, { maxLength: 5 }), (ks, others) => {
        const keys = [...ks].sort();
        const rec = {
          listId: 'l',
          kind: 'email' as const,
          bucket: 1,
          keys,
          batchIds: Uint32Array.from(keys, (_, i) => 1 + (i % 3)),
        };
        const stored = encodeBucket(rec);
        expect(stored.keys).toBeUndefined();
        expect(stored.keyCodes).toBeDefined();
        expect(decodeBucket(stored)).toEqual(rec);
        const lazy = decodeBucketLazily(stored);
        for (const k of [...keys, ...others])
          expect(findStoredKey(lazy, k, undefined)).toBe(findKey(rec, k, undefined));
        expect(lazy).toEqual(rec);
      }),
    );
  });

  it('a lookup searches a packed record without making its strings', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `p${i}@x.example`).sort();
    const stored = encodeBucket({
      listId: 'l',
      kind: 'email',
      bucket: 1,
      keys,
      batchIds: new Uint32Array(200).fill(4),
    });
    const lazy = decodeBucketLazily(stored);
    const spied = Object.getOwnPropertyDescriptor(lazy, 'keys');
    let made = 0;
    Object.defineProperty(lazy, 'keys', {
      ...spied,
      get: () => {
        made++;
        return spied?.get?.();
      },
    });
    expect(findStoredKey(lazy, 'p42@x.example', undefined)).toBe(keys.indexOf('p42@x.example'));
    expect(batchIdAt(lazy, 7)).toBe(4);
    // What the bucket cache counts: the packed bytes (a byte a character here), not strings.
    expect(heldBytes(lazy)).toBeLessThan(keys.join('').length + 200 + 64 + 16);
    expect(made).toBe(0);
    expect(lazy.keys).toEqual(keys);
    expect(made).toBe(1);
  });

  it('stores email buckets packed, and a bucket an older Heed stored with plain keys still answers the same everywhere', async () => {
    const db = await freshDb();
    const { list, single, md5s } = await seed(db);
    const raw = await rawBuckets(db);
    const email = raw.find((r) => r.kind === 'email');
    expect(email?.keys).toBeUndefined();
    expect(email?.keyCodes).toBeInstanceOf(Uint8Array);
    const expected = await answers(db, list.id, single, md5s);
    const expectedDump = await dump(db);

    // The same record as the previous layout stored it: the keys as an array of strings.
    const { keyCodes: _c, keyLengths: _l, ...rest } = email as StoredBucket;
    await putRaw(db, [{ ...rest, keys: decodeBucket(email as StoredBucket).keys } as StoredBucket]);
    const old = (await rawBuckets(db)).find((r) => r.kind === 'email');
    expect(Array.isArray(old?.keys)).toBe(true);
    expect(old?.keyCodes).toBeUndefined();
    // Without the index, through it (which reads records natively), and through Dexie (export, dump).
    expect(await answers(db, list.id, single, md5s)).toEqual(expected);
    await keepLookupIndex(db);
    expect(await answers(db, list.id, single, md5s)).toEqual(expected);
    expect(await dump(db)).toEqual(expectedDump);

    // The next write to the bucket packs it.
    await addEntries(db, list.id, [{ kind: 'email', value: emailsInBucket(7, 13, 'single')[12] as string }], {
      reason: 'objection',
      since: '2025-01-02',
    });
    const rewritten = (await rawBuckets(db)).find((r) => r.kind === 'email');
    expect(rewritten?.keys).toBeUndefined();
    expect(rewritten?.keyCodes).toBeInstanceOf(Uint8Array);
    db.close();
  });
});
