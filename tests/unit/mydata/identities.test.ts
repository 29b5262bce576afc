import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadHashers } from '@/lib/identifiers/hash';
import { addIdentity, removeIdentity, restoreIdentity } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';
import { letterIdentities, listIdentities, MAX_IDENTITIES, matchMine } from '@/lib/mydata/identities';

let db: SelfDb;
let n = 0;
beforeEach(async () => {
  db = await openSelfDb(`self-identities-${n++}`);
});
afterEach(() => db.close());

describe('addIdentity', () => {
  it('stores the normalised value and the SHA-256 of it', async () => {
    const r = await addIdentity(db, { kind: 'email', raw: '  Jane.Doe@GMAIL.com ' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = await loadHashers();
    expect(r.identity.value).toBe('jane.doe@gmail.com');
    expect(r.identity.sha256).toBe(h.sha256('jane.doe@gmail.com'));
    expect(await db.identities.count()).toBe(1);
  });

  it('normalises phones to E.164 with a default country, and remembers the country', async () => {
    const r = await addIdentity(db, { kind: 'phone', raw: '020 7946 0958', defaultCountry: 'GB' });
    expect(r.ok && r.identity.value).toBe('+442079460958');
    expect(r.ok && r.identity.country).toBe('GB');
  });

  it('canonicalises profile URLs', async () => {
    const r = await addIdentity(db, { kind: 'profile', raw: 'uk.linkedin.com/in/Jane-Doe-1a2b3c/details/' });
    expect(r.ok && r.identity.value).toBe('https://www.linkedin.com/in/jane-doe-1a2b3c/');
  });

  it('refuses bad input with the normaliser reason and stores nothing', async () => {
    expect(await addIdentity(db, { kind: 'email', raw: 'jane.example.org' })).toEqual({
      ok: false,
      reason: 'no @ in address',
    });
    const phone = await addIdentity(db, { kind: 'phone', raw: '020 7946 0958' });
    expect(phone.ok).toBe(false);
    expect(!phone.ok && phone.reason).toMatch(/country/);
    expect(await db.identities.count()).toBe(0);
  });

  it('refuses a duplicate, however it is spelled', async () => {
    await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    const again = await addIdentity(db, { kind: 'email', raw: 'JANE.DOE@gmail.com', hashedOnly: true });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.reason).toBe('already in your identities');
    expect(await db.identities.count()).toBe(1);
  });

  it('keeps only the hash when asked: matches, but cannot go into a letter', async () => {
    const r = await addIdentity(db, {
      kind: 'email',
      raw: 'secret@example.org',
      hashedOnly: true,
      label: 'old',
    });
    expect(r.ok && r.identity.value).toBeUndefined();
    expect(r.ok && r.identity.label).toBe('old');
    const all = await listIdentities(db);
    expect(JSON.stringify(all)).not.toContain('secret@example.org');
    expect(letterIdentities(all)).toEqual([]);
    const m = await matchMine(db, { emails: ['Secret@Example.org'], phones: [], profileUrls: [] });
    expect(m).toEqual([
      { kind: 'email', value: 'Secret@Example.org', identityId: all[0]?.id, certainty: 'exact' },
    ]);
  });

  it(`stops at ${MAX_IDENTITIES}`, async () => {
    const h = await loadHashers();
    await db.identities.bulkAdd(
      Array.from({ length: MAX_IDENTITIES }, (_, i) => ({
        id: `x${i}`,
        kind: 'email' as const,
        value: `u${i}@example.org`,
        sha256: h.sha256(`u${i}@example.org`),
        addedAt: '2026-01-01T00:00:00.000Z',
      })),
    );
    const r = await addIdentity(db, { kind: 'email', raw: 'one-more@example.org' });
    expect(!r.ok && r.reason).toMatch(/at most/);
  });
});

describe('remove and undo', () => {
  it('removes and restores the very same record', async () => {
    const r = await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    if (!r.ok) throw new Error(r.reason);
    const removed = await removeIdentity(db, r.identity.id);
    expect(removed).toEqual(r.identity);
    expect(await db.identities.count()).toBe(0);
    expect(await restoreIdentity(db, r.identity)).toBe(true);
    expect(await db.identities.get(r.identity.id)).toEqual(r.identity);
  });

  it('does not restore over an identity added again meanwhile', async () => {
    const r = await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    if (!r.ok) throw new Error(r.reason);
    await removeIdentity(db, r.identity.id);
    await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    expect(await restoreIdentity(db, r.identity)).toBe(false);
    expect(await db.identities.count()).toBe(1);
  });

  it('lists emails, then phones, then profiles', async () => {
    await addIdentity(db, { kind: 'profile', raw: 'linkedin.com/in/jane' });
    await addIdentity(db, { kind: 'phone', raw: '+44 20 7946 0958' });
    await addIdentity(db, { kind: 'email', raw: 'a@example.org' });
    expect((await listIdentities(db)).map((i) => i.kind)).toEqual(['email', 'phone', 'profile']);
  });
});

describe('matchMine', () => {
  beforeEach(async () => {
    await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
    await addIdentity(db, { kind: 'phone', raw: '+44 20 7946 0958' });
    await addIdentity(db, { kind: 'profile', raw: 'https://www.linkedin.com/in/jane-doe-1a2b3c/' });
  });

  it('finds only the user’s identifiers, returning the page’s own spelling', async () => {
    const m = await matchMine(db, {
      emails: ['sales@acme.example', 'JANE.DOE@gmail.com', 'max.mustermann@beispiel.example'],
      phones: ['+44 20 7946 0958', '+49 30 901820'],
      profileUrls: ['https://uk.linkedin.com/in/jane-doe-1a2b3c', 'https://www.linkedin.com/in/john-roe-77/'],
    });
    expect(m.map((x) => [x.kind, x.value, x.certainty])).toEqual([
      ['email', 'JANE.DOE@gmail.com', 'exact'],
      ['phone', '+44 20 7946 0958', 'exact'],
      ['profile', 'https://uk.linkedin.com/in/jane-doe-1a2b3c', 'exact'],
    ]);
  });

  it('reads national phone numbers with the country of the user’s own numbers', async () => {
    const m = await matchMine(db, { emails: [], phones: ['020 7946 0958', '030 901820'], profileUrls: [] });
    expect(m.map((x) => x.value)).toEqual(['020 7946 0958']);
  });

  it('labels other spellings of the same Gmail mailbox as variants, not as the address', async () => {
    const m = await matchMine(db, {
      emails: ['janedoe@gmail.com', 'jane.doe+news@gmail.com', 'jane.doe@yahoo.com'],
      phones: [],
      profileUrls: [],
    });
    expect(m.map((x) => [x.value, x.certainty])).toEqual([
      ['janedoe@gmail.com', 'variant'],
      ['jane.doe+news@gmail.com', 'variant'],
    ]);
  });

  it('does not let an email hash match a phone or a profile', async () => {
    const m = await matchMine(db, { emails: [], phones: [], profileUrls: ['jane.doe@gmail.com'] });
    expect(m).toEqual([]);
  });

  it('ignores garbage and returns nothing when the user recorded nothing', async () => {
    expect(
      await matchMine(db, { emails: ['@@', '\uD800x@y.z'], phones: ['abc'], profileUrls: ['x'] }),
    ).toEqual([]);
    await db.identities.clear();
    expect(await matchMine(db, { emails: ['jane.doe@gmail.com'], phones: [], profileUrls: [] })).toEqual([]);
  });

  it('checks 200 page emails quickly', async () => {
    const emails = Array.from({ length: 200 }, (_, i) => `person.${i}@company-${i % 17}.example`);
    emails.push('jane.doe@gmail.com');
    const t0 = performance.now();
    const m = await matchMine(db, { emails, phones: [], profileUrls: [] });
    const ms = performance.now() - t0;
    expect(m).toHaveLength(1);
    expect(ms).toBeLessThan(250);
  });
});
