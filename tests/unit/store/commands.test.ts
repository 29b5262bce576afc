import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveContactWithUndo, undoContactSave } from '../../../lib/store/commands/contact';
import {
  createList,
  deleteList,
  mergeWithUndo,
  restoreDeletedList,
  undoMerge,
  updateList,
} from '../../../lib/store/commands/lists';
import { recordOptOut, undoOptOut } from '../../../lib/store/commands/opt-out';
import { type HeedDb, openDb } from '../../../lib/store/db';
import { addEntries, findEntries, removeEntry } from '../../../lib/store/entries';
import { ensureDefaultList } from '../../../lib/store/lists';
import { JANE } from '../popup/helpers';

// Two pages of the extension write to the same database through two connections (the popup records an opt-out
// while the options page imports a file). An undo receipt must describe exactly what its own command changed,
// whatever the other connection committed meanwhile.

let n = 0;
const open: HeedDb[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
});

async function twoConnections(): Promise<{ popup: HeedDb; options: HeedDb }> {
  n += 1;
  const name = `commands-race-${process.pid}-${n}-${Math.random().toString(36).slice(2)}`;
  const popup = await openDb(name);
  const options = await openDb(name);
  open.push(popup, options);
  return { popup, options };
}

/**
 * Runs `other` (the other tab's write) the moment `db` asks for its next read-write transaction: exactly the
 * window between a command's reads and its write, if the command reads outside its write transaction.
 */
function beforeNextWrite(db: HeedDb, other: () => Promise<unknown>): { done: () => Promise<unknown> } {
  let started: Promise<unknown> | null = null;
  const original = db.transaction.bind(db) as (...args: unknown[]) => unknown;
  vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
    if (started === null && args[0] === 'rw') started = other();
    return original(...args);
  }) as typeof db.transaction);
  return { done: () => started ?? Promise.resolve() };
}

const email = (db: HeedDb, listId: string, value: string) => findEntries(db, listId, value);

describe('undo receipts taken inside the write', () => {
  it('an opt-out undo leaves entries another tab imported meanwhile', async () => {
    const { popup, options } = await twoConnections();
    const list = await ensureDefaultList(popup);
    const other = beforeNextWrite(popup, () =>
      addEntries(
        options,
        list.id,
        [
          { kind: 'email', value: 'jane.doe@acme.example' },
          { kind: 'email', value: 'someone.else@acme.example' },
        ],
        { reason: 'unsubscribe', since: '2026-01-05', source: 'import' },
      ),
    );
    const receipt = await recordOptOut(popup, {
      listId: list.id,
      reason: 'objection',
      identifiers: JANE.identifiers,
    });
    const imported = (await other.done()) as { added: number };
    vi.restoreAllMocks();
    // Whichever write came first, the two together hold both of Jane's identifiers and the other address.
    expect(imported.added + receipt.added.length).toBe(3);

    await undoOptOut(popup, receipt);
    // The imported addresses are still there, with the import's reason; the opt-out's own profile entry is gone.
    const jane = await email(popup, list.id, 'jane.doe@acme.example');
    expect(jane.map((r) => r.reason)).toEqual(['unsubscribe']);
    expect(await email(popup, list.id, 'someone.else@acme.example')).toHaveLength(1);
    expect(await findEntries(popup, list.id, 'https://www.linkedin.com/in/jane-doe-1a2b3c/')).toEqual([]);
    const after = await popup.lists.get(list.id);
    expect(after?.counts.total).toBe(2);
  });

  it('a merge undo leaves entries another tab imported into the target meanwhile', async () => {
    const { popup: page, options } = await twoConnections();
    await ensureDefaultList(page);
    const source = await createList(page, { name: 'Source' });
    const target = await createList(page, { name: 'Target' });
    await addEntries(page, source.id, [{ kind: 'email', value: 'a@x.example' }], { reason: 'bounce' });
    const other = beforeNextWrite(page, () =>
      addEntries(options, target.id, [{ kind: 'email', value: 'late@x.example' }], {
        reason: 'unsubscribe',
        source: 'import',
      }),
    );
    const { undo } = await mergeWithUndo(page, [source.id], target.id);
    await other.done();
    vi.restoreAllMocks();
    // The import landed before the merge, so undoing the merge gives the target back *with* the import.
    await undoMerge(page, undo);
    expect(await email(page, target.id, 'late@x.example')).toHaveLength(1);
    expect(await email(page, target.id, 'a@x.example')).toEqual([]);
    expect(await email(page, source.id, 'a@x.example')).toHaveLength(1);
  });
});

