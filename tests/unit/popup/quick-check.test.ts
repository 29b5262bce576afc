import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseQuickCheck } from '../../../lib/popup/quick-check';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { answerFor } from '../../../lib/verdict/answer';
import { freshDb } from './helpers';

describe('parseQuickCheck', () => {
  it.each([
    ['  Jane.Doe@ACME.example ', 'email', 'jane.doe@acme.example', 'emails'],
    ['mailto:jane@acme.example', 'email', 'jane@acme.example', 'emails'],
    ['acme.example', 'domain', 'acme.example', 'domains'],
    [
      'https://www.linkedin.com/in/jane-doe-1a2b3c/?trk=x',
      'profile',
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
      'profileUrls',
    ],
    [
      'linkedin.com/in/jane-doe-1a2b3c',
      'profile',
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
      'profileUrls',
    ],
    ['+44 20 7946 0958', 'phone', '+442079460958', 'phones'],
    ['jane\u200b@acme.example', 'email', 'jane@acme.example', 'emails'],
  ] as const)('%s is a %s', (raw, kind, value, field) => {
    const r = parseQuickCheck(raw);
    expect(r).toMatchObject({ ok: true, kind, value });
    if (r.ok) expect(r.identifiers[field]).toEqual([value]);
  });

  it.each([
    ['', /Paste an email/],
    ['   ', /Paste an email/],
    ['not an email@', /Not an email.*contains spaces/],
    ['jane@@acme.example', /more than one @/],
    ['https://www.linkedin.com/company/acme', /Not an email, domain, profile URL/],
    ['hello world!', /Not an email, domain, profile URL or phone number/],
    ['5f4dcc3b5aa765d61d8327deb882cf99', /hash: paste the email address itself/],
    [`a@${'b'.repeat(3000)}.example`, /longer than 2048/],
  ])('%j is refused with its reason', (raw, reason) => {
    const r = parseQuickCheck(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads an international phone number as a phone, with the country its code implies (issue 20, item 8)', () => {
    const r = parseQuickCheck('+447700900123');
    expect(r).toMatchObject({ ok: true, kind: 'phone', value: '+447700900123' });
    if (r.ok) expect(r.identifiers.phones).toEqual(['+447700900123']);
    expect(parseQuickCheck('+44 20 7946 0958')).toMatchObject({ ok: true, kind: 'phone', country: 'GB' });
    expect(parseQuickCheck('tel:+49 30 901820')).toMatchObject({ ok: true, kind: 'phone', country: 'DE' });
    const bad = parseQuickCheck('+44 12');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).not.toMatch(/domain/);
  });

  it('says a name alone cannot be checked', () => {
    for (const name of ['Jane Doe', 'Müller', "Seán O'Brien"]) {
      const r = parseQuickCheck(name);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/A name alone cannot be checked/);
    }
  });

  it('does not take a GitHub profile URL for the domain github.com', () => {
    for (const url of ['https://github.com/octo-ada', 'github.com/octo-ada', 'https://x.com/someone']) {
      const r = parseQuickCheck(url);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(/profile, not a company domain/);
    }
    expect(parseQuickCheck('github.com')).toMatchObject({ ok: true, kind: 'domain', value: 'github.com' });
  });

  it('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const r = parseQuickCheck(s);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('quick check verdicts', () => {
  let db: HeedDb;
  let listId: string;
  beforeEach(async () => {
    ({ db, defaultListId: listId } = await freshDb());
  });
  afterEach(() => db.close());

  it('a suppressed domain blocks every address at it, checked locally', async () => {
    await addEntries(db, listId, [{ kind: 'domain', value: 'acme.example' }], { reason: 'objection' });
    for (const raw of ['acme.example', 'someone@acme.example']) {
      const r = parseQuickCheck(raw);
      if (!r.ok) throw new Error(r.reason);
      const answer = await answerFor(db, r.identifiers, { source: 'generic' }, new Date());
      expect(answer.level, raw).toBe('blocked');
    }
    const other = parseQuickCheck('someone@other.example');
    if (!other.ok) throw new Error(other.reason);
    expect((await answerFor(db, other.identifiers, { source: 'generic' }, new Date())).level).toBe('unknown');
  });
});
