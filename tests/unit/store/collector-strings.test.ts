import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../../../lib/identifiers';
import { decodeBucket, encodeBucket, type StoredBucket } from '../../../lib/store/bucket-layout';
import { bucketOf, buildSorted } from '../../../lib/store/buckets';
import { EntryCollector, type PreparedBucket, sortedOf } from '../../../lib/store/commit';
import { addEntries } from '../../../lib/store/entries';
import { importFile } from '../../../lib/store/import';
import { createList } from '../../../lib/store/lists';
import { packKeys } from '../../../lib/store/packed-keys';
import { BUCKET_COUNT } from '../../../lib/store/schemas';
import { ENTRY_KINDS, type StringKind } from '../../../lib/vocab';
import { blobOf, freshDb } from './helpers';

// The oracle: the collector as it was before string keys were kept packed (a Map of strings per bucket, the first
// occurrence winning, sorted by Array.prototype.sort, packed by packKeys when stored). The packed path must give the
// same buckets in the same order, the same bytes, and the same counts.
function oracle(adds: readonly { kind: StringKind; key: string; meta: number }[]) {
  const groups = new Map<number, { kind: StringKind; bucket: number; keys: Map<string, number> }>();
  let duplicates = 0;
  for (const a of adds) {
    const bucket = bucketOf(a.kind, a.key);
    const gid = ENTRY_KINDS.indexOf(a.kind) * BUCKET_COUNT + bucket;
    let g = groups.get(gid);
    if (!g) {
      g = { kind: a.kind, bucket, keys: new Map() };
      groups.set(gid, g);
    }
    if (g.keys.has(a.key)) duplicates++;
    else g.keys.set(a.key, a.meta);
  }
  const out = [...groups.entries()]
    .sort(([x], [y]) => x - y)
    .map(([, g]) => {
      const e = buildSorted(g.kind, g.keys, hexToBytes);
      return { kind: g.kind, bucket: g.bucket, keys: e.keys as string[], ids: [...e.batchIds] };
    });
  return { out, duplicates, size: adds.length - duplicates };
}

/** Each bucket's keys as the store will hold them: the strings, and the packed bytes with their array types. */
const stored = (b: readonly { kind: string; bucket: number; keys: string[]; ids: number[] }[]) =>
  b.map((p) => {
    const { codes, lengths } = packKeys(p.keys);
    return {
      ...p,
      codes: [codes.constructor.name, [...codes]],
      lengths: [lengths.constructor.name, [...lengths]],
    };
  });

const collected = (b: readonly PreparedBucket[]) =>
  b.map((p) => {
    const packed = p.entries.keys as { codes: Uint8Array | Uint16Array; lengths: Uint8Array };
    return {
      kind: p.kind,
      bucket: p.bucket,
      keys: sortedOf(p.entries).keys as string[],
      ids: [...p.entries.batchIds],
      codes: [packed.codes.constructor.name, [...packed.codes]],
      lengths: [packed.lengths.constructor.name, [...packed.lengths]],
      // IndexedDB stores a view's whole buffer: each array must own an exactly sized one.
      own: packed.codes.byteLength === packed.codes.buffer.byteLength,
    };
  });

const STRING_KINDS: StringKind[] = ['email', 'phone', 'profile', 'domain', 'salesnav'];
// Units from every range that sorts differently as UTF-16 than as code points or bytes: ASCII, Latin-1 (a byte
// each when stored), BMP above 0xff, high surrogates of astral characters (sorting below U+E000..U+FFFF), and lone
// halves. Short keys from few units, so that buckets hold several keys, prefixes of each other and repeats.
const unit = fc.constantFrom(
  'a',
  'b',
  'z',
  '.',
  '@',
  '\u0000',
  'é',
  'ÿ',
  'Ā',
  'ß',
  '中',
  '\uffff',
  '😀',
  '𝒳',
  '\ud800',
);
const key = fc.array(unit, { maxLength: 6 }).map((u) => u.join(''));
const add = fc.record({ kind: fc.constantFrom(...STRING_KINDS), key, meta: fc.integer({ min: 0, max: 4 }) });

