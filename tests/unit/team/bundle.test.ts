import { beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { base64ToBytes, createBackup, parseBackup, restoreBackup } from '../../../lib/store/backup';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries, findEntries, removeEntry } from '../../../lib/store/entries';
import { createList, deleteList, getLists, mergeLists, updateList } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { applyTeamBundle, getApplied, verifyTeamBundle } from '../../../lib/team/apply';
import { exportTeamBundle } from '../../../lib/team/export';
import { BundleError, decodeBundle } from '../../../lib/team/format';
import {
  createTeamKey,
  exportTeamKey,
  fingerprint,
  getSigningKey,
  getTrustedKeys,
  groupedFingerprint,
  importTeamKey,
} from '../../../lib/team/keys';
import { dump, freshDb } from '../store/helpers';

async function lead(name = 'Acme sales') {
  const db = await freshDb();
  await createTeamKey(db, name);
  const list = await createList(db, { name: 'Do not call', channels: ['phone', 'email'] });
  await addEntries(
    db,
    list.id,
    [
      { kind: 'email', value: 'Jane@Example.com' },
      { kind: 'email', value: 'bob@example.org' },
      { kind: 'md5', value: '0123456789abcdef0123456789abcdef' },
      { kind: 'domain', value: 'competitor.example' },
    ],
    { reason: 'objection', since: '2026-01-02' },
  );
  return { db, listId: list.id };
}

async function errorOf(p: Promise<unknown>): Promise<BundleError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof BundleError) return e;
    throw e;
  }
  throw new Error('expected a BundleError');
}

function bundleOf(
  listId: string,
  o: { delta?: boolean; entryMode?: 'plain' | 'hashed' } = {},
): Parameters<typeof exportTeamBundle>[1] {
  return { listIds: [listId], entryMode: o.entryMode ?? 'plain', delta: o.delta ?? false };
}

async function importInto(db: HeedDb, bytes: Uint8Array<ArrayBuffer>) {
  const v = await verifyTeamBundle(db, bytes);
  return applyTeamBundle(db, v, { pin: v.trust === 'first-use' });
}

