import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import { deleteContact, saveContact } from '../../../lib/store/contacts';
import { DATA_TOKEN_KEY, LOOKUP_INDEX_KEY, tokenOf } from '../../../lib/store/data-token';
import { type HeedDb, openDb } from '../../../lib/store/db';
import { addEntries, removeEntry } from '../../../lib/store/entries';
import { importFile } from '../../../lib/store/import';
import { createList, deleteList, mergeLists, updateList } from '../../../lib/store/lists';
import { lookupPerson, type PersonIds } from '../../../lib/store/lookup';
import {
  buildLookupIndex,
  currentLookupIndex,
  fingerprint,
  keepLookupIndex,
  lookupIndexSource,
  lookupIndexStats,
  mayHold,
} from '../../../lib/store/lookup-index';
import { saveSettings } from '../../../lib/store/settings';

// The lookup index is a cache in front of the bucket reads. These tests hold it to the one rule that matters:
// whatever was written, by whichever connection, a lookup through the index answers exactly as a lookup that
// reads every bucket, so a stale index can never hide a block.

let name: string;
const open: HeedDb[] = [];
async function connect(): Promise<HeedDb> {
  const db = await openDb(name);
  open.push(db);
  return db;
}
beforeEach(() => {
  name = `heed-index-${Date.now()}-${Math.random().toString(36).slice(2)}`;
});
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const token = async (db: HeedDb) => tokenOf(await db.meta.get(DATA_TOKEN_KEY));

/** Lookups through the index equal lookups without it, for every person given. */
async function expectSameAnswers(indexed: HeedDb, plain: HeedDb, people: PersonIds[]) {
  for (const p of people) {
    const [a, b] = await Promise.all([lookupPerson(indexed, p), lookupPerson(plain, p)]);
    expect(a, JSON.stringify(p)).toEqual(b);
  }
}

describe('data token', () => {
  it('changes with every write that can change a lookup, and only with those', async () => {
    const db = await connect();
    const seen = new Set([await token(db)]);
    const changes = async (what: string, write: () => Promise<unknown>, expected: boolean) => {
      const before = await token(db);
      await write();
      const after = await token(db);
      expect(after !== before, what).toBe(expected);
      if (expected) {
        expect(seen.has(after), `${what}: a token is never reused`).toBe(false);
        seen.add(after);
      }
    };
    const list = await createList(db, { name: 'A' });
    await changes(
      'add entries',
      () => addEntries(db, list.id, [{ kind: 'email', value: 'a@x.example' }], { reason: 'objection' }),
      true,
    );
    await changes('remove an entry', () => removeEntry(db, list.id, 'email', 'a@x.example'), true);
    await changes('rename a list', () => updateList(db, list.id, { name: 'B' }), true);
    await changes(
      'import a file',
      () =>
        importFile(db, new Blob(['email\nb@x.example\n']), {
          target: { listId: list.id },
          reason: 'objection',
          fileName: 'b.csv',
        }),
      true,
    );
    const other = await createList(db, { name: 'C' });
    await changes('merge lists', () => mergeLists(db, [other.id], list.id), true);
    const contact = await saveContact(db, { emails: ['c@x.example'] });
    await changes('edit a contact', () => saveContact(db, { id: contact.id, emails: ['d@x.example'] }), true);
    await changes('delete a contact', () => deleteContact(db, contact.id), true);
    const backup = await parseBackup(await createBackup(db));
    await changes('restore a backup', () => restoreBackup(db, backup, { mode: 'replace' }), true);
    await changes('delete a list', () => deleteList(db, list.id), true);
    await changes('change settings', () => saveSettings(db, { defaultCountry: 'DE' }), false);
    await changes('read everything', () => Promise.all([db.lists.toArray(), db.buckets.toArray()]), false);
  });

  it('rolls back with a failed write: the data and its token commit together', async () => {
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    const before = await token(db);
    await expect(
      db.transaction('rw', db.lists, async () => {
        await db.lists.put({ ...list, name: 'changed' });
        throw new Error('fail midway');
      }),
    ).rejects.toThrow('fail midway');
    expect(await token(db)).toBe(before);
    expect((await db.lists.get(list.id))?.name).toBe('A');
  });
});

