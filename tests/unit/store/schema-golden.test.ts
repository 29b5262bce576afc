import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { queryAudit } from '../../../lib/store/audit';
import { base64ToBytes } from '../../../lib/store/backup';
import { getContact } from '../../../lib/store/contacts';
import { openDb, SCHEMA_VERSIONS } from '../../../lib/store/db';
import { getLists, listCounts } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { keepLookupIndex, lookupIndexSource, lookupIndexStats } from '../../../lib/store/lookup-index';
import { getSettings } from '../../../lib/store/settings';

// Golden fixtures are data written by an old schema version. Each is loaded into a database created with
// that version's own store definitions (from the fixture, not from the current code) and then opened with
// the current code, which must upgrade it and find everything.

interface Fixture {
  dexieVersion: number;
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
}

function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.$bytes === 'string') return base64ToBytes(o.$bytes);
    if (typeof o.$u32le === 'string') {
      const b = base64ToBytes(o.$u32le);
      const view = new DataView(b.buffer);
      return Uint32Array.from({ length: b.length / 4 }, (_, i) => view.getUint32(i * 4, true));
    }
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

async function loadFixture(file: string, name: string): Promise<Fixture> {
  const fx = JSON.parse(readFileSync(join(process.cwd(), 'tests/fixtures/store', file), 'utf8')) as Fixture;
  const old = new Dexie(name);
  old.version(fx.dexieVersion).stores(fx.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fx.tables))
    await old.table(table).bulkAdd(decode(rows) as object[]);
  old.close();
  return fx;
}

describe('schema versions', () => {
  it('are append-only and start at 1', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('v1 golden fixture opens with the current code and all data is found', async () => {
    const name = `golden-v1-${Math.random()}`;
    const fx = await loadFixture('v1-golden.json', name);
    expect(fx.tables.lists).toHaveLength(2);
    const db = await openDb(name);

    const lists = await getLists(db);
    expect(lists.map((l) => l.name)).toEqual(['Do not contact', 'Vendor MD5']);
    for (const l of lists) expect(await listCounts(db, l.id)).toEqual(l.counts);

    const hit = async (ids: Parameters<typeof lookupPerson>[1]) =>
      (await lookupPerson(db, ids)).matches.map((m) => [m.listName, m.kind, m.reason, m.since]);
    expect(await hit({ emails: ['optout@example.com'] })).toEqual([
      ['Do not contact', 'email', 'objection', '2025-01-15'],
    ]);
    expect(await hit({ emails: ['x@mail.competitor.example'] })).toEqual([
      ['Do not contact', 'domain', 'objection', '2025-01-15'],
    ]);
    expect(await hit({ phones: ['+44 20 7946 0018'] })).toEqual([
      ['Do not contact', 'phone', 'objection', '2025-01-15'],
    ]);
    expect(await hit({ profileUrls: ['https://linkedin.com/in/golden-person'] })).toHaveLength(1);
    expect(await hit({ emails: ['hashed@example.com'] })).toEqual([
      ['Vendor MD5', 'md5', 'unsubscribe', '2024-11-30'],
    ]);
    expect(await hit({ emails: ['hashed256@example.com'] })).toEqual([
      ['Vendor MD5', 'sha256', 'unsubscribe', '2024-11-30'],
    ]);

    const c = await lookupPerson(db, { emails: ['client@example.com'] });
    expect(c.contact).toMatchObject({
      name: 'Golden Contact',
      stage: 'client',
      legitimateInterest: { assessedAt: '2024-02-01', reference: 'LIA-7' },
      retentionUntil: '2027-02-01',
    });
    expect(await getContact(db, c.contact?.id ?? '')).toEqual(c.contact);

    expect(await getSettings(db)).toMatchObject({
      defaultCountry: 'GB',
      ownDomains: ['heed.example'],
      retentionDays: 730,
    });
    expect((await queryAudit(db)).length).toBe(fx.tables.audit?.length);

    // v2 added the meta table (derived data only): empty after the upgrade, and an index built over the upgraded
    // data answers as the bucket reads above did.
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)?.version);
    expect(await db.meta.count()).toBe(0);
    await keepLookupIndex(db);
    expect(await hit({ emails: ['hashed256@example.com'] })).toEqual([
      ['Vendor MD5', 'sha256', 'unsubscribe', '2024-11-30'],
    ]);
    expect(await hit({ emails: ['x@mail.competitor.example'] })).toHaveLength(1);
    expect(await hit({ emails: ['nobody@example.net'] })).toEqual([]);
    expect(lookupIndexStats(db).answered).toBe(3);
    db.close();
  });

  it('v2 golden fixture opens with the current code; its persisted lookup index is used only if still valid', async () => {
    const name = `golden-v2-${Math.random()}`;
    const fx = await loadFixture('v2-golden.json', name);
    expect(fx.tables.meta).toHaveLength(2);
    const db = await openDb(name);
    const hit = async (ids: Parameters<typeof lookupPerson>[1]) =>
      (await lookupPerson(db, ids)).matches.map((m) => [m.listName, m.kind, m.reason, m.since]);

    await keepLookupIndex(db);
    // Built under schema 2: loaded as is while the schema is 2, rebuilt after any later upgrade.
    expect(lookupIndexSource(db)).toBe(db.verno === 2 ? 'loaded' : 'built');
    expect(await hit({ emails: ['optout@example.com'] })).toEqual([
      ['Do not contact', 'email', 'objection', '2025-01-15'],
    ]);
    expect(await hit({ emails: ['hashed@example.com'] })).toEqual([
      ['Vendor MD5', 'md5', 'unsubscribe', '2024-11-30'],
    ]);
    expect(await hit({ emails: ['x@mail.competitor.example'] })).toEqual([
      ['Do not contact', 'domain', 'objection', '2025-01-15'],
    ]);
    expect(await hit({ phones: ['+44 20 7946 0018'] })).toHaveLength(1);
    expect(await hit({ emails: ['nobody@example.net'] })).toEqual([]);
    expect(lookupIndexStats(db).answered).toBe(5);

    const v2 = await lookupPerson(db, { emails: ['V2.Contact@example.com'] });
    expect(v2.contact).toMatchObject({ name: 'Written by v2', stage: 'prospect', country: 'DE' });
    expect((await lookupPerson(db, { emails: ['client@example.com'] })).contact?.name).toBe('Golden Contact');
    const lists = await getLists(db);
    for (const l of lists) expect(await listCounts(db, l.id)).toEqual(l.counts);
    expect((await queryAudit(db)).length).toBe(fx.tables.audit?.length);
    db.close();
  });
});
