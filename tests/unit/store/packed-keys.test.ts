import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32, searchString } from '../../../lib/store/buckets';
import {
  forEachPackedFnv1a32,
  packedBytes,
  packKeys,
  searchPacked,
  unpackKeys,
} from '../../../lib/store/packed-keys';

// Sorted and unique as a bucket holds them: Array.prototype.sort, i.e. by UTF-16 code unit.
const sortedUnique = (xs: string[]) => [...new Set(xs)].sort();

// Strings whose code units straddle every boundary that matters: ASCII, Latin-1, the BMP above the surrogates
// (U+E000..U+FFFF, which code-unit order puts after a surrogate pair and code-point order before it), and
// astral characters as surrogate pairs.
const unit = fc.constantFrom(
  'a',
  'z',
  '.',
  '@',
  '\u00e9',
  '\u00ff',
  '\u0100',
  '\u4e2d',
  '\ue000',
  '\uffff',
  '😀',
  '𝒳',
);
const key = fc.array(unit, { maxLength: 12 }).map((u) => u.join(''));
const keys = fc.array(key, { maxLength: 40 }).map(sortedUnique);

describe('packed string keys', () => {
  it('unpack to exactly the keys packed, in order', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        expect(unpackKeys(packKeys(ks))).toEqual(ks);
      }),
    );
  });

  it('find every key at the index the unpacked search gives, and miss every other string', () => {
    fc.assert(
      fc.property(keys, fc.array(key, { maxLength: 10 }), (ks, others) => {
        const p = packKeys(ks);
        for (const [i, k] of ks.entries()) expect(searchPacked(p, k)).toBe(i);
        for (const o of others) expect(searchPacked(p, o)).toBe(searchString(ks, o));
      }),
    );
  });

  it('order a surrogate pair before U+E000..U+FFFF, as the sorted strings do (code units, not code points)', () => {
    const ks = sortedUnique(['a\uffff', 'a😀', 'a\ue000', 'a']);
    expect(ks).toEqual(['a', 'a😀', 'a\ue000', 'a\uffff']);
    const p = packKeys(ks);
    expect(p.codes).toBeInstanceOf(Uint16Array);
    expect(ks.map((k) => searchPacked(p, k))).toEqual([0, 1, 2, 3]);
    expect(searchPacked(p, 'a\ud83d')).toBe(-1);
  });

  it('hash each key as fnv1a32 of the key does', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        const got: number[] = [];
        forEachPackedFnv1a32(packKeys(ks), (h) => got.push(h));
        expect(got).toEqual(ks.map(fnv1a32));
      }),
    );
  });

  it('keep plain addresses at a byte a character and a byte a length', () => {
    const emails = sortedUnique(Array.from({ length: 300 }, (_, i) => `person.${i}@company${i % 7}.example`));
    const p = packKeys(emails);
    expect(p.codes).toBeInstanceOf(Uint8Array);
    expect(p.lengths).toBeInstanceOf(Uint8Array);
    const chars = emails.reduce((n, e) => n + e.length, 0);
    expect(packedBytes(p)).toBe(chars + emails.length);
    // Longer keys and wider characters take the wider arrays.
    expect(packKeys(['x'.repeat(300)]).lengths).toBeInstanceOf(Uint16Array);
    expect(packKeys(['\u0100']).codes).toBeInstanceOf(Uint16Array);
    expect(packKeys(['\u00ff']).codes).toBeInstanceOf(Uint8Array);
  });

  it('handle an empty bucket and an empty key', () => {
    expect(unpackKeys(packKeys([]))).toEqual([]);
    expect(searchPacked(packKeys([]), 'a')).toBe(-1);
    const p = packKeys(['', 'a']);
    expect(searchPacked(p, '')).toBe(0);
    expect(searchPacked(p, 'a')).toBe(1);
    expect(unpackKeys(p)).toEqual(['', 'a']);
  });

  it('search a bucket bigger than any seen before (the scratch for key starts grows)', () => {
    const ks = sortedUnique(Array.from({ length: 5000 }, (_, i) => `k${i}`));
    const p = packKeys(ks);
    expect(searchPacked(p, 'k4999')).toBe(ks.indexOf('k4999'));
    expect(searchPacked(p, 'k5000')).toBe(-1);
  });
});