describe('team bundles', () => {
  let L: { db: HeedDb; listId: string };
  let rep: HeedDb;
  beforeEach(async () => {
    L = await lead();
    rep = await freshDb();
  });

  it('a rep verifies a full bundle, pins the key on first use and gets a managed, searchable copy', async () => {
    const b = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    expect(b.version).toBe(1);
    const v = await verifyTeamBundle(rep, b.bytes);
    expect(v.trust).toBe('first-use');
    const key = await getSigningKey(L.db);
    expect(v.fingerprint).toBe(key?.keyId);
    expect(v.fingerprint).toBe(await fingerprint(base64ToBytes(key?.publicKey ?? '')));
    expect(groupedFingerprint(v.fingerprint).split(' ')).toHaveLength(16);
    // Unpinned, nothing is applied.
    await expect(applyTeamBundle(rep, v)).rejects.toThrow(/trust the key/);
    const r = await applyTeamBundle(rep, v, { pin: true });
    expect(r).toMatchObject({ version: 1, lists: 1, added: 4 });
    const lists = (await getLists(rep)).filter((l) => l.managed);
    expect(lists).toHaveLength(1);
    const m = lists[0]!;
    expect(m).toMatchObject({ name: 'Do not call', channels: ['phone', 'email'], counts: { total: 4 } });
    expect(m.managed).toMatchObject({ teamName: 'Acme sales', bundleVersion: 1, bundleListId: L.listId });
    const hits = await findEntries(rep, m.id, 'jane@example.com');
    expect(hits.map((h) => [h.kind, h.reason, h.since, h.source])).toEqual([
      ['email', 'objection', '2026-01-02', 'bundle'],
    ]);
    expect((await getTrustedKeys(rep)).map((k) => k.keyId)).toEqual([v.fingerprint]);
    expect((await getApplied(rep))[v.fingerprint]?.version).toBe(1);
  });

  it('the store refuses to edit, delete, merge or change the entries of a managed list', async () => {
    const b = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    await importInto(rep, b.bytes);
    const m = (await getLists(rep)).find((l) => l.managed)!;
    const mine = await createList(rep, { name: 'My own list' });
    await expect(updateList(rep, m.id, { name: 'x' })).rejects.toThrow(/managed by your team/);
    await expect(deleteList(rep, m.id)).rejects.toThrow(/managed by your team/);
    await expect(mergeLists(rep, [m.id], mine.id)).rejects.toThrow(/managed by your team/);
    await expect(mergeLists(rep, [mine.id], m.id)).rejects.toThrow(/managed by your team/);
    await expect(removeEntry(rep, m.id, 'email', 'jane@example.com')).rejects.toThrow(/managed/);
    await expect(
      addEntries(rep, m.id, [{ kind: 'email', value: 'x@y.example' }], { reason: 'objection' }),
    ).rejects.toThrow(/managed/);
    expect((await getLists(rep)).find((l) => l.id === m.id)?.counts.total).toBe(4);
    // A personal list beside it stays fully editable.
    await updateList(rep, mine.id, { name: 'Mine' });
  });

  it('refuses a tampered body byte, a tampered header byte and a truncated file, changing nothing', async () => {
    const b = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    const before = await dump(rep);
    const body = b.bytes.slice();
    body[body.length - 3] = (body[body.length - 3] as number) ^ 1;
    expect((await errorOf(verifyTeamBundle(rep, body))).code).toBe('tampered');
    const header = b.bytes.slice();
    const at = new TextDecoder().decode(header).indexOf('Do not call');
    header[at] = 'd'.charCodeAt(0);
    expect((await errorOf(verifyTeamBundle(rep, header))).code).toBe('signature');
    expect((await errorOf(verifyTeamBundle(rep, b.bytes.slice(0, b.bytes.length - 1)))).code).toBe(
      'tampered',
    );
    expect((await errorOf(verifyTeamBundle(rep, new TextEncoder().encode('value,kind\n')))).code).toBe(
      'format',
    );
    expect(await dump(rep)).toEqual(before);
  });

  it('refuses a bundle from a foreign key once a team key is trusted, and one the policy does not pin', async () => {
    const b = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    await importInto(rep, b.bytes);
    const other = await lead('Evil corp');
    const f = await exportTeamBundle(other.db, { listIds: [other.listId], entryMode: 'plain', delta: false });
    const before = await dump(rep);
    const e = await errorOf(verifyTeamBundle(rep, f.bytes));
    expect(e.code).toBe('untrusted');
    expect(e.message).toContain('Evil corp');
    expect(await dump(rep)).toEqual(before);
    // Set by policy: only the organisation's keys count, even on a fresh profile.
    const fresh = await freshDb();
    const policyKeys = [{ name: 'Acme', publicKey: (await getSigningKey(L.db))!.publicKey }];
    expect((await errorOf(verifyTeamBundle(fresh, f.bytes, { policyKeys }))).code).toBe('untrusted');
    expect((await verifyTeamBundle(fresh, b.bytes, { policyKeys })).trust).toBe('policy');
  });

  it('refuses an older or the same version', async () => {
    const v1 = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    const v2 = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    await importInto(rep, v2.bytes);
    const before = await dump(rep);
    expect((await errorOf(verifyTeamBundle(rep, v1.bytes))).code).toBe('older');
    expect((await errorOf(verifyTeamBundle(rep, v2.bytes))).code).toBe('older');
    expect(await dump(rep)).toEqual(before);
  });

  it('a delta adds and removes entries since the previous version; a gap-leaving delta is refused', async () => {
    const v1 = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: true });
    expect(v1.baseVersion).toBeUndefined(); // nothing exported before: a delta falls back to full
    await importInto(rep, v1.bytes);
    await removeEntry(L.db, L.listId, 'email', 'bob@example.org');
    await addEntries(L.db, L.listId, [{ kind: 'email', value: 'new@example.net' }], {
      reason: 'unsubscribe',
      since: '2026-03-04',
    });
    const v2 = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: true });
    expect(v2).toMatchObject({ version: 2, baseVersion: 1, entries: 2 });
    expect(decodeBundle(v2.bytes).header.lists[0]?.mode).toBe('delta');
    await addEntries(L.db, L.listId, [{ kind: 'phone', value: '+44 20 7946 0018' }], {
      reason: 'do-not-call',
    });
    const v3 = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: true });
    expect(v3).toMatchObject({ version: 3, baseVersion: 2, entries: 1 });

    const before = await dump(rep);
    const gap = await errorOf(verifyTeamBundle(rep, v3.bytes));
    expect(gap.code).toBe('gap');
    expect(gap.message).toContain('version 2');
    expect(await dump(rep)).toEqual(before);

    const r2 = await importInto(rep, v2.bytes);
    expect(r2).toMatchObject({ added: 1, removed: 1 });
    await importInto(rep, v3.bytes);
    const m = (await getLists(rep)).find((l) => l.managed)!;
    expect(m.counts.total).toBe(5);
    expect(m.managed?.bundleVersion).toBe(3);
    expect(await findEntries(rep, m.id, 'bob@example.org')).toEqual([]);
    expect((await findEntries(rep, m.id, 'new@example.net'))[0]).toMatchObject({ reason: 'unsubscribe' });
    expect(await findEntries(rep, m.id, '+442079460018')).toHaveLength(1);
    // The applied copy equals a fresh full import of the same list.
    const full = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'plain', delta: false });
    const rep2 = await freshDb();
    await importInto(rep2, full.bytes);
    const keysOf = async (db: HeedDb) =>
      (await db.buckets.toArray()).map((b) => [b.kind, b.bucket, Array.from(b.keys as ArrayLike<unknown>)]);
    expect(await keysOf(rep)).toEqual(await keysOf(rep2));
  });

  it('a hashed bundle carries no plain identifiers, and emails still match', async () => {
    const b = await exportTeamBundle(L.db, { listIds: [L.listId], entryMode: 'hashed', delta: false });
    const text = new TextDecoder().decode(b.bytes);
    expect(text).not.toContain('example.com');
    expect(text).not.toContain('competitor');
    await importInto(rep, b.bytes);
    const m = (await getLists(rep)).find((l) => l.managed)!;
    expect(m.counts.byKind).toEqual({ md5: 1, sha256: 2 });
    expect((await findEntries(rep, m.id, 'jane@example.com')).map((h) => h.via)).toContain('sha256 of email');
  });

  it('a SHA-512 list round-trips in full, delta and hashed bundles (format 2); others stay format 1', async () => {
    const h = await loadHashers();
    const first = await exportTeamBundle(L.db, bundleOf(L.listId));
    expect(decodeBundle(first.bytes).header.formatVersion).toBe(1);
    await importInto(rep, first.bytes);
    const opt = await createList(L.db, { name: 'OPTIZMO SHA-512', channels: ['email'] });
    await addEntries(
      L.db,
      opt.id,
      ['a@optizmo.example', 'b@optizmo.example', 'c@optizmo.example'].map((e) => ({
        kind: 'sha512' as const,
        value: h.sha512(e),
      })),
      { reason: 'unsubscribe', since: '2026-02-01' },
    );
    const full = await exportTeamBundle(L.db, bundleOf(opt.id, { delta: true }));
    expect(decodeBundle(full.bytes).header).toMatchObject({
      formatVersion: 2,
      baseVersion: 1,
      lists: [{ mode: 'full', sections: [{ kind: 'sha512', op: 'set', count: 3, keyBytes: 3 * 64 }] }],
    });
    await importInto(rep, full.bytes);
    const m = (await getLists(rep)).find((l) => l.managed)!;
    expect(m.counts).toEqual({ total: 3, byKind: { sha512: 3 } });
    const found = async (email: string) =>
      (await lookupPerson(rep, { emails: [email] })).matches.map((x) => [x.listName, x.kind, x.reason]);
    expect(await found('B@optizmo.example')).toEqual([['OPTIZMO SHA-512', 'sha512', 'unsubscribe']]);

    // A delta: one SHA-512 entry removed, one added.
    await removeEntry(L.db, opt.id, 'sha512', h.sha512('b@optizmo.example'));
    await addEntries(L.db, opt.id, [{ kind: 'sha512', value: h.sha512('d@optizmo.example') }], {
      reason: 'unsubscribe',
      since: '2026-02-02',
    });
    const delta = await exportTeamBundle(L.db, bundleOf(opt.id, { delta: true }));
    expect(delta).toMatchObject({ version: 3, baseVersion: 2, entries: 2 });
    expect(await importInto(rep, delta.bytes)).toMatchObject({ added: 1, removed: 1 });
    expect(await found('b@optizmo.example')).toEqual([]);
    expect(await found('d@optizmo.example')).toEqual([['OPTIZMO SHA-512', 'sha512', 'unsubscribe']]);
    expect(await found('a@optizmo.example')).toHaveLength(1);

    // A hashed bundle keeps SHA-512 entries as they are (emails become SHA-256 beside them).
    const rep2 = await freshDb();
    await importInto(rep2, (await exportTeamBundle(L.db, bundleOf(opt.id, { entryMode: 'hashed' }))).bytes);
    const m2 = (await getLists(rep2)).find((l) => l.managed)!;
    expect(m2.counts).toEqual({ total: 3, byKind: { sha512: 3 } });
    expect((await lookupPerson(rep2, { emails: ['c@optizmo.example'] })).matches).toHaveLength(1);
  });

  it('a bundle from a newer Heed (a format it cannot read) is refused with "update Heed"', async () => {
    const b = await exportTeamBundle(L.db, bundleOf(L.listId));
    const d = decodeBundle(b.bytes);
    const json = new TextEncoder().encode(JSON.stringify({ ...d.header, formatVersion: 3 }));
    const file = new Uint8Array(12 + json.length + d.signature.length + d.body.length);
    file.set(b.bytes.subarray(0, 8), 0);
    new DataView(file.buffer).setUint32(8, json.length, true);
    file.set(json, 12);
    file.set(d.signature, 12 + json.length);
    file.set(d.body, 12 + json.length + d.signature.length);
    const e = await errorOf(verifyTeamBundle(rep, file));
    expect(e.code).toBe('format');
    expect(e.message).toMatch(/newer Heed \(bundle format 3, this Heed reads up to 2\)\. Update Heed first/);
  });

  it('a list the team drops goes with the next full bundle; recommended settings are adopted on request', async () => {
    const second = await createList(L.db, { name: 'Partners' });
    await importInto(
      rep,
      (await exportTeamBundle(L.db, { listIds: [L.listId, second.id], entryMode: 'plain', delta: false }))
        .bytes,
    );
    expect((await getLists(rep)).filter((l) => l.managed)).toHaveLength(2);
    const b = await exportTeamBundle(L.db, {
      listIds: [L.listId],
      entryMode: 'plain',
      delta: false,
      settings: { retentionDays: 365, defaultCountry: 'GB' },
    });
    const v = await verifyTeamBundle(rep, b.bytes);
    await applyTeamBundle(rep, v, { adoptSettings: true });
    expect((await getLists(rep)).filter((l) => l.managed).map((l) => l.name)).toEqual(['Do not call']);
    const s = (await rep.settings.get('settings'))?.value;
    expect(s).toMatchObject({ retentionDays: 365, defaultCountry: 'GB' });
  });
});

