import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bulkCheck } from '../../../lib/bulk/check';
import { suggestBulkMapping } from '../../../lib/bulk/mapping';
import { summariseLists, summaryCsv } from '../../../lib/options/summary';
import { auditCsv, queryAudit } from '../../../lib/store/audit';
import { csvRow, csvTable, neutraliseCell, unneutraliseCell } from '../../../lib/store/csv-cells';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { exportListCsv } from '../../../lib/store/export';
import { importFile, previewFile, rejectedRowsCsv } from '../../../lib/store/import';
import { createList, getLists } from '../../../lib/store/lists';
import { freshDb } from './helpers';

// OWASP CSV injection: a cell a spreadsheet would run as a formula. Spreadsheets skip leading spaces of
// any kind and fold full-width signs, so "safe" here means: after any leading spaces (Unicode White_Space
// and zero-width), the first character is not one of = + - @ in any width, and the cell does not start
// with tab, CR or LF. A cell that starts with a single quote is shown as text.
const SPACES = /^[\s\u180E\u200B-\u200D\u2060]*/;
const SIGNS = new Set(['=', '+', '-', '@', '＝', '＋', '－', '＠', '−', '﹦', '﹢', '﹣', '﹫']);
function runsAsFormula(cell: string): boolean {
  if (cell.startsWith("'")) return false;
  if (/^[\t\r\n]/.test(cell)) return true;
  const first = cell.replace(SPACES, '')[0];
  return first !== undefined && SIGNS.has(first);
}

/** Every case the adversarial review used, and the Unicode ways around a naive guard. */
const ATTACKS = [
  '=1+2',
  '+SUM(1,1)',
  '-2+3',
  '@SUM(1)',
  '\t=1+2',
  '\r=1+2',
  '\n=1+2',
  '\u00a0=1+2', // no-break space
  '\u2007+SUM(1,1)', // figure space
  '\u3000-2+3', // ideographic space
  '\u200b@SUM(1)', // zero-width space
  '\ufeff=1+2', // byte order mark
  ' =1+2',
  '＝1+2', // full-width equals
  '＋SUM(1,1)',
  '－2+3',
  '＠SUM(1)',
  '\u00a0＝1+2',
  '−2+3', // minus sign
  "'=1+2", // already quoted: must survive the round trip as itself
];

describe('neutraliseCell', () => {
  it.each(ATTACKS)('guards %j and the importer strips exactly the guard', (v) => {
    expect(runsAsFormula(v) || v.startsWith("'")).toBe(true);
    const n = neutraliseCell(v);
    expect(n).toBe(`'${v}`);
    expect(runsAsFormula(n)).toBe(false);
    expect(unneutraliseCell(n)).toBe(v);
  });

  it('leaves harmless cells alone', () => {
    for (const v of [
      'plain',
      ' plain',
      'a=b',
      "O'Brien",
      '44 20 7946 0018',
      '',
      '\u00a0',
      'jane@example.com',
    ]) {
      expect(neutraliseCell(v)).toBe(v);
      expect(unneutraliseCell(v)).toBe(v);
    }
  });

  it('keeps a phone number readable: one quote in front, nothing else changed', () => {
    expect(neutraliseCell('+442079460018')).toBe("'+442079460018");
  });

  it('csvRow and csvTable guard every cell, the header too', () => {
    const parsed = Papa.parse<string[]>(`${csvRow(ATTACKS)}\r\n${csvTable(ATTACKS, [ATTACKS])}`).data;
    for (const row of parsed) for (const cell of row) expect(runsAsFormula(cell)).toBe(false);
  });
});

