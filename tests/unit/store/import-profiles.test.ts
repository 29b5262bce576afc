import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { guessDateOrder, readDate } from '../../../lib/import/dates';
import { flagValue } from '../../../lib/import/profiles';
import type { HeedDb } from '../../../lib/store/db';
import { type ImportError, type ImportResult, importFile, previewFile } from '../../../lib/store/import';
import { lookupPerson } from '../../../lib/store/lookup';
import { freshDb } from './helpers';

// The profile detectors on files laid out as the tools export them (tests/fixtures/imports/), and the
// fixes for what those files did to the wizard before (issue 15, section 3).

const DIR = join(__dirname, '../../fixtures/imports');
const fixture = (name: string) => new Blob([readFileSync(join(DIR, name))]);

let db: HeedDb;
beforeAll(async () => {
  await loadHashers();
});
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function failure(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p;
  } catch (e) {
    return e as ImportError;
  }
  throw new Error('expected a failure');
}

async function blocked(email: string) {
  return (await lookupPerson(db, { emails: [email] })).matches;
}

function consistent(r: ImportResult) {
  // "Rows read 8 / Added 9" must not happen: every row and every value is accounted for.
  expect(r.rowsImported + r.rowsSkipped + r.rowsRejected).toBe(r.rows);
  expect(r.added + r.alreadyPresent + r.duplicatesInFile).toBe(r.values);
}

const roleOf = (p: Awaited<ReturnType<typeof previewFile>>, header: string) =>
  p.profile.roles[p.headers.indexOf(header)];

describe('HubSpot contacts export', () => {
  it('is recognised and imports only the rows unsubscribed from all email', async () => {
    const file = fixture('hubspot-contacts-export.csv');
    const p = await previewFile(file, { fileName: 'hubspot-crm-exports-all-contacts-2026-03-15.csv' });
    expect(p.profile.id).toBe('hubspot');
    expect(p.profile.label).toBe('Looks like a HubSpot contacts export');
    expect(roleOf(p, 'Email')).toBe('email');
    expect(roleOf(p, 'Phone Number')).toBe('ignore');
    expect(p.profile.flags).toEqual([
      { index: p.headers.indexOf('Unsubscribed from all email'), targets: [3], reason: 'unsubscribe' },
    ]);
    expect(p.profile.channels).toEqual(['email']);

    const r = await importFile(db, file, {
      target: { newList: { name: 'HubSpot' } },
      reason: p.profile.reason,
      fileName: 'export.csv',
    });
    expect(r.rows).toBe(8);
    expect(r.added).toBe(2);
    expect(r.rowsSkipped).toBe(6);
    consistent(r);
    expect(await blocked('ada@analytical.example')).toHaveLength(1);
    expect((await blocked('ada@analytical.example'))[0]?.reason).toBe('unsubscribe');
    for (const notOptedOut of ['alan@bletchley.example', 'grace@navy.example', 'ken@bell.example']) {
      expect(await blocked(notOptedOut)).toEqual([]);
    }
  });

  it('refuses a file where nobody opted out instead of suppressing everyone', async () => {
    const csv = 'Email,Unsubscribed from all email\na@x.com,false\nb@x.com,\n';
    const e = await failure(
      importFile(db, new Blob([csv]), { target: { newList: { name: 'x' } }, reason: 'unsubscribe' }),
    );
    expect(e.code).toBe('no-values');
    expect(e.message).toMatch(/None of the 2 rows is marked as opted out/);
    expect(await db.lists.count()).toBe(0);
  });

  it('does not take a column named like a flag for one when it holds dates', async () => {
    const csv = 'Email,Unsubscribed\na@x.com,2026-03-10\nb@x.com,2026-03-11\n';
    const p = await previewFile(new Blob([csv]));
    expect(p.profile.flags).toEqual([]);
    const r = await importFile(db, new Blob([csv]), {
      target: { newList: { name: 'x' } },
      reason: 'unsubscribe',
    });
    expect(r.added).toBe(2);
  });

  it('rejects a row whose flag is neither yes nor no, and says so', async () => {
    const csv = 'Email,Unsubscribed from all email\na@x.com,maybe\nb@x.com,TRUE\n';
    const r = await importFile(db, new Blob([csv]), {
      target: { newList: { name: 'x' } },
      reason: 'unsubscribe',
    });
    expect(r.added).toBe(1);
    expect(r.rowsRejected).toBe(1);
    expect(r.rejectedRows[0]).toMatchObject({ line: 2, column: 2, value: 'maybe' });
    consistent(r);
  });
});

