import { describe, expect, it } from 'vitest';
import { EntryPager, shiftCursor } from '../../../lib/options/pager';
import { bucketOf } from '../../../lib/store/buckets';
import { removeEntry } from '../../../lib/store/entries';
import { freshDb, listWithEmails } from './db-helpers';

const emails = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@example.com`);

describe('EntryPager', () => {
  it('loads a list page by page until every entry is loaded exactly once', async () => {
    const db = await freshDb();
    const listId = await listWithEmails(db, 'big', emails(1234));
    const pager = new EntryPager(db, listId, 100);
    let notified = 0;
    pager.subscribe(() => notified++);
    await pager.reset();
    expect(pager.getState().rows).toHaveLength(100);
    expect(pager.getState().done).toBe(false);
    let guard = 0;
    while (!pager.getState().done && guard++ < 100) await pager.loadMore();
    const values = pager.getState().rows.map((r) => r.value);
    expect(values).toHaveLength(1234);
    expect(new Set(values).size).toBe(1234);
    expect(notified).toBeGreaterThan(20);
    const first = pager.getState().rows[0];
    expect(first?.reason).toBe('objection');
    expect(first?.since).toBe('2025-01-02');
  });

  it('does not fetch the same page twice when asked again while loading', async () => {
    const db = await freshDb();
    const listId = await listWithEmails(db, 'l', emails(250));
    const pager = new EntryPager(db, listId, 100);
    await Promise.all([pager.loadMore(), pager.loadMore(), pager.loadMore()]);
    expect(pager.getState().rows).toHaveLength(100);
  });

  it('skips no entry after one before the cursor was deleted in the same bucket', async () => {
    const db = await freshDb();
    // About ten entries per bucket, so a page ends inside a bucket and the cursor points into it.
    const all = emails(40_000);
    const listId = await listWithEmails(db, 'l', all);
    const scout = new EntryPager(db, listId, 1000);
    await scout.loadMore();
    const seen = scout.getState().rows;
    // A page size whose boundary splits a bucket: that is the case where the cursor must move.
    let size = 700;
    while (bucketOf('email', seen[size - 1]?.value ?? '') !== bucketOf('email', seen[size]?.value ?? ''))
      size++;
    const next = seen[size];
    if (!next) throw new Error('no split bucket found');
    const bucket = bucketOf('email', next.value);

    const pager = new EntryPager(db, listId, size);
    await pager.loadMore();
    const victim = pager.getState().rows.find((r) => bucketOf('email', r.value) === bucket);
    if (!victim) throw new Error('no row in the split bucket');
    expect(await removeEntry(db, listId, 'email', victim.value)).toBe(true);
    pager.removeRow(victim);
    await pager.loadMore();
    // The first row of the second page is the one right after the first page, not the one after it.
    expect(pager.getState().rows[size - 1]?.value).toBe(next.value);
    while (!pager.getState().done) await pager.loadMore();
    const values = new Set(pager.getState().rows.map((r) => r.value));
    expect(values.size).toBe(39_999);
    expect(values.has(victim.value)).toBe(false);
  }, 60_000);

  it('shifts a cursor only for a deletion in its own bucket', () => {
    const value = 'user1@example.com';
    const b = bucketOf('email', value);
    expect(shiftCursor(`email|${b}|5`, { kind: 'email', value })).toBe(`email|${b}|4`);
    expect(shiftCursor(`email|${(b + 1) % 4096}|5`, { kind: 'email', value })).toBe(
      `email|${(b + 1) % 4096}|5`,
    );
    expect(shiftCursor(`phone|${b}|5`, { kind: 'email', value })).toBe(`phone|${b}|5`);
    expect(shiftCursor(undefined, { kind: 'email', value })).toBeUndefined();
  });
});
