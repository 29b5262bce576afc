import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLinkedInProfile, canonicalSalesNavLead } from '../../../lib/identifiers/linkedin';

describe('canonicalLinkedInProfile', () => {
  const canonical = 'https://www.linkedin.com/in/john-smith/';
  it.each([
    'https://www.linkedin.com/in/john-smith/',
    'https://www.linkedin.com/in/john-smith',
    'http://www.linkedin.com/in/john-smith/',
    'linkedin.com/in/john-smith',
    'www.linkedin.com/in/john-smith/',
    '//www.linkedin.com/in/john-smith',
    '/in/john-smith/',
    'https://uk.linkedin.com/in/john-smith',
    'https://de.linkedin.com/in/john-smith/',
    'https://fr.linkedin.com/in/John-Smith',
    'https://m.linkedin.com/in/john-smith',
    'https://www.linkedin.com/mwlite/in/john-smith',
    'https://WWW.LINKEDIN.COM/in/JOHN-SMITH',
    'https://www.linkedin.com/in/john-smith/?originalSubdomain=uk',
    'https://www.linkedin.com/in/john-smith#experience',
    'https://www.linkedin.com/in/john-smith/overlay/contact-info/',
    'https://www.linkedin.com/in/john-smith/details/experience/',
    'https://www.linkedin.com/in/john-smith/recent-activity/all/',
    ' "https://www.linkedin.com/in/john-smith/" ',
    '<https://www.linkedin.com/in/john-smith/>',
    'https://www.linkedin.com/in/john\u200B-smith/',
    'https://www.linkedin.com/IN/john-smith',
  ])('%j', (input) => {
    expect(canonicalLinkedInProfile(input)).toEqual({ ok: true, value: canonical });
  });

  it('gives one ASCII form for encoded, raw, NFD and mixed-case Unicode slugs', () => {
    const expected = { ok: true, value: 'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/' };
    for (const input of [
      'https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/',
      'https://www.linkedin.com/in/jürgen-müller/',
      'https://www.linkedin.com/in/J%c3%bcrgen-M%C3%BCLLER',
      'https://www.linkedin.com/in/Ju\u0308rgen-Mu\u0308ller',
      'https://www.linkedin.com/in/ju%CC%88rgen-mu%CC%88ller',
    ]) {
      expect(canonicalLinkedInProfile(input)).toEqual(expected);
    }
  });

  it('keeps encoded ASCII characters stable', () => {
    expect(canonicalLinkedInProfile('https://www.linkedin.com/in/a%2540b')).toEqual({
      ok: true,
      value: 'https://www.linkedin.com/in/a%2540b/',
    });
  });

  it.each([
    ['https://linkedin.com.evil.test/in/x', 'not a linkedin.com address'],
    ['https://evil-linkedin.com/in/x', 'not a linkedin.com address'],
    ['https://www.linkedin.com@evil.test/in/x', 'URL contains a user name or password'],
    ['https://www.linkedin.com/company/acme/', 'not a profile URL (no /in/)'],
    ['https://www.linkedin.com/in/', 'no profile name after /in/'],
    ['https://www.linkedin.com/in/%E0%A4', 'malformed %-escape in profile name'],
    ['https://www.linkedin.com/in/a%20b', 'profile name contains spaces or URL delimiters'],
    ['https://www.linkedin.com/in/a%2Fb', 'profile name contains spaces or URL delimiters'],
    [`https://www.linkedin.com/in/${'a'.repeat(101)}`, 'profile name longer than 100 characters'],
    [
      'https://www.linkedin.com/pub/john-smith/1/23/456',
      'old /pub/ profile URL: open it and use the /in/ address LinkedIn redirects to',
    ],
    ['ftp://www.linkedin.com/in/x', 'not an http(s) URL'],
    ['javascript:alert(1)', 'not an http(s) URL'],
    ['', 'empty value'],
    ['https://www.linkedin.com/in/\uD800', 'contains a lone surrogate'],
  ])('%j is refused: %s', (input, reason) => {
    expect(canonicalLinkedInProfile(input)).toEqual({ ok: false, reason });
  });

  const slugChar = fc.constantFrom(...'abcXYZ019-_.üÜéЖ漢%@'.split(''), 'u\u0308', '\u200B');
  const profileUrl = fc
    .record({
      slug: fc.string({ unit: slugChar, minLength: 1, maxLength: 30 }),
      host: fc.constantFrom(
        'https://www.linkedin.com',
        'http://uk.linkedin.com',
        'linkedin.com',
        'https://m.linkedin.com',
      ),
      tail: fc.constantFrom('', '/', '/details/experience/', '?trk=x', '#a'),
      encode: fc.boolean(),
    })
    .map(({ slug, host, tail, encode }) => `${host}/in/${encode ? encodeURIComponent(slug) : slug}${tail}`);

  it('is idempotent, and its output is ASCII', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(profileUrl, fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
        const first = canonicalLinkedInProfile(s);
        if (!first.ok) return;
        accepted++;
        expect(canonicalLinkedInProfile(first.value)).toEqual(first);
        expect(first.value).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[\x21-\x7E]+\/$/);
      }),
      { numRuns: 2000 },
    );
    expect(accepted).toBeGreaterThan(200);
  });
});

