import { describe, expect, it } from 'vitest';
import { countsText, dayRange } from '../../../lib/options/audit-labels';
import {
  formatMegabytes,
  hostOfPattern,
  parseDomainList,
  sitePattern,
} from '../../../lib/options/settings-parse';

describe('parseDomainList', () => {
  it('normalises, deduplicates and accepts lines, commas and @-prefixes', () => {
    expect(parseDomainList('Mail.Example\n@mail.example, other.example.\n\n  third.example  ', 100)).toEqual({
      values: ['mail.example', 'other.example', 'third.example'],
      errors: [],
    });
  });

  it('names every value it refuses, and why', () => {
    const r = parseDomainList('ok.example\nco.uk\nnot_a_domain\n*.wild.example\nme@x.example', 100);
    expect(r.values).toEqual(['ok.example']);
    expect(r.errors.map((e) => e.value)).toEqual(['co.uk', 'not_a_domain', '*.wild.example', 'me@x.example']);
    expect(r.errors[0]?.reason).toMatch(/public suffix/);
    expect(r.errors[2]?.reason).toMatch(/exact domain/);
  });

  it('enforces the maximum the settings schema allows', () => {
    const r = parseDomainList('a.example b.example c.example', 2);
    expect(r.errors).toEqual([{ value: '', reason: 'at most 2 domains' }]);
  });

  it('gives an empty list for empty text', () => {
    expect(parseDomainList('  \n ', 10)).toEqual({ values: [], errors: [] });
  });
});

describe('sitePattern', () => {
  it.each([
    ['crm.example.com', 'crm.example.com'],
    ['https://crm.example.com/leads?id=3', 'crm.example.com'],
    ['CRM.Example.com/', 'crm.example.com'],
    ['*.example.com', '*.example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
  ])('%j → https://%s/*', (input, host) => {
    expect(sitePattern(input)).toEqual({ ok: true, host, origin: `https://${host}/*` });
  });

  it.each([
    ['', /Enter a site/],
    ['http://crm.example.com', /Only HTTPS/],
    ['ftp://crm.example.com', /Only HTTPS/],
    ['crm.example.com:8443', /port/],
    ['co.uk', /public suffix/],
    ['192.168.0.1', /IP address/],
    ['www.linkedin.com', /always annotated/],
    ['https://github.com/octo', /always annotated/],
  ])('refuses %j', (input, reason) => {
    const r = sitePattern(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('hostOfPattern', () => {
  it('reads hosts from the patterns the browser reports, and nothing else', () => {
    expect(hostOfPattern('https://crm.example.com/*')).toBe('crm.example.com');
    expect(hostOfPattern('https://*.example.com/*')).toBe('*.example.com');
    expect(hostOfPattern('https://*/*')).toBeNull();
    expect(hostOfPattern('http://crm.example.com/*')).toBeNull();
    expect(hostOfPattern('<all_urls>')).toBeNull();
  });
});

describe('formatMegabytes', () => {
  it('shows one decimal below 10 MB', () => {
    expect(formatMegabytes(1_234_567)).toBe('1.2 MB');
    expect(formatMegabytes(0)).toBe('0.0 MB');
    expect(formatMegabytes(123_456_789)).toBe('123 MB');
  });
});

describe('audit labels', () => {
  it('writes counts as words', () => {
    // Words, not field names (issue 20, item 12).
    expect(countsText({ rows: 1200, rejected: 3, duplicatesInFile: 2 })).toBe(
      '1,200 rows, 3 rejected, 2 duplicates in the file',
    );
    expect(countsText({ entries: 1, alreadyPresent: 4 })).toBe('1 entry, 4 already on the list');
    expect(countsText({ skippedRows: 2 })).toBe('2 skipped rows');
    expect(countsText(undefined)).toBe('');
  });

  it('turns a day range into local-midnight bounds, the end exclusive', () => {
    const r = dayRange('2026-05-01', '2026-05-03');
    expect(r.from).toBe(new Date('2026-05-01T00:00:00').toISOString());
    expect(r.to).toBe(new Date('2026-05-04T00:00:00').toISOString());
    expect(dayRange('', '')).toEqual({});
    expect(dayRange('garbage', '2026-13-01x')).toEqual({});
  });
});
