import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries, searchEntries } from '../../../lib/store/entries';
import { createList } from '../../../lib/store/lists';
import { freshDb } from './helpers';

// Issue 20, item 12: list search finds entries by part of their value, not only by the exact value.
let db: HeedDb;
let listId: string;
beforeEach(async () => {
  db = await freshDb();
  listId = (await createList(db, { name: 'L' })).id;
  const { md5 } = await loadHashers();
  await addEntries(
    db,
    listId,
    [
      { kind: 'email', value: 'jane@contoso.com' },
      { kind: 'email', value: 'max@contoso.com' },
      { kind: 'email', value: 'sam@fabrikam.example' },
      { kind: 'domain', value: 'https://www.contoso.com/' },
      { kind: 'phone', value: '+44 20 7946 0958' },
      { kind: 'md5', value: md5('someone@example.org') },
    ],
    { reason: 'objection' },
  );
});
afterEach(() => db.close());

const values = async (q: string, limit?: number) =>
  (await searchEntries(db, listId, q, limit ? { limit } : {})).map((r) => `${r.kind}:${r.value}`).sort();

describe('searchEntries', () => {
  it('finds entries containing what was typed', async () => {
    expect(await values('contoso')).toEqual([
      'domain:contoso.com',
      'email:jane@contoso.com',
      'email:max@contoso.com',
    ]);
    expect(await values('JANE@')).toEqual(['email:jane@contoso.com']);
  });

  it('finds a phone number typed with spaces', async () => {
    expect(await values('+44 20 7946')).toEqual(['phone:+442079460958']);
    expect(await values('9460958')).toEqual(['phone:+442079460958']);
  });

  it('finds hashes by their first hex digits, not by a digit in the middle', async () => {
    const { md5 } = await loadHashers();
    const h = md5('someone@example.org');
    expect(await values(h.slice(0, 8).toUpperCase())).toEqual([`md5:${h}`]);
    expect(await values(h.slice(5, 13))).toEqual([]);
  });

  it('still finds an exact email through its hash, and puts exact matches first', async () => {
    const rows = await searchEntries(db, listId, 'someone@example.org');
    expect(rows.map((r) => r.via)).toEqual(['md5 of email']);
    const first = await searchEntries(db, listId, 'jane@contoso.com');
    expect(first[0]).toMatchObject({ value: 'jane@contoso.com', via: 'email' });
  });

  it('stops at the limit', async () => {
    expect(await values('.', 2)).toHaveLength(2);
  });

  it('stores a domain written as a website address as the domain', async () => {
    expect(await values('www.')).toEqual([]);
  });
});