describe('list commands check what every page would', () => {
  it('refuses a second list of the same name (any case), an empty name and an empty scope, with clear words', async () => {
    const { popup: db } = await twoConnections();
    const vendors = await createList(db, { name: 'Vendor opt-outs' });
    await expect(createList(db, { name: '  vendor OPT-OUTS ' })).rejects.toThrow(
      'There is already a list called “vendor OPT-OUTS”. Choose another name.',
    );
    await expect(createList(db, { name: '   ' })).rejects.toThrow('Give the list a name.');
    await expect(createList(db, { name: 'Calls', channels: [] })).rejects.toThrow(/at least one channel/);
    const other = await createList(db, { name: ' Calls ' });
    expect(other.name).toBe('Calls');
    await expect(updateList(db, other.id, { name: 'VENDOR opt-outs' })).rejects.toThrow(/already a list/);
    await expect(updateList(db, other.id, { channels: [] })).rejects.toThrow(/at least one channel/);
    // Its own name in another case is no clash.
    expect((await updateList(db, vendors.id, { name: 'Vendor Opt-Outs' })).name).toBe('Vendor Opt-Outs');
    expect((await db.lists.toArray()).map((l) => l.name).sort()).toEqual(['Calls', 'Vendor Opt-Outs']);
  });

  it('two pages creating the same name at once: one list, one clear refusal', async () => {
    const { popup, options } = await twoConnections();
    const results = await Promise.allSettled([
      createList(popup, { name: 'Partners' }),
      createList(options, { name: 'partners' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await popup.lists.count()).toBe(1);
  });

  it('undoing a delete refuses when the name was taken meanwhile', async () => {
    const { popup: db } = await twoConnections();
    const l = await createList(db, { name: 'Temp' });
    const deleted = await deleteList(db, l.id);
    await createList(db, { name: 'temp' });
    await expect(restoreDeletedList(db, deleted)).rejects.toThrow(/already a list called “Temp”/);
  });
});

describe('contact save undo', () => {
  it('refuses to undo a save once another page saved the record again, and changes nothing', async () => {
    const { popup, options } = await twoConnections();
    const input = { emails: ['emma@acme.example'], stage: 'prospect' as const };
    const first = await saveContactWithUndo(popup, input);
    const { saved, undo } = await saveContactWithUndo(popup, {
      ...input,
      id: first.saved.id,
      stage: 'client',
    });
    expect(undo).toMatchObject({ kind: 'restore', previous: { stage: 'prospect' } });
    await new Promise((r) => setTimeout(r, 2)); // a later save has a later updatedAt
    await saveContactWithUndo(options, { ...input, id: saved.id, stage: 'former-client' });
    await expect(undoContactSave(popup, undo)).rejects.toThrow(/changed since/);
    expect((await popup.contacts.get(saved.id))?.stage).toBe('former-client');
  });

  it('undo of a new record removes it, and of an edit puts the old one back as it was', async () => {
    const { popup: db } = await twoConnections();
    const created = await saveContactWithUndo(db, { emails: ['a@b.example'], stage: 'prospect' });
    await new Promise((r) => setTimeout(r, 2));
    const edited = await saveContactWithUndo(db, {
      emails: ['a@b.example'],
      id: created.saved.id,
      stage: 'client',
    });
    expect(await undoContactSave(db, edited.undo)).toEqual(created.saved);
    expect(await db.contacts.get(created.saved.id)).toEqual(created.saved);
    await undoContactSave(db, created.undo);
    expect(await db.contacts.count()).toBe(0);
  });
});

describe('opt-out undo', () => {
  it('leaves an entry that was removed and added again by someone else since', async () => {
    const { popup: db } = await twoConnections();
    const list = await ensureDefaultList(db);
    const receipt = await recordOptOut(db, {
      listId: list.id,
      reason: 'objection',
      identifiers: JANE.identifiers,
    });
    await removeEntry(db, list.id, 'email', 'jane.doe@acme.example');
    await addEntries(db, list.id, [{ kind: 'email', value: 'jane.doe@acme.example' }], {
      reason: 'unsubscribe',
      source: 'import',
    });
    expect(await undoOptOut(db, receipt)).toBe(1); // the profile entry, still the recording's own
    expect((await email(db, list.id, 'jane.doe@acme.example')).map((r) => r.reason)).toEqual(['unsubscribe']);
  });
});
