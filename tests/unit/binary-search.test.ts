import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binarySearch, indexOfSorted } from '../../lib/binary-search';

describe('binarySearch', () => {
  it('finds every present item and misses every absent one (numbers, compared with indexOf)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -1000, max: 1000 })),
        fc.integer({ min: -1001, max: 1001 }),
        (a, x) => {
          const sorted = Uint32Array.from(a.map((v) => v + 1001)).sort();
          const needle = x + 1001;
          expect(indexOfSorted(sorted, needle)).toBe(sorted.indexOf(needle));
        },
      ),
    );
  });

  it('compares strings in code-unit order, as Array#sort leaves them', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string()), fc.string(), (a, x) => {
        const sorted = [...a].sort();
        expect(indexOfSorted(sorted, x)).toBe(sorted.indexOf(x));
        for (const [i, v] of sorted.entries()) expect(indexOfSorted(sorted, v)).toBe(i);
      }),
    );
  });

  it('searches packed fixed-width items through its callback', () => {
    // Three 2-byte items: 0x0102, 0x0104, 0x0200.
    const packed = Uint8Array.from([1, 2, 1, 4, 2, 0]);
    const find = (hi: number, lo: number) =>
      binarySearch(3, (i) => (packed[2 * i] ?? 0) - hi || (packed[2 * i + 1] ?? 0) - lo);
    expect([find(1, 2), find(1, 4), find(2, 0), find(1, 3), find(0, 0), find(9, 9)]).toEqual([
      0, 1, 2, -1, -1, -1,
    ]);
  });

  it('finds nothing in an empty sequence and never calls back', () => {
    expect(
      binarySearch(0, () => {
        throw new Error('called');
      }),
    ).toBe(-1);
  });
});
