import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BulkCheckOptions,
  type BulkResult,
  bulkCheck,
  readRow,
  reasonsText,
} from '../../../lib/bulk/check';
import { suggestBulkMapping } from '../../../lib/bulk/mapping';
import { DEMO_LIST_NAMES, loadDemoData } from '../../../lib/demo/data';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { ImportError, previewFile } from '../../../lib/store/import';
import { getLists } from '../../../lib/store/lists';
import { saveSettings } from '../../../lib/store/settings';
import { dump, freshDb } from '../store/helpers';

const NOW = new Date('2026-05-01T12:00:00Z');
let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
  await loadDemoData(db, NOW);
});
afterEach(() => db.close());

async function optionsFor(blob: Blob, extra: Partial<BulkCheckOptions> = {}): Promise<BulkCheckOptions> {
  const p = await previewFile(blob);
  return {
    headers: p.headers,
    hasHeader: p.hasHeader,
    delimiter: p.delimiter,
    encoding: p.encoding,
    sepLine: p.sepLine,
    mapping: suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader),
    now: NOW,
    ...extra,
  };
}

async function run(csv: string | Blob, extra: Partial<BulkCheckOptions> = {}): Promise<BulkResult> {
  const blob = typeof csv === 'string' ? new Blob([csv]) : csv;
  return bulkCheck(db, blob, await optionsFor(blob, extra));
}

/** The output without its BOM (which Excel needs to read UTF-8, and Blob.text() drops). */
async function textOf(r: BulkResult): Promise<string> {
  const bytes = new Uint8Array(await r.output.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3), { stream: false });
}

