import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkCheck, kindOfEmailsIn } from '../../../lib/bulk/check';
import { FactsMemo } from '../../../lib/bulk/facts-memo';
import { suggestBulkMapping } from '../../../lib/bulk/mapping';
import { DEMO_LIST_NAMES, loadDemoData } from '../../../lib/demo/data';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { previewFile } from '../../../lib/store/import';
import { createList, getLists } from '../../../lib/store/lists';
import { DEFAULT_SETTINGS } from '../../../lib/store/settings';
import { kindOfEmails } from '../../../lib/verdict/answer';
import { freshDb } from '../store/helpers';

describe('FactsMemo', () => {
  const walk = (m: FactsMemo<string>, create: boolean, seq: readonly (string | number | undefined)[]) => {
    m.begin(create);
    for (const v of seq) m.key(v);
    return m;
  };

  it('finds a sequence only under exactly the values it was kept with', () => {
    const m = new FactsMemo<string>(100);
    walk(m, true, ['GB', undefined, 'personal', 1, 'DNC']).keep('a');
    expect(walk(m, false, ['GB', undefined, 'personal', 1, 'DNC']).found).toBe('a');
    // Each position differs once; undefined, '' and 0 are different values; a prefix is not the sequence.
    for (const other of [
      ['DE', undefined, 'personal', 1, 'DNC'],
      ['GB', '', 'personal', 1, 'DNC'],
      ['GB', undefined, 'work', 1, 'DNC'],
      ['GB', undefined, 'personal', 0, 'DNC'],
      ['GB', undefined, 'personal', 1, 'DNC2'],
      ['GB', undefined, 'personal', 1],
      ['GB', undefined, 'personal', 1, 'DNC', 'x'],
    ])
      expect(walk(m, false, other).found).toBeUndefined();
  });

  it('starts over past its size, and keeps a value again under the same sequence', () => {
    const m = new FactsMemo<string>(3);
    walk(m, true, ['a']).keep('1');
    walk(m, true, ['b']).keep('2');
    walk(m, true, ['b']).keep('2 again');
    expect(m.size).toBe(2);
    expect(walk(m, false, ['b']).found).toBe('2 again');
    walk(m, true, ['c']).keep('3');
    expect(m.size).toBe(3);
    walk(m, true, ['d']).keep('4');
    expect(m.size).toBe(1);
    expect(walk(m, false, ['a']).found).toBeUndefined();
    expect(walk(m, false, ['d']).found).toBe('4');
  });

  it('refuses to keep a value after a walk that only looked', () => {
    const m = new FactsMemo<string>(2);
    expect(() => walk(m, false, ['a']).keep('1')).toThrow();
  });
});

describe('kindOfEmailsIn', () => {
  it('answers as kindOfEmails', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      ownDomains: ['mine.example'],
      extraPersonalDomains: ['home.example'],
    };
    for (const emails of [
      [],
      ['a@gmail.com'],
      ['a@acme.example'],
      ['a@acme.example', 'b@gmail.com'],
      ['a@home.example'],
      ['a@mine.example', 'a@gmail.com'],
      ['not an address'],
      ['not an address', 'a@acme.example'],
    ])
      expect(kindOfEmailsIn(emails, settings)).toBe(kindOfEmails(emails, settings));
  });
});

// The check shares one assessment between rows with the same facts (its memo, above). A row checked after
// another whose facts differ in one of them only must still get its own answer: the one it gets alone.
describe('bulkCheck shares assessments only between rows with the same facts', () => {
  const NOW = new Date('2026-05-01T12:00:00Z');
  let db: HeedDb;
  beforeEach(async () => {
    db = await freshDb();
    await loadDemoData(db, NOW);
  });
  afterEach(() => db.close());

  const heedCells = async (csv: string) => {
    const blob = new Blob([csv]);
    const p = await previewFile(blob);
    const r = await bulkCheck(db, blob, {
      headers: p.headers,
      hasHeader: p.hasHeader,
      delimiter: p.delimiter,
      encoding: p.encoding,
      sepLine: p.sepLine,
      mapping: suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader),
      now: NOW,
      reasons: 'full',
    });
    const lines = (await r.output.text())
      .replace(/^\uFEFF/, '')
      .split('\r\n')
      .filter(Boolean);
    // The Heed cells: everything after the file's three columns.
    return lines.slice(1).map((l) => l.split(',').slice(3).join(','));
  };

  it('gives each row of pairs differing in one fact the answer it gets alone', async () => {
    const dnc = (await getLists(db)).find((l) => l.name === DEMO_LIST_NAMES.dnc)?.id as string;
    const other = (await createList(db, { name: 'Other list' })).id;
    const add = (listId: string, value: string, meta: Parameters<typeof addEntries>[3]) =>
      addEntries(db, listId, [{ kind: 'email', value }], meta);
    await add(dnc, 'u1@corp.example', { reason: 'unsubscribe' });
    await add(other, 'u2@corp.example', { reason: 'unsubscribe' });
    await add(dnc, 'u3@corp.example', { reason: 'do-not-call' });
    await add(dnc, 'u4@corp.example', { reason: 'unsubscribe', channels: ['email'] });
    await add(dnc, 'u5@corp.example', { reason: 'unsubscribe', channels: ['sms'] });
    const pairs: [string, string, string][] = [
      // [what differs, first row, second row] as email,country,stage
      ['country', 'sam@gmail.com,GB,', 'sam@gmail.com,,'],
      ['stage', 'sam@gmail.com,GB,', 'sam@gmail.com,GB,client'],
      ['kind of email', 'pat@acme-widgets.example,GB,', 'pat@gmail.com,GB,'],
      ['list name', 'u1@corp.example,,', 'u2@corp.example,,'],
      ['reason', 'u1@corp.example,,', 'u3@corp.example,,'],
      ['channels', 'u4@corp.example,,', 'u5@corp.example,,'],
      ['matches', 'u1@corp.example,,', 'nobody@corp.example,,'],
    ];
    const header = 'email,country,stage';
    const together = await heedCells([header, ...pairs.flatMap(([, a, b]) => [a, b])].join('\n'));
    for (const [i, [what, a, b]] of pairs.entries()) {
      const [alone1] = await heedCells(`${header}\n${a}\n`);
      const [alone2] = await heedCells(`${header}\n${b}\n`);
      // The pair must tell apart: else this case could not catch a memo that ignores `what`.
      expect(alone2, what).not.toBe(alone1);
      expect(together[2 * i], what).toBe(alone1);
      expect(together[2 * i + 1], what).toBe(alone2);
    }
  });
});
