import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import type { HeedDb } from '../../../lib/store/db';
import { findEntries, removeEntry } from '../../../lib/store/entries';
import { getLists } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { applyTeamBundle, verifyTeamBundle } from '../../../lib/team/apply';
import { freshDb } from './helpers';

// Files written by an earlier Heed (a backup, format version 1, and a team bundle, format version 1, made before
// SHA-512 entries existed) must keep loading: people keep old backups, and reps get bundles from leads on
// another version. The fixtures were written once by that code and are never regenerated.

const fixture = (...p: string[]) => join(process.cwd(), 'tests/fixtures', ...p);

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

const HASHES = {
  md5: 'd41d8cd98f00b204e9800998ecf8427e',
  sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
} as const;

describe('files written by an earlier Heed', () => {
  it('a version 1 backup restores with every entry found', async () => {
    const parsed = await parseBackup(readFileSync(fixture('store/backup-v1.json'), 'utf8'));
    expect(parsed.version).toBe(1);
    await restoreBackup(db, parsed, { mode: 'replace' });
    const [list] = await getLists(db);
    expect(list).toMatchObject({ name: 'Golden list', counts: { total: 5 } });
    const r = await lookupPerson(db, { emails: ['golden@example.com'] });
    expect(r.matches.map((m) => [m.listName, m.kind, m.reason])).toEqual([
      ['Golden list', 'email', 'objection'],
    ]);
    for (const [kind, hex] of Object.entries(HASHES)) {
      expect((await findEntries(db, list!.id, hex)).map((h) => h.kind)).toEqual([kind]);
    }
  });

  it('a format 1 team bundle verifies and applies', async () => {
    const bytes = new Uint8Array(readFileSync(fixture('team/bundle-format1.heedbundle')));
    const v = await verifyTeamBundle(db, bytes);
    expect(v.header.formatVersion).toBe(1);
    const r = await applyTeamBundle(db, v, { pin: true });
    expect(r).toMatchObject({ version: 1, lists: 1, added: 5 });
    const [list] = (await getLists(db)).filter((l) => l.managed);
    expect(list?.managed?.teamName).toBe('Golden team');
    expect((await lookupPerson(db, { emails: ['golden@example.com'] })).matches).toHaveLength(1);
    for (const [kind, hex] of Object.entries(HASHES)) {
      expect((await findEntries(db, list!.id, hex)).map((h) => h.kind)).toEqual([kind]);
    }
  });

  it('a version 2 backup (SHA-512 entries) restores, and Heed writes version 2 only when it must', async () => {
    const text = readFileSync(fixture('store/backup-v2-sha512.json'), 'utf8');
    const parsed = await parseBackup(text);
    expect(parsed.version).toBe(2);
    await restoreBackup(db, parsed, { mode: 'replace' });
    const r = await lookupPerson(db, { emails: ['Golden512@Example.com'] });
    expect(r.matches.map((m) => [m.listName, m.kind, m.reason, m.since])).toEqual([
      ['OPTIZMO SHA-512', 'sha512', 'unsubscribe', '2026-02-01'],
    ]);
    expect((await lookupPerson(db, { emails: ['goldenmd5@example.com'] })).matches).toHaveLength(1);
    // Written again, it round-trips as version 2; without its SHA-512 entries a backup stays version 1, which a
    // Heed from before SHA-512 reads.
    const again = await createBackup(db);
    expect(JSON.parse(again).version).toBe(2);
    const other = await freshDb();
    await restoreBackup(other, await parseBackup(again), { mode: 'replace' });
    expect((await lookupPerson(other, { emails: ['golden512@example.com'] })).matches).toHaveLength(1);
    const [list] = await getLists(other);
    const { sha512 } = await loadHashers();
    await removeEntry(other, list!.id, 'sha512', sha512('golden512@example.com'));
    expect(JSON.parse(await createBackup(other)).version).toBe(1);
    other.close();
  });

  it('refuses a backup from a newer Heed with "update Heed first"', async () => {
    const text = readFileSync(fixture('store/backup-v2-sha512.json'), 'utf8').replace(
      '"version":2',
      '"version":3',
    );
    await expect(parseBackup(text)).rejects.toThrow(
      /newer Heed \(backup version 3, this Heed reads up to 2\)/,
    );
  });
});