describe('Salesforce', () => {
  it('reads a semicolon report: Email Opt Out gates the email, Do Not Call the phones', async () => {
    const file = fixture('salesforce-contacts-report.csv');
    const p = await previewFile(file);
    expect(p.delimiter).toBe(';');
    expect(p.profile.id).toBe('salesforce');
    expect(roleOf(p, 'Email')).toBe('email');
    expect(roleOf(p, 'Phone')).toBe('phone');
    expect(roleOf(p, 'Mobile')).toBe('phone');
    expect(roleOf(p, 'Email Opt Out')).toBe('ignore');
    expect(p.profile.channels.sort()).toEqual(['email', 'phone']);

    const r = await importFile(db, file, { target: { newList: { name: 'SF' } }, reason: 'unsubscribe' });
    expect(r.rows).toBe(5);
    expect(r.rowsSkipped).toBe(2); // Mia and Emma: 0 and 0
    expect(r.rowsImported).toBe(3);
    consistent(r);
    expect(await blocked('lena.schmidt@beispiel.example')).toHaveLength(1);
    expect(await blocked('paul.wagner@muster.example')).toHaveLength(1);
    expect(await blocked('jonas.weber@beispiel.example')).toEqual([]); // do not call, but emails are fine
    expect(await blocked('mia.fischer@muster.example')).toEqual([]);
    const jonasPhone = await lookupPerson(db, { phones: ['+49 30 901821'] });
    expect(jonasPhone.matches.map((m) => m.reason)).toEqual(['do-not-call']);
    // Lena opted out of email only: her phone numbers are not suppressed.
    expect((await lookupPerson(db, { phones: ['+49 30 901820'] })).matches).toEqual([]);
  });

  it('reads API names (Data Loader) with true/false', async () => {
    const file = fixture('salesforce-dataloader-contacts.csv');
    const p = await previewFile(file);
    expect(p.profile.id).toBe('salesforce');
    const r = await importFile(db, file, { target: { newList: { name: 'SF' } }, reason: 'unsubscribe' });
    expect(r.added).toBe(2); // Lena's email, Jonas's phone
    expect(r.rowsSkipped).toBe(1);
    consistent(r);
  });
});

describe('Mailchimp', () => {
  it('recognises the 27-column unsubscribed export; the postal Address is not an email', async () => {
    const file = fixture('mailchimp-unsubscribed-members_export.csv');
    const p = await previewFile(file, { fileName: 'unsubscribed_members_export_1a2b3c.csv' });
    expect(p.headers).toHaveLength(27);
    expect(p.profile.id).toBe('mailchimp-unsubscribed');
    expect(p.profile.label).toBe('Looks like a Mailchimp unsubscribed export');
    expect(roleOf(p, 'Email Address')).toBe('email');
    expect(roleOf(p, 'Address')).toBe('ignore');
    expect(roleOf(p, 'Phone Number')).toBe('ignore');
    expect(roleOf(p, 'UNSUB_TIME')).toBe('date');
    expect(p.profile.reason).toBe('unsubscribe');
    expect(p.profile.channels).toEqual(['email']);
    const r = await importFile(db, file, { target: { newList: { name: 'MC' } }, reason: p.profile.reason });
    expect(r.added).toBe(4);
    expect(r.dateFallbacks).toBe(0);
    consistent(r);
    const m = await blocked('pat1@shop.example');
    expect(m[0]).toMatchObject({ reason: 'unsubscribe', since: '2026-03-10' });
    expect((await lookupPerson(db, { phones: ['+44 7700 900001'] })).matches).toEqual([]);
  });

  it('recognises the cleaned export as bounces dated by CLEAN_TIME', async () => {
    const file = fixture('mailchimp-cleaned-members_export.csv');
    const p = await previewFile(file);
    expect(p.profile.id).toBe('mailchimp-cleaned');
    expect(p.profile.reason).toBe('bounce');
    const r = await importFile(db, file, { target: { newList: { name: 'MC' } }, reason: p.profile.reason });
    expect(r.added).toBe(2);
    expect((await blocked('gone@oldco.example'))[0]).toMatchObject({ reason: 'bounce', since: '2026-01-05' });
  });

  it('warns about an export of subscribed members', async () => {
    const csv = 'Email Address,First Name,MEMBER_RATING,OPTIN_TIME,LEID\na@x.com,A,2,2024-01-01 10:00:00,1\n';
    const p = await previewFile(new Blob([csv]));
    expect(p.profile.id).toBe('mailchimp-members');
    expect(p.profile.warning).toMatch(/subscribed members/);
  });
});

