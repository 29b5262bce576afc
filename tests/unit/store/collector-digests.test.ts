import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToHex, hashDigestInto, hexToBytes, normaliseHash } from '../../../lib/identifiers';
import { bucketOf, buildSorted, type SortedEntries } from '../../../lib/store/buckets';
import { EntryCollector, type PreparedBucket } from '../../../lib/store/commit';
import { BUCKET_COUNT, DIGEST_BYTES } from '../../../lib/store/schemas';
import { ENTRY_KINDS, type EntryKind, type HashKind } from '../../../lib/vocab';

// The oracle: the collector as it was before digests were kept as bytes (a Map of lower-case hex per bucket, first
// occurrence wins). The packed path must give byte-identical buckets and the same counts.
function oracle(adds: readonly { kind: EntryKind; hex: string; meta: number }[]) {
  const groups = new Map<number, { kind: EntryKind; bucket: number; keys: Map<string, number> }>();
  let duplicates = 0;
  for (const a of adds) {
    const bucket = bucketOf(a.kind, a.hex);
    const gid = ENTRY_KINDS.indexOf(a.kind) * BUCKET_COUNT + bucket;
    let g = groups.get(gid);
    if (!g) {
      g = { kind: a.kind, bucket, keys: new Map() };
      groups.set(gid, g);
    }
    if (g.keys.has(a.hex)) duplicates++;
    else g.keys.set(a.hex, a.meta);
  }
  const out: { kind: EntryKind; bucket: number; entries: SortedEntries }[] = [...groups.entries()]
    .sort(([x], [y]) => x - y)
    .map(([, g]) => ({ kind: g.kind, bucket: g.bucket, entries: buildSorted(g.kind, g.keys, hexToBytes) }));
  return { out, duplicates, size: adds.length - duplicates };
}

const plain = (b: (PreparedBucket | { kind: EntryKind; bucket: number; entries: SortedEntries })[]) =>
  b.map((p) => ({
    kind: p.kind,
    bucket: p.bucket,
    keys: p.entries.keys instanceof Uint8Array ? [...p.entries.keys] : p.entries.keys,
    ids: [...p.entries.batchIds],
    ownBuffer:
      p.entries.keys instanceof Uint8Array
        ? p.entries.keys.byteLength === p.entries.keys.buffer.byteLength
        : true,
  }));

const HASH_KINDS: HashKind[] = ['md5', 'sha1', 'sha256', 'sha512'];
// Few distinct first bytes, so buckets fill up and repeat; a small pool of digests, so duplicates are common.
const digest = (kind: HashKind) =>
  fc.uint8Array({ minLength: DIGEST_BYTES[kind], maxLength: DIGEST_BYTES[kind] }).map((b) => {
    b[0] = (b[0] as number) & 3;
    return b;
  });
const add = fc.oneof(
  ...HASH_KINDS.map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      bytes: digest(kind),
      meta: fc.integer({ min: 0, max: 4 }),
      asString: fc.boolean(),
    }),
  ),
);

describe('EntryCollector.addDigest', () => {
  it('gives byte for byte the buckets, duplicates and size of the string path, the first occurrence winning', () => {
    fc.assert(
      fc.property(
        fc.array(add, { maxLength: 300 }).chain((adds) =>
          // Repeats of earlier digests under another meta: the first one's meta must stay.
          fc
            .array(
              fc.record({ at: fc.nat(), meta: fc.integer({ min: 0, max: 4 }), asString: fc.boolean() }),
              {
                maxLength: 100,
              },
            )
            .map((reps) => [
              ...adds,
              ...(adds.length === 0
                ? []
                : reps.map((r) => ({
                    ...(adds[r.at % adds.length] as (typeof adds)[number]),
                    meta: r.meta,
                    asString: r.asString,
                  }))),
            ]),
        ),
        (adds) => {
          const c = new EntryCollector();
          for (const a of adds) {
            // Mixed on purpose: the import adds bytes, other callers (and auto-detected columns) hex strings.
            if (a.asString) c.add(a.kind, bytesToHex(a.bytes), a.meta);
            else c.addDigest(a.kind, a.bytes, a.meta);
          }
          const want = oracle(adds.map((a) => ({ kind: a.kind, hex: bytesToHex(a.bytes), meta: a.meta })));
          expect(plain(c.finish())).toEqual(plain(want.out));
          expect(c.duplicates).toBe(want.duplicates);
          expect(c.size).toBe(want.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finishInSlices gives the same as finish', async () => {
    const adds = Array.from({ length: 5000 }, (_, i) => ({
      kind: 'md5' as const,
      bytes: hexToBytes((i % 3000).toString(16).padStart(4, '0').repeat(8)),
      meta: i % 7,
    }));
    const a = new EntryCollector();
    const b = new EntryCollector();
    for (const x of adds) {
      a.addDigest(x.kind, x.bytes, x.meta);
      b.addDigest(x.kind, x.bytes, x.meta);
    }
    const sliced = await a.finishInSlices(0);
    expect(plain(sliced)).toEqual(plain(b.finish()));
    expect(a.duplicates).toBe(2000);
    expect(a.size).toBe(3000);
    const want = oracle(adds.map((x) => ({ kind: x.kind, hex: bytesToHex(x.bytes), meta: x.meta })));
    expect(plain(sliced)).toEqual(plain(want.out));
  });

  it('refuses bytes of the wrong length for the kind', () => {
    expect(() => new EntryCollector().addDigest('md5', new Uint8Array(20), 0)).toThrow(RangeError);
  });
});

describe('hashDigestInto', () => {
  it('agrees with normaliseHash on every value it takes, and declines the rest', () => {
    const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');
    const value = fc.oneof(
      fc
        .constantFrom(32, 40, 64, 128, 31, 33)
        .chain((n) => fc.array(hexChar, { minLength: n, maxLength: n }).map((a) => a.join(''))),
      fc.string({ maxLength: 130 }),
      fc.constantFrom(
        `"${'a'.repeat(32)}"`,
        ` ${'b'.repeat(32)}`,
        `${'c'.repeat(31)}g`,
        `${'d'.repeat(31)}\u0660`,
      ),
    );
    fc.assert(
      fc.property(value, (v) => {
        const out = new Uint8Array(64);
        const algo = hashDigestInto(v, out);
        const n = normaliseHash(v);
        if (algo === null) {
          // Declined: either normaliseHash rejects it too, or it needed cleaning first (quotes, spaces).
          if (n.ok) expect(v.toLowerCase()).not.toBe(n.value.hex);
          return;
        }
        expect(n.ok).toBe(true);
        if (!n.ok) return;
        expect(algo).toBe(n.value.algo);
        expect(bytesToHex(out.subarray(0, v.length / 2))).toBe(n.value.hex);
      }),
      { numRuns: 2000 },
    );
  });
});
