import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import type { HeedDb } from '../../../lib/store/db';
import { pageEntries } from '../../../lib/store/entries';
import {
  type ImportError,
  type ImportProgress,
  importFile,
  rejectedRowsCsv,
} from '../../../lib/store/import';
import { createList, listCounts } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { blobOf, dump, freshDb } from './helpers';

let db: HeedDb;
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
  throw new Error('expected the import to fail');
}

const emails = (n: number, prefix = 'user') =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
const fileOf = (lines: string[], header = 'email') => blobOf([`${header}\n${lines.join('\n')}\n`]);

describe('importFile', () => {
  it('imports a CSV with header, reason and date columns into a new list', async () => {
    const blob = blobOf([
      'Email,Reason,Date\n',
      'jane@example.com,unsubscribed,2024-05-01\n',
      'JOHN@example.com,bounce,2024-06-01T10:00:00Z\n',
      'not-an-email,objection,2024-01-01\n',
      '\n',
      'jane@example.com,other,2020-01-01\n',
      'sam@example.com,,yesterday\n',
    ]);
    const r = await importFile(db, blob, {
      target: { newList: { name: 'Vendor opt-outs', channels: ['email'] } },
      reason: 'objection',
      since: '2025-01-01',
      fileName: 'optouts.csv',
    });
    expect(r).toMatchObject({
      added: 3,
      alreadyPresent: 0,
      duplicatesInFile: 1,
      rejected: 1,
      rows: 5,
      dateFallbacks: 1,
      hasHeader: true,
      delimiter: ',',
    });
    expect(r.rejectedRows).toEqual([
      { line: 4, column: 1, value: 'not-an-email', reason: 'no @ in address' },
    ]);
    const list = await db.lists.get(r.listId);
    expect(list).toMatchObject({ name: 'Vendor opt-outs', channels: ['email'], sourceFile: 'optouts.csv' });
    expect(list?.counts).toEqual({ total: 3, byKind: { email: 3 } });
    const got = async (e: string) =>
      (await lookupPerson(db, { emails: [e] })).matches.map((m) => [m.reason, m.since]);
    expect(await got('jane@example.com')).toEqual([['unsubscribe', '2024-05-01']]);
    expect(await got('john@example.com')).toEqual([['bounce', '2024-06-01']]);
    expect(await got('sam@example.com')).toEqual([['objection', '2025-01-01']]);
    expect(rejectedRowsCsv(r)).toBe('line,column,value,reason\r\n4,1,not-an-email,no @ in address\r\n');
  });

  it('an objection, erasure or complaint imported into an email-only list blocks every channel (issue 13, finding 1)', async () => {
    const blob = blobOf([
      'email,reason\nobj@example.com,objection\nera@example.com,erasure\ncom@example.com,complaint\n',
      'uns@example.com,unsubscribe\nbnc@example.com,bounce\n',
    ]);
    const r = await importFile(db, blob, {
      target: { newList: { name: 'Email vendor', channels: ['email'] } },
      reason: 'other',
    });
    expect(r.added).toBe(5);
    const channels = async (e: string) =>
      (await lookupPerson(db, { emails: [e] })).matches.map((m) => m.channels);
    for (const e of ['obj@example.com', 'era@example.com', 'com@example.com'])
      expect(await channels(e)).toEqual([undefined]);
    for (const e of ['uns@example.com', 'bnc@example.com']) expect(await channels(e)).toEqual([['email']]);
  });

  it('imports hashes of any algorithm and case, and rejects wrong-length hex', async () => {
    const h = await loadHashers();
    const blob = blobOf([
      `hash\n${h.md5('a@x.com').toUpperCase()}\n${h.sha1('b@x.com')}\n${h.sha256('c@x.com')}\nabc123\n`,
    ]);
    const r = await importFile(db, blob, { target: { newList: { name: 'hashes' } }, reason: 'unsubscribe' });
    expect(r.added).toBe(3);
    expect(r.rejectedRows.map((x) => [x.line, x.reason])).toEqual([
      [5, expect.stringMatching(/wrong length/)],
    ]);
    for (const e of ['a@x.com', 'b@x.com', 'c@x.com']) {
      expect((await lookupPerson(db, { emails: [e] })).matches).toHaveLength(1);
    }
    expect((await db.lists.get(r.listId))?.counts.byKind).toEqual({ md5: 1, sha1: 1, sha256: 1 });
  });

  it('imports several identifier columns per row', async () => {
    const blob = blobOf([
      'email,phone,linkedin,domain\n',
      'a@x.com,+44 20 7946 0018,https://www.linkedin.com/in/someone/,.acme.com\n',
    ]);
    const r = await importFile(db, blob, { target: { newList: { name: 'multi' } }, reason: 'objection' });
    expect(r.added).toBe(4);
    expect((await db.lists.get(r.listId))?.counts.byKind).toEqual({
      email: 1,
      phone: 1,
      profile: 1,
      domain: 1,
    });
    expect((await lookupPerson(db, { emails: ['z@sub.acme.com'] })).matches).toHaveLength(1);
  });

  it('importing the same file twice adds nothing', async () => {
    const list = await createList(db, { name: 'L' });
    const blob = fileOf(emails(3000));
    const first = await importFile(db, blob, {
      target: { listId: list.id },
      reason: 'unsubscribe',
      since: '2024-01-01',
    });
    expect(first.added).toBe(3000);
    const before = await dump(db);
    const second = await importFile(db, blob, {
      target: { listId: list.id },
      reason: 'other',
      since: '2026-01-01',
    });
    expect(second).toMatchObject({ added: 0, alreadyPresent: 3000, batchIds: [] });
    expect(await dump(db)).toEqual(before);
  });

  it('stores each bucket in an exactly-sized buffer', async () => {
    const h = await loadHashers();
    const r = await importFile(
      db,
      fileOf(
        emails(2000).map((e) => h.md5(e)),
        'md5',
      ),
      {
        target: { newList: { name: 'md5' } },
        reason: 'unsubscribe',
      },
    );
    const recs = await db.buckets
      .where('[listId+kind+bucket]')
      .between([r.listId, '', -1], [r.listId, '\uffff', 9999])
      .toArray();
    const bytes = recs.reduce(
      (n, b) => n + (b.keys as Uint8Array).buffer.byteLength + b.batchIds.buffer.byteLength,
      0,
    );
    expect(bytes).toBe(2000 * 20);
  });

  it('reports progress in both phases', async () => {
    const seen: ImportProgress[] = [];
    await importFile(db, fileOf(emails(5000)), {
      target: { newList: { name: 'p' } },
      reason: 'unsubscribe',
      chunkSize: 4096,
      onProgress: (p) => seen.push(p),
    });
    expect(seen.some((p) => p.phase === 'parse')).toBe(true);
    const writes = seen.filter((p) => p.phase === 'write');
    expect(writes.length).toBeGreaterThan(2);
    expect(writes.at(-1)?.done).toBe(writes.at(-1)?.total);
    expect(seen.filter((p) => p.phase === 'parse').at(-1)?.bytesRead).toBe(seen[0]?.totalBytes);
  });

  it('fails empty and header-only files with a clear message and saves nothing', async () => {
    const before = await dump(db);
    for (const [text, msg] of [
      ['', /empty/],
      ['\n\n  \n', /no data rows/],
      ['email\n', /header but no data rows/],
      ['email\r\n\r\n', /header but no data rows/],
    ] as const) {
      const e = await failure(
        importFile(db, blobOf([text]), { target: { newList: { name: 'x' } }, reason: 'other' }),
      );
      expect(e.message).toMatch(msg);
    }
    const none = await failure(
      importFile(db, blobOf(['email\nnope\nstill nope\n']), {
        target: { newList: { name: 'x' } },
        reason: 'other',
      }),
    );
    expect(none.code).toBe('no-values');
    expect(none.details.rejectedRows).toHaveLength(2);
    expect(await dump(db)).toEqual(before);
  });

  it('fails an unterminated quote and saves nothing', async () => {
    const list = await createList(db, { name: 'L' });
    const before = await dump(db);
    const e = await failure(
      importFile(db, blobOf(['email\na@x.com\n"b@x.com\nc@x.com\n']), {
        target: { listId: list.id },
        reason: 'other',
      }),
    );
    expect(e.code).toBe('unterminated-quote');
    expect(e.details.line).toBe(3);
    expect(await dump(db)).toEqual(before);
  });

  it('imports a __proto__ header without harm', async () => {
    const r = await importFile(db, blobOf(['__proto__,email\nx,a@x.com\n']), {
      target: { newList: { name: 'p' } },
      reason: 'other',
    });
    expect(r.added).toBe(1);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('uses the mapping and header flag the caller gives', async () => {
    const blob = blobOf(['a@x.com;+447946000018\nb@x.com;+447946000019\n']);
    const r = await importFile(db, blob, {
      target: { newList: { name: 'm' } },
      reason: 'do-not-call',
      hasHeader: false,
      mapping: { columns: [{ index: 1, role: 'phone' }] },
    });
    expect(r.added).toBe(2);
    expect((await db.lists.get(r.listId))?.counts.byKind).toEqual({ phone: 2 });
    const bad = await failure(
      importFile(db, blob, { target: { newList: { name: 'm' } }, reason: 'other', mapping: { columns: [] } }),
    );
    expect(bad.code).toBe('mapping');
  });
});

describe('atomic import', () => {
  async function seeded() {
    const list = await createList(db, { name: 'Existing' });
    await importFile(db, fileOf(emails(1500, 'old')), {
      target: { listId: list.id },
      reason: 'objection',
      since: '2023-01-01',
    });
    return list;
  }

  it('a cancel before or during parsing leaves the list as before', async () => {
    const list = await seeded();
    const before = await dump(db);
    const pre = new AbortController();
    pre.abort();
    expect(
      (
        await failure(
          importFile(db, fileOf(emails(10)), {
            target: { listId: list.id },
            reason: 'other',
            signal: pre.signal,
          }),
        )
      ).code,
    ).toBe('cancelled');
    const mid = new AbortController();
    const e = await failure(
      importFile(db, fileOf(emails(20000, 'new')), {
        target: { listId: list.id },
        reason: 'other',
        chunkSize: 8192,
        signal: mid.signal,
        onProgress: (p) => {
          if (p.phase === 'parse' && p.bytesRead > 50_000) mid.abort();
        },
      }),
    );
    expect(e.code).toBe('cancelled');
    expect(await dump(db)).toEqual(before);
  });

  it('a cancel during the write phase rolls everything back, also for a new list', async () => {
    const list = await seeded();
    const before = await dump(db);
    for (const target of [{ listId: list.id }, { newList: { name: 'Fresh' } }]) {
      const ac = new AbortController();
      let writes = 0;
      const e = await failure(
        importFile(db, fileOf(emails(4000, 'new')), {
          target,
          reason: 'other',
          signal: ac.signal,
          onProgress: (p) => {
            if (p.phase === 'write' && ++writes === 3) ac.abort();
          },
        }),
      );
      expect(e.code).toBe('cancelled');
      expect(writes).toBeGreaterThanOrEqual(3);
      expect(await dump(db)).toEqual(before);
    }
    expect(await db.lists.count()).toBe(1);
  });

  it('a quota error midway leaves the list exactly as before', async () => {
    const list = await seeded();
    const before = await dump(db);
    const original = db.buckets.bulkPut.bind(db.buckets);
    let calls = 0;
    db.buckets.bulkPut = ((...args: Parameters<typeof original>) => {
      calls++;
      if (calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original(...args);
    }) as typeof original;
    const e = await failure(
      importFile(db, fileOf(emails(4000, 'new')), { target: { listId: list.id }, reason: 'other' }),
    );
    db.buckets.bulkPut = original;
    expect(calls).toBe(3);
    expect(e.code).toBe('quota');
    expect(e.message).toMatch(/ran out of storage/);
    expect(await dump(db)).toEqual(before);
    // the database is still usable afterwards
    const ok = await importFile(db, fileOf(emails(10, 'later')), {
      target: { listId: list.id },
      reason: 'other',
    });
    expect(ok.added).toBe(10);
    expect(await listCounts(db, list.id)).toEqual({ total: 1510, byKind: { email: 1510 } });
  });

  it('any failure midway (new list) leaves no list behind', async () => {
    await seeded();
    const before = await dump(db);
    const original = db.buckets.bulkGet.bind(db.buckets);
    let calls = 0;
    db.buckets.bulkGet = ((...args: Parameters<typeof original>) => {
      if (++calls === 4) throw new Error('disk on fire');
      return original(...args);
    }) as typeof original;
    const e = await failure(
      importFile(db, fileOf(emails(4000, 'new')), {
        target: { newList: { name: 'Doomed' } },
        reason: 'other',
      }),
    );
    db.buckets.bulkGet = original;
    expect(e.code).toBe('write');
    expect(e.message).toMatch(/disk on fire/);
    expect(await dump(db)).toEqual(before);
    expect((await db.lists.toArray()).map((l) => l.name)).toEqual(['Existing']);
  });

  it('an import into a list that does not exist fails cleanly', async () => {
    const e = await failure(
      importFile(db, fileOf(emails(3)), { target: { listId: 'nope' }, reason: 'other' }),
    );
    expect(e.code).toBe('write');
    expect(await db.lists.count()).toBe(0);
  });
});

describe('paging after import', () => {
  it('shows batch file names and reasons', async () => {
    const r = await importFile(db, fileOf(emails(5)), {
      target: { newList: { name: 'n' } },
      reason: 'erasure',
      since: '2022-02-02',
      fileName: 'erase.csv',
    });
    const page = await pageEntries(db, r.listId, { limit: 10 });
    expect(page.rows).toHaveLength(5);
    expect(page.rows[0]).toMatchObject({
      kind: 'email',
      reason: 'erasure',
      since: '2022-02-02',
      fileName: 'erase.csv',
    });
    expect(page.nextCursor).toBeUndefined();
  });
});