describe('Outreach and Salesloft', () => {
  it('Salesloft "Do Not Contact" gates email and phone as an objection', async () => {
    const file = fixture('salesloft-people-do-not-contact.csv');
    const p = await previewFile(file);
    expect(p.profile.id).toBe('sales-engagement');
    expect(p.profile.reason).toBe('objection');
    const r = await importFile(db, file, { target: { newList: { name: 'SL' } }, reason: p.profile.reason });
    expect(r.added).toBe(2);
    expect(r.rowsSkipped).toBe(1);
    expect(await blocked('nina@corp.example')).toEqual([]);
    expect((await blocked('ravi@corp.example'))[0]?.reason).toBe('objection');
  });

  it('Outreach "Opted Out" Yes/No', async () => {
    const file = fixture('outreach-prospects-export.csv');
    const p = await previewFile(file);
    expect(p.profile.id).toBe('sales-engagement');
    expect(roleOf(p, 'Emails')).toBe('email');
    const r = await importFile(db, file, { target: { newList: { name: 'O' } }, reason: p.profile.reason });
    expect(r.added).toBe(2);
    expect(r.rowsSkipped).toBe(1);
    expect(await blocked('ivy@widgets.example')).toEqual([]);
  });
});

describe('OPTIZMO downloads', () => {
  it('imports an MD5 file, also from inside a zip', async () => {
    for (const name of ['optizmo-md5-suppression.txt', 'optizmo-md5-suppression.zip']) {
      const file = fixture(name);
      const p = await previewFile(file, { fileName: name });
      expect(p.profile.id).toBe('optizmo');
      expect(p.profile.channels).toEqual(['email']);
      if (name.endsWith('.zip'))
        expect(p.container).toEqual({ kind: 'zip', entry: 'optizmo-md5-suppression.txt' });
      const r = await importFile(db, file, {
        target: { newList: { name } },
        reason: 'unsubscribe',
        fileName: name,
      });
      expect(r.added).toBe(3);
    }
    expect((await blocked('b@optizmo-test.example'))[0]?.kind).toBe('md5');
  });

  it('imports a SHA-512 file with no manual mapping, and the people in it are found', async () => {
    const file = fixture('optizmo-sha512-suppression.txt');
    const p = await previewFile(file, { fileName: 'optizmo-sha512-suppression.txt' });
    expect(p.profile.id).toBe('optizmo');
    expect(p.profile.refusal).toBeUndefined();
    expect(p.profile.roles).toEqual(['sha512']);
    expect(p.profile.channels).toEqual(['email']);
    const r = await importFile(db, file, {
      target: { newList: { name: 'OPTIZMO SHA-512', channels: p.profile.channels } },
      reason: p.profile.reason,
      fileName: 'optizmo-sha512-suppression.txt',
    });
    expect(r).toMatchObject({ added: 3, rejected: 0, profile: 'optizmo' });
    for (const who of ['a@optizmo-test.example', 'B@Optizmo-Test.example', 'c@optizmo-test.example']) {
      const m = await blocked(who);
      expect(m.map((x) => [x.listName, x.kind, x.via, x.reason])).toEqual([
        ['OPTIZMO SHA-512', 'sha512', 'sha512 of email', 'unsubscribe'],
      ]);
    }
    expect(await blocked('d@optizmo-test.example')).toEqual([]);
  });

  it('a SHA-512 file with a hash of the wrong length keeps the others and names the line and column', async () => {
    const { sha512 } = await loadHashers();
    const text = `${sha512('a@x.example')}\n${sha512('b@x.example').slice(0, 127)}\n${sha512('c@x.example')}\n`;
    const r = await importFile(db, new Blob([text]), {
      target: { newList: { name: 'S' } },
      reason: 'unsubscribe',
      fileName: 'optizmo-sha512.txt',
    });
    expect(r.added).toBe(2);
    expect(r.rejectedRows).toEqual([
      {
        line: 2,
        column: 1,
        value: sha512('b@x.example').slice(0, 127),
        reason: 'wrong length for a hash: 127 hex characters (MD5 has 32, SHA-1 40, SHA-256 64, SHA-512 128)',
      },
    ]);
    expect(await blocked('a@x.example')).toHaveLength(1);
    expect(await blocked('b@x.example')).toEqual([]);
  });

  it('proposes phone and SMS for an SMS number file, email for a domain file', async () => {
    const sms = await previewFile(fixture('optizmo-sms.txt'), { fileName: 'optizmo-sms.txt' });
    expect(sms.profile.channels.sort()).toEqual(['phone', 'sms']);
    const dom = await previewFile(fixture('optizmo-domains.txt'), { fileName: 'optizmo-domains.txt' });
    expect(dom.profile.channels).toEqual(['email']);
  });

  it('says which zips it cannot read', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const two = zipSync({ 'a.csv': strToU8('a@x.com\n'), 'b.csv': strToU8('b@x.com\n') });
    const e = await failure(previewFile(new Blob([two])));
    expect(e.message).toMatch(/holds 2 files/);
  });
});

