import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { batchAt, findPacked, type PackedRecord } from '../../../lib/bulk/packed-buckets';
import {
  bucketOfPlanKey,
  bucketRanges,
  keyFingerprint,
  PlanKeys,
  planKey,
  reduceStored,
} from '../../../lib/bulk/plan-reads';
import { hexToBytes, loadHashers } from '../../../lib/identifiers';
import { encodeBucket } from '../../../lib/store/bucket-layout';
import { bucketOf, fnv1a32 } from '../../../lib/store/buckets';
import { fingerprint } from '../../../lib/store/lookup-index';
import type { BucketRecord } from '../../../lib/store/schemas';
import type { EntryKind } from '../../../lib/vocab';

// A planned bulk check collects fingerprints, not keys, and keeps of each bucket the entries whose fingerprint was
// wanted (lib/bulk/plan-reads.ts). The reference is the lookup index's fingerprint, the store's bucketOf, and the
// whole record: a wanted key must be found in the kept entries exactly when the record holds it, with its batch.

const hex = (bytes: number) =>
  fc.uint8Array({ minLength: bytes, maxLength: bytes }).map((b) => Buffer.from(b).toString('hex'));

describe('plan keys', () => {
  it('are the lookup index fingerprint, and their top bits the bucket bucketOf gives', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.tuple(
            fc.constantFrom<EntryKind>('email', 'domain', 'profile', 'phone', 'salesnav'),
            fc.string(),
          ),
          fc.tuple(fc.constant<EntryKind>('md5'), hex(16)),
          fc.tuple(fc.constant<EntryKind>('sha256'), hex(32)),
        ),
        ([kind, key]) => {
          const fp = keyFingerprint(kind, key);
          expect(fp).toBe(fingerprint(kind, key));
          expect(bucketOfPlanKey(planKey(kind, fp))).toBe(bucketOf(kind, key));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('come back sorted and unique', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 3000 }), (values) => {
        const keys = new PlanKeys();
        for (const v of values) keys.push(v);
        expect(keys.length).toBe(values.length);
        expect([...keys.sortedUnique()]).toEqual([...new Set(values)].sort((a, b) => a - b));
      }),
    );
  });

  it('are read in runs of consecutive buckets, at most so many buckets a run, every key in its run', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 0xffffffff }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 20 }),
        (values, maxBuckets) => {
          const keys = new PlanKeys();
          for (const v of values) keys.push(v);
          const sorted = keys.sortedUnique();
          const ranges = bucketRanges('md5', sorted, maxBuckets);
          expect(ranges.flatMap((r) => [...r.keys])).toEqual([...sorted]);
          for (const [i, r] of ranges.entries()) {
            expect(r.last - r.first).toBeLessThan(maxBuckets);
            for (const k of r.keys) {
              expect(bucketOfPlanKey(k)).toBeGreaterThanOrEqual(r.first);
              expect(bucketOfPlanKey(k)).toBeLessThanOrEqual(r.last);
            }
            // Every bucket of a run is wanted (a run never reads a bucket for nothing).
            const wanted = new Set([...r.keys].map(bucketOfPlanKey));
            for (let b = r.first; b <= r.last; b++) expect(wanted.has(b)).toBe(true);
            // A run ends where its buckets stop being consecutive, or at its size.
            const next = ranges[i + 1];
            if (next && r.last - r.first < maxBuckets - 1) expect(next.first).not.toBe(r.last + 1);
          }
        },
      ),
    );
  });
});

// Emails in a few buckets, each bucket holding several: what one stored record holds.
const EMAILS = Array.from({ length: 30_000 }, (_, i) => `person.${i}@plan.example`);
const byBucket = new Map<number, string[]>();
for (const e of EMAILS) {
  const b = bucketOf('email', e);
  byBucket.set(b, [...(byBucket.get(b) ?? []), e]);
}
const BUCKETS = [...byBucket.entries()].filter(([, keys]) => keys.length >= 6).slice(0, 20);
// Two addresses with the same FNV-1a (and so the same fingerprint and bucket), found by a search once.
const TWINS = ['ybeboxazkp@collide.example', 'cjcrcborur@collide.example'] as const;

const stringRecord = (bucket: number, keys: string[], ids: number[]): BucketRecord =>
  ({
    listId: 'L',
    kind: 'email',
    bucket,
    keys: [...keys].sort(),
    batchIds: Uint32Array.from(ids),
  }) as BucketRecord;