describe('every export Heed writes is formula-safe', () => {
  let db: HeedDb;
  beforeEach(async () => {
    db = await freshDb();
  });
  afterEach(() => db.close());

  const allSafe = (text: string) => {
    const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, '')).data;
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows)
      for (const cell of row) expect(runsAsFormula(cell), JSON.stringify(cell)).toBe(false);
    return rows;
  };

  async function listsNamedLikeFormulas() {
    const names = ATTACKS.filter((n) => n.trim() !== '' && !/^[\t\r\n]/.test(n));
    // List names are unique once trimmed (issue 16): one list per distinct name.
    const distinct = [...new Map(names.map((n) => [n.trim().toLowerCase(), n])).values()];
    for (const name of distinct) {
      const list = await createList(db, { name });
      await addEntries(db, list.id, [{ kind: 'email', value: 'victim@example.com' }], {
        reason: 'objection',
      });
    }
    return (await getLists(db)).map((l) => l.name);
  }

  it('bulk check: list names in heed_lists, the input columns and the header', async () => {
    const names = await listsNamedLikeFormulas();
    expect(names.length).toBeGreaterThan(10);
    const header = ['\u00a0=1+2', 'email', '＝name'];
    const lines = [
      header.join(','),
      '＠SUM(1),victim@example.com,\u3000-2+3',
      '"\u00a0=HYPERLINK(""x"")",nobody@example.com,+442079460018',
    ];
    const blob = new Blob([lines.join('\r\n')]);
    const p = await previewFile(blob);
    const r = await bulkCheck(db, blob, {
      headers: p.headers,
      hasHeader: p.hasHeader,
      delimiter: p.delimiter,
      encoding: p.encoding,
      sepLine: p.sepLine,
      mapping: suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader),
    });
    const text = new TextDecoder().decode(new Uint8Array(await r.output.arrayBuffer()));
    const rows = allSafe(text);
    const head = rows[0] as string[];
    const listsCol = head.indexOf('heed_lists');
    expect(listsCol).toBeGreaterThan(0);
    const written = (rows[1] as string[])[listsCol] as string;
    // every list is named, and the cell as a whole starts with the guard
    for (const n of names) expect(written).toContain(n);
    expect(written.startsWith("'")).toBe(true);
    // the input columns are passed through, guarded once, and readable back
    expect(unneutraliseCell((rows[1] as string[])[0] as string)).toBe('＠SUM(1)');
    expect((rows[2] as string[])[2]).toBe("'+442079460018");
  });

  it('list export, summary, audit and rejected rows', async () => {
    await listsNamedLikeFormulas();
    const lists = await getLists(db);
    const list = lists[0];
    if (!list) throw new Error('no list');
    await addEntries(db, list.id, [{ kind: 'phone', value: '+44 20 7946 0018' }], { reason: 'objection' });
    allSafe(await exportListCsv(db, list.id, { mode: 'plain' }));
    const summary = allSafe(summaryCsv(await summariseLists(db)));
    expect(summary.map((r) => unneutraliseCell(r[0] as string))).toEqual(
      expect.arrayContaining(lists.map((l) => l.name)),
    );
    allSafe(auditCsv(await queryAudit(db)));
    allSafe(
      rejectedRowsCsv({
        rejectedRows: ATTACKS.map((v, i) => ({ line: i + 1, column: 0, value: v, reason: '=reason' })),
      }),
    );
  });

  it('a guarded list export re-imports without loss, phone numbers included', async () => {
    const list = await createList(db, { name: 'Phones' });
    await addEntries(
      db,
      list.id,
      [
        { kind: 'phone', value: '+44 20 7946 0018' },
        { kind: 'email', value: '=cmd@example.com' },
      ],
      { reason: 'objection', since: '2025-01-01' },
    );
    const csv = await exportListCsv(db, list.id, { mode: 'plain' });
    expect(csv).toContain("'+442079460018");
    const copy = await createList(db, { name: 'Copy' });
    const blob = new Blob([csv]);
    const p = await previewFile(blob);
    await importFile(db, blob, {
      target: { listId: copy.id },
      reason: 'other',
      mapping: p.suggestedMapping,
      hasHeader: p.hasHeader,
      delimiter: p.delimiter,
      encoding: p.encoding,
    });
    expect(await exportListCsv(db, copy.id, { mode: 'plain' })).toBe(csv);
  });
});