describe('canonicalSalesNavLead', () => {
  const expected = { ok: true, value: 'https://www.linkedin.com/sales/lead/ACwAAAbC-12_xYz/' };
  it.each([
    'https://www.linkedin.com/sales/lead/ACwAAAbC-12_xYz,NAME_SEARCH,aBc1',
    'https://www.linkedin.com/sales/lead/ACwAAAbC-12_xYz,NAME_SEARCH,aBc1?_ntb=xyz',
    'https://www.linkedin.com/sales/people/ACwAAAbC-12_xYz,NAME_SEARCH,aBc1',
    'https://www.linkedin.com/sales/lead/ACwAAAbC-12_xYz/',
    'https://www.linkedin.com/sales/lead/ACwAAAbC-12_xYz%2CNAME_SEARCH%2CaBc1',
    'linkedin.com/sales/lead/ACwAAAbC-12_xYz,OUT_OF_NETWORK,x',
  ])('%j', (input) => {
    expect(canonicalSalesNavLead(input)).toEqual(expected);
  });

  it('keeps the case of the id: two ids differing in case are two leads', () => {
    const a = canonicalSalesNavLead('https://www.linkedin.com/sales/lead/ACwAAAb,NAME_SEARCH');
    const b = canonicalSalesNavLead('https://www.linkedin.com/sales/lead/ACwAAAB,NAME_SEARCH');
    expect(a.ok && b.ok && a.value !== b.value).toBe(true);
  });

  it('is idempotent', () => {
    const first = canonicalSalesNavLead('https://www.linkedin.com/sales/people/ACwAAAbC,NAME_SEARCH,x');
    if (!first.ok) throw new Error(first.reason);
    expect(canonicalSalesNavLead(first.value)).toEqual(first);
  });

  it.each([
    [
      'https://www.linkedin.com/in/john-smith/',
      'not a Sales Navigator lead URL (no /sales/lead/ or /sales/people/)',
    ],
    [
      'https://www.linkedin.com/sales/company/123',
      'not a Sales Navigator lead URL (no /sales/lead/ or /sales/people/)',
    ],
    ['https://www.linkedin.com/sales/lead/', 'no lead id in URL'],
    ['https://www.linkedin.com/sales/lead/,NAME_SEARCH', 'no lead id in URL'],
    ['https://www.linkedin.com/sales/lead/AC%24wA,NAME_SEARCH', 'lead id contains unexpected characters'],
    ['https://sales.linkedin.com.evil.test/sales/lead/ACwAAA', 'not a linkedin.com address'],
  ])('%j is refused: %s', (input, reason) => {
    expect(canonicalSalesNavLead(input)).toEqual({ ok: false, reason });
  });
});

describe('canonicalLinkedInProfile: dot-only slugs', () => {
  it.each([
    'https://www.linkedin.com/in/%E2%80%8B./',
    'https://www.linkedin.com/in/../',
    'linkedin.com/in/%2E%2E%2E',
  ])('refuses %s, which a URL parser would fold away', (raw) => {
    expect(canonicalLinkedInProfile(raw).ok).toBe(false);
  });
});
