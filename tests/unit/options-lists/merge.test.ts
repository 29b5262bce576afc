import { describe, expect, it } from 'vitest';
import { mergeWithUndo, undoMerge } from '../../../lib/store/commands/lists';
import { addEntries } from '../../../lib/store/entries';
import { getLists } from '../../../lib/store/lists';
import { freshDb, listState, listWithEmails } from './db-helpers';

describe('merge with undo', () => {
  it('merges lists into one and undo puts every list back exactly', async () => {
    const db = await freshDb();
    const a = await listWithEmails(db, 'A', ['a1@x.com', 'shared@x.com'], 'unsubscribe');
    const b = await listWithEmails(db, 'B', ['b1@x.com', 'shared@x.com'], 'bounce');
    const target = await listWithEmails(db, 'T', ['t1@x.com', 'shared@x.com'], 'objection');
    const before = await listState(db);

    const { result, undo } = await mergeWithUndo(db, [a, b, target], target);
    expect(result).toEqual({ added: 2, alreadyPresent: 2 });
    const lists = await getLists(db);
    expect(lists.map((l) => l.name)).toEqual(['Do not contact', 'T']);
    expect(lists.find((l) => l.name === 'T')?.counts.total).toBe(4);

    await undoMerge(db, undo);
    expect(await listState(db)).toEqual(before);
    const audit = await db.audit.toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'merge-lists', detail: 'undo merge', listId: target });
  });

  it('refuses to undo once the merged list changed, and changes nothing', async () => {
    const db = await freshDb();
    const a = await listWithEmails(db, 'A', ['a1@x.com']);
    const target = await listWithEmails(db, 'T', ['t1@x.com']);
    const { undo } = await mergeWithUndo(db, [a], target);
    // Make sure the clock moves so the target's updatedAt changes.
    await new Promise((r) => setTimeout(r, 5));
    await addEntries(db, target, [{ kind: 'email', value: 'late@x.com' }], { reason: 'objection' });
    const changed = await listState(db);
    await expect(undoMerge(db, undo)).rejects.toThrow(/changed since/);
    expect(await listState(db)).toEqual(changed);
  });

  it('asks for at least one other list', async () => {
    const db = await freshDb();
    const target = await listWithEmails(db, 'T', ['t1@x.com']);
    await expect(mergeWithUndo(db, [target], target)).rejects.toThrow(/at least one other list/);
  });
});
