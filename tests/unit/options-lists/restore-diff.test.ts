import { describe, expect, it } from 'vitest';
import { currentSide, diffSettings, diffVerdicts } from '../../../lib/options/restore-diff';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import { deleteContact, saveContact } from '../../../lib/store/contacts';
import { addEntries, removeEntry } from '../../../lib/store/entries';
import { updateList } from '../../../lib/store/lists';
import { DEFAULT_SETTINGS } from '../../../lib/store/settings';
import { freshDb, listWithEmails } from './db-helpers';

describe('diffVerdicts', () => {
  it('names who a restore would unblock, block, or give another consent record', async () => {
    const db = await freshDb();
    const a = await listWithEmails(db, 'Objections', ['x@example.com', 'y@example.com']);
    const b = await listWithEmails(db, 'Email only', ['z@example.com']);
    await updateList(db, b, { channels: ['email'] });
    const kept = await saveContact(db, {
      emails: ['c@example.com'],
      consents: [{ channel: 'email', givenAt: '2024-01-01' }],
    });
    const now = await parseBackup(await createBackup(db));

    // What a crafted or stale backup would hold instead.
    await removeEntry(db, a, 'email', 'x@example.com');
    await addEntries(db, a, [{ kind: 'email', value: 'w@example.com' }], { reason: 'objection' });
    await updateList(db, a, { channels: ['email'] });
    await deleteContact(db, kept.id);
    await saveContact(db, {
      emails: ['d@example.com'],
      consents: [{ channel: 'email', givenAt: '2024-01-01' }],
    });
    const after = await parseBackup(await createBackup(db));

    await restoreBackup(db, now, { mode: 'replace' });
    const d = await diffVerdicts(await currentSide(db), after.data);

    // x loses every channel; y keeps email but loses the rest; z is unchanged.
    expect(d.unblocked).toBe(2);
    expect(d.unblockedExamples).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'x@example.com', channels: ['email', 'sms', 'phone', 'post', 'inmail'] },
        { kind: 'email', value: 'y@example.com', channels: ['sms', 'phone', 'post', 'inmail'] },
      ]),
    );
    expect(d.newlyBlocked).toBe(1);
    expect(d.lists).toEqual([{ listId: a, name: 'Objections', removed: 1, added: 1 }]);
    expect(d.consentChanges).toBe(2);
    expect(d.consentExamples).toEqual(
      expect.arrayContaining([
        { identifier: 'email:c@example.com', change: 'loses' },
        { identifier: 'email:d@example.com', change: 'gains' },
      ]),
    );

    const same = await diffVerdicts(await currentSide(db), now.data);
    expect(same).toMatchObject({ unblocked: 0, newlyBlocked: 0, consentChanges: 0, lists: [] });
    db.close();
  });

  it('shows at most ten examples but counts every identifier, hashes as hex', async () => {
    const db = await freshDb();
    const emails = Array.from({ length: 25 }, (_, i) => `p${i}@example.com`);
    const id = await listWithEmails(db, 'Many', emails);
    await addEntries(db, id, [{ kind: 'sha256', value: 'ab'.repeat(32) }], { reason: 'objection' });
    const d = await diffVerdicts(await currentSide(db), { lists: [], buckets: [], contacts: [] });
    expect(d.unblocked).toBe(26);
    expect(d.unblockedExamples).toHaveLength(10);
    expect(d.lists).toEqual([{ listId: id, name: 'Many', removed: 26, added: 0 }]);
    const hashOnly = await diffVerdicts(
      {
        ...(await currentSide(db)),
        buckets: (await currentSide(db)).buckets.filter((b) => b.kind === 'sha256'),
      },
      { lists: [], buckets: [], contacts: [] },
    );
    expect(hashOnly.unblockedExamples).toEqual([
      { kind: 'sha256', value: 'ab'.repeat(32), channels: ['email', 'sms', 'phone', 'post', 'inmail'] },
    ]);
    db.close();
  });
});

describe('diffSettings', () => {
  it('names each setting a restore would change, and nothing when they are equal', () => {
    expect(diffSettings(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS })).toEqual([]);
    expect(
      diffSettings(
        { ...DEFAULT_SETTINGS, defaultCountry: 'GB' },
        { ...DEFAULT_SETTINGS, showPossibleMatches: false, ownDomains: ['acme.example'] },
      ),
    ).toEqual(['Default country', 'Your own domains', 'Show possible matches']);
  });
});