describe('lookup index', () => {
  it('is used by the connection that keeps one, and says no list holds keys nobody imported', async () => {
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'listed@x.example' }], { reason: 'objection' });
    const index = await keepLookupIndex(db);
    expect(index).toBeDefined();
    if (!index) return;
    expect(currentLookupIndex(db)).toBe(index);
    expect(mayHold(index, 'email', 'listed@x.example')).toBe(true);
    expect(mayHold(index, 'email', 'other@x.example')).toBe(false);
    expect(mayHold(index, 'md5', '0'.repeat(32), new Uint8Array(16))).toBe(false);
    const r = await lookupPerson(db, { emails: ['Listed@X.example'] });
    expect(r.matches.map((m) => [m.listName, m.reason])).toEqual([['A', 'objection']]);
    expect(currentLookupIndex(db)).toBe(index);
  });

  it('defers its first load when asked (a woken service worker answers first), and lookups meanwhile read buckets', async () => {
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'listed@x.example' }], { reason: 'objection' });
    await keepLookupIndex(await connect()); // built and persisted: the deferred one would load it
    const started = Date.now();
    const kept = keepLookupIndex(db, { deferMs: 150 });
    await new Promise((r) => setTimeout(r, 60));
    // Not loaded yet, and a lookup neither waits for it nor starts it: it reads the buckets and finds the entry.
    expect(lookupIndexSource(db)).toBeUndefined();
    const r = await lookupPerson(db, { emails: ['listed@x.example'] });
    expect(r.matches.map((m) => m.listName)).toEqual(['A']);
    expect(currentLookupIndex(db)).toBeUndefined();
    expect(lookupIndexStats(db).answered).toBe(0);
    const index = await kept;
    expect(index).toBeDefined();
    expect(lookupIndexSource(db)).toBe('loaded');
    expect(currentLookupIndex(db)).toBe(index);
    // A lookup at 60 ms pushed the load to 300 ms after it, past the 150 ms asked for.
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await lookupPerson(db, { emails: ['listed@x.example'] });
    expect(lookupIndexStats(db).answered).toBe(1);
  });

  it('sees a write made by another connection at the very next lookup', async () => {
    const background = await connect();
    const optionsPage = await connect();
    await keepLookupIndex(background);
    const before = currentLookupIndex(background);
    expect((await lookupPerson(background, { emails: ['late@x.example'] })).matches).toEqual([]);

    const list = await createList(optionsPage, { name: 'Late' });
    await addEntries(optionsPage, list.id, [{ kind: 'email', value: 'late@x.example' }], {
      reason: 'objection',
    });
    // No notification, no wait: the first lookup after the write must already find it.
    const r = await lookupPerson(background, { emails: ['late@x.example'] });
    expect(r.matches.map((m) => m.listName)).toEqual(['Late']);
    expect(currentLookupIndex(background)).not.toBe(before);
  });

  it('is persisted, and a new connection loads it instead of reading every bucket', async () => {
    const first = await connect();
    const list = await createList(first, { name: 'A' });
    await addEntries(first, list.id, [{ kind: 'domain', value: '.example.org' }], { reason: 'objection' });
    await keepLookupIndex(first);
    expect(lookupIndexSource(first)).toBe('built');
    const second = await connect();
    await keepLookupIndex(second);
    expect(lookupIndexSource(second)).toBe('loaded');
    expect((await lookupPerson(second, { emails: ['a@b.example.org'] })).matches).toHaveLength(1);

    // A write deletes the persisted index in its own transaction (nothing derived outlives its data), and the
    // next connection builds a new one.
    expect(await first.meta.get(LOOKUP_INDEX_KEY)).toBeDefined();
    await addEntries(first, list.id, [{ kind: 'email', value: 'z@z.example' }], { reason: 'objection' });
    expect(await first.meta.get(LOOKUP_INDEX_KEY)).toBeUndefined();
    const third = await connect();
    await keepLookupIndex(third);
    expect(lookupIndexSource(third)).toBe('built');
  });

  it('keeps a built index in memory when it cannot be stored (a full disk)', async () => {
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'full@x.example' }], { reason: 'objection' });
    const put = vi.spyOn(db.meta, 'put').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const index = await keepLookupIndex(db);
    put.mockRestore();
    expect(index).toBeDefined();
    expect(await db.meta.get(LOOKUP_INDEX_KEY)).toBeUndefined();
    expect((await lookupPerson(db, { emails: ['full@x.example'] })).matches).toHaveLength(1);
    expect(lookupIndexStats(db).answered).toBe(1);
  });

  it('fingerprints digests by their first four bytes and strings by FNV-1a', () => {
    expect(fingerprint('md5', '', Uint8Array.from([1, 2, 3, 4, 5]))).toBe(0x01020304);
    expect(fingerprint('email', 'a')).toBe(0xe40c292c);
  });

  it('an index built from a snapshot holds every stored key (no false "no")', async () => {
    await loadHashers();
    const db = await connect();
    const list = await createList(db, { name: 'A' });
    const values = Array.from({ length: 300 }, (_, i) => ({
      kind: 'email' as const,
      value: `p${i}@x${i % 7}.example`,
    }));
    await addEntries(db, list.id, values, { reason: 'objection' });
    await addEntries(db, list.id, [{ kind: 'md5', value: 'ABCDEF0123456789ABCDEF0123456789' }], {
      reason: 'objection',
    });
    const index = await buildLookupIndex(db);
    for (const v of values) expect(mayHold(index, 'email', v.value)).toBe(true);
    const digest = Uint8Array.from(Buffer.from('abcdef0123456789abcdef0123456789', 'hex'));
    expect(mayHold(index, 'md5', 'abcdef0123456789abcdef0123456789', digest)).toBe(true);
    // Without the decoded digest the hex key itself is decoded: never a silent "no list holds it".
    expect(mayHold(index, 'md5', 'abcdef0123456789abcdef0123456789')).toBe(true);
    expect(index.fingerprints.email?.length).toBe(300);
  });
});

