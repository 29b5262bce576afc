import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditCsv, logAudit, queryAudit } from '../../../lib/store/audit';
import { ContactError, deleteContact, getContact, saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import { purgeDeletedList, restoreDeletedList } from '../../../lib/store/deleted-lists';
import { addEntries } from '../../../lib/store/entries';
import { importFile } from '../../../lib/store/import';
import {
  createList,
  deleteList,
  ensureDefaultList,
  getLists,
  listCounts,
  mergeLists,
  updateList,
} from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { contactsPastRetention, purgeContacts } from '../../../lib/store/retention';
import { DEFAULT_SETTINGS, getSettings, saveSettings } from '../../../lib/store/settings';
import { blobOf, dump, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

describe('lists', () => {
  it('creates the default list once, even when asked concurrently', async () => {
    const [a, b] = await Promise.all([ensureDefaultList(db), ensureDefaultList(db)]);
    expect(a.id).toBe(b.id);
    expect(await ensureDefaultList(db)).toEqual(a);
    expect((await getLists(db)).map((l) => [l.name, l.isDefault])).toEqual([['Do not contact', true]]);
    await expect(deleteList(db, a.id)).rejects.toThrow(/default list/);
  });

  it('renames, rescopes, and validates updates', async () => {
    const l = await createList(db, { name: 'A', channels: ['email'] });
    const u = await updateList(db, l.id, { name: 'B', description: 'd', channels: null });
    expect(u).toMatchObject({ name: 'B', description: 'd' });
    expect(u.channels).toBeUndefined();
    await expect(updateList(db, l.id, { name: '   ' })).rejects.toThrow();
    expect((await db.lists.get(l.id))?.name).toBe('B');
  });

  it('delete hides the list at once, undo puts it back exactly, and the purge removes its entries', async () => {
    const l = await createList(db, { name: 'Temp' });
    await importFile(db, blobOf(['email\na@x.com\nb@x.com\n']), {
      target: { listId: l.id },
      reason: 'objection',
    });
    const before = await dump(db);
    const deleted = await deleteList(db, l.id);
    expect(await db.lists.count()).toBe(0);
    expect((await lookupPerson(db, { emails: ['a@x.com'] })).matches).toEqual([]);
    await restoreDeletedList(db, deleted);
    expect(await dump(db)).toEqual(before);
    // Deleted again and purged (the Undo is no longer offered): the entries are gone from disk too.
    await deleteList(db, l.id);
    expect(await purgeDeletedList(db, l.id)).toBe(true);
    expect(await db.buckets.count()).toBe(0);
  });

  it('merges lists keeping reasons and dates, and deletes the sources', async () => {
    const a = await createList(db, { name: 'A' });
    const b = await createList(db, { name: 'B' });
    await addEntries(
      db,
      a.id,
      [
        { kind: 'email', value: 'both@x.com' },
        { kind: 'email', value: 'a@x.com' },
      ],
      {
        reason: 'objection',
        since: '2020-01-01',
      },
    );
    await addEntries(
      db,
      b.id,
      [
        { kind: 'email', value: 'both@x.com' },
        { kind: 'phone', value: '+442079460018' },
      ],
      {
        reason: 'erasure',
        since: '2021-01-01',
      },
    );
    const r = await mergeLists(db, [b.id], a.id);
    expect(r).toEqual({ added: 1, alreadyPresent: 1 });
    expect(await db.lists.get(b.id)).toBeUndefined();
    expect((await db.lists.get(a.id))?.counts).toEqual({ total: 3, byKind: { email: 2, phone: 1 } });
    expect(await listCounts(db, a.id)).toEqual({ total: 3, byKind: { email: 2, phone: 1 } });
    const m = await lookupPerson(db, { emails: ['both@x.com'], phones: ['+442079460018'] });
    expect(m.matches.map((x) => [x.listName, x.kind, x.reason, x.since]).sort()).toEqual([
      ['A', 'email', 'objection', '2020-01-01'],
      ['A', 'phone', 'erasure', '2021-01-01'],
    ]);
  });
});

describe('contacts', () => {
  it('normalises identifiers, validates and finds by any of them', async () => {
    const c = await saveContact(db, {
      emails: [' Jane@Example.COM '],
      phones: ['+44 20 7946 0018'],
      stage: 'suspect',
      source: 'third-party',
      consents: [{ channel: 'email', givenAt: '2024-01-01' }],
    });
    expect(c.emails).toEqual(['jane@example.com']);
    expect(c.keys).toEqual(['email:jane@example.com', 'phone:+442079460018']);
    expect((await lookupPerson(db, { phones: ['+442079460018'] })).contact?.id).toBe(c.id);
    await expect(saveContact(db, { emails: ['nope'] })).rejects.toBeInstanceOf(ContactError);
    await expect(
      saveContact(db, { emails: [], consents: [{ channel: 'fax', givenAt: '2024-01-01' }] } as never),
    ).rejects.toThrow();
    await expect(saveContact(db, { stage: 'prospect', collectedAt: '2024-02-31' })).rejects.toThrow();
    const again = await saveContact(db, { ...c, stage: 'prospect' });
    expect(again.createdAt).toBe(c.createdAt);
    expect(await deleteContact(db, c.id)).toBe(true);
    expect(await getContact(db, c.id)).toBeUndefined();
  });
});

describe('retention', () => {
  it('flags contacts past retention and purges them, never suppression entries', async () => {
    const list = await ensureDefaultList(db);
    await addEntries(db, list.id, [{ kind: 'email', value: 'old@x.com' }], {
      reason: 'objection',
      since: '2000-01-01',
    });
    const old = await saveContact(db, { emails: ['old@x.com'], retentionUntil: '2025-01-01' });
    const fresh = await saveContact(db, { emails: ['new@x.com'], retentionUntil: '2030-01-01' });
    const byDefault = await saveContact(db, { emails: ['d@x.com'], collectedAt: '2023-01-01' });
    const now = new Date('2026-01-01T00:00:00Z');
    const flags = await contactsPastRetention(db, now);
    expect(flags.map((f) => [f.contact.id, f.basis]).sort()).toEqual(
      [
        [old.id, 'retention-date'],
        [byDefault.id, 'default-period'],
      ].sort(),
    );
    const buckets = JSON.stringify(await dump(db).then((d) => (d as { buckets: unknown }).buckets));
    expect(
      await purgeContacts(
        db,
        flags.map((f) => f.contact.id),
      ),
    ).toBe(2);
    expect((await db.contacts.toArray()).map((c) => c.id)).toEqual([fresh.id]);
    expect(JSON.stringify(await dump(db).then((d) => (d as { buckets: unknown }).buckets))).toBe(buckets);
    expect((await lookupPerson(db, { emails: ['old@x.com'] })).matches).toHaveLength(1);
    expect((await queryAudit(db, { action: 'purge' }))[0]?.counts).toEqual({ contacts: 2 });
  });
});

describe('settings', () => {
  it('returns defaults, saves validated changes with an audit event', async () => {
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({
      defaultSubscriber: 'unknown',
      showPossibleMatches: true,
      retentionDays: 730,
    });
    await saveSettings(db, { retentionDays: 90, ownDomains: ['heed.example'] });
    expect(await getSettings(db)).toMatchObject({ retentionDays: 90, ownDomains: ['heed.example'] });
    await expect(saveSettings(db, { retentionDays: -1 })).rejects.toThrow();
    expect((await queryAudit(db, { action: 'settings' })).length).toBe(1);
  });

  it('does not silently replace invalid stored settings with defaults', async () => {
    await db.settings.put({ key: 'settings', value: { retentionDays: 'forever' } as never });
    await expect(getSettings(db)).rejects.toThrow();
  });
});

describe('audit', () => {
  it('filters by action and time, exports neutralised CSV, and holds no personal data', async () => {
    await logAudit(db, { action: 'export', at: '2026-01-01T00:00:00.000Z', detail: '=HYPERLINK("x")' });
    await logAudit(db, { action: 'import', at: '2026-02-01T00:00:00.000Z', counts: { added: 3 } });
    const list = await ensureDefaultList(db);
    await importFile(db, blobOf(['email\nsecret.person@example.com\n']), {
      target: { listId: list.id },
      reason: 'objection',
      fileName: 'secret.person.csv',
    });
    expect((await queryAudit(db, { action: 'import' })).length).toBe(2);
    expect(
      (await queryAudit(db, { from: '2026-01-15T00:00:00Z', to: '2026-03-01T00:00:00Z' })).map(
        (e) => e.action,
      ),
    ).toEqual(['import']);
    const csv = auditCsv(await queryAudit(db));
    expect(csv).toContain(`'=HYPERLINK(""x"")`);
    expect(JSON.stringify(await db.audit.toArray())).not.toMatch(/secret/);
  });
});