describe('plain files', () => {
  it('takes the reason from an "unsubscribed" file name and leaves the phone column out', async () => {
    const file = fixture('newsletter-unsubscribed.csv');
    const p = await previewFile(file, { fileName: 'newsletter-unsubscribed.csv' });
    expect(p.profile.id).toBe('plain');
    expect(p.profile.reason).toBe('unsubscribe');
    expect(roleOf(p, 'phone')).toBe('ignore');
    expect(roleOf(p, 'unsubscribed on')).toBe('date');
    expect(p.profile.channels).toEqual(['email']);
    expect(p.dateOrder).toEqual({ order: null, numeric: true, conflicting: false });
  });

  it('reads ambiguous dates in the order chosen, and counts them as unreadable without one', async () => {
    const file = fixture('newsletter-unsubscribed.csv');
    const base = {
      reason: 'unsubscribe' as const,
      since: '2026-01-01',
      fileName: 'newsletter-unsubscribed.csv',
    };
    const us = await importFile(db, file, { ...base, target: { newList: { name: 'US' } }, dateOrder: 'mdy' });
    expect(us.dateFallbacks).toBe(0);
    expect((await blocked('u1@example.com'))[0]?.since).toBe('2026-03-04');
    const eu = await importFile(db, file, { ...base, target: { listId: us.listId }, dateOrder: 'dmy' });
    expect(eu.alreadyPresent).toBe(2);
    const db2 = db;
    db = await freshDb();
    const none = await importFile(db, file, { ...base, target: { newList: { name: 'none' } } });
    expect(none.dateFallbacks).toBe(2);
    db2.close();
  });

  it('detects Windows-1252 from an old Excel CSV and shows it', async () => {
    const p = await previewFile(fixture('excel-windows-1252.csv'));
    expect(p.encoding).toBe('windows-1252');
    expect(p.encodingGuessed).toBe(true);
    expect(p.rows.map((r) => r[0])).toEqual(['Zoë Müller', 'José Peña', 'Ångström Café']);
  });

  it('reads Excel "Unicode text" (UTF-16 LE, tabs)', async () => {
    const p = await previewFile(fixture('excel-unicode-text.txt'));
    expect(p.encoding).toBe('utf-16le');
    expect(p.delimiter).toBe('\t');
    expect(p.rows[0]).toEqual(['zoë@exämple.com', 'unsubscribed']);
  });
});

