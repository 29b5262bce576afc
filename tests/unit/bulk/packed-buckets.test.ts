import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchAt, findPacked, findPackedHits, packRecord } from '../../../lib/bulk/packed-buckets';
import { decodeBucketLazily, encodeBucket } from '../../../lib/store/bucket-layout';
import { findKey } from '../../../lib/store/buckets';
import { type Candidate, findHits } from '../../../lib/store/lookup';
import type { BucketRecord } from '../../../lib/store/schemas';

// The bulk check searches its cached buckets packed; the store's findKey / findHits on the records as read are the
// reference: every index, batch id and hit (and their order) must be the same.

const stringRecord = (listId: string, keys: string[], ids: number[]): BucketRecord =>
  ({
    listId,
    kind: 'email',
    bucket: 0,
    keys: [...keys].sort(),
    batchIds: Uint32Array.from(ids),
  }) as BucketRecord;

const md5Record = (listId: string, digests: number[][], ids: number[]): BucketRecord => {
  const sorted = [...digests].sort((a, b) => {
    for (let i = 0; i < 16; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return 0;
  });
  return {
    listId,
    kind: 'md5',
    bucket: 0,
    keys: Uint8Array.from(sorted.flat()),
    batchIds: Uint32Array.from(ids),
  } as BucketRecord;
};

// Short keys over a few characters, so probes often hit, share prefixes, repeat, and include non-Latin-1 and
// astral characters (UTF-16 surrogates sort by code unit, unlike code points).
const key = fc
  .array(fc.constantFrom('a', 'b', 'ab', '.', '@', 'é', 'Ω', '😀', '\uffff', 'Z'), { maxLength: 5 })
  .map((parts) => parts.join(''));

const withIds = <T>(items: fc.Arbitrary<T[]>) =>
  items.chain((ks) =>
    fc
      .oneof(
        fc.constant(ks.map(() => 7)),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: ks.length, maxLength: ks.length }),
      )
      .map((ids) => ({ ks, ids })),
  );

describe('packed bucket records', () => {
  it('find every string key at the index findKey finds, with its batch id, and miss what it misses', () => {
    fc.assert(
      fc.property(
        withIds(fc.array(key, { maxLength: 40 })),
        fc.array(key, { maxLength: 20 }),
        ({ ks, ids }, probes) => {
          const rec = stringRecord('L', ks, ids);
          const packed = packRecord(rec);
          for (const p of [...probes, ...ks]) {
            const want = findKey(rec, p, undefined);
            const got = findPacked(packed, p, undefined);
            expect(got).toBe(want);
            if (got >= 0) expect(batchAt(packed, got)).toBe(rec.batchIds[want]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('find the same in a record as the store reads it (keys packed, batch ids as runs), without making its keys strings', () => {
    fc.assert(
      fc.property(
        withIds(fc.array(key, { maxLength: 40 })),
        fc.array(key, { maxLength: 20 }),
        ({ ks, ids }, probes) => {
          const rec = stringRecord('L', ks, ids);
          const read = decodeBucketLazily(encodeBucket(rec));
          const packed = packRecord(read);
          // Packed code units, not one string of the keys: the lazily decoded keys were never asked for.
          expect(packed.text).toBe('');
          expect(packed.codes?.length).toBe(ks.join('').length);
          for (const p of [...probes, ...ks]) {
            const want = findKey(rec, p, undefined);
            const got = findPacked(packed, p, undefined);
            expect(got).toBe(want);
            if (got >= 0) expect(batchAt(packed, got)).toBe(rec.batchIds[want]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('find every digest at the index findKey finds', () => {
    const digest = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 16, maxLength: 16 });
    fc.assert(
      fc.property(
        withIds(fc.array(digest, { maxLength: 30 })),
        fc.array(digest, { maxLength: 10 }),
        ({ ks, ids }, probes) => {
          const rec = md5Record('L', ks, ids);
          const packed = packRecord(rec);
          for (const p of [...probes, ...ks]) {
            const needle = Uint8Array.from(p);
            const want = findKey(rec, 'unused', needle);
            expect(findPacked(packed, 'unused', needle)).toBe(want);
            if (want >= 0) expect(batchAt(packed, want)).toBe(rec.batchIds[want]);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('give the same hits as findHits, in the same order, exact over possible', () => {
    fc.assert(
      fc.property(
        fc.array(withIds(fc.array(key, { maxLength: 12 })), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ key, exact: fc.boolean() }), { maxLength: 12 }),
        (recs, probes) => {
          const records = recs.map(({ ks, ids }, i) => stringRecord(`list-${i % 2}`, ks, ids));
          const cands: Candidate[] = probes.map((p) => ({
            kind: 'email',
            key: p.key,
            via: 'email',
            match: p.exact ? 'exact' : 'possible',
            identifier: p.key,
          }));
          const want = [...findHits([{ cands, records }]).entries()];
          const got = [...findPackedHits([{ cands, records: records.map(packRecord) }]).entries()];
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('count their bytes: one byte a Latin-1 character, two otherwise, and a shared batch id once', () => {
    const latin = packRecord(stringRecord('L', ['abc', 'déf'], [1, 1]));
    const wide = packRecord(stringRecord('L', ['abc', 'Ωéf'], [1, 2]));
    expect(latin.batch).toBe(1);
    expect(latin.bytes).toBe(64 + 6 + 8);
    expect(wide.batch).toEqual(Uint32Array.from([1, 2]));
    expect(wide.bytes).toBe(64 + 12 + 8 + 8);
  });
});
