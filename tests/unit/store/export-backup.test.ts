import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { queryAudit } from '../../../lib/store/audit';
import {
  type BackupError,
  createBackup,
  parseBackup,
  restoreBackup,
  summariseRestore,
} from '../../../lib/store/backup';
import { saveContact } from '../../../lib/store/contacts';
import { neutraliseCell, unneutraliseCell } from '../../../lib/store/csv-cells';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries, type EntryInput, pageEntries } from '../../../lib/store/entries';
import { exportListCsv, exportListCsvWithStats } from '../../../lib/store/export';
import { importFile } from '../../../lib/store/import';
import { createList } from '../../../lib/store/lists';
import { saveSettings } from '../../../lib/store/settings';
import { blobOf, dump, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function allRows(listId: string) {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const p = await pageEntries(db, listId, { cursor, limit: 100 });
    out.push(...p.rows.map((r) => `${r.kind}|${r.value}|${r.reason}|${r.since}`));
    cursor = p.nextCursor;
  } while (cursor);
  return out.sort();
}

async function sampleList() {
  const h = await loadHashers();
  const list = await createList(db, { name: 'Mixed' });
  const values: EntryInput[] = [
    { kind: 'email', value: 'jane@example.com' },
    { kind: 'email', value: '=cmd@example.com' },
    { kind: 'email', value: '-minus@example.com' },
    { kind: 'email', value: "o'brien@example.com" },
    { kind: 'email', value: "'=quoted@example.com" },
    { kind: 'email', value: '+plus@example.com' },
    { kind: 'md5', value: h.md5('a@b.com') },
    { kind: 'sha1', value: h.sha1('a@b.com') },
    { kind: 'sha256', value: h.sha256('jane@example.com') },
    { kind: 'domain', value: 'example.org' },
    { kind: 'domain', value: '.acme.co.uk' },
    { kind: 'profile', value: 'https://www.linkedin.com/in/jane-doe/' },
    { kind: 'phone', value: '+44 20 7946 0018' },
  ];
  const added = await addEntries(db, list.id, values, { reason: 'unsubscribe', since: '2024-02-29' });
  await addEntries(db, list.id, [{ kind: 'email', value: 'late@example.com' }], {
    reason: 'erasure',
    since: '2025-12-31',
  });
  return { list, accepted: values.length - added.rejected.length + 1, rejected: added.rejected };
}