describe('Excel workbooks', () => {
  it('reads the first sheet: shared strings, booleans, date styles, gaps', async () => {
    const file = fixture('salesforce-opt-outs.xlsx');
    const p = await previewFile(file, { fileName: 'salesforce-opt-outs.xlsx' });
    expect(p.container).toEqual({ kind: 'xlsx', sheets: ['Opt-outs', 'Notes & sources'], sheet: 0 });
    expect(p.headers).toEqual([
      'Full Name',
      'Email',
      'Mobile',
      'Email Opt Out',
      'Do Not Call',
      'Opt-out date',
    ]);
    expect(p.rows[0]).toEqual([
      'Zoë Müller',
      'zoe@muller.example',
      '+44 7700 900123',
      'TRUE',
      'FALSE',
      '2026-03-10',
    ]);
    expect(p.rows[1]?.[5]).toBe('2026-03-11 12:00:00');
    expect(p.rows[2]?.[2]).toBe('447700900123');
    expect(p.rows[3]?.[0]).toBe('Lee <Admin>');
    expect(p.profile.id).toBe('salesforce');
    const r = await importFile(db, file, {
      target: { newList: { name: 'xlsx' } },
      reason: 'unsubscribe',
      defaultCountry: 'GB',
    });
    expect(r.rowsSkipped).toBe(1); // Sam: both flags false
    expect(await blocked('sam@oneil.example')).toEqual([]);
    expect((await blocked('zoe@muller.example'))[0]?.since).toBe('2026-03-10');
    expect(await blocked('lee@admin.example')).toHaveLength(1);
    consistent(r);
  });

  it('converts a 200,000-row sheet (no call-stack overflow on wide spreads)', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const { xlsxToCsv } = await import('../../../lib/import/xlsx');
    const rows = ['<row r="1"><c r="A1" t="inlineStr"><is><t>Email</t></is></c></row>'];
    for (let i = 2; i <= 200_001; i++)
      rows.push(`<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>u${i}@x.com</t></is></c></row>`);
    const bytes = zipSync({
      'xl/workbook.xml': strToU8(
        '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`),
    });
    const out = xlsxToCsv(bytes);
    const lines = out.csv.trimEnd().split('\n');
    expect(lines).toHaveLength(200_001);
    expect(lines.at(-1)).toBe('u200001@x.com');
  }, 60_000);

  it('reads a chosen sheet', async () => {
    const p = await previewFile(fixture('salesforce-opt-outs.xlsx'), { sheet: 1 });
    expect(p.container).toMatchObject({ sheet: 1 });
    expect(p.rows).toEqual([['second-sheet@example.com']]);
  });
});

describe('dates', () => {
  it('reads the formats exports use', () => {
    expect(readDate('2026-03-10 09:10:00')).toBe('2026-03-10');
    expect(readDate('2026-03-10T09:10:00Z')).toBe('2026-03-10');
    expect(readDate('2026/03/10')).toBe('2026-03-10');
    expect(readDate('10.03.2026')).toBe(null); // ambiguous without an order
    expect(readDate('10.03.2026', 'dmy')).toBe('2026-03-10');
    expect(readDate('03/10/2026 9:10 AM', 'mdy')).toBe('2026-03-10');
    expect(readDate('25/03/2026')).toBe('2026-03-25'); // the numbers settle it
    expect(readDate('03/25/2026', 'dmy')).toBe('2026-03-25'); // and beat a wrong choice
    expect(readDate('10 Mar 2026')).toBe('2026-03-10');
    expect(readDate('March 10, 2026')).toBe('2026-03-10');
    expect(readDate('46091')).toBe('2026-03-10');
    expect(readDate('46091.5')).toBe('2026-03-10');
    expect(readDate('31/04/2026')).toBe(null);
    expect(readDate('12345')).toBe(null);
    expect(readDate('yesterday')).toBe(null);
  });

  it('guesses the day/month order from the values', () => {
    expect(guessDateOrder(['01/02/2026', '25/02/2026']).order).toBe('dmy');
    expect(guessDateOrder(['01/02/2026', '02/25/2026']).order).toBe('mdy');
    expect(guessDateOrder(['01/02/2026', '02/03/2026'])).toEqual({
      order: null,
      numeric: true,
      conflicting: false,
    });
    expect(guessDateOrder(['25/02/2026', '02/25/2026']).conflicting).toBe(true);
    expect(guessDateOrder(['2026-03-10 09:10:00']).numeric).toBe(false);
  });

  it('reads flag cells', () => {
    for (const t of ['true', 'TRUE', '1', 'Yes', 'y', 'X', 'opted out']) expect(flagValue(t)).toBe(true);
    for (const f of ['false', 'FALSE', '0', 'No', '', ' ']) expect(flagValue(f)).toBe(false);
    expect(flagValue('maybe')).toBe(null);
  });
});
