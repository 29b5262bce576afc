import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RowStream } from '../../../lib/store/csv-rows';
import { type ImportError, previewFile } from '../../../lib/store/import';
import type { Delimiter } from '../../../lib/store/schemas';
import { firstInvalidUtf8, sniff } from '../../../lib/store/text-source';
import { blobOf } from './helpers';

async function parseAll(blob: Blob, delimiter: Delimiter, chunkSize: number, maxLineLength = 1 << 20) {
  const sniffed = await sniff(blob);
  const s = new RowStream(blob, sniffed, delimiter, { chunkSize, maxLineLength });
  const out: { line: number; cells: string[]; error?: string }[] = [];
  for (let rows = await s.next(); rows !== null; rows = await s.next()) out.push(...rows);
  return out;
}

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('expected a failure');
}

const SPECTRUM = join(process.cwd(), 'node_modules/csv-spectrum');
const CHUNKS = [1, 2, 3, 7, 64, 1 << 20];

describe('csv-spectrum corpus', () => {
  const files = readdirSync(join(SPECTRUM, 'csvs')).filter((f) => f.endsWith('.csv'));
  it('has the corpus', () => expect(files.length).toBeGreaterThanOrEqual(12));
  for (const f of files) {
    it(`parses ${f} as its JSON says, at every chunk size`, async () => {
      const bytes = readFileSync(join(SPECTRUM, 'csvs', f));
      const json = JSON.parse(readFileSync(join(SPECTRUM, 'json', f.replace(/\.csv$/, '.json')), 'utf8'));
      const expected: Record<string, string>[] = Array.isArray(json) ? json : [json];
      // csv-spectrum 2.0 ships location_coordinates.json as a bare object with a phone number that differs
      // from its CSV (2095257564): an upstream fixture bug, not a parsing question. Everything else is compared.
      if (f === 'location_coordinates.csv')
        (expected[0] as Record<string, string>)['Contact Phone Number'] = '2095257564';
      for (const chunk of CHUNKS) {
        const rows = (await parseAll(blobOf([new Uint8Array(bytes)]), ',', chunk)).filter(
          (r) => !(r.cells.length === 1 && r.cells[0] === ''),
        );
        const [header, ...data] = rows.map((r) => r.cells);
        const objects = data.map((cells) => Object.fromEntries((header ?? []).map((h, i) => [h, cells[i]])));
        expect(objects, `${f} at chunk size ${chunk}`).toEqual(expected);
        expect(rows.every((r) => r.error === undefined)).toBe(true);
      }
    });
  }
});

