import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BulkCheckOptions, type BulkResult, bulkCheck } from '../../../lib/bulk/check';
import type { BulkRole } from '../../../lib/bulk/mapping';
import { loadDemoData } from '../../../lib/demo/data';
import { loadHashers } from '../../../lib/identifiers';
import { saveContact } from '../../../lib/store/contacts';
import type { HeedDb } from '../../../lib/store/db';
import { addEntries } from '../../../lib/store/entries';
import { createList } from '../../../lib/store/lists';
import type { SettingsInput } from '../../../lib/store/schemas';
import { saveSettings } from '../../../lib/store/settings';
import { freshDb } from '../store/helpers';
import { referenceBulkCheck } from './reference-check';

// Issue 18: the bulk check's fast path (batched bucket reads, memoised assessments and cells) must give exactly
// what checking every row on its own gives: the same three files byte for byte, the same counts and flagged rows.
// The reference is the bulk check as it was, with a lookupPerson per row and no memo (reference-check.ts).

const NOW = new Date('2026-05-01T12:00:00Z');
let db: HeedDb;

beforeEach(async () => {
  db = await freshDb();
  await loadDemoData(db, NOW);
  const h = await loadHashers();
  const plain = await createList(db, { name: 'Unsubscribed' });
  const emails = Array.from({ length: 120 }, (_, i) => ({
    kind: 'email' as const,
    value: `listed${i}@corp${i % 7}.example`,
  }));
  await addEntries(
    db,
    plain.id,
    [
      ...emails,
      { kind: 'email', value: 'jane.doe@gmail.com' },
      { kind: 'domain', value: 'blocked.example' },
      { kind: 'domain', value: '.wholeco.example' },
      { kind: 'phone', value: '+442079460000' },
      { kind: 'profile', value: 'https://www.linkedin.com/in/listed-person/' },
      { kind: 'salesnav', value: 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz' },
    ],
    { reason: 'unsubscribe', since: '2025-03-01' },
  );
  // Same reason and date as Unsubscribed: only the list's name tells their rows apart.
  const crm = await createList(db, { name: 'Old CRM export' });
  await addEntries(
    db,
    crm.id,
    Array.from({ length: 30 }, (_, i) => ({ kind: 'email' as const, value: `crm${i}@corp${i % 7}.example` })),
    { reason: 'unsubscribe', since: '2025-03-01' },
  );
  const hashed = await createList(db, { name: 'Vendor MD5 "hashed"' });
  await addEntries(
    db,
    hashed.id,
    Array.from({ length: 60 }, (_, i) => ({
      kind: 'md5' as const,
      value: h.md5(`hashed${i}@vendor.example`),
    })),
    { reason: 'objection', since: '2025-04-01' },
  );
  const sha = await createList(db, { name: '=SHA list' });
  await addEntries(
    db,
    sha.id,
    [
      { kind: 'sha256', value: h.sha256('sha@vendor.example') },
      { kind: 'sha1', value: h.sha1('sha1@vendor.example') },
    ],
    { reason: 'complaint', since: '2025-05-01' },
  );
  const phoneOnly = await createList(db, { name: 'Calls only', channels: ['phone'] });
  await addEntries(
    db,
    phoneOnly.id,
    [
      { kind: 'phone', value: '+4930123456' },
      { kind: 'email', value: 'listed3@corp3.example' },
    ],
    { reason: 'unsubscribe', since: '2025-06-01' },
  );
  await saveContact(db, { id: 'c-1', emails: ['listed5@corp5.example'], stage: 'client', country: 'GB' });
  await saveContact(db, {
    id: 'c-2',
    emails: ['client@known.example'],
    stage: 'former-client',
    country: 'FR',
  });
  await saveContact(db, {
    id: 'c-3',
    profileUrls: ['https://www.linkedin.com/in/recorded-person/'],
    stage: 'prospect',
    country: 'DE',
  });
});
afterEach(() => db.close());

const COUNTRIES = ['GB', 'DE', 'US', 'FR', '', 'United Kingdom', 'Atlantis', 'uk', 'CA', 'IE'];
const STAGES = ['', 'client', 'prospect', 'churned', 'weird stage', 'lead', ''];

/** A few hundred rows of every sort: listed and unlisted, hashed lists, domains, phones, junk and odd cells. */
function mixedCsv(rows: number): string {
  const lines = ['name,email,profile,phone,domain,country,stage,anything'];
  for (let i = 0; i < rows; i++) {
    const email = [
      `listed${i % 130}@corp${(i % 130) % 7}.example`,
      `nobody${i}@elsewhere.example`,
      `hashed${i % 70}@vendor.example`,
      i % 2 ? 'sha@vendor.example' : 'sha1@vendor.example',
      `someone${i}@blocked.example`,
      `x${i}@sub.wholeco.example`,
      'J.A.N.E.Doe+news@googlemail.com',
      'janedoe@gmail.com',
      `"a${i}@one.example; listed1@corp1.example"`,
      'not an email',
      '',
      'client@known.example',
      `person${i}@gmail.com`,
      `=HYPERLINK("x")`,
      `listed${i % 20}+promo@corp${(i % 20) % 7}.example`,
      `hashed${i % 9}+tag@vendor.example`,
      `fresh${i}@corp${i % 7}.example`,
      `new${i}@corp1.example`,
      `crm${i % 30}@corp${(i % 30) % 7}.example`,
      `crm${i % 30}+x@corp${(i % 30) % 7}.example`,
    ][i % 20];
    const profile = [
      ...Array(8).fill(''),
      'https://www.linkedin.com/in/listed-person/',
      `https://www.linkedin.com/in/p-${i}/`,
      'https://www.linkedin.com/in/recorded-person/',
      'https://example.com/not-linkedin',
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    ][i % 13];
    const phone = [
      '',
      '+44 20 7946 0000',
      '030 123456',
      '+1 415 555 0100',
      '12',
      `+44 20 7946 ${String(1000 + i).padStart(4, '0')}`,
    ][i % 6];
    const domain = [
      ...Array(9).fill(''),
      'blocked.example',
      'www.wholeco.example',
      'clean.example',
      'not a domain',
    ][i % 13];
    const anything = [
      '',
      `auto${i}@corp2.example`,
      'https://www.linkedin.com/in/listed-person/',
      'd41d8cd98f00b204e9800998ecf8427e',
      'hello',
      '+33 1 23 45 67 89',
    ][i % 6];
    const cells = [
      `Name ${i}`,
      email,
      profile,
      phone,
      domain,
      COUNTRIES[i % COUNTRIES.length],
      STAGES[i % STAGES.length],
      anything,
    ];
    // Some rows are short, some wide, one is blank.
    if (i % 23 === 0) cells.push('extra', 'cells');
    if (i % 29 === 0) cells.splice(3);
    lines.push(i === 50 ? '' : cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const ROLES: BulkRole[] = ['ignore', 'email', 'profile', 'phone', 'domain', 'country', 'stage', 'auto'];

function options(extra: Partial<BulkCheckOptions> = {}): BulkCheckOptions {
  return {
    headers: ['name', 'email', 'profile', 'phone', 'domain', 'country', 'stage', 'anything'],
    hasHeader: true,
    delimiter: ',',
    encoding: 'utf-8',
    sepLine: false,
    mapping: { roles: ROLES },
    now: NOW,
    ...extra,
  };
}

async function bytes(b: Blob): Promise<string> {
  return new TextDecoder().decode(await b.arrayBuffer());
}

async function comparable(r: BulkResult) {
  return {
    rows: r.rows,
    counts: r.counts,
    cleanRows: r.cleanRows,
    removedRows: r.removedRows,
    wideRows: r.wideRows,
    flagged: r.flagged,
    output: await bytes(r.output),
    clean: await bytes(r.clean),
    removed: await bytes(r.removed),
  };
}

async function expectSame(csv: string, extra: Partial<BulkCheckOptions> = {}, possible = true) {
  const blob = new Blob([csv]);
  const want = await comparable(await referenceBulkCheck(db, blob, options(extra)));
  const got = await comparable(await bulkCheck(db, blob, options(extra)));
  // The fixture must exercise what it claims to: blocked, invalid, possible and clean rows all present.
  expect(want.counts.blocked).toBeGreaterThan(20);
  expect(want.counts.invalid).toBeGreaterThan(0);
  expect(want.output.includes('(possible)')).toBe(possible);
  expect(want.output).toContain('Vendor MD5');
  expect(want.output).toContain('SHA list');
  expect(want.output).toContain('Old CRM export');
  expect(want.cleanRows).toBeGreaterThan(20);
  // Line by line first, so a difference shows as the rows that differ, not two whole files.
  for (const f of ['output', 'clean', 'removed'] as const)
    expect(got[f].split('\r\n')).toEqual(want[f].split('\r\n'));
  expect(got).toEqual(want);
}

describe('bulk check fast path = the per-row path', () => {
  it('gives the same files, counts and flagged rows on 400 mixed rows', async () => {
    await expectSame(mixedCsv(400));
  });

  it('with small batches and chunks, full reasons and the phone channel', async () => {
    await expectSame(mixedCsv(300), {
      batchSize: 7,
      chunkSize: 1000,
      reasons: 'full',
      campaignChannel: 'phone',
    });
  });

  // Lists larger than the lookup cache (a byte's budget here) make the check plan: the file read twice, each
  // bucket read once per stretch and reduced to the stretch's keys. The answers must not change.
  it('when it plans, in one stretch', async () => {
    await expectSame(mixedCsv(400), { cacheBytes: 1 });
  });

  it('when it plans, in many stretches of small batches', async () => {
    await expectSame(mixedCsv(300), { cacheBytes: 1, planKeys: 5, batchSize: 7, chunkSize: 1000 });
  });

  it.each<[string, Partial<SettingsInput>]>([
    ['a default country, no possible matches', { defaultCountry: 'GB', showPossibleMatches: false }],
    [
      'team facts and own domains',
      {
        defaultCountry: 'DE',
        teamLiaAssessedAt: '2026-01-10',
        teamArt14InFirstMessage: true,
        teamScreenedAt: '2026-04-20',
        ownDomains: ['corp1.example'],
        extraPersonalDomains: ['elsewhere.example'],
        defaultSubscriber: 'corporate',
      },
    ],
  ])('with settings: %s', async (_name, settings) => {
    await saveSettings(db, settings);
    await expectSame(mixedCsv(300), { reasons: 'full' }, settings.showPossibleMatches !== false);
    await expectSame(mixedCsv(300), { cacheBytes: 1, planKeys: 40 }, settings.showPossibleMatches !== false);
  });
});
