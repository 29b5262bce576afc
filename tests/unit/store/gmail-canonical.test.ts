import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalMailbox, loadHashers } from '../../../lib/identifiers';
import { canonicalJson, createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import { bucketOf } from '../../../lib/store/buckets';
import { saveContact } from '../../../lib/store/contacts';
import { type HeedDb, openDb, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { addEntries, findEntries, pageEntries } from '../../../lib/store/entries';
import { createList, listBuckets, listCounts } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { keepLookupIndex } from '../../../lib/store/lookup-index';
import { freshDb } from './helpers';

// Issue 13, finding 8: on gmail.com / googlemail.com dots and +tags do not change the mailbox, so a list entry for
// one spelling must block every other spelling as an EXACT match (not only a "possible match").

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function listWith(name: string, values: { kind: 'email' | 'md5' | 'sha256'; value: string }[]) {
  const list = await createList(db, { name });
  const r = await addEntries(db, list.id, values, { reason: 'objection', since: '2025-03-01' });
  expect(r.rejected).toEqual([]);
  return list;
}

const exact = async (email: string, opts: { possible?: boolean } = {}) =>
  (await lookupPerson(db, { emails: [email] }, opts)).matches
    .filter((m) => m.match === 'exact')
    .map((m) => `${m.listName}:${m.kind}`)
    .sort();

describe('canonicalMailbox', () => {
  it('drops dots and +tags on Gmail and maps googlemail.com to gmail.com; leaves other providers alone', () => {
    expect(canonicalMailbox('j.smith+news@googlemail.com')).toBe('jsmith@gmail.com');
    expect(canonicalMailbox('j.smith@gmail.com')).toBe('jsmith@gmail.com');
    expect(canonicalMailbox('j.smith+news@example.com')).toBe('j.smith+news@example.com');
    expect(canonicalMailbox('j.smith@gmail.com.evil.example')).toBe('j.smith@gmail.com.evil.example');
    expect(canonicalMailbox('...@gmail.com')).toBe('...@gmail.com');
  });
});

describe('Gmail variants on a plain list (finding 8)', () => {
  it('j.smith@gmail.com on a plain list blocks jsmith+news@googlemail.com as an exact match', async () => {
    await listWith('Objected', [{ kind: 'email', value: 'J.Smith@gmail.com' }]);
    expect(await exact('jsmith+news@googlemail.com')).toEqual(['Objected:email']);
    // Without possible matches too: it is the same mailbox, not a guess.
    expect(await exact('j.s.m.i.t.h@GMAIL.com', { possible: false })).toEqual(['Objected:email']);
    expect(await exact('jsmith@gmail.com')).toEqual(['Objected:email']);
    expect(await exact('jsmithy@gmail.com')).toEqual([]);
  });

  it('also through the lookup index the background keeps', async () => {
    await listWith('Objected', [{ kind: 'email', value: 'jsmith+a@googlemail.com' }]);
    await keepLookupIndex(db);
    expect(await exact('j.smith@gmail.com')).toEqual(['Objected:email']);
  });

  it('other providers keep exact matching and only a possible match for a +tag', async () => {
    await listWith('Objected', [{ kind: 'email', value: 'jane@example.com' }]);
    const r = await lookupPerson(db, { emails: ['jane+x@example.com', 'ja.ne@example.com'] });
    expect(r.matches.map((m) => [m.match, m.identifier])).toEqual([['possible', 'jane+x@example.com']]);
  });

  it('spellings of one mailbox are one entry; search finds it by any spelling', async () => {
    const list = await createList(db, { name: 'L' });
    const r = await addEntries(
      db,
      list.id,
      [
        { kind: 'email', value: 'j.smith@gmail.com' },
        { kind: 'email', value: 'jsmith+x@googlemail.com' },
      ],
      { reason: 'objection' },
    );
    expect(r.added).toBe(1);
    expect((await listCounts(db, list.id)).total).toBe(1);
    expect((await findEntries(db, list.id, 'J.Smith+promo@gmail.com')).map((e) => e.via)).toEqual(['email']);
  });
});

describe('Gmail variants and contact records', () => {
  it('a contact recorded under one spelling is found from another', async () => {
    const c = await saveContact(db, { emails: ['J.Smith@gmail.com'], stage: 'client' });
    expect(c.emails).toEqual(['j.smith@gmail.com']);
    const r = await lookupPerson(db, { emails: ['jsmith+news@googlemail.com'] });
    expect(r.contact?.id).toBe(c.id);
    await keepLookupIndex(db);
    expect((await lookupPerson(db, { emails: ['js.mith@gmail.com'] })).contact?.id).toBe(c.id);
    expect((await lookupPerson(db, { emails: ['jsmith@example.com'] })).contact).toBeUndefined();
  });
});

describe('Gmail variants on hashed lists (finding 8)', () => {
  it('matches the MD5 of the address as written and of its canonical mailbox', async () => {
    const h = await loadHashers();
    await listWith('Written', [{ kind: 'md5', value: h.md5('jsmith+news@googlemail.com') }]);
    await listWith('Canonical', [{ kind: 'md5', value: h.md5('jsmith@gmail.com') }]);
    expect(await exact('jsmith+news@googlemail.com', { possible: false })).toEqual([
      'Canonical:md5',
      'Written:md5',
    ]);
    expect(await exact('J.Smith@gmail.com', { possible: false })).toEqual(['Canonical:md5']);
  });

  it('a hashed list of another provider matches only the trimmed lower-cased address', async () => {
    const h = await loadHashers();
    await listWith('Vendor', [{ kind: 'md5', value: h.md5('j.smith@example.com') }]);
    expect(await exact('  J.Smith@Example.com ')).toEqual(['Vendor:md5']);
    expect(await exact('jsmith@example.com')).toEqual([]);
  });
});

describe('data stored before Gmail keys were canonical', () => {
  // A list as version 2 wrote it: the addresses as they were written, one bucket record each.
  function legacyRecords(listId: string) {
    const keys = ['j.smith@gmail.com', 'jsmith+x@googlemail.com', 'a.b@example.com'];
    return keys.map((k, i) => ({
      listId,
      kind: 'email',
      bucket: bucketOf('email', k),
      keys: [k],
      batchIds: Uint32Array.of(i === 1 ? 1 : 2),
    }));
  }
  const legacyList = {
    id: 'legacy',
    name: 'Legacy',
    description: '',
    isDefault: false,
    counts: { total: 3, byKind: { email: 3 } },
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
  const batches = [1, 2].map((id) => ({
    id,
    listId: 'legacy',
    reason: id === 1 ? 'objection' : 'unsubscribe',
    since: `2025-0${id}-01`,
    source: 'import',
    importedAt: '2025-01-01T00:00:00Z',
  }));

  it('the upgrade rewrites them, so every spelling matches exactly and counts stay right', async () => {
    const name = `gmail-legacy-${Math.random()}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) old.version(v.version).stores(v.stores);
    await old.open();
    // The buckets must not collide for this test to model two separate records.
    expect(new Set(legacyRecords('legacy').map((r) => r.bucket)).size).toBe(3);
    await old.table('lists').add(legacyList);
    await old.table('batches').bulkAdd(batches);
    await old.table('buckets').bulkAdd(legacyRecords('legacy'));
    // A list with nothing to rewrite stays exactly as it was.
    const cleanKey = 'x.y@example.com';
    const clean = {
      listId: 'clean',
      kind: 'email',
      bucket: bucketOf('email', cleanKey),
      keys: [cleanKey],
      batchIds: Uint32Array.of(2),
    };
    await old.table('lists').add({ ...legacyList, id: 'clean', counts: { total: 1, byKind: { email: 1 } } });
    await old.table('buckets').add(clean);
    // A contact saved before: keyed by the address as written.
    await old.table('contacts').add({
      id: 'c1',
      emails: ['j.smith@gmail.com'],
      profileUrls: [],
      salesNavUrls: [],
      phones: [],
      stage: 'client',
      subscriber: 'unknown',
      emailKind: 'unknown',
      consents: [],
      source: 'unknown',
      keys: ['email:j.smith@gmail.com'],
      createdAt: '2025-01-01T00:00:00Z',
      updatedAt: '2025-01-01T00:00:00Z',
    });
    old.close();

    const up = await openDb(name);
    const r = await lookupPerson(up, { emails: ['jsmith+news@googlemail.com'] }, { possible: false });
    // The two spellings merged into one entry that keeps the earliest batch (the objection).
    expect(r.matches.map((m) => [m.listName, m.match, m.reason])).toEqual([['Legacy', 'exact', 'objection']]);
    expect(await listCounts(up, 'legacy')).toEqual({ total: 2, byKind: { email: 2 } });
    expect((await up.lists.get('legacy'))?.counts).toEqual({ total: 2, byKind: { email: 2 } });
    const page = await pageEntries(up, 'legacy', { limit: 10 });
    expect(page.rows.map((e) => e.value).sort()).toEqual(['a.b@example.com', 'jsmith@gmail.com']);
    expect(await listBuckets(up, 'clean').toArray()).toEqual([clean]);
    expect((await up.lists.get('clean'))?.counts).toEqual({ total: 1, byKind: { email: 1 } });
    expect(r.contact?.id).toBe('c1');
    expect((await up.contacts.get('c1'))?.emails).toEqual(['j.smith@gmail.com']);
    up.close();
  });

  it('an old backup restores with canonical keys and consistent counts', async () => {
    const list = await createList(db, { name: 'B' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'x@example.com' }], { reason: 'objection' });
    // Forge a backup as an older Heed would have written it: a non-canonical Gmail key in the list.
    const text = JSON.parse(await createBackup(db));
    const data = text.data;
    data.buckets.push({
      listId: list.id,
      kind: 'email',
      bucket: bucketOf('email', 'ja.ne@googlemail.com'),
      keys: ['ja.ne@googlemail.com'],
      batchIds: data.buckets[0].batchIds,
    });
    data.lists[0].counts = { total: 2, byKind: { email: 2 } };
    const { sha256 } = await import('hash-wasm');
    text.checksum = await sha256(canonicalJson(data));
    const parsed = await parseBackup(JSON.stringify(text));
    const other = await freshDb();
    await restoreBackup(other, parsed, { mode: 'replace' });
    expect(await exact2(other, 'jane+z@gmail.com')).toEqual(['B']);
    expect(await listCounts(other, list.id)).toEqual({ total: 2, byKind: { email: 2 } });
    other.close();
  });
});

async function exact2(d: HeedDb, email: string) {
  return (await lookupPerson(d, { emails: [email] }, { possible: false })).matches.map((m) => m.listName);
}
