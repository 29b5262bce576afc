import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LookupContext } from '../../../lib/bulk/lookup-many';
import { bucketOf } from '../../../lib/store/buckets';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList } from '../../../lib/store/lists';
import { freshDb } from '../store/helpers';

// The bulk check prepares one batch while the previous one's buckets are being read, so lookupMany calls overlap
// (lib/bulk/check.ts). A call must match against the records it found cached or read, even when an overlapping
// call evicts them from the cache meanwhile.

const X = 'x@a.example';
const Y = 'y@b.example';
const Z = 'z@c.example';
const W = 'w@e.example';
let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
  const list = await createList(db, { name: 'Objected' });
  await addEntries(
    db,
    list.id,
    [X, Y, Z, W].map((value) => ({ kind: 'email' as const, value })),
    { reason: 'objection', since: '2025-06-01' },
  );
});
afterEach(() => db.close());

const ask = (ctx: LookupContext, ...emails: string[]) =>
  ctx.lookupMany(
    db,
    emails.map((e) => ({ ids: { emails: [e] } })),
    true,
  );
const listsOf = (r: Awaited<ReturnType<typeof ask>>) => r.map((p) => p.matches.map((m) => m.listName));

describe('LookupContext with overlapping calls', () => {
  it('keeps the records a call took from the cache when a later call evicts them', async () => {
    // Four buckets, and a budget (packed: 64 + 11 characters + 4 bytes each) for one record but not two.
    expect(new Set([X, Y, Z, W].map((e) => bucketOf('email', e))).size).toBe(4);
    const ctx = await LookupContext.load(db, { maxCachedBytes: 150 });
    expect(listsOf(await ask(ctx, X))).toEqual([['Objected']]);
    const readingY = ask(ctx, Y);
    // X's record is in the cache now: this call uses it, and reads W's after Y's.
    const cachedX = ask(ctx, X, W);
    // Once Y's record is in, the cache is over budget: this call evicts X's record, the oldest.
    const evicting = readingY.then(() => ask(ctx, Z));
    const [x, y, z] = await Promise.all([cachedX, readingY, evicting]);
    expect(listsOf(x)).toEqual([['Objected'], ['Objected']]);
    expect(listsOf(y)).toEqual([['Objected']]);
    expect(listsOf(z)).toEqual([['Objected']]);
  });

  it('gives every overlapping call the same answers as one call at a time', async () => {
    const ctx = await LookupContext.load(db, { maxCachedBytes: 1 });
    const emails = [X, Y, Z, 'nobody@d.example', X, Z];
    const together = await Promise.all(emails.map((e) => ask(ctx, e)));
    const alone = [];
    for (const e of emails) alone.push(await ask(await LookupContext.load(db), e));
    expect(together).toEqual(alone);
    expect(listsOf(together.flat())).toEqual([
      ['Objected'],
      ['Objected'],
      ['Objected'],
      [],
      ['Objected'],
      ['Objected'],
    ]);
  });
});
