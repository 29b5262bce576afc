import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bucketOf } from '../../../lib/store/buckets';
import { type HeedDb, openDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList } from '../../../lib/store/lists';
import { BucketCache, lookupPerson } from '../../../lib/store/lookup';
import { currentLookupIndex, keepLookupIndex } from '../../../lib/store/lookup-index';
import type { BucketRecord } from '../../../lib/store/schemas';

// The background's lookups keep the bucket records they read, per lookup index. The records are only good for the
// data token the index was built from: these tests hold the cache to that, across a write by another connection.

let name: string;
const open: HeedDb[] = [];
async function connect(): Promise<HeedDb> {
  const db = await openDb(name);
  open.push(db);
  return db;
}
beforeEach(() => {
  name = `heed-cache-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const db of open.splice(0)) db.close();
});

/** Two addresses whose email keys fall into the same bucket (so one record holds both). */
function sameBucketPair(): [string, string] {
  const first = 'cached.0@same.example';
  for (let i = 1; ; i++) {
    const e = `cached.${i}@same.example`;
    if (bucketOf('email', e) === bucketOf('email', first)) return [first, e];
  }
}

/** Counts primary-key reads of bucket records from now on. */
function countBucketGets() {
  let n = 0;
  const get = IDBObjectStore.prototype.get;
  vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(function (this: IDBObjectStore, key) {
    if (this.name === 'buckets') n++;
    return get.call(this, key);
  });
  return () => n;
}

describe('bucket cache', () => {
  it('answers a second lookup of the same person without reading the bucket again', async () => {
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    const [listed] = sameBucketPair();
    await addEntries(db, list.id, [{ kind: 'email', value: listed }], { reason: 'objection' });
    await keepLookupIndex(db);
    const gets = countBucketGets();
    const first = await lookupPerson(db, { emails: [listed] });
    expect(first.matches.map((m) => m.listName)).toEqual(['A']);
    const after = gets();
    expect(after).toBeGreaterThan(0);
    const again = await lookupPerson(db, { emails: [listed] });
    expect(again).toEqual(first);
    expect(gets()).toBe(after);
  });

  it('never answers from records of an older data token: a write by another page is seen at once and after the rebuild', async () => {
    const background = await connect();
    const optionsPage = await connect();
    const list = await createList(optionsPage, { name: 'A' });
    const [first, second] = sameBucketPair();
    await addEntries(optionsPage, list.id, [{ kind: 'email', value: first }], { reason: 'objection' });
    const before = await keepLookupIndex(background);
    expect((await lookupPerson(background, { emails: [first] })).matches).toHaveLength(1);
    expect((await lookupPerson(background, { emails: [second] })).matches).toHaveLength(0);

    // The bucket the cache holds gains an entry.
    await addEntries(optionsPage, list.id, [{ kind: 'email', value: second }], { reason: 'complaint' });
    expect((await lookupPerson(background, { emails: [second] })).matches.map((m) => m.reason)).toEqual([
      'complaint',
    ]);
    const rebuilt = await keepLookupIndex(background);
    expect(rebuilt).toBeDefined();
    expect(rebuilt).not.toBe(before);
    expect(currentLookupIndex(background)).toBe(rebuilt);
    // Through the new index, whose key test lets the new entry through: its bucket must be read again.
    expect((await lookupPerson(background, { emails: [second] })).matches.map((m) => m.reason)).toEqual([
      'complaint',
    ]);
    expect((await lookupPerson(background, { emails: [first] })).matches.map((m) => m.reason)).toEqual([
      'objection',
    ]);
  });

  it('keeps the most recently used records within its byte budget', () => {
    const rec = (n: number): BucketRecord => ({
      listId: 'l',
      kind: 'md5',
      bucket: n,
      keys: new Uint8Array(16 * 100),
      batchIds: new Uint32Array(100),
    });
    const cache = new BucketCache(3 * (1600 + 64));
    cache.set('a', rec(1));
    cache.set('b', rec(2));
    cache.set('c', null);
    cache.set('d', rec(3));
    expect(cache.get('a')).toBeUndefined(); // the oldest went first
    expect(cache.get('b')?.bucket).toBe(2); // now the most recent
    cache.set('e', rec(4));
    expect(cache.get('c')).toBeUndefined();
    expect(cache.get('b')?.bucket).toBe(2);
    expect(cache.get('e')?.bucket).toBe(4);
    cache.set('huge', {
      listId: 'l',
      kind: 'md5',
      bucket: 5,
      keys: new Uint8Array(16 * 1000),
      batchIds: new Uint32Array(1000),
    });
    expect(cache.get('huge')).toBeUndefined(); // larger than the whole budget: not kept
    expect(cache.get('e')?.bucket).toBe(4);
  });
});
