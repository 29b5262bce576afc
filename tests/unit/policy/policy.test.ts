import { afterEach, describe, expect, it } from 'vitest';
import { enforceLockedSettings, readManagedPolicy } from '../../../lib/policy/managed';
import { parsePolicy } from '../../../lib/policy/schema';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import { importFile } from '../../../lib/store/import';
import { createList, deleteList, getLists } from '../../../lib/store/lists';
import { setStorePolicySource } from '../../../lib/store/policy-guard';
import { getSettings, saveSettings } from '../../../lib/store/settings';
import { freshDb } from '../store/helpers';

const KEY = 'etfQNeUgveqQFZ+j0YRqoJ/mvenv/P4prdH7FyP6wWM=';

describe('policy parsing', () => {
  it('reads every key, and ignores a malformed one with a warning instead of failing', () => {
    const p = parsePolicy({
      teamKeys: [{ name: 'Acme', publicKey: KEY }],
      requireSignedLists: true,
      hideDeleteList: 'yes',
      lockedSettings: { retentionDays: 365, defaultCountry: 'gb', sendCheck: true, favouriteColour: 'red' },
      lockReason: 'Compliance policy 4.2',
      somethingElse: 1,
    });
    expect(p.policy.teamKeys).toEqual([{ name: 'Acme', publicKey: KEY }]);
    expect(p.policy.requireSignedLists).toBe(true);
    expect(p.policy.hideDeleteList).toBe(false);
    // `sendCheck: true` locks the check on in every site (Settings keeps it per site).
    expect(p.policy.lockedSettings).toEqual({
      retentionDays: 365,
      sendCheck: { gmail: true, outlook: true, linkedin: true },
    });
    expect(p.policy.reason).toBe('Compliance policy 4.2');
    expect(p.keys.sort()).toEqual(['lockReason', 'lockedSettings', 'requireSignedLists', 'teamKeys']);
    expect(p.warnings).toHaveLength(4);
    expect(p.warnings.join('\n')).toMatch(/hideDeleteList/);
    expect(p.warnings.join('\n')).toMatch(/defaultCountry/);
    expect(p.warnings.join('\n')).toMatch(/favouriteColour/);
    expect(p.warnings.join('\n')).toMatch(/somethingElse/);
  });

  it('a team key that is not a 32-byte key is ignored, the others kept', () => {
    const p = parsePolicy({ teamKeys: [{ name: 'Acme', publicKey: 'not-a-key' }] });
    expect(p.policy.teamKeys).toEqual([]);
    expect(p.warnings[0]).toMatch(/team key 1 was ignored/);
    const mixed = parsePolicy({
      teamKeys: [
        { name: 'Bad', publicKey: 'x' },
        { name: 'Good', publicKey: KEY },
      ],
    });
    expect(mixed.policy.teamKeys).toEqual([{ name: 'Good', publicKey: KEY }]);
    expect(mixed.warnings).toHaveLength(1);
  });

  it('no policy, a non-object or a throwing storage.managed mean no policy, never a crash', async () => {
    expect((await readManagedPolicy(async () => ({}))).keys).toEqual([]);
    expect((await readManagedPolicy(async () => 'x')).warnings).toHaveLength(1);
    const r = await readManagedPolicy(async () => {
      throw new Error('Managed storage manifest not found');
    });
    expect(r).toEqual({
      policy: expect.objectContaining({ requireSignedLists: false }),
      keys: [],
      warnings: [],
    });
  });
});

describe('policy enforcement in the store', () => {
  afterEach(() => setStorePolicySource(null));
  const install = (raw: unknown) => {
    const parsed = parsePolicy(raw);
    setStorePolicySource(async () => parsed.policy);
    return parsed;
  };

  it('locked settings are written once and cannot be changed; unlocked ones can', async () => {
    const db = await freshDb();
    const parsed = install({
      lockedSettings: { retentionDays: 90, defaultCountry: 'DE' },
      lockReason: 'Works council',
    });
    expect(await enforceLockedSettings(db, parsed)).toEqual(['retentionDays', 'defaultCountry']);
    expect(await enforceLockedSettings(db, parsed)).toEqual([]);
    expect(await getSettings(db)).toMatchObject({ retentionDays: 90, defaultCountry: 'DE' });
    await expect(saveSettings(db, { retentionDays: 30 })).rejects.toThrow(
      /retentionDays is locked.*Works council/,
    );
    await expect(saveSettings(db, { defaultCountry: undefined })).rejects.toThrow(/locked/);
    expect((await getSettings(db)).retentionDays).toBe(90);
    await saveSettings(db, { retentionDays: 90, showPossibleMatches: false });
    expect((await getSettings(db)).showPossibleMatches).toBe(false);
  });

  it('requireSignedLists refuses plain imports and restores; hideDeleteList refuses deleting a list', async () => {
    const db = await freshDb();
    const list = await createList(db, { name: 'Mine' });
    const backup = await parseBackup(await createBackup(db));
    install({ requireSignedLists: true, hideDeleteList: true });
    const file = () => new Blob(['email\na@b.example\n']);
    const opts = { target: { listId: list.id }, reason: 'objection' } as const;
    await expect(importFile(db, file(), opts)).rejects.toThrow(/signed team bundles/);
    await expect(restoreBackup(db, backup, { mode: 'replace' })).rejects.toThrow(/restoring lists/);
    await expect(deleteList(db, list.id)).rejects.toThrow(/turned off deleting lists/);
    expect((await getLists(db)).find((l) => l.id === list.id)?.counts.total).toBe(0);
    setStorePolicySource(null);
    expect((await importFile(db, file(), opts)).added).toBe(1);
    await deleteList(db, list.id);
  });
});
