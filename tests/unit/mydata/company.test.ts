import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveSelfSetting } from '@/lib/mydata/commands';
import { companyFromUrl, parseMyDataParams } from '@/lib/mydata/company';
import { openSelfDb, SELF_DB_NAME, SELF_SCHEMA_VERSIONS, type SelfDb } from '@/lib/mydata/db';
import { countryFromLanguage, getSelfSettings } from '@/lib/mydata/settings';

describe('companyFromUrl', () => {
  it('guesses a name from the registrable domain', () => {
    expect(companyFromUrl('https://shop.acme.co.uk/basket')).toEqual({ name: 'Acme', domain: 'acme.co.uk' });
    expect(companyFromUrl('https://www.big-data-corp.com/')).toEqual({
      name: 'Big Data Corp',
      domain: 'big-data-corp.com',
    });
  });

  it('has no guess for pages that are not a company site', () => {
    expect(companyFromUrl('chrome-extension://abc/mydata.html')).toBeNull();
    expect(companyFromUrl('file:///home/x.html')).toBeNull();
    expect(companyFromUrl('https://127.0.0.1/')).toBeNull();
    expect(companyFromUrl('not a url')).toBeNull();
  });

  it('reads the page parameters, the company name winning over the guess', () => {
    expect(parseMyDataParams('?site=https%3A%2F%2Fwww.acme.example%2Fteam')).toEqual({
      company: 'Acme',
      domain: 'acme.example',
    });
    expect(parseMyDataParams('?company=Acme%20Ltd&site=https://acme.example/')).toEqual({
      company: 'Acme Ltd',
      domain: 'acme.example',
    });
    expect(parseMyDataParams(`?company=${'x'.repeat(300)}`)).toEqual({});
  });
});

describe('self database and settings', () => {
  let db: SelfDb;
  let n = 0;
  beforeEach(async () => {
    db = await openSelfDb(`self-settings-${n++}`);
  });
  afterEach(() => db.close());

  it('is its own database, separate from the suppression lists', () => {
    expect(SELF_DB_NAME).toBe('heed-self');
    expect(SELF_SCHEMA_VERSIONS.map((v) => v.version)).toEqual([1]);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['identities', 'requests', 'settings']);
  });

  it('keeps the name and country', async () => {
    expect(await getSelfSettings(db)).toEqual({ name: '', country: '' });
    await saveSelfSetting(db, 'name', '  Jane Doe ');
    await saveSelfSetting(db, 'country', 'GB');
    expect(await getSelfSettings(db)).toEqual({ name: 'Jane Doe', country: 'GB' });
  });

  it('takes a default country from the browser language', () => {
    expect(countryFromLanguage('en-GB')).toBe('GB');
    expect(countryFromLanguage('de_at')).toBe('AT');
    expect(countryFromLanguage('fr')).toBe('');
    expect(countryFromLanguage(undefined)).toBe('');
  });
});