describe('formula neutralising', () => {
  it('prefixes dangerous cells and the importer strips exactly that prefix', () => {
    for (const v of [
      '=1+1',
      '+44',
      '-2',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '\nx',
      "'=x",
      "''+x",
      "'plain",
      'plain',
      '',
    ]) {
      const n = neutraliseCell(v);
      if (/^'*[=+\-@\t\r\n]/.test(v)) expect(n).toBe(`'${v}`);
      else expect(n).toBe(v);
      expect(unneutraliseCell(n)).toBe(v);
    }
  });
});

describe('exportListCsv', () => {
  it('writes value,kind,reason,since with neutralised cells, including a leading newline', async () => {
    const { list } = await sampleList();
    const csv = await exportListCsv(db, list.id, { mode: 'plain' });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('value,kind,reason,since');
    expect(lines).toContain("'=cmd@example.com,email,unsubscribe,2024-02-29");
    expect(lines).toContain("'-minus@example.com,email,unsubscribe,2024-02-29");
    expect(lines).toContain("''=quoted@example.com,email,unsubscribe,2024-02-29");
    expect(lines).toContain("'+442079460018,phone,unsubscribe,2024-02-29");
    expect(lines.filter((l) => /^[=+\-@\t\r\n]/.test(l))).toEqual([]);
    expect(neutraliseCell('\n=cmd')).toBe("'\n=cmd");
  });

  it('round-trips through import without loss', async () => {
    const { list, accepted, rejected } = await sampleList();
    expect(rejected).toEqual([]);
    const csv = await exportListCsv(db, list.id, { mode: 'plain' });
    const r = await importFile(db, blobOf([csv]), { target: { newList: { name: 'Copy' } }, reason: 'other' });
    expect(r.rejected).toBe(0);
    expect(r.added).toBe(accepted);
    expect(await allRows(r.listId)).toEqual(await allRows(list.id));
  });

  it('hashed mode leaves no plain personal data and re-imports as hashes', async () => {
    const h = await loadHashers();
    const { list } = await sampleList();
    const { csv, omitted } = await exportListCsvWithStats(db, list.id, { mode: 'hashed' });
    expect(omitted).toBe(4);
    expect(csv).not.toMatch(/@|linkedin|acme|\+44/);
    expect(csv).toContain(`${h.sha256('late@example.com')},sha256,erasure,2025-12-31`);
    // jane's email hash equals the sha256 entry already in the list: written once
    expect(csv.split(h.sha256('jane@example.com')).length).toBe(2);
    const r = await importFile(db, blobOf([csv]), {
      target: { newList: { name: 'Vendor' } },
      reason: 'other',
    });
    expect(r.rejected).toBe(0);
    const counts = (await db.lists.get(r.listId))?.counts;
    expect(counts?.byKind).toEqual({ md5: 1, sha1: 1, sha256: 7 });
    const audit = await queryAudit(db, { action: 'export' });
    expect(audit[0]).toMatchObject({ action: 'export', counts: { omitted: 4 } });
  });
});

describe('backup and restore', () => {
  async function populated() {
    await sampleList();
    await saveContact(db, {
      emails: ['jane@example.com'],
      stage: 'prospect',
      consents: [{ channel: 'email', givenAt: '2024-01-01', evidence: 'webform' }],
      retentionUntil: '2030-01-01',
      // Issue 20, item 10: a field newer than the v1/v2 golden backups (which still restore, schema-golden).
      employer: 'Acme Ltd',
    });
    await saveSettings(db, { defaultCountry: 'GB', retentionDays: 365 });
  }

  it('round-trips the whole database', async () => {
    await populated();
    const before = await dump(db);
    expect(JSON.stringify(before)).toContain('"employer":"Acme Ltd"');
    const text = await createBackup(db);
    const parsed = await parseBackup(text);
    const other = await freshDb();
    await createList(other, { name: 'to be replaced' });
    const summary = await summariseRestore(other, parsed);
    expect(summary.current.lists).toBe(1);
    expect(summary.backup).toMatchObject({ lists: 1, entries: 14, contacts: 1, hasSettings: true });
    await restoreBackup(other, parsed, { mode: 'replace' });
    expect(await dump(other)).toEqual(before);
    const audit = await queryAudit(other);
    expect(audit[0]?.action).toBe('restore');
    other.close();
  });

  async function refused(text: string): Promise<BackupError> {
    try {
      await parseBackup(text);
    } catch (e) {
      return e as BackupError;
    }
    throw new Error('expected the backup to be refused');
  }

  it('refuses a tampered, truncated, foreign or newer file, and changes nothing', async () => {
    await populated();
    const text = await createBackup(db);
    const before = await dump(db);

    const tampered = text.replace('"unsubscribe"', '"other"');
    expect(tampered).not.toBe(text);
    expect((await refused(tampered)).code).toBe('checksum');

    const truncated = await refused(text.slice(0, Math.floor(text.length / 2)));
    expect(truncated.code).toBe('json');
    expect(truncated.message).toMatch(/truncated/);

    const bad = await refused(text.replace('"data":{', '"data":{,'));
    expect(bad.code).toBe('json');

    expect((await refused('{"hello":1}')).code).toBe('format');
    const env = JSON.parse(text);
    expect((await refused(JSON.stringify({ ...env, version: 99 }))).message).toMatch(/newer Heed/);

    // a record that does not validate, with a correct checksum, is refused with its path
    const { canonicalJson } = await import('../../../lib/store/backup');
    const { sha256 } = await import('hash-wasm');
    env.data.lists[0].name = '';
    env.checksum = await sha256(canonicalJson(env.data));
    const schema = await refused(JSON.stringify(env));
    expect(schema.code).toBe('schema');
    expect(schema.message).toContain('data.lists[0].name');

    // an entry count that does not match its entries
    const env2 = JSON.parse(text);
    env2.data.lists[0].counts.total += 1;
    env2.checksum = await sha256(canonicalJson(env2.data));
    expect((await refused(JSON.stringify(env2))).code).toBe('integrity');

    expect(await dump(db)).toEqual(before);
  });

  it('a failing restore leaves the current database untouched', async () => {
    await populated();
    const parsed = await parseBackup(await createBackup(db));
    const other = await freshDb();
    await createList(other, { name: 'keep me' });
    const before = await dump(other);
    const original = other.buckets.bulkAdd.bind(other.buckets);
    other.buckets.bulkAdd = (() => {
      throw new DOMException('full', 'QuotaExceededError');
    }) as unknown as typeof original;
    await expect(restoreBackup(other, parsed, { mode: 'replace' })).rejects.toThrow();
    other.buckets.bulkAdd = original;
    expect(await dump(other)).toEqual(before);
    other.close();
  });
});