async function outputRows(r: BulkResult): Promise<Record<string, string>[]> {
  const text = await textOf(r);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const DEMO_FILE = [
  'name,email,linkedin,country,stage',
  'Jane,,https://www.linkedin.com/in/jane-doe-1a2b3c/,,',
  'Max,,https://www.linkedin.com/in/max-mustermann/,,',
  'Emma,,https://www.linkedin.com/in/emma-tremblay/,,',
  'Ada,ada@adaworks.example,,,',
  'Claire,,https://www.linkedin.com/in/claire-dubois-42/,,',
  'Nobody,,,,',
].join('\n');

describe('bulkCheck', () => {
  it('judges a campaign on the day, not the hour of the check: no calling-hours block at night', async () => {
    // 03:30 in Toronto: a live verdict would block Emma's phone until morning (CRTC hours); a campaign checked
    // now goes out later, so the file gets the day's verdict.
    const night = new Date('2026-05-01T07:30:00Z');
    const rows = await outputRows(await run(DEMO_FILE, { now: night }));
    expect(rows.find((x) => x.name === 'Emma')?.heed_level).toBe('ok');
  });

  it('gives every demo person the level the demo promises, and counts them', async () => {
    const r = await run(DEMO_FILE);
    expect(r.rows).toBe(6);
    const rows = await outputRows(r);
    expect(rows.map((x) => [x.name, x.heed_level])).toEqual([
      ['Jane', 'blocked'],
      ['Max', 'caution'],
      ['Emma', 'ok'],
      ['Ada', 'high'],
      ['Claire', 'unknown'],
      ['Nobody', 'invalid'],
    ]);
    expect(r.counts).toEqual({ blocked: 1, high: 1, caution: 1, ok: 1, unknown: 1, invalid: 1, error: 0 });
  });

  it('adds level, the five channel verdicts, reasons with citations and the lists matched', async () => {
    const rows = await outputRows(await run(DEMO_FILE, { reasons: 'full' }));
    const jane = rows[0] as Record<string, string>;
    expect(Object.keys(jane)).toEqual([
      'name',
      'email',
      'linkedin',
      'country',
      'stage',
      'heed_level',
      'heed_email',
      'heed_sms',
      'heed_phone',
      'heed_post',
      'heed_inmail',
      'heed_reason_codes',
      'heed_lists',
      'heed_reasons',
    ]);
    expect([jane.heed_email, jane.heed_sms, jane.heed_phone, jane.heed_post, jane.heed_inmail]).toEqual([
      'blocked',
      'blocked',
      'blocked',
      'blocked',
      'blocked',
    ]);
    expect(jane.heed_reasons).toMatch(/\(GDPR Art\. 21/);
    expect(jane.heed_lists).toBe('Demo — Do not contact');
    const ada = rows[3] as Record<string, string>;
    expect(ada.heed_email).toBe('blocked');
    expect(ada.heed_lists).toBe('Demo — Vendor suppression (MD5)');
  });

  it('uses the file’s country and stage columns as hints', async () => {
    const file = 'email,country,stage\nsam@gmail.com,GB,\nsam@gmail.com,,\nsam@gmail.com,Atlantis,maybe\n';
    const rows = await outputRows(await run(file, { reasons: 'full' }));
    // A UK individual without consent: email is blocked (PECR reg. 22); with no country it is only a check.
    expect(rows[0]?.heed_email).toBe('blocked');
    expect(rows[0]?.heed_reasons).toMatch(/PECR/);
    expect(rows[1]?.heed_email).toBe('check');
    expect(rows[2]?.heed_email).toBe('check');
    expect(rows[2]?.heed_reasons).toMatch(/Country not recognised/);
    expect(rows[2]?.heed_reasons).toMatch(/Stage not recognised/);
  });

  it('follows the settings: default country and subscriber change the verdict', async () => {
    const file = 'linkedin\nhttps://www.linkedin.com/in/sam-lee-99/\n';
    const before = await outputRows(await run(file));
    await saveSettings(db, { defaultCountry: 'GB', defaultSubscriber: 'individual' });
    const after = await outputRows(await run(file));
    expect(before[0]?.heed_email).toBe('check');
    expect(after[0]?.heed_email).toBe('blocked');
  });

  it('reports possible matches only when the setting allows them', async () => {
    const list = (await getLists(db)).find((l) => l.name === DEMO_LIST_NAMES.dnc);
    // Not Gmail: a Gmail +tag is the same mailbox and so an exact match (issue 13, finding 8).
    await addEntries(db, list?.id as string, [{ kind: 'email', value: 'jane.doe@example.net' }], {
      reason: 'unsubscribe',
    });
    const file = 'email\njane.doe+promo@example.net\n';
    const on = await outputRows(await run(file));
    expect(on[0]?.heed_level).toBe('caution');
    expect(on[0]?.heed_lists).toBe('Demo — Do not contact (possible)');
    await saveSettings(db, { showPossibleMatches: false });
    const off = await outputRows(await run(file));
    expect(off[0]?.heed_level).toBe('unknown');
    expect(off[0]?.heed_lists).toBe('');
  });

  it('neutralises formulas in every cell it writes, input cells included', async () => {
    const file =
      'name,email\n=HYPERLINK("http://evil.example"),ada@adaworks.example\n@SUM(A1),x@rival.example\n';
    const text = await textOf(await run(file));
    expect(text).toContain("'=HYPERLINK");
    expect(text).toContain("'@SUM(A1)");
    for (const row of Papa.parse<string[]>(text).data) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    }
  });

  it('keeps rows it cannot check, with the reason, and every row of the input in order', async () => {
    const file = 'email,phone\nnot-an-email,\n,12\n,\nada@adaworks.example,\n';
    const r = await run(file, { reasons: 'full' });
    const rows = await outputRows(r);
    expect(rows.map((x) => [x.email, x.heed_level])).toEqual([
      ['not-an-email', 'invalid'],
      ['', 'invalid'],
      ['ada@adaworks.example', 'high'],
    ]);
    expect(rows[0]?.heed_reasons).toMatch(/^Ignored a email that is not valid \(.+\)/);
    expect(rows[1]?.heed_reasons).toMatch(/not valid/);
    expect(r.counts.invalid).toBe(2);
    expect(r.rows).toBe(3);
  });

  it('pads short rows so the Heed columns stay in place', async () => {
    const r = await run('email,name\nada@adaworks.example\nx@clean.example,Clean,extra\n');
    const rows = Papa.parse<string[]>(await textOf(r), { skipEmptyLines: true }).data;
    // The preview saw the third cell, so the output has a column for it.
    expect(rows[0]?.slice(0, 4)).toEqual(['email', 'name', '', 'heed_level']);
    expect(rows[1]?.slice(0, 4)).toEqual(['ada@adaworks.example', '', '', 'high']);
    expect(rows[2]?.slice(0, 4)).toEqual(['x@clean.example', 'Clean', 'extra', 'unknown']);
    expect(r.wideRows).toBe(0);
  });

  it('counts rows wider than the header it was given', async () => {
    const blob = new Blob(['email,name\nada@adaworks.example,Ada,extra\n']);
    const r = await bulkCheck(db, blob, {
      ...(await optionsFor(blob)),
      headers: ['email', 'name'],
    });
    expect(r.wideRows).toBe(1);
  });

  it('marks a row with malformed quoting as an error and keeps it', () => {
    const w = readRow({ cells: ['a"b'], error: 'malformed quotes' }, { roles: ['email'] });
    expect(w.fail).toEqual({
      level: 'error',
      code: 'unreadable-row',
      reason: 'Row could not be read (malformed quotes).',
    });
  });

  it('writes with the input’s delimiter and skips a sep= line', async () => {
    const file = 'sep=;\nemail;name\nada@adaworks.example;Ada\n';
    const r = await run(file);
    const text = await textOf(r);
    expect(text.split('\r\n')[0]).toBe(
      'email;name;heed_level;heed_email;heed_sms;heed_phone;heed_post;heed_inmail;heed_reason_codes;heed_lists',
    );
    expect(text.split('\r\n')[1]).toMatch(/^ada@adaworks\.example;Ada;high;blocked;/);
    expect(r.rows).toBe(1);
  });

  it('names the columns of a file without a header', async () => {
    const r = await run('ada@adaworks.example\nx@clean.example\n');
    const rows = await outputRows(r);
    expect(rows.map((x) => [x['Column 1'], x.heed_level])).toEqual([
      ['ada@adaworks.example', 'high'],
      ['x@clean.example', 'unknown'],
    ]);
  });

  it('reads several addresses in one email cell', async () => {
    const rows = await outputRows(await run('email\n"nobody@clean.example; ada@adaworks.example"\n'));
    expect(rows[0]?.heed_level).toBe('high');
  });

  it('refuses files that are not text, an empty file and a header without rows, with a clear error', async () => {
    const png = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]);
    await expect(
      bulkCheck(db, png, {
        headers: ['Column 1'],
        hasHeader: false,
        delimiter: '',
        encoding: 'utf-8',
        sepLine: false,
        mapping: { roles: ['email'] },
      }),
    ).rejects.toMatchObject({ code: 'binary' });
    await expect(run('email\n')).rejects.toMatchObject({ code: 'empty' });
  });

  it('reports invalid UTF-8 with its line', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('email\nada@adaworks.example\n'), 0xff, 0x0a]);
    const blob = new Blob([bytes]);
    const opts: BulkCheckOptions = {
      headers: ['email'],
      hasHeader: true,
      delimiter: '',
      encoding: 'utf-8',
      sepLine: false,
      mapping: { roles: ['email'] },
    };
    const err = await bulkCheck(db, blob, opts).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('encoding');
    expect((err as ImportError).line).toBe(3);
  });

  it('refuses a mapping without an identifier column', async () => {
    await expect(
      run(DEMO_FILE, { mapping: { roles: ['ignore', 'ignore', 'ignore', 'country'] } }),
    ).rejects.toMatchObject({
      code: 'mapping',
    });
  });

  it('reports progress and stops on cancel without producing a file or writing anything', async () => {
    const lines = ['email'];
    for (let i = 0; i < 5000; i++) lines.push(`person${i}@example.org`);
    const blob = new Blob([`${lines.join('\n')}\n`]);
    const before = await dump(db);
    const ac = new AbortController();
    const seen: number[] = [];
    const err = await bulkCheck(
      db,
      blob,
      await optionsFor(blob, {
        batchSize: 500,
        signal: ac.signal,
        onProgress: (p) => {
          seen.push(p.rows);
          if (p.rows >= 1500) ac.abort();
        },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('cancelled');
    expect(seen.at(-1)).toBeLessThan(5000);
    expect(seen.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect(await dump(db)).toEqual(before);
  });

  it('when it plans (lists larger than its cache), reports progress in bytes and stops on cancel', async () => {
    const lines = ['email'];
    for (let i = 0; i < 5000; i++) lines.push(`person${i}@example.org`);
    const blob = new Blob([`${lines.join('\n')}\n`]);
    const ac = new AbortController();
    const bytes: number[] = [];
    const rows: number[] = [];
    const err = await bulkCheck(
      db,
      blob,
      await optionsFor(blob, {
        batchSize: 500,
        chunkSize: 4096,
        cacheBytes: 1,
        planKeys: 1000,
        signal: ac.signal,
        onProgress: (p) => {
          bytes.push(p.bytesRead);
          rows.push(p.rows);
          if (p.rows >= 2500) ac.abort();
        },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).code).toBe('cancelled');
    // The file is read twice (planner ahead, then the check): each pass counts half of the bytes, never more.
    expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
    expect(Math.max(...bytes)).toBeLessThan(blob.size);
    expect(rows.at(-1)).toBeLessThan(5000);
    expect(new Set(rows.filter((n) => n > 0)).size).toBeGreaterThanOrEqual(3);
  });

  it('writes nothing to the store, not even an audit event', async () => {
    const before = await dump(db);
    const audit = await db.audit.count();
    await run(DEMO_FILE);
    expect(await dump(db)).toEqual(before);
    expect(await db.audit.count()).toBe(audit);
  });

  it('gives the same answers whatever the batch and chunk sizes', async () => {
    const a = await textOf(await run(DEMO_FILE, { batchSize: 1, chunkSize: 7 }));
    const b = await textOf(await run(DEMO_FILE));
    expect(a).toBe(b);
  });
});

describe('readRow', () => {
  it('sends hash cells in an auto column to the notes, not the lookup', () => {
    const w = readRow({ cells: ['0123456789abcdef0123456789abcdef'] }, { roles: ['auto'] });
    expect(w.fail?.level).toBe('invalid');
    expect(w.fail?.reason).toMatch(/md5 hash cannot be checked/);
  });

  it('reads identifiers through a formula guard', () => {
    const w = readRow({ cells: ["'+44 20 7946 0000"] }, { roles: ['phone'] });
    expect(w.ids.phones).toEqual(['+44 20 7946 0000']);
  });
});

describe('reasonsText', () => {
  it('joins message and citation', () => {
    expect(
      reasonsText(
        {
          reasons: [
            { code: 'suppressed-objection', level: 'high', channels: [], message: 'One', citation: 'Art. 1' },
            { code: 'post-not-regulated', level: 'info', channels: [], message: 'Two', citation: '' },
          ],
        },
        ['Note'],
      ),
    ).toBe('One (Art. 1); Two; Note');
  });
});

describe('short output, clean file and removed rows (issue 20, item 11)', () => {
  it('writes rule codes by default, no sentences, and full reasons only when asked', async () => {
    const rows = await outputRows(await run(DEMO_FILE));
    expect(Object.keys(rows[0] ?? {})).not.toContain('heed_reasons');
    expect(rows[0]?.heed_reason_codes).toMatch(/^[a-z0-9-]+( [a-z0-9-]+)*$/);
    expect(rows[0]?.heed_reason_codes).not.toMatch(/objected to direct marketing|GDPR/);
    expect(rows[5]?.heed_reason_codes).toBe('no-identifier');
  });

  it('gives the clean file (safe rows, the file’s own columns) and the removed rows with why', async () => {
    const r = await run(DEMO_FILE);
    const clean = Papa.parse<Record<string, string>>((await r.clean.text()).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(clean.meta.fields).toEqual(['name', 'email', 'linkedin', 'country', 'stage']);
    expect(clean.data.map((x) => x.name)).toEqual(['Max', 'Emma', 'Claire']);
    expect(r.cleanRows).toBe(3);
    const removed = Papa.parse<Record<string, string>>((await r.removed.text()).replace(/^\uFEFF/, ''), {
      header: true,
      skipEmptyLines: true,
    });
    expect(removed.meta.fields).toEqual([
      'name',
      'email',
      'linkedin',
      'country',
      'stage',
      'heed_level',
      'heed_reason_codes',
      'heed_lists',
      'heed_why',
    ]);
    expect(removed.data.map((x) => [x.name, x.heed_level])).toEqual([
      ['Jane', 'blocked'],
      ['Ada', 'high'],
      ['Nobody', 'invalid'],
    ]);
    expect(removed.data[0]?.heed_why).toMatch(/object/i);
    expect(removed.data[2]?.heed_why).toMatch(/No identifier/);
    expect(r.removedRows).toBe(3);
  });

  it('keeps the flagged rows for the page, with row number, identifier and blocked channels', async () => {
    const r = await run(DEMO_FILE);
    expect(r.flagged.map((f) => [f.row, f.identifier, f.level])).toEqual([
      [1, 'https://www.linkedin.com/in/jane-doe-1a2b3c/', 'blocked'],
      [4, 'ada@adaworks.example', 'high'],
      [6, '', 'invalid'],
    ]);
    expect(r.flagged[1]?.blockedChannels).toEqual(['email']);
  });

  it('decides the clean file by the campaign’s channel, not the overall level', async () => {
    // A UK individual at a webmail address: "unknown" overall, but email needs consent (PECR reg. 22).
    const file = 'email,country\nsam@gmail.com,GB\n';
    const byEmail = await run(file);
    expect(byEmail.counts.unknown).toBe(1);
    expect([byEmail.cleanRows, byEmail.removedRows]).toEqual([0, 1]);
    expect(byEmail.flagged[0]?.codes).toBe('pecr-individual-no-consent');
    expect(byEmail.flagged[0]?.why).toMatch(/consent/i);
    const byPost = await run(file, { campaignChannel: 'post' });
    expect([byPost.cleanRows, byPost.removedRows]).toEqual([1, 0]);
  });

  it('guards formulas in the clean and removed files too', async () => {
    const r = await run('email,note\nx@clean.example,=HYPERLINK("http://x")\n=1+1,@SUM(A1)\n');
    expect(await r.clean.text()).toContain(`'=HYPERLINK`);
    expect(await r.removed.text()).toContain(`'=1+1`);
    expect(await r.removed.text()).toContain(`'@SUM(A1)`);
  });

  it('makes a 20,000-row campaign far smaller than with full sentences', async () => {
    const lines = ['email,name,country'];
    for (let i = 0; i < 20_000; i++) lines.push(`person${i}@gmail.com,Person ${i},${i % 2 ? 'GB' : 'DE'}`);
    const blob = new Blob([`${lines.join('\n')}\n`]);
    const codes = await run(blob);
    const full = await run(blob, { reasons: 'full' });
    console.log(
      `bulk output, 20,000 rows (${(blob.size / 1e6).toFixed(2)} MB in): codes ${(codes.output.size / 1e6).toFixed(2)} MB, full ${(full.output.size / 1e6).toFixed(2)} MB, clean ${(codes.clean.size / 1e6).toFixed(2)} MB, removed ${(codes.removed.size / 1e6).toFixed(2)} MB`,
    );
    expect(codes.output.size).toBeLessThan(full.output.size / 3);
    expect(codes.output.size).toBeLessThan(blob.size * 4);
  }, 120_000);
});
