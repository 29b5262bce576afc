import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf } from '../../../lib/store/buckets';
import { diffRuns, type Keys, splitRun, subtractSorted } from '../../../lib/team/entries';
import { BundleError } from '../../../lib/team/format';

/** Strings in storage order: by bucket, then by code unit. */
function storageOrder(keys: string[]): string[] {
  return [...new Set(keys)].sort(
    (a, b) => bucketOf('email', a) - bucketOf('email', b) || (a < b ? -1 : a > b ? 1 : 0),
  );
}

describe('delta logic', () => {
  it('diffRuns finds exactly the added and removed entries (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.emailAddress(), { maxLength: 60 }),
        fc.array(fc.emailAddress(), { maxLength: 60 }),
        (a, b) => {
          const prev = storageOrder(a);
          const next = storageOrder(b);
          const metas = new Uint32Array(next.map((_, i) => i));
          const d = diffRuns('email', prev, next, metas);
          expect(d.added.keys).toEqual(next.filter((k) => !prev.includes(k)));
          expect(d.removed.keys).toEqual(prev.filter((k) => !next.includes(k)));
          // Each added entry keeps its own meta.
          expect(Array.from(d.added.metas ?? [])).toEqual(
            (d.added.keys as string[]).map((k) => next.indexOf(k)),
          );
          // prev - removed + added = next
          const rebuilt = storageOrder([
            ...prev.filter((k) => !(d.removed.keys as string[]).includes(k)),
            ...(d.added.keys as string[]),
          ]);
          expect(rebuilt).toEqual(next);
        },
      ),
    );
  });

  it('diffs raw digests byte-wise', () => {
    const a = new Uint8Array(48); // three MD5 digests of 16 bytes
    a.set(Array(16).fill(1), 0);
    a.set(Array(16).fill(2), 16);
    a.set(Array(16).fill(3), 32);
    const b = new Uint8Array(48);
    b.set(Array(16).fill(2), 0);
    b.set(Array(16).fill(3), 16);
    b.set(Array(16).fill(4), 32);
    const d = diffRuns('md5', a, b, new Uint32Array([0, 0, 7]));
    expect(Array.from(d.removed.keys as Uint8Array)).toEqual(Array(16).fill(1));
    expect(Array.from(d.added.keys as Uint8Array)).toEqual(Array(16).fill(4));
    expect(Array.from(d.added.metas ?? [])).toEqual([7]);
  });

  it('subtractSorted removes what is there and ignores what is not', () => {
    const keys = storageOrder(['a@x.example', 'b@x.example', 'c@x.example']).filter(
      (k) => bucketOf('email', k) === bucketOf('email', 'a@x.example'),
    );
    const r = subtractSorted('email', { keys, batchIds: new Uint32Array(keys.map((_, i) => i + 10)) }, [
      keys[0] as string,
      'zzz',
    ]);
    expect(r.removed).toBe(1);
    expect(r.keys).toEqual(keys.slice(1));
    expect(Array.from(r.batchIds)).toEqual(keys.slice(1).map((_, i) => i + 11));
  });

  it('splitRun cuts by bucket and refuses entries out of order or repeated', () => {
    const keys = storageOrder(Array.from({ length: 300 }, (_, i) => `p${i}@x.example`));
    const slices = splitRun('email', keys);
    expect(slices.reduce((n, s) => n + (s.end - s.start), 0)).toBe(300);
    for (const s of slices) for (const k of s.keys as string[]) expect(bucketOf('email', k)).toBe(s.bucket);
    const swapped: Keys = [...keys];
    [swapped[0], swapped[1]] = [swapped[1] as string, swapped[0] as string];
    expect(() => splitRun('email', swapped)).toThrow(BundleError);
    expect(() => splitRun('email', [keys[0] as string, keys[0] as string])).toThrow(
      /out of order or repeated/,
    );
  });
});