describe('line ends and line numbers', () => {
  it('handles CRLF, CR-only and mixed line ends at every chunk size', async () => {
    const text = 'a@x.com\r\nb@x.com\rc@x.com\nd@x.com\r\re@x.com\r\n';
    for (const chunk of CHUNKS) {
      const rows = await parseAll(blobOf([text]), '', chunk);
      expect(rows.map((r) => [r.line, r.cells[0]])).toEqual([
        [1, 'a@x.com'],
        [2, 'b@x.com'],
        [3, 'c@x.com'],
        [4, 'd@x.com'],
        [5, ''],
        [6, 'e@x.com'],
      ]);
    }
  });

  it('counts lines inside quoted values', async () => {
    const rows = await parseAll(blobOf(['a,b\n"x\ny\nz",1\nlast,2\n']), ',', 4);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('keeps a multi-byte character split across chunks', async () => {
    const text = 'zoë@exämple.com\n😀@x.com\n';
    for (const chunk of [1, 2, 3, 5]) {
      const rows = await parseAll(blobOf([text]), '', chunk);
      expect(rows.map((r) => r.cells[0])).toEqual(['zoë@exämple.com', '😀@x.com']);
    }
  });

  it('fails an unterminated quote with its line', async () => {
    for (const chunk of [3, 1 << 20]) {
      const e = await failure(parseAll(blobOf(['a,b\n1,2\n"3,4\n5,6\n']), ',', chunk));
      expect(e.name).toBe('ImportError');
      expect(e.details.line).toBe(3);
      expect(e.message).toMatch(/Unterminated quote starting at line 3/);
    }
  });

  it('refuses a line longer than the cap without parsing on', async () => {
    const e = await failure(
      parseAll(blobOf(['ok@x.com\n', 'x'.repeat(5000), '\nlater@x.com\n']), '', 64, 1000),
    );
    expect(e.details.line).toBe(2);
    expect(e.message).toMatch(/Line 2 is longer than 1000/);
    // a complete long line inside one big chunk is caught too
    const e2 = await failure(parseAll(blobOf(['ok@x.com\n', 'x'.repeat(5000), '\n']), '', 1 << 20, 1000));
    expect(e2.details.line).toBe(2);
  });

  it('rejects rows with malformed quotes but keeps parsing', async () => {
    const rows = await parseAll(blobOf(['a\n"x"y",z\nok\n']), ',', 1 << 20);
    expect(rows.find((r) => r.line === 2)?.error).toBe('malformed quotes');
    expect(rows.at(-1)?.cells).toEqual(['ok']);
  });
});

describe('encodings', () => {
  const utf16 = (s: string, be: boolean) => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set(be ? [0xfe, 0xff] : [0xff, 0xfe], 0);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + 2 * i] = be ? c >> 8 : c & 0xff;
      out[3 + 2 * i] = be ? c & 0xff : c >> 8;
    }
    return out;
  };

  it('reads UTF-8 with a BOM and UTF-16 LE and BE with a BOM', async () => {
    const text = 'email\nzoë@exämple.com\n';
    const cases: [Uint8Array, string][] = [
      [new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8'],
      [utf16(text, false), 'utf-16le'],
      [utf16(text, true), 'utf-16be'],
    ];
    for (const [bytes, enc] of cases) {
      for (const chunk of [1, 3, 1 << 20]) {
        const blob = blobOf([bytes]);
        expect((await sniff(blob)).encoding).toBe(enc);
        const rows = await parseAll(blob, ',', chunk);
        expect(rows.map((r) => r.cells[0])).toEqual(['email', 'zoë@exämple.com']);
      }
    }
  });

  // Issue 15: Windows-1252 was not detected. Bytes that are not UTF-8 at the start of the file now select it.
  it('detects Windows-1252 from bytes that are not UTF-8', async () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('a@x.com\nb@x.com\nc'),
      0xe9,
      ...new TextEncoder().encode('@x.com\n'),
    ]);
    expect(await sniff(blobOf([bytes]))).toEqual({ encoding: 'windows-1252', bomLength: 0, guessed: true });
    const p = await previewFile(blobOf([bytes]));
    expect(p.encoding).toBe('windows-1252');
    expect(p.rows.map((r) => r[0])).toEqual(['a@x.com', 'b@x.com', 'cé@x.com']);
  });

  it('reports the line of invalid UTF-8 past the sniffed start and suggests Windows-1252', async () => {
    const lines = Array.from({ length: 7000 }, (_, i) => `user${i}@example.com`).join('\n');
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${lines}\nc`),
      0xe9,
      ...new TextEncoder().encode('@x.com\n'),
    ]);
    expect(bytes.length).toBeGreaterThan(65536);
    for (const chunk of [4096, 1 << 20]) {
      const e = await failure(parseAll(blobOf([bytes]), '', chunk));
      expect(e.details.line).toBe(7001);
      expect(e.message).toMatch(/Invalid UTF-8 at line 7001/);
      expect(e.details.suggestedEncoding).toBe('windows-1252');
    }
    const p = await previewFile(blobOf([bytes]), { encoding: 'windows-1252' });
    expect(p.rows[0]?.[0]).toBe('user0@example.com');
  });

  it('reads UTF-16 without a byte-order mark', async () => {
    const le = new Uint8Array([0x61, 0x00, 0x40, 0x00, 0x62, 0x00, 0x0a, 0x00]);
    expect((await sniff(blobOf([le]))).encoding).toBe('utf-16le');
    const be = new Uint8Array([0x00, 0x61, 0x00, 0x40, 0x00, 0x62, 0x00, 0x0a]);
    expect((await sniff(blobOf([be]))).encoding).toBe('utf-16be');
  });

  it('reports a truncated character at the end of the file', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('a@x.com\nb'), 0xc3]);
    const e = await failure(parseAll(blobOf([bytes]), '', 3));
    expect(e.details.line).toBe(2);
  });

  it('finds the first invalid UTF-8 byte', () => {
    const enc = new TextEncoder();
    expect(firstInvalidUtf8(enc.encode('héllo 😀'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(1); // surrogate
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe2, 0x28]))).toBe(2);
  });

  it('refuses binary files before parsing', async () => {
    const cases: [number[], RegExp][] = [
      [[0x50, 0x4b, 0x03, 0x04, 1, 2], /XLSX/],
      [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], /XLS/],
      [[0x25, 0x50, 0x44, 0x46, 0x2d], /PDF/],
      [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], /PNG/],
      [[0x61, 0x40, 0x62, 0x00, 0x63], /NUL byte at byte 4/],
    ];
    for (const [bytes, msg] of cases) {
      const e = await failure(sniff(blobOf([new Uint8Array(bytes)])));
      expect(e.details).toBeDefined();
      expect((e as ImportError).code).toBe('binary');
      expect(e.message).toMatch(msg);
    }
    expect((await failure(sniff(blobOf([])))).code).toBe('empty');
  });
});

describe('previewFile', () => {
  it('detects delimiters, including a sep= line', async () => {
    const cases: [string, Delimiter][] = [
      ['email,reason\na@x.com,unsubscribe\nb@x.com,bounce\n', ','],
      ['email\treason\na@x.com\tunsubscribe\nb@x.com\tbounce\n', '\t'],
      ['email;reason\na@x.com;unsubscribe\nb@x.com;bounce\n', ';'],
      ['email|reason\na@x.com|unsubscribe\nb@x.com|bounce\n', '|'],
      ['sep=;\r\nemail;name\r\na@x.com;Doe, Jane\r\n', ';'],
      ['a@x.com\nb@x.com\n', ''],
    ];
    for (const [text, d] of cases) {
      const p = await previewFile(blobOf([text]));
      expect(p.delimiter, JSON.stringify(text)).toBe(d);
    }
    const sep = await previewFile(blobOf(['sep=;\r\nemail;name\r\na@x.com;Doe, Jane\r\n']));
    expect(sep.sepLine).toBe(true);
    expect(sep.headers).toEqual(['email', 'name']);
    expect(sep.rows).toEqual([['a@x.com', 'Doe, Jane']]);
  });

  it('detects headers by name or by content and suggests a mapping', async () => {
    const md5 = 'ABCDEF0123456789ABCDEF0123456789';
    const p = await previewFile(
      blobOf([`Contact,Hashed Email,Website,Opt-out date\nJane,${md5},example.com,2024-01-01\n`]),
    );
    expect(p.hasHeader).toBe(true);
    expect(p.suggestedMapping.columns.map((c) => c.role)).toEqual(['ignore', 'hash', 'domain', 'date']);

    const q = await previewFile(blobOf(['who,what\njane@example.com,+44 20 7946 0018\n']));
    expect(q.hasHeader).toBe(true);
    expect(q.suggestedMapping.columns.map((c) => c.role)).toEqual(['email', 'phone']);

    const r = await previewFile(blobOf(['jane@example.com\njohn@example.com\n']));
    expect(r.hasHeader).toBe(false);
    expect(r.headers).toEqual(['Column 1']);
    expect(r.suggestedMapping.columns).toEqual([{ index: 0, role: 'email' }]);
  });

  it('survives __proto__, duplicate and missing headers', async () => {
    const p = await previewFile(blobOf(['__proto__,email,email,\na,a@x.com,b@x.com,,extra\n']));
    expect(p.headers).toEqual(['__proto__', 'email', 'email', '', '']);
    expect(p.suggestedMapping.columns.map((c) => c.role)).toEqual([
      'ignore',
      'email',
      'email',
      'ignore',
      'ignore',
    ]);
    expect(({} as Record<string, unknown>).email).toBeUndefined();
  });
});
