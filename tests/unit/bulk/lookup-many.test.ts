import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LookupContext, PlanFlag } from '../../../lib/bulk/lookup-many';
import { loadDemoData } from '../../../lib/demo/data';
import { loadHashers } from '../../../lib/identifiers';
import { decodeBucket, type StoredBucket } from '../../../lib/store/bucket-layout';
import { bucketOf, fnv1a32 } from '../../../lib/store/buckets';
import { saveContact } from '../../../lib/store/contacts';
import { type HeedDb, openDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList } from '../../../lib/store/lists';
import { lookupPerson, type PersonIds } from '../../../lib/store/lookup';
import { freshDb } from '../store/helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
  await loadDemoData(db, new Date('2026-05-01T12:00:00Z'));
  const h = await loadHashers();
  const a = await createList(db, { name: 'Unsubscribed' });
  await addEntries(
    db,
    a.id,
    [
      { kind: 'email', value: 'jane.doe@gmail.com' },
      { kind: 'email', value: 'bob@corp.example' },
      { kind: 'domain', value: 'corp.example' },
      { kind: 'phone', value: '+442079460000' },
      { kind: 'sha256', value: h.sha256('carol@corp.example') },
      { kind: 'sha512', value: h.sha512('erin@vendor.example') },
      { kind: 'salesnav', value: 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz' },
    ],
    { reason: 'unsubscribe', since: '2025-03-01' },
  );
  const b = await createList(db, { name: 'Objected', channels: ['phone'] });
  await addEntries(
    db,
    b.id,
    [
      { kind: 'email', value: 'bob@corp.example' },
      { kind: 'phone', value: '+4930123456' },
    ],
    {
      reason: 'objection',
      since: '2025-06-01',
    },
  );
  await saveContact(db, { id: 'c-1', emails: ['bob@corp.example'], stage: 'client', country: 'GB' });
  await saveContact(db, {
    id: 'c-0',
    emails: ['bob@corp.example'],
    profileUrls: ['https://www.linkedin.com/in/bob/'],
  });
});
afterEach(() => db.close());

const EMAILS = [
  'jane.doe@gmail.com',
  'janedoe+news@gmail.com',
  'j.a.n.e.doe@googlemail.com',
  'bob@corp.example',
  'carol@corp.example',
  'erin@vendor.example',
  'dave@sub.corp.example',
  'ada@adaworks.example',
  'x@rival.example',
  'max.mustermann@beispiel.example',
  'nobody@nowhere.example',
  'not an email',
];
const PROFILES = [
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/max-mustermann/',
  'https://www.linkedin.com/in/emma-tremblay',
  'https://www.linkedin.com/in/bob/',
  'https://www.linkedin.com/in/unknown-person/',
  'https://example.com/not-linkedin',
];
const PHONES = ['+44 20 7946 0000', '030 123456', '+1 415 555 0100', '12'];
const DOMAINS = ['corp.example', 'www.rival.example', 'clean.example'];
const SALESNAV = ['https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz'];

