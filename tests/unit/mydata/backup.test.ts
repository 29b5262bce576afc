import { sha256 } from 'hash-wasm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSelfBackup,
  parseSelfBackup,
  SelfBackupError,
  summariseSelfRestore,
} from '@/lib/mydata/backup';
import { addIdentity, logRequest, replaceSelfData, saveSelfSetting } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { canonicalJson } from '@/lib/store/backup';

let db: SelfDb;
let n = 0;
beforeEach(async () => {
  db = await openSelfDb(`self-backup-${n++}`);
  await addIdentity(db, { kind: 'email', raw: 'Jane.Doe@example.com' });
  await addIdentity(db, { kind: 'phone', raw: '020 7946 0958', defaultCountry: 'GB' });
  await logRequest(db, {
    company: 'Acme Ltd',
    kinds: ['access'],
    law: 'uk-gdpr',
    sentAt: '2026-10-01',
    dueAt: '2026-11-01',
  });
  await saveSelfSetting(db, 'name', 'Jane Doe');
});
afterEach(() => db.close());

/** A file with `edit` applied to its data and the checksum recomputed: what a deliberate edit looks like. */
async function edited(
  text: string,
  edit: (data: { identities: unknown[]; requests: unknown[] }) => void,
): Promise<string> {
  const file = JSON.parse(text);
  edit(file.data);
  file.checksum = await sha256(canonicalJson(file.data));
  return JSON.stringify(file);
}

async function refusal(text: string): Promise<SelfBackupError> {
  const err = await parseSelfBackup(text).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SelfBackupError);
  return err as SelfBackupError;
}

describe('My data backup', () => {
  it('round-trips identities, the request log and settings into an empty database', async () => {
    const text = await createSelfBackup(db);
    expect(JSON.parse(text)).toMatchObject({ format: 'heed-my-data', version: 1 });
    const other = await openSelfDb(`self-backup-other-${n++}`);
    const data = await parseSelfBackup(text);
    expect(await summariseSelfRestore(other, data)).toEqual({
      identities: { now: 0, after: 2, added: 2, removed: 0 },
      requests: { now: 0, after: 1, added: 1, removed: 0 },
      settings: ['name'],
    });
    const before = await replaceSelfData(other, data);
    expect(before.identities).toEqual([]);
    expect((await other.identities.toArray()).map((i) => i.value).sort()).toEqual([
      '+442079460958',
      'jane.doe@example.com',
    ]);
    expect((await other.requests.toArray())[0]?.company).toBe('Acme Ltd');
    // Undo puts back what was there.
    await replaceSelfData(other, before);
    expect(await other.identities.count()).toBe(0);
    other.close();
  });

  it('says what goes before replacing', async () => {
    const text = await createSelfBackup(db);
    await addIdentity(db, { kind: 'email', raw: 'new@example.com' });
    const s = await summariseSelfRestore(db, await parseSelfBackup(text));
    expect(s.identities).toEqual({ now: 3, after: 2, added: 0, removed: 1 });
    expect(s.settings).toEqual([]);
  });

  it('refuses damaged, foreign, newer and oversized files with a clear reason', async () => {
    const text = await createSelfBackup(db);
    expect((await refusal('{')).code).toBe('json');
    expect((await refusal(JSON.stringify({ format: 'heed-backup', version: 1 }))).message).toContain(
      'not a Heed "My data" backup',
    );
    expect((await refusal(text.replace('Acme Ltd', 'Acme Inc'))).code).toBe('checksum');
    expect((await refusal(text.replace('"version": 1', '"version": 9'))).message).toContain('newer Heed');
    expect((await refusal(' '.repeat(5_000_001))).code).toBe('size');
  });

  it('refuses edited records: un-normalised identities, wrong hashes, duplicates, bad requests', async () => {
    const text = await createSelfBackup(db);
    const shout = await edited(text, (d) => {
      (d.identities[0] as { value: string }).value = 'JANE.DOE@EXAMPLE.COM';
    });
    expect((await refusal(shout)).code).toBe('integrity');
    const hash = await edited(text, (d) => {
      (d.identities[0] as { sha256: string }).sha256 = 'a'.repeat(64);
    });
    expect((await refusal(hash)).message).toContain('does not match its hash');
    const twice = await edited(text, (d) => {
      d.identities.push({ ...(d.identities[0] as object), id: 'x' });
    });
    expect((await refusal(twice)).message).toContain('appears twice');
    const badDate = await edited(text, (d) => {
      (d.requests[0] as { dueAt: string }).dueAt = '2026-02-30';
    });
    expect((await refusal(badDate)).code).toBe('schema');
    const extra = await edited(text, (d) => {
      (d.requests[0] as Record<string, unknown>).evil = '<script>';
    });
    expect((await refusal(extra)).code).toBe('schema');
  });

  it('a refused file changes nothing', async () => {
    const text = await createSelfBackup(db);
    await refusal(text.replace('Acme Ltd', 'X'));
    expect(await db.identities.count()).toBe(2);
    expect(await db.requests.count()).toBe(1);
  });
});
