import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexOfSorted } from '../../../lib/binary-search';
import { FingerprintTable } from '../../../lib/bulk/fingerprint-table';

const sortedUnique = (xs: number[]) => Uint32Array.from(new Set(xs.map((x) => x >>> 0))).sort();

describe('FingerprintTable', () => {
  it('says what a binary search over all fingerprints says, for present and absent ones', () => {
    fc.assert(
      fc.property(
        // Values packed into few top-16-bit runs as well as spread over all 32 bits, and the edges.
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0x12340000, max: 0x1236ffff })),
          {
            maxLength: 400,
          },
        ),
        fc.array(
          fc.oneof(fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 0xffffffff, 0x12350000)),
        ),
        (xs, probes) => {
          const fps = sortedUnique([...xs, 0xffffffff]);
          const table = new FingerprintTable(fps);
          for (const fp of [...probes, ...fps, ...Array.from(fps, (f) => (f + 1) >>> 0)])
            expect(table.has(fp)).toBe(indexOfSorted(fps, fp) >= 0);
        },
      ),
    );
  });

  it('holds nothing when there are no fingerprints', () => {
    const table = new FingerprintTable(new Uint32Array(0));
    expect(table.has(0)).toBe(false);
    expect(table.has(0xffffffff)).toBe(false);
  });
});