const person = fc.record({
  ids: fc.record(
    {
      emails: fc.subarray(EMAILS, { maxLength: 3 }),
      profileUrls: fc.subarray(PROFILES, { maxLength: 2 }),
      salesNavUrls: fc.subarray(SALESNAV),
      phones: fc.subarray(PHONES, { maxLength: 2 }),
      domains: fc.subarray(DOMAINS, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<PersonIds>,
  country: fc.constantFrom(undefined, 'GB', 'DE', 'US'),
});

describe('LookupContext.lookupMany', () => {
  it('gives, person by person, exactly what lookupPerson gives (matches in the same order, same contact)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (people, possible) => {
          const ctx = await LookupContext.load(db);
          const many = await ctx.lookupMany(
            db,
            people.map((p) => ({ ids: p.ids, ...(p.country ? { defaultCountry: p.country } : {}) })),
            possible,
          );
          const one = await Promise.all(
            people.map((p) =>
              lookupPerson(db, p.ids, { possible, ...(p.country ? { defaultCountry: p.country } : {}) }),
            ),
          );
          expect(many).toEqual(one);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same when the people were planned first (plan, resolvePlan, then lookupMany with the plan)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        async (people, possible) => {
          const queries = people.map((p) => ({
            ids: p.ids,
            ...(p.country ? { defaultCountry: p.country } : {}),
          }));
          const ctx = await LookupContext.load(db);
          const plan = await ctx.newPlan();
          const flags = ctx.plan(plan, queries, possible);
          expect(await ctx.resolvePlan(db, plan)).toBe(true);
          const planned = await ctx.lookupMany(db, queries, possible, { plan, flags });
          const plain = await (await LookupContext.load(db)).lookupMany(db, queries, possible);
          expect(planned).toEqual(plain);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same with a plan for a key that only shares a listed key fingerprint, and for a bucket stored before keys were packed', async () => {
    // The plan keeps of each bucket the entries whose fingerprint it wants (lib/bulk/plan-reads.ts): these two
    // addresses share theirs (FNV-1a), so the listed one is kept for the other, which must still not match.
    const twins = ['ybeboxazkp@collide.example', 'cjcrcborur@collide.example'];
    expect(fnv1a32(twins[0] as string)).toBe(fnv1a32(twins[1] as string));
    const list = await createList(db, { name: 'Twins and old buckets' });
    await addEntries(
      db,
      list.id,
      [
        { kind: 'email', value: twins[0] as string },
        { kind: 'email', value: 'legacy.person@old.example' },
      ],
      { reason: 'erasure', since: '2024-01-01' },
    );
    // The legacy person's bucket as written before keys were stored packed: strings, put past the middleware.
    const key = [list.id, 'email', bucketOf('email', 'legacy.person@old.example')];
    const raw = await new Promise<StoredBucket>((resolve, reject) => {
      const r = db.backendDB().transaction('buckets').objectStore('buckets').get(key);
      r.onsuccess = () => resolve(r.result as StoredBucket);
      r.onerror = () => reject(r.error);
    });
    expect(raw.keyCodes).toBeDefined();
    const { keyCodes: _c, keyLengths: _l, runs: _r, ...plain } = raw;
    const legacy = { ...plain, keys: decodeBucket(raw).keys, batchIds: decodeBucket(raw).batchIds };
    await new Promise<void>((resolve, reject) => {
      const tx = db.backendDB().transaction('buckets', 'readwrite');
      tx.objectStore('buckets').put(legacy);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    const people = [
      { ids: { emails: [twins[1] as string] } },
      { ids: { emails: [twins[0] as string] } },
      { ids: { emails: ['legacy.person@old.example'] } },
    ];
    const ctx = await LookupContext.load(db);
    const plan = await ctx.newPlan();
    const flags = ctx.plan(plan, people, false);
    expect([...flags]).toEqual([1, 1, 1]);
    expect(await ctx.resolvePlan(db, plan)).toBe(true);
    const planned = await ctx.lookupMany(db, people, false, { plan, flags });
    expect(planned).toEqual(await (await LookupContext.load(db)).lookupMany(db, people, false));
    expect(planned.map((r) => r.matches.map((m) => m.listName))).toEqual([
      [],
      ['Twins and old buckets'],
      ['Twins and old buckets'],
    ]);
  });

  it('plans which people need their digests computed again, and answers them all as without a plan', async () => {
    const people = [
      { ids: { emails: ['erin@vendor.example'] } },
      { ids: { emails: ['bob@corp.example'] } },
      { ids: { emails: ['nobody@nowhere.example'] } },
    ];
    const ctx = await LookupContext.load(db);
    const plan = await ctx.newPlan();
    const flags = ctx.plan(plan, people, false);
    // Erin's SHA-512 is listed; Bob is listed plain and has a contact record; nobody is on no list.
    expect([...flags]).toEqual([PlanFlag.HASHED, PlanFlag.PLAIN, PlanFlag.NOTHING]);
    expect(await ctx.resolvePlan(db, plan)).toBe(true);
    const planned = await ctx.lookupMany(db, people, false, { plan, flags });
    expect(planned).toEqual(await (await LookupContext.load(db)).lookupMany(db, people, false));
    expect(planned[0]?.matches.map((m) => m.kind)).toEqual(['sha512']);
  });

  it('does not trust a plan once the data changed: a person it found nothing for is looked up again', async () => {
    const ctx = await LookupContext.load(db);
    const people = [
      { ids: { emails: ['bob@corp.example'] } },
      { ids: { emails: ['newly.listed@clean.example'] } },
    ];
    const plan = await ctx.newPlan();
    const flags = ctx.plan(plan, people, false);
    expect([...flags]).toEqual([1, 0]);
    expect(await ctx.resolvePlan(db, plan)).toBe(true);
    const list = await createList(db, { name: 'Listed after the plan' });
    await addEntries(db, list.id, [{ kind: 'email', value: 'newly.listed@clean.example' }], {
      reason: 'erasure',
    });
    const [bob, newcomer] = await ctx.lookupMany(db, people, false, { plan, flags });
    expect(bob?.matches).toHaveLength(3);
    expect(newcomer?.matches.map((m) => m.listName)).toEqual(['Listed after the plan']);
  });

  it('finds something at all (the property above is not vacuous)', async () => {
    const ctx = await LookupContext.load(db);
    const [jane, bob, clean, erin] = await ctx.lookupMany(
      db,
      [
        { ids: { profileUrls: ['https://www.linkedin.com/in/jane-doe-1a2b3c/'] } },
        { ids: { emails: ['bob@corp.example'] } },
        { ids: { emails: ['someone@clean.example'] } },
        { ids: { emails: ['Erin@Vendor.example'] } },
      ],
      true,
    );
    expect(erin?.matches.map((m) => `${m.listName}/${m.kind}/${m.via}`)).toEqual([
      'Unsubscribed/sha512/sha512 of email',
    ]);
    expect(jane?.matches.map((m) => m.listName)).toEqual(['Demo — Do not contact']);
    expect(bob?.matches.map((m) => `${m.listName}/${m.kind}`).sort()).toEqual([
      'Objected/email',
      'Unsubscribed/domain',
      'Unsubscribed/email',
    ]);
    expect(bob?.contact?.id).toBe('c-0');
    expect(clean?.matches).toEqual([]);
  });

  it('still answers right after its bucket cache is cleared', async () => {
    const ctx = await LookupContext.load(db, { maxCachedBytes: 1 });
    for (let i = 0; i < 3; i++) {
      const [r] = await ctx.lookupMany(db, [{ ids: { emails: ['bob@corp.example'] } }], false);
      expect(r?.matches).toHaveLength(3);
    }
  });

  it('sees a list entry and a contact written by another page between two batches', async () => {
    const ctx = await LookupContext.load(db);
    const who = { ids: { emails: ['late.arrival@fresh.example'] } };
    const [before] = await ctx.lookupMany(db, [who], true);
    expect(before?.matches).toEqual([]);
    expect(before?.contact).toBeUndefined();

    const other = await openDb(db.name);
    const list = await createList(other, { name: 'Added meanwhile' });
    await addEntries(other, list.id, [{ kind: 'email', value: 'late.arrival@fresh.example' }], {
      reason: 'erasure',
    });
    await saveContact(other, { name: 'Late', emails: ['late.arrival@fresh.example'] });
    other.close();

    const [after] = await ctx.lookupMany(db, [who], true);
    expect(after?.matches.map((m) => [m.listName, m.reason])).toEqual([['Added meanwhile', 'erasure']]);
    expect(after?.contact?.name).toBe('Late');
    expect(after).toEqual(await lookupPerson(db, who.ids));
  });
});