// Random sequences of writes from a second connection; after each, people listed, unlisted and in between are
// looked up through the index and without it.
type Op =
  | { op: 'add'; list: number; kind: 'email' | 'md5' | 'domain' | 'profile'; who: number }
  | { op: 'remove'; list: number; who: number }
  | { op: 'delete'; list: number }
  | { op: 'merge'; from: number; into: number }
  | { op: 'contact'; who: number }
  | { op: 'uncontact'; who: number }
  | { op: 'restore' };

const who = (i: number) => `person${i}@firm${i % 3}.example`;
const profile = (i: number) => `https://www.linkedin.com/in/person-${i}/`;
const people: PersonIds[] = Array.from({ length: 8 }, (_, i) => ({
  emails: [i === 7 ? 'person.7+news@gmail.com' : who(i)],
  profileUrls: [profile(i)],
}));

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constant('add' as const),
    list: fc.nat(2),
    kind: fc.constantFrom('email' as const, 'md5' as const, 'domain' as const, 'profile' as const),
    who: fc.nat(7),
  }),
  fc.record({ op: fc.constant('remove' as const), list: fc.nat(2), who: fc.nat(7) }),
  fc.record({ op: fc.constant('delete' as const), list: fc.nat(2) }),
  fc.record({ op: fc.constant('merge' as const), from: fc.nat(2), into: fc.nat(2) }),
  fc.record({ op: fc.constant('contact' as const), who: fc.nat(7) }),
  fc.record({ op: fc.constant('uncontact' as const), who: fc.nat(7) }),
  fc.constant({ op: 'restore' as const }),
);

describe('lookup index against random writes', () => {
  it('never answers differently from reading every bucket', async () => {
    const { md5 } = await loadHashers();
    let staleSeen = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        name = `heed-index-prop-${Math.random().toString(36).slice(2)}`;
        const writer = await connect();
        const indexed = await connect();
        const plain = await connect();
        await keepLookupIndex(indexed);
        const listIds: (string | undefined)[] = [];
        const listAt = async (i: number) => {
          listIds[i] ??= (await createList(writer, { name: `L${i}` })).id;
          return listIds[i] as string;
        };
        const contacts = new Map<number, string>();
        for (const o of ops) {
          if (o.op === 'add') {
            const value =
              o.kind === 'email'
                ? who(o.who)
                : o.kind === 'md5'
                  ? md5(who(o.who)).toUpperCase()
                  : o.kind === 'domain'
                    ? `.firm${o.who % 3}.example`
                    : profile(o.who);
            await addEntries(writer, await listAt(o.list), [{ kind: o.kind, value }], {
              reason: 'objection',
            });
          } else if (o.op === 'remove' && listIds[o.list]) {
            await removeEntry(writer, listIds[o.list] as string, 'email', who(o.who));
          } else if (o.op === 'delete' && listIds[o.list]) {
            await deleteList(writer, listIds[o.list] as string);
            listIds[o.list] = undefined;
          } else if (o.op === 'merge' && listIds[o.from] && listIds[o.into] && o.from !== o.into) {
            await mergeLists(writer, [listIds[o.from] as string], listIds[o.into] as string);
            listIds[o.from] = undefined;
          } else if (o.op === 'contact') {
            const c = await saveContact(writer, { emails: [who(o.who)], stage: 'client' });
            contacts.set(o.who, c.id);
          } else if (o.op === 'uncontact' && contacts.has(o.who)) {
            await deleteContact(writer, contacts.get(o.who) as string);
            contacts.delete(o.who);
          } else if (o.op === 'restore') {
            await restoreBackup(writer, await parseBackup(await createBackup(writer)), { mode: 'replace' });
          }
          // The index is now out of date: the lookup must notice. Then with a fresh index, every person.
          await expectSameAnswers(indexed, plain, people.slice(0, 1));
          await keepLookupIndex(indexed);
          const before = lookupIndexStats(indexed).answered;
          await expectSameAnswers(indexed, plain, people);
          expect(lookupIndexStats(indexed).answered - before).toBe(people.length);
        }
        staleSeen += lookupIndexStats(indexed).dropped;
        for (const db of open.splice(0)) db.close();
      }),
      { numRuns: 40 },
    );
    // The stale path was taken, not only the fresh one.
    expect(staleSeen).toBeGreaterThan(20);
  });
});
