import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBucket, storedBytes } from '../../../lib/store/bucket-layout';
import { bucketRecord, mergeEntries, sortedEntries } from '../../../lib/store/buckets';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { ImportError, importFile } from '../../../lib/store/import';
import { createList } from '../../../lib/store/lists';
import { bytesToWrite, requestPersistence, resetPersistenceRequest } from '../../../lib/store/quota';
import { applyTeamBundle, verifyTeamBundle } from '../../../lib/team/apply';
import { exportTeamBundle } from '../../../lib/team/export';
import { BundleError } from '../../../lib/team/format';
import { createTeamKey } from '../../../lib/team/keys';
import { dump, freshDb } from './helpers';

// Issue 18: before an import or a team bundle writes anything, the space it needs is compared with the browser's
// estimate of what is free; when it will not fit, the user gets both numbers and nothing is written.

const MB = 1024 * 1024;

function stubStorage(storage: Partial<StorageManager>) {
  vi.stubGlobal('navigator', { ...globalThis.navigator, storage });
}

function md5File(n: number): Blob {
  const lines = ['md5'];
  for (let i = 0; i < n; i++) lines.push(i.toString(16).padStart(32, '0'));
  return new Blob([`${lines.join('\n')}\n`]);
}

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  vi.unstubAllGlobals();
  resetPersistenceRequest();
  db.close();
});

describe('quota before writing', () => {
  it('estimates what the bucket layout stores: 16 bytes per MD5 and a batch-id run per bucket, with overhead', () => {
    const keys = new Uint8Array(16 * 1000);
    // One batch: its ids are one 8-byte run (bucket-layout.ts), not 4 bytes per entry.
    expect(bytesToWrite([{ kind: 'md5', entries: { keys } }])).toBe(Math.ceil((16_000 + 8) * 1.5));
    expect(bytesToWrite([{ kind: 'md5', entries: { keys, batchIds: new Uint32Array(1000).fill(7) } }])).toBe(
      Math.ceil((16_000 + 8) * 1.5),
    );
    // Batches interleaved entry by entry are stored as plain ids: 4 bytes each.
    const alternating = Uint32Array.from({ length: 1000 }, (_, i) => i % 2);
    expect(bytesToWrite([{ kind: 'md5', entries: { keys, batchIds: alternating } }])).toBe(30_000);
  });

  it('matches the bytes the layout really stores, for new buckets and for buckets merged into a list', () => {
    const rand = (n: number) => {
      const b = new Uint8Array(16 * n);
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256);
      return b;
    };
    const sorted = (n: number, batch: number) => {
      const rows = Array.from({ length: n }, () => rand(1)).sort((x, y) => {
        for (let i = 0; i < 16; i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
        return 0;
      });
      const keys = new Uint8Array(16 * n);
      for (const [i, r] of rows.entries()) keys.set(r, 16 * i);
      return sortedEntries('md5', keys, new Uint32Array(n).fill(batch));
    };
    const stored = (e: ReturnType<typeof sorted>) => storedBytes(encodeBucket(bucketRecord('L', 0, e)));
    // A bucket of a new list: exact.
    const fresh = sorted(2441, 1);
    expect(bytesToWrite([{ kind: 'md5', entries: fresh }])).toBe(Math.ceil(stored(fresh) * 1.5));
    // New entries merged into a bucket of a list of 4096 × a entries: the ids interleave in key order.
    for (const [a, b] of [
      [2441, 1],
      [2441, 50],
      [244, 244],
      [50, 2441],
    ] as const) {
      const old = sorted(a, 1);
      const add = sorted(b, 2);
      const merged = mergeEntries(old, add);
      const estimate = bytesToWrite([{ kind: 'md5', entries: add }], { md5: 4096 * a }) / 1.5;
      expect(Math.abs(estimate - stored(merged)) / stored(merged)).toBeLessThan(0.05);
    }
  });

  it('does not refuse an import that fits once batch ids are counted as the layout stores them', async () => {
    // 100,000 MD5 into a new list: 1.6 MB of digests and a run per bucket, about 2.3 MB with the overhead;
    // counted at 4 bytes of batch id per entry it was 2.9 MB, more than the 2.6 MB free.
    stubStorage({ estimate: async () => ({ quota: 500 * MB, usage: 497.4 * MB }) });
    const r = await importFile(db, md5File(100_000), {
      target: { newList: { name: 'Vendor' } },
      reason: 'objection',
    });
    expect(r.added).toBe(100_000);
  });

  it('refuses an import that will not fit, with the numbers, and writes nothing', async () => {
    const list = await createList(db, { name: 'Vendor' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'kept@example.com' }], { reason: 'unsubscribe' });
    const before = await dump(db);
    // 100,000 MD5 need about 2.3 MB (digests and a batch-id run per bucket, with overhead); 1.5 MB is free.
    stubStorage({ estimate: async () => ({ quota: 500 * MB, usage: 498.5 * MB }) });
    const err = await importFile(db, md5File(100_000), {
      target: { listId: list.id },
      reason: 'objection',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('quota');
    expect((err as ImportError).message).toMatch(/needs about 2\.3 MB and only 1\.5 MB is free/);
    expect((err as ImportError).message).toMatch(/Nothing was imported/);
    expect(await dump(db)).toEqual(before);
  });

  it('imports when it fits, or when the browser cannot say', async () => {
    stubStorage({ estimate: async () => ({ quota: 500 * MB, usage: 400 * MB }) });
    const a = await importFile(db, md5File(1000), {
      target: { newList: { name: 'A' } },
      reason: 'objection',
    });
    expect(a.added).toBe(1000);
    stubStorage({ estimate: async () => ({}) });
    const b = await importFile(db, md5File(1000), {
      target: { newList: { name: 'B' } },
      reason: 'objection',
    });
    expect(b.added).toBe(1000);
  });

  it('refuses a team bundle that will not fit, and applies nothing', async () => {
    const lead = await freshDb();
    await createTeamKey(lead, 'Acme sales');
    const list = await createList(lead, { name: 'Do not call' });
    await addEntries(
      lead,
      list.id,
      Array.from({ length: 5000 }, (_, i) => ({ kind: 'email' as const, value: `person${i}@example.com` })),
      { reason: 'objection', since: '2026-01-02' },
    );
    const bundle = await exportTeamBundle(lead, { listIds: [list.id], entryMode: 'plain', delta: false });
    lead.close();
    const v = await verifyTeamBundle(db, bundle.bytes);
    const before = await dump(db);
    stubStorage({ estimate: async () => ({ quota: 100 * MB, usage: 100 * MB - 50_000 }) });
    const err = await applyTeamBundle(db, v, { pin: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleError);
    expect((err as BundleError).code).toBe('quota');
    expect((err as BundleError).message).toMatch(/needs about [\d.]+ MB and only 0 MB is free/);
    expect(await dump(db)).toEqual(before);
    // With room, the same bundle applies.
    stubStorage({ estimate: async () => ({ quota: 100 * MB, usage: 10 * MB }) });
    expect((await applyTeamBundle(db, v, { pin: true })).added).toBe(5000);
  });

  it('asks the browser once to keep the data, and says whether it agreed', async () => {
    const persist = vi.fn(async () => true);
    stubStorage({ persist, persisted: async () => false });
    expect(await requestPersistence()).toBe(true);
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    resetPersistenceRequest();
    stubStorage({ persist: async () => false, persisted: async () => false });
    expect(await requestPersistence()).toBe(false);
  });
});
