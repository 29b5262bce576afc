import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HeedDb } from '../../../lib/store/db';
import { exportListCsv, exportListVendor } from '../../../lib/store/export';
import { importFile, previewFile } from '../../../lib/store/import';
import { lookupPerson } from '../../../lib/store/lookup';
import { blobOf, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function seed(): Promise<string> {
  const r = await importFile(
    db,
    blobOf([
      'value,kind\nZoe@Example.com,email\nsam@example.org,email\n+44 20 7946 0018,phone\nexample.net,domain\n',
    ]),
    { target: { newList: { name: 'Mixed' } }, reason: 'unsubscribe', defaultCountry: 'GB' },
  );
  return r.listId;
}

describe('vendor exports', () => {
  it('writes an OPTIZMO MD5 file that OPTIZMO-style matching and Heed read back', async () => {
    const listId = await seed();
    const out = await exportListVendor(db, listId, 'optizmo-md5');
    const md5 = (s: string) => createHash('md5').update(s).digest('hex');
    expect(out.text).toBe(
      [md5('sam@example.org'), md5('zoe@example.com')]
        .sort()
        .map((h) => `${h}\n`)
        .join(''),
    );
    expect(out.omitted).toBe(2); // the phone and the domain cannot go into an MD5 email file
    const other = await freshDb();
    const p = await previewFile(blobOf([out.text]), { fileName: 'optizmo-md5.txt' });
    expect(p.profile.id).toBe('optizmo');
    await importFile(other, blobOf([out.text]), {
      target: { newList: { name: 'back' } },
      reason: 'unsubscribe',
    });
    expect((await lookupPerson(other, { emails: ['zoe@example.com'] })).matches).toHaveLength(1);
    other.close();
  });

  it('writes an OPTIZMO SHA-512 file that the OPTIZMO profile reads back with no mapping', async () => {
    const listId = await seed();
    const sha512 = (s: string) => createHash('sha512').update(s).digest('hex');
    // A SHA-512 entry already in the list goes out as it is.
    await importFile(db, blobOf([`${sha512('kim@example.com')}\n`]), {
      target: { listId },
      reason: 'unsubscribe',
    });
    const out = await exportListVendor(db, listId, 'optizmo-sha512');
    expect(out.text).toBe(
      [sha512('sam@example.org'), sha512('zoe@example.com'), sha512('kim@example.com')]
        .sort()
        .map((h) => `${h}\n`)
        .join(''),
    );
    expect(out.omitted).toBe(2);
    const other = await freshDb();
    const p = await previewFile(blobOf([out.text]), { fileName: 'list-sha512.txt' });
    expect(p.profile.id).toBe('optizmo');
    await importFile(other, blobOf([out.text]), {
      target: { newList: { name: 'back' } },
      reason: 'unsubscribe',
    });
    for (const who of ['zoe@example.com', 'Kim@Example.com'])
      expect((await lookupPerson(other, { emails: [who] })).matches.map((m) => m.kind)).toEqual(['sha512']);
    other.close();
  });

  it('SHA-512 entries survive Heed’s own plain and hashed CSV exports and import back by their kind column', async () => {
    const listId = await seed();
    const sha512 = (s: string) => createHash('sha512').update(s).digest('hex');
    await importFile(db, blobOf([`${sha512('kim@example.com').toUpperCase()}\n`]), {
      target: { listId },
      reason: 'objection',
    });
    for (const mode of ['plain', 'hashed'] as const) {
      const csv = await exportListCsv(db, listId, { mode });
      expect(csv).toContain(`${sha512('kim@example.com')},sha512,objection,`);
      const other = await freshDb();
      await importFile(other, blobOf([csv]), { target: { newList: { name: mode } }, reason: 'other' });
      const m = (await lookupPerson(other, { emails: ['kim@example.com'] })).matches;
      expect(m.map((x) => [x.kind, x.reason])).toEqual([['sha512', 'objection']]);
      other.close();
    }
  });

  it('writes a HubSpot opt-out CSV that reads back as a HubSpot export with every row opted out', async () => {
    const listId = await seed();
    const out = await exportListVendor(db, listId, 'hubspot-optout');
    expect(out.text).toBe(
      'Email,Unsubscribed from all email\r\nsam@example.org,true\r\nzoe@example.com,true\r\n',
    );
    const p = await previewFile(blobOf([out.text]));
    expect(p.profile.id).toBe('hubspot');
    const other = await freshDb();
    const r = await importFile(other, blobOf([out.text]), {
      target: { newList: { name: 'b' } },
      reason: 'unsubscribe',
    });
    expect(r).toMatchObject({ added: 2, rowsSkipped: 0 });
    other.close();
  });
});
