import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../../../lib/identifiers';
import {
  bucketOf,
  buildSorted,
  sortedEntries as entriesOf,
  findKey,
  fnv1a32,
  isHashed,
  isStrictlySorted,
  keyAt,
  mergeEntries,
  removeEntryAt,
} from '../../../lib/store/buckets';

const bytes = (h: string) => hexToBytes(h) as Uint8Array<ArrayBuffer>;
const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => bytesToHex(b));

function sortedEntries(kind: 'md5' | 'email', keys: string[], batch: number) {
  const m = new Map<string, number>();
  for (const k of keys) if (!m.has(k)) m.set(k, batch);
  return buildSorted(kind, m, hexToBytes);
}

describe('fnv1a32 and bucketOf', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });
  it('buckets hashes by their first 12 bits and strings into 0..4095', () => {
    expect(bucketOf('md5', 'abcdef0123456789abcdef0123456789')).toBe(0xabc);
    expect(bucketOf('sha256', `fff${'0'.repeat(61)}`)).toBe(4095);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const b = bucketOf('email', s);
        return Number.isInteger(b) && b >= 0 && b < 4096;
      }),
    );
  });
});

describe('merge and search (hash kind)', () => {
  it('merge of two sorted sets is the sorted de-duplicated union, keeping existing batch ids', () => {
    fc.assert(
      fc.property(fc.array(hex(16), { maxLength: 60 }), fc.array(hex(16), { maxLength: 60 }), (a, b) => {
        const existing = sortedEntries('md5', a, 1);
        const incoming = sortedEntries('md5', b, 2);
        const m = mergeEntries(existing, incoming);
        const union = [...new Set([...a, ...b])].sort();
        const got = Array.from({ length: m.batchIds.length }, (_, i) => keyAt(m, i));
        expect(got).toEqual(union);
        expect(isStrictlySorted(m)).toBe(true);
        const setA = new Set(a);
        expect(Array.from(m.batchIds)).toEqual(got.map((k) => (setA.has(k) ? 1 : 2)));
        expect(m.added).toBe(union.length - setA.size);
        expect(m.alreadyPresent).toBe(new Set(b.filter((k) => setA.has(k))).size);
        // exactly-sized buffers: structured clone would otherwise store the spare capacity
        expect(isHashed(m) ? m.keys.buffer.byteLength : -1).toBe(union.length * 16);
        expect(m.batchIds.buffer.byteLength).toBe(union.length * 4);
      }),
    );
  });

  it('search finds exactly the members', () => {
    fc.assert(
      fc.property(
        fc.array(hex(20), { maxLength: 80 }),
        fc.array(hex(20), { maxLength: 20 }),
        (members, others) => {
          const s = buildSorted('sha1', new Map(members.map((k) => [k, 1])), hexToBytes);
          for (const k of members) {
            const i = findKey(s, k, hexToBytes(k));
            expect(i).toBeGreaterThanOrEqual(0);
            expect(keyAt(s, i)).toBe(k);
          }
          for (const k of others) {
            expect(findKey(s, k, hexToBytes(k)) >= 0).toBe(members.includes(k));
          }
        },
      ),
    );
  });

  it('removeEntryAt removes one entry and keeps order', () => {
    const s = sortedEntries('md5', ['00'.repeat(16), '11'.repeat(16), 'ff'.repeat(16)], 7);
    const r = removeEntryAt(s, 1);
    expect(r.batchIds.length).toBe(2);
    expect(keyAt(r, 0)).toBe('00'.repeat(16));
    expect(keyAt(r, 1)).toBe('ff'.repeat(16));
  });
});

describe('merge and search (string kind)', () => {
  it('merge equals sorted union and search finds exactly the members', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 50 }),
        fc.array(fc.string(), { maxLength: 50 }),
        (a, b) => {
          const m = mergeEntries(sortedEntries('email', a, 1), sortedEntries('email', b, 2));
          const union = [...new Set([...a, ...b])].sort();
          expect(m.keys).toEqual(union);
          expect(isStrictlySorted(m)).toBe(true);
          for (const k of union) expect(findKey(m, k, undefined)).toBe(union.indexOf(k));
        },
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 50 }), fc.string(), (a, probe) => {
        const s = sortedEntries('email', a, 1);
        const sorted = [...new Set(a)].sort();
        expect(findKey(s, probe, undefined)).toBe(sorted.indexOf(probe));
      }),
    );
  });

  it('merging into nothing and merging nothing', () => {
    const inc = sortedEntries('email', ['b', 'a'], 3);
    const m = mergeEntries(undefined, inc);
    expect(m.keys).toEqual(['a', 'b']);
    expect(m.added).toBe(2);
    const again = mergeEntries(m, inc);
    expect(again.added).toBe(0);
    expect(again.alreadyPresent).toBe(2);
    expect(again.addedByBatch.size).toBe(0);
  });

  it('detects unsorted or duplicate keys', () => {
    expect(isStrictlySorted({ kind: 'email', keys: ['a', 'a'] })).toBe(false);
    expect(isStrictlySorted({ kind: 'email', keys: ['b', 'a'] })).toBe(false);
    expect(isStrictlySorted({ kind: 'md5', keys: bytes('11'.repeat(16) + '00'.repeat(16)) })).toBe(false);
  });

  it('keeps the key encoding of a bucket to its kind', () => {
    const ids = new Uint32Array([1]);
    expect(() => entriesOf('md5', ['x'], ids)).toThrow(/wrong key encoding/);
    expect(() => entriesOf('email', bytes('00'.repeat(16)), ids)).toThrow(/wrong key encoding/);
    const md5 = entriesOf('md5', bytes('00'.repeat(16)), ids);
    expect(() => mergeEntries(md5, sortedEntries('email', ['a'], 1))).toThrow(/cannot merge/);
  });
});
