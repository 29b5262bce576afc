import { describe, expect, it } from 'vitest';
import { diffLists } from '../../../lib/options/restore-diff';
import { SUMMARY_HEADER, summariseLists, summaryCsv } from '../../../lib/options/summary';
import { addEntries } from '../../../lib/store/entries';
import { updateList } from '../../../lib/store/lists';
import type { SuppressionList } from '../../../lib/store/schemas';
import { freshDb, listWithEmails } from './db-helpers';

describe('person-free summary', () => {
  it('counts entries by kind and reason and holds no identifier, file name or description', async () => {
    const db = await freshDb();
    const id = await listWithEmails(
      db,
      '=Vendors',
      ['secret.person@private.example', 'other@private.example'],
      'bounce',
    );
    await updateList(db, id, { description: 'from Jane Roe at Acme', channels: ['email', 'sms'] });
    await addEntries(
      db,
      id,
      [
        { kind: 'md5', value: '0123456789abcdef0123456789abcdef' },
        { kind: 'domain', value: 'private.example' },
      ],
      { reason: 'erasure' },
    );
    const rows = await summariseLists(db);
    const vendors = rows.find((r) => r.name === '=Vendors');
    expect(vendors).toMatchObject({ entries: 4, scope: 'Email, SMS' });
    expect(vendors?.byKind).toMatchObject({ emails: 2, hashes: 1, domains: 1, profiles: 0, phones: 0 });
    expect(vendors?.byReason).toMatchObject({ bounce: 2, erasure: 2, objection: 0, unknown: 0 });
    const csv = summaryCsv(rows);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(SUMMARY_HEADER.join(','));
    expect(lines).toHaveLength(3);
    expect(csv).not.toMatch(/private\.example|secret|Jane|0123456789abcdef/);
    // A list name a spreadsheet would run as a formula is neutralised.
    expect(csv).toContain("'=Vendors");
  });
});

const list = (
  id: string,
  name: string,
  total: number,
  updatedAt = '2025-01-01T00:00:00Z',
): SuppressionList => ({
  id,
  name,
  description: '',
  isDefault: false,
  counts: { total, byKind: {} },
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt,
});

describe('diffLists', () => {
  it('says which lists a restore removes, adds, replaces or leaves', () => {
    const now = [list('1', 'Keep', 5), list('2', 'Gone', 7), list('3', 'Old name', 2)];
    const backup = [
      list('1', 'Keep', 5),
      list('3', 'New name', 9, '2025-02-01T00:00:00Z'),
      list('4', 'Back', 3),
    ];
    expect(diffLists(now, backup)).toEqual([
      { name: 'Gone', change: 'removed', entriesNow: 7, entriesAfter: 0 },
      { name: 'Old name → New name', change: 'changed', entriesNow: 2, entriesAfter: 9 },
      { name: 'Back', change: 'added', entriesNow: 0, entriesAfter: 3 },
      { name: 'Keep', change: 'same', entriesNow: 5, entriesAfter: 5 },
    ]);
  });
});
