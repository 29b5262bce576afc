import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '../../../lib/identifiers';
import { createBackup, parseBackup } from '../../../lib/store/backup';
import { saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import {
  addEntries,
  type EntryInput,
  findEntries,
  pageEntries,
  removeEntry,
} from '../../../lib/store/entries';
import { createList, ensureDefaultList, listCounts, updateList } from '../../../lib/store/lists';
import { lookupPerson } from '../../../lib/store/lookup';
import { keepLookupIndex, lookupIndexStats } from '../../../lib/store/lookup-index';
import type { SuppressionReason } from '../../../lib/vocab';
import { dump, freshDb } from './helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => db.close());

async function listWith(
  name: string,
  values: { kind: Parameters<typeof addEntries>[2][number]['kind']; value: string }[],
) {
  const list = await createList(db, { name });
  const r = await addEntries(db, list.id, values, { reason: 'unsubscribe', since: '2025-03-01' });
  expect(r.rejected).toEqual([]);
  return list;
}

describe('lookupPerson', () => {
  it('matches a plain email and returns list name, reason and since', async () => {
    const list = await listWith('Unsubscribed', [{ kind: 'email', value: 'Jane.Doe@Example.com' }]);
    const r = await lookupPerson(db, { emails: [' jane.doe@example.COM '] });
    expect(r.matches).toEqual([
      {
        listId: list.id,
        listName: 'Unsubscribed',
        kind: 'email',
        match: 'exact',
        via: 'email',
        identifier: 'jane.doe@example.com',
        reason: 'unsubscribe',
        since: '2025-03-01',
      },
    ]);
    expect((await lookupPerson(db, { emails: ['john@example.com'] })).matches).toEqual([]);
  });

  it('matches MD5 entries written in upper or lower case hex', async () => {
    const h = await loadHashers();
    const md5 = h.md5('jane@example.com');
    await listWith('upper', [{ kind: 'md5', value: md5.toUpperCase() }]);
    await listWith('lower', [{ kind: 'md5', value: md5 }]);
    const r = await lookupPerson(db, { emails: ['Jane@Example.com'] });
    expect(r.matches.map((m) => [m.listName, m.kind, m.via]).sort()).toEqual([
      ['lower', 'md5', 'md5 of email'],
      ['upper', 'md5', 'md5 of email'],
    ]);
  });

  it('matches SHA-1 and SHA-256 entries', async () => {
    const h = await loadHashers();
    await listWith('sha', [
      { kind: 'sha1', value: h.sha1('a@b.co') },
      { kind: 'sha256', value: h.sha256('c@d.co').toUpperCase() },
    ]);
    expect((await lookupPerson(db, { emails: ['a@b.co'] })).matches.map((m) => m.via)).toEqual([
      'sha1 of email',
    ]);
    expect((await lookupPerson(db, { emails: ['C@D.co'] })).matches.map((m) => m.via)).toEqual([
      'sha256 of email',
    ]);
  });

  it('matches SHA-512 entries (an OPTIZMO SHA-512 file), with and without the lookup index', async () => {
    const h = await loadHashers();
    const list = await listWith('OPTIZMO SHA-512', [
      { kind: 'sha512', value: h.sha512('jane.roe@example.com').toUpperCase() },
      // A hashed list holds the spelling its owner hashed: Gmail's canonical mailbox is tried too.
      { kind: 'sha512', value: h.sha512('jsmith@gmail.com') },
    ]);
    expect(await listCounts(db, list.id)).toEqual({ total: 2, byKind: { sha512: 2 } });
    const expectFound = async () => {
      for (const email of ['Jane.Roe@Example.com', 'J.Smith+promo@googlemail.com']) {
        const r = await lookupPerson(db, { emails: [email] }, { possible: false });
        expect(r.matches.map((m) => [m.listName, m.kind, m.match, m.via, m.reason])).toEqual([
          ['OPTIZMO SHA-512', 'sha512', 'exact', 'sha512 of email', 'unsubscribe'],
        ]);
      }
      expect((await lookupPerson(db, { emails: ['jane.roe@example.org'] })).matches).toEqual([]);
    };
    await expectFound();
    // The background answers through the lookup index: its fingerprints must cover 64-byte digests.
    await keepLookupIndex(db);
    const before = lookupIndexStats(db).answered;
    await expectFound();
    expect(lookupIndexStats(db).answered).toBeGreaterThan(before);
    // The options page's search in the list finds the entry from the address too.
    const found = await findEntries(db, list.id, 'jane.roe@example.com');
    expect(found.map((f) => [f.kind, f.value, f.via])).toEqual([
      ['sha512', h.sha512('jane.roe@example.com'), 'sha512 of email'],
    ]);
  });

  it("matches gmail dots and +tags exactly (one mailbox) but labels other providers' +tags possible", async () => {
    const h = await loadHashers();
    await listWith('plain', [{ kind: 'email', value: 'janedoe@gmail.com' }]);
    await listWith('hashed', [{ kind: 'md5', value: h.md5('jane@example.com') }]);
    const r = await lookupPerson(db, { emails: ['jane.doe+news@gmail.com', 'jane+x@example.com'] });
    expect(r.matches.map((m) => [m.listName, m.match, m.via]).sort()).toEqual([
      ['hashed', 'possible', 'md5 of email variant'],
      ['plain', 'exact', 'email'],
    ]);
    const off = await lookupPerson(db, { emails: ['jane+x@example.com'] }, { possible: false });
    expect(off.matches).toEqual([]);
  });

  it('exact domain matches only that domain; .domain also its subdomains', async () => {
    await listWith('exact', [{ kind: 'domain', value: 'example.com' }]);
    await listWith('subs', [{ kind: 'domain', value: '.acme.co.uk' }]);
    const names = async (email: string) =>
      (await lookupPerson(db, { emails: [email] })).matches.map((m) => `${m.listName} ${m.via}`).sort();
    expect(await names('a@example.com')).toEqual(['exact domain example.com']);
    expect(await names('a@mail.example.com')).toEqual([]);
    expect(await names('a@acme.co.uk')).toEqual(['subs domain .acme.co.uk']);
    expect(await names('a@eu.mail.acme.co.uk')).toEqual(['subs domain .acme.co.uk']);
    expect(await names('a@other.co.uk')).toEqual([]);
    const byDomain = await lookupPerson(db, { domains: ['https://www.example.com/about'] });
    expect(byDomain.matches).toEqual([]);
    expect((await lookupPerson(db, { domains: ['example.com'] })).matches).toHaveLength(1);
  });

  it('matches LinkedIn profile URL variants, Sales Navigator leads and phones in any format', async () => {
    await listWith('li', [
      { kind: 'profile', value: 'https://www.linkedin.com/in/jane-doe-123/' },
      { kind: 'phone', value: '+44 20 7946 0018' },
    ]);
    const profile = await lookupPerson(db, { profileUrls: ['linkedin.com/in/Jane-Doe-123?utm_source=x'] });
    expect(profile.matches.map((m) => m.kind)).toEqual(['profile']);
    const phone = await lookupPerson(db, { phones: ['020 7946 0018'] }, { defaultCountry: 'GB' });
    expect(phone.matches.map((m) => m.kind)).toEqual(['phone']);
    const phone2 = await lookupPerson(db, { phones: ['0044 (20) 7946-0018'] });
    expect(phone2.matches.map((m) => m.kind)).toEqual(['phone']);
  });

  it('matches Sales Navigator lead URLs', async () => {
    const url = 'https://www.linkedin.com/sales/lead/ACwAAAbcdEFGhij,NAME_SEARCH,xyz';
    const list = await createList(db, { name: 'sn' });
    const add = await addEntries(db, list.id, [{ kind: 'salesnav', value: url }], { reason: 'objection' });
    expect(add.rejected).toEqual([]);
    const r = await lookupPerson(db, { salesNavUrls: [url] });
    expect(r.matches.map((m) => [m.kind, m.reason])).toEqual([['salesnav', 'objection']]);
  });

  it('returns the contact found by any identifier, and the list channels', async () => {
    const list = await listWith('calls', [{ kind: 'email', value: 'x@y.com' }]);
    await updateList(db, list.id, { channels: ['phone'] });
    const c = await saveContact(db, { emails: ['X@Y.com'], stage: 'prospect', consents: [] });
    const r = await lookupPerson(db, { emails: ['x@y.com'] });
    expect(r.contact?.id).toBe(c.id);
    expect(r.matches[0]?.channels).toEqual(['phone']);
    expect(r.identifiers.emails).toEqual(['x@y.com']);
  });

  it('reports identifiers it could not read', async () => {
    const r = await lookupPerson(db, { emails: ['not an email'], phones: ['12'] });
    expect(r.identifiers.rejected.map((x) => x.kind)).toEqual(['email', 'phone']);
    expect(r.matches).toEqual([]);
  });
});

describe('entries', () => {
  it('counts, pages, finds and removes entries', async () => {
    const h = await loadHashers();
    const list = await createList(db, { name: 'L' });
    const values: EntryInput[] = Array.from({ length: 250 }, (_, i) => ({
      kind: 'email',
      value: `u${i}@example.com`,
    }));
    values.push({ kind: 'md5', value: h.md5('md5@example.com') });
    const r = await addEntries(db, list.id, values, { reason: 'erasure', since: '2024-01-02' });
    expect(r.added).toBe(251);
    expect((await db.lists.get(list.id))?.counts).toEqual({ total: 251, byKind: { email: 250, md5: 1 } });
    expect(await listCounts(db, list.id)).toEqual({ total: 251, byKind: { email: 250, md5: 1 } });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await pageEntries(db, list.id, { cursor, limit: 40 });
      seen.push(...page.rows.map((x) => x.value));
      expect(page.rows.every((x) => x.reason === 'erasure' && x.since === '2024-01-02')).toBe(true);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(251);
    expect(new Set(seen).size).toBe(251);
    expect(seen).toContain(h.md5('md5@example.com'));

    const found = await findEntries(db, list.id, 'MD5@example.com');
    expect(found.map((f) => f.via)).toEqual(['md5 of email']);
    expect((await findEntries(db, list.id, 'u7@EXAMPLE.com')).map((f) => f.value)).toEqual([
      'u7@example.com',
    ]);

    expect(await removeEntry(db, list.id, 'email', 'U7@example.com')).toBe(true);
    expect(await removeEntry(db, list.id, 'email', 'u7@example.com')).toBe(false);
    expect(await findEntries(db, list.id, 'u7@example.com')).toEqual([]);
    expect((await db.lists.get(list.id))?.counts.total).toBe(250);
    expect(await listCounts(db, list.id)).toEqual({ total: 250, byKind: { email: 249, md5: 1 } });
  });

  it('adding the same values twice adds nothing and keeps the first date', async () => {
    const list = await ensureDefaultList(db);
    await addEntries(db, list.id, [{ kind: 'email', value: 'a@b.com' }], {
      reason: 'objection',
      since: '2020-01-01',
    });
    const again = await addEntries(db, list.id, [{ kind: 'email', value: 'A@B.com' }], {
      reason: 'other',
      since: '2026-01-01',
    });
    expect(again).toMatchObject({ added: 0, alreadyPresent: 1, batchIds: [] });
    const r = await lookupPerson(db, { emails: ['a@b.com'] });
    expect(r.matches.map((m) => [m.reason, m.since])).toEqual([['objection', '2020-01-01']]);
    expect(await db.batches.count()).toBe(1);
  });

  it('returns values it cannot normalise as rejected', async () => {
    const list = await createList(db, { name: 'L' });
    const r = await addEntries(db, list.id, [{ kind: 'md5', value: 'abc' }], { reason: 'other' });
    expect(r.added).toBe(0);
    expect(r.rejected[0]?.reason).toMatch(/length|hex/);
  });
});

describe('entries: a reason or date the store cannot keep', () => {
  it('is refused before anything is written, so every later backup still restores', async () => {
    const list = await listWith('Kept', [{ kind: 'email', value: 'kept@example.com' }]);
    const before = await dump(db);
    const bad = [
      { reason: 'because' as SuppressionReason, since: '2025-03-01' },
      { reason: 'objection' as const, since: 'last tuesday' },
    ];
    for (const meta of bad) {
      await expect(
        addEntries(db, list.id, [{ kind: 'email', value: 'new@example.com' }], meta),
      ).rejects.toThrow();
      expect(await dump(db)).toEqual(before);
    }
    const restored = await parseBackup(await createBackup(db));
    expect(restored.data.lists.map((l) => l.counts.total)).toEqual([1]);
  });
});

describe('lookup property', () => {
  it('finds exactly the members of a list, plain or hashed', async () => {
    const fc = (await import('fast-check')).default;
    const { normaliseEmail } = await import('../../../lib/identifiers');
    const h = await loadHashers();
    const email = fc.emailAddress().filter((e) => normaliseEmail(e).ok);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(email, { maxLength: 15 }),
        fc.array(email, { maxLength: 5 }),
        fc.boolean(),
        async (members, probes, hashed) => {
          const list = await createList(db, { name: `p${Math.random()}` });
          await addEntries(
            db,
            list.id,
            members.map((m) => {
              const n = normaliseEmail(m);
              const v = n.ok ? n.value : m;
              return hashed
                ? { kind: 'sha256' as const, value: h.sha256(v) }
                : { kind: 'email' as const, value: v };
            }),
            { reason: 'objection' },
          );
          const memberSet = new Set(members.map((m) => (normaliseEmail(m) as { value: string }).value));
          for (const p of [...members, ...probes]) {
            const r = await lookupPerson(db, { emails: [p] }, { possible: false });
            const exact = r.matches.filter((m) => m.listId === list.id);
            expect(exact.length > 0).toBe(memberSet.has(r.identifiers.emails[0] as string));
          }
          await db.lists.delete(list.id);
          await db.buckets.clear();
        },
      ),
      { numRuns: 25 },
    );
  });
});