describe('EntryCollector, string keys', () => {
  it('orders, de-duplicates, buckets and packs exactly as the string path, the first occurrence winning', () => {
    fc.assert(
      fc.property(
        fc.array(add, { maxLength: 300 }).chain((adds) =>
          // Repeats of earlier keys under another meta: the first one's meta must stay.
          fc
            .array(fc.record({ at: fc.nat(), meta: fc.integer({ min: 0, max: 4 }) }), { maxLength: 100 })
            .map((reps) =>
              adds.length === 0
                ? adds
                : [...adds, ...reps.map((r) => ({ ...adds[r.at % adds.length]!, meta: r.meta }))],
            ),
        ),
        (adds) => {
          const c = new EntryCollector();
          for (const a of adds) c.add(a.kind, a.key, a.meta);
          const want = oracle(adds);
          const got = collected(c.finish());
          expect(got.map(({ own: _, ...g }) => g)).toEqual(stored(want.out));
          expect(got.every((g) => g.own)).toBe(true);
          expect(c.duplicates).toBe(want.duplicates);
          expect(c.size).toBe(want.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a bucket growing past its first buffers, and finishInSlices gives the same as finish', async () => {
    // Thousands of keys in few buckets (one kind), long ones, a wide unit arriving late: every buffer grows.
    const adds = Array.from({ length: 3000 }, (_, i) => ({
      kind: 'domain' as const,
      key: `${'x'.repeat((i % 2000) % 40)}${i % 2000}${i === 2500 ? 'Ω' : ''}${i === 100 ? 'y'.repeat(300) : ''}.example`,
      meta: i % 3,
    }));
    const a = new EntryCollector();
    const b = new EntryCollector();
    for (const x of adds) {
      a.add(x.kind, x.key, x.meta);
      b.add(x.kind, x.key, x.meta);
    }
    const sliced = collected(await a.finishInSlices(0));
    expect(sliced).toEqual(collected(b.finish()));
    const want = oracle(adds);
    expect(sliced.map(({ own: _, ...g }) => g)).toEqual(stored(want.out));
    expect(a.duplicates).toBe(want.duplicates);
    expect(want.duplicates).toBeGreaterThan(0);
  });
});

describe('importing string keys', () => {
  const lines = [
    'anna@example.com',
    'zoë@example.de',
    'émile@example.fr',
    '李@example.cn',
    'anna@example.com',
    'bob@example.com',
  ];

  it('stores a new list bucket for bucket as the string path would, and merges into an existing one', async () => {
    const db = await freshDb();
    // Enough emails that buckets hold several of one batch (stored as runs), beside the non-ASCII ones.
    lines.push(...Array.from({ length: 12_000 }, (_, i) => `p${i}@example.com`));
    const r = await importFile(db, blobOf([`email\n${lines.join('\n')}\n`]), {
      target: { newList: { name: 'L' } },
      reason: 'unsubscribe',
    });
    expect(r.added).toBe(12_005);
    expect(r.duplicatesInFile).toBe(1);
    // Read as stored (the layout's decoding off): packed keys, exactly packKeys of the sorted strings.
    const raw = await new Promise<StoredBucket[]>((resolve, reject) => {
      const q = db.backendDB().transaction('buckets').objectStore('buckets').getAll();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    expect(raw.length).toBeGreaterThan(0);
    for (const rec of raw) {
      const { keys } = decodeBucket(rec);
      expect([...(keys as string[])]).toEqual([...(keys as string[])].sort());
      expect(encodeBucket({ ...decodeBucket(rec) })).toEqual(rec);
      expect('keys' in rec).toBe(false);
    }
    expect(raw.some((rec) => rec.runs)).toBe(true);
    // A second import into the same list goes through the merge with what is stored.
    const again = await importFile(db, blobOf(['email\nbob@example.com\ncarl@example.com\n']), {
      target: { listId: r.listId },
      reason: 'unsubscribe',
    });
    expect([again.added, again.alreadyPresent]).toEqual([1, 1]);
    const all = (await db.buckets.toArray()).flatMap((b) => b.keys as string[]).sort();
    expect(all).toEqual([...new Set([...lines, 'carl@example.com'])].sort());
  });

  it('adds by hand into new and existing buckets alike', async () => {
    const db = await freshDb();
    const list = await createList(db, { name: 'M' });
    const first = await addEntries(db, list.id, [{ kind: 'domain', value: 'example.com' }], {
      reason: 'unsubscribe',
    });
    const second = await addEntries(
      db,
      list.id,
      [
        { kind: 'domain', value: 'example.com' },
        { kind: 'domain', value: 'example.org' },
      ],
      { reason: 'unsubscribe' },
    );
    expect([first.added, second.added, second.alreadyPresent]).toEqual([1, 1, 1]);
    const keys = (await db.buckets.toArray()).flatMap((b) => b.keys as string[]).sort();
    expect(keys).toEqual(['example.com', 'example.org']);
  });
});