describe('team key and backups', () => {
  it('a backup never holds the team key or bundle bookkeeping, and a restore keeps them', async () => {
    const { db, listId } = await lead();
    await exportTeamBundle(db, { listIds: [listId], entryMode: 'plain', delta: false });
    const key = await getSigningKey(db);
    const text = await createBackup(db);
    expect(text).not.toContain('team:');
    expect(text).not.toContain(key?.publicKey);
    await restoreBackup(db, await parseBackup(text), { mode: 'replace' });
    expect((await getSigningKey(db))?.keyId).toBe(key?.keyId);
    // The next export continues the version sequence.
    expect((await exportTeamBundle(db, { listIds: [listId], entryMode: 'plain', delta: true })).version).toBe(
      2,
    );
  });
});

describe('team key file', () => {
  it('round-trips under a passphrase; a wrong passphrase or an edited file is refused', async () => {
    const { db, listId } = await lead();
    await exportTeamBundle(db, { listIds: [listId], entryMode: 'plain', delta: false });
    await exportTeamBundle(db, { listIds: [listId], entryMode: 'plain', delta: false });
    const text = await exportTeamKey(db, 'correct horse battery staple');
    const file = JSON.parse(text);
    expect(file.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600_000 });
    expect(file.lastVersion).toBe(2);
    expect(text).not.toContain('PRIVATE');
    await expect(exportTeamKey(db, 'short')).rejects.toThrow(/at least 12/);
    const second = await freshDb();
    await expect(importTeamKey(second, text, 'wrong passphrase!!')).rejects.toThrow(/Wrong passphrase/);
    const edited = JSON.stringify({
      ...file,
      data: file.data.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A')),
    });
    await expect(importTeamKey(second, edited, 'correct horse battery staple')).rejects.toThrow(
      /Wrong passphrase/,
    );
    const rec = await importTeamKey(second, text, 'correct horse battery staple');
    expect(rec.keyId).toBe((await getSigningKey(db))?.keyId);
    // The second admin's bundles verify against the same trusted key.
    const list = await createList(second, { name: 'From admin two' });
    const b = await exportTeamBundle(second, { listIds: [list.id], entryMode: 'plain', delta: false });
    // Numbered after the first admin's last export, so reps who have version 2 accept it.
    expect(b.version).toBe(3);
    const rep = await freshDb();
    expect((await verifyTeamBundle(rep, b.bytes)).fingerprint).toBe(rec.keyId);
  });
});