/** The plan keys of `wanted`, sorted and unique, as resolvePlan hands them to reduceStored. */
function planOf(kind: EntryKind, wanted: readonly string[]): Uint32Array {
  const keys = new PlanKeys();
  for (const k of wanted) keys.push(planKey(kind, keyFingerprint(kind, k)));
  return keys.sortedUnique();
}

/** What searching the whole record gives for `key`: found or not, and the batch. */
function inRecord(rec: BucketRecord, key: string): number | undefined {
  const keys = rec.keys as string[];
  const at = keys.indexOf(key);
  return at < 0 ? undefined : (rec.batchIds[at] as number);
}

function inReduced(rec: PackedRecord | undefined, key: string, needle?: Uint8Array): number | undefined {
  if (!rec) return undefined;
  const at = findPacked(rec, key, needle);
  return at < 0 ? undefined : batchAt(rec, at);
}

describe('reduceStored', () => {
  it('keeps what a search of the whole string record finds, stored packed or as strings, batches as runs or ids', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUCKETS),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        ([bucket, all], pick, batchPick, runs, legacy) => {
          // Some of the bucket's keys are held, some of the held ones and some of the others are wanted.
          const held = all.filter((_, i) => pick[i % pick.length]);
          const ids = held.map((_, i) => (runs ? (i < held.length / 2 ? 1 : 2) : (batchPick[i] ?? 1)));
          const rec = stringRecord(bucket, held, ids);
          const wanted = all.filter((_, i) => pick[(i + 7) % pick.length]);
          const stored = legacy ? rec : encodeBucket(rec);
          if (!legacy) expect(Object.keys(stored)).toContain('keyCodes');
          const reduced = reduceStored(stored, planOf('email', wanted));
          for (const k of all) if (wanted.includes(k)) expect(inReduced(reduced, k)).toBe(inRecord(rec, k));
          // Nothing but the wanted keys it holds (no two of these share a fingerprint).
          const kept = held.filter((k) => wanted.includes(k));
          expect(reduced ? (reduced.ends as Uint32Array).length : 0).toBe(kept.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps an entry that only shares a wanted key fingerprint, which a search for the wanted key then misses', () => {
    const [listed, looked] = TWINS;
    expect(fnv1a32(listed)).toBe(fnv1a32(looked));
    // Sorted as stored: 'other…' comes first.
    const rec = stringRecord(bucketOf('email', listed), ['other@collide.example', listed], [5, 4]);
    const reduced = reduceStored(encodeBucket(rec), planOf('email', [looked]));
    expect(inReduced(reduced, looked)).toBeUndefined();
    expect(inReduced(reduced, listed)).toBe(4);
  });

  it('keeps the wanted digests a hashed record holds, with their batches', async () => {
    const h = await loadHashers();
    const digests = Array.from({ length: 400 }, (_, i) => h.md5(`someone.${i}@hash.example`));
    const bucket = bucketOf('md5', digests[0] as string);
    // Digests of one bucket: the first 12 bits set to it.
    const inBucket = [
      ...new Set(digests.map((d) => (bucket.toString(16).padStart(3, '0') + d.slice(3)) as string)),
    ].sort();
    // A digest differing from a held one only after its first four bytes: the same fingerprint.
    const twin = `${(inBucket[0] as string).slice(0, 8)}${'0'.repeat(24)}`;
    const held = inBucket.filter((_, i) => i % 3 !== 0);
    const rec = {
      listId: 'L',
      kind: 'md5',
      bucket,
      keys: Uint8Array.from(held.flatMap((d) => [...hexToBytes(d)])),
      batchIds: Uint32Array.from(held.map((_, i) => 10 + (i % 2))),
    } as BucketRecord;
    const wanted = [...inBucket.filter((_, i) => i % 2 === 0), twin];
    const reduced = reduceStored(encodeBucket(rec), planOf('md5', wanted));
    for (const d of wanted) {
      const at = held.indexOf(d);
      expect(inReduced(reduced, d, hexToBytes(d))).toBe(at < 0 ? undefined : 10 + (at % 2));
    }
    expect(reduced?.digests?.length).toBeGreaterThan(0);
  });

  it('keeps nothing of a record none of whose entries is wanted', () => {
    const [bucket, keys] = BUCKETS[0] as [number, string[]];
    const rec = stringRecord(bucket, keys.slice(0, 3), [1, 1, 1]);
    expect(reduceStored(encodeBucket(rec), planOf('email', keys.slice(3)))).toBeUndefined();
    expect(reduceStored(encodeBucket(rec), new Uint32Array(0))).toBeUndefined();
  });
});
