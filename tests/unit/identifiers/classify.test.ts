import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { classifyValue, normaliseAs } from '../../../lib/identifiers/classify';
import * as identifiers from '../../../lib/identifiers/index';
import type { EntryKind } from '../../../lib/vocab';

const md5 = createHash('md5').update('test@example.com').digest('hex');
const sha1 = createHash('sha1').update('test@example.com').digest('hex');
const sha256 = createHash('sha256').update('test@example.com').digest('hex');

describe('classifyValue', () => {
  it.each<[string, EntryKind | null]>([
    ['john@example.com', 'email'],
    [' John Smith <John@Example.com> ', 'email'],
    ['mailto:john@example.com', 'email'],
    ['"john@example.com"', 'email'],
    [md5, 'md5'],
    [md5.toUpperCase(), 'md5'],
    [sha1, 'sha1'],
    [sha256, 'sha256'],
    [` ${sha256.toUpperCase()}\u00A0`, 'sha256'],
    ['example.com', 'domain'],
    ['.example.co.uk', 'domain'],
    ['@example.com', 'domain'],
    ['https://www.example.com/', 'domain'],
    ['xn--bcher-kva.de', 'domain'],
    ['https://www.linkedin.com/in/john-smith/', 'profile'],
    ['linkedin.com/in/john-smith', 'profile'],
    ['https://www.linkedin.com/sales/lead/ACwAAAbC,NAME_SEARCH,x', 'salesnav'],
    ['+44 20 7946 0958', 'phone'],
    ['020 7946 0958', 'phone'],
    ['tel:+1-202-555-0143', 'phone'],
    ['', null],
    ['   ', null],
    ['John Smith', null],
    ['2024-01-15', null],
    ['15/01/2024', null],
    ['192.168.0.1', null],
    ['12345', null],
    ['a'.repeat(33), null],
    ['john@', null],
    ['https://www.linkedin.com/company/acme', null],
    ['co.uk', null],
    ['true', null],
  ])('%j -> %s', (input, kind) => {
    expect(classifyValue(input)).toBe(kind);
  });

  it('tells hashed and plain values apart in a mixed column', () => {
    const column = [
      md5,
      'jane@example.com',
      md5.toUpperCase(),
      'Jane Doe <jane@example.com>',
      'not an address',
    ];
    expect(column.map(classifyValue)).toEqual(['md5', 'email', 'md5', 'email', null]);
  });
});

describe('normaliseAs', () => {
  it('gives the canonical string of each kind', () => {
    expect(normaliseAs('email', 'John@Xn--Bcher-Kva.de')).toEqual({ ok: true, value: 'john@bücher.de' });
    expect(normaliseAs('md5', md5.toUpperCase())).toEqual({ ok: true, value: md5 });
    expect(normaliseAs('sha1', sha1)).toEqual({ ok: true, value: sha1 });
    expect(normaliseAs('sha256', sha256.toUpperCase())).toEqual({ ok: true, value: sha256 });
    expect(normaliseAs('domain', 'Example.com')).toEqual({ ok: true, value: 'example.com' });
    expect(normaliseAs('domain', '*.Example.com')).toEqual({ ok: true, value: '.example.com' });
    expect(normaliseAs('domain', '.bücher.de')).toEqual({ ok: true, value: '.bücher.de' });
    expect(normaliseAs('profile', 'uk.linkedin.com/in/John-Smith')).toEqual({
      ok: true,
      value: 'https://www.linkedin.com/in/john-smith/',
    });
    expect(normaliseAs('salesnav', 'https://www.linkedin.com/sales/people/ACwAAAbC,NAME_SEARCH')).toEqual({
      ok: true,
      value: 'https://www.linkedin.com/sales/lead/ACwAAAbC/',
    });
    expect(normaliseAs('phone', '020 7946 0958', 'GB')).toEqual({ ok: true, value: '+442079460958' });
  });

  it('refuses a hash of the wrong algorithm for the column', () => {
    expect(normaliseAs('md5', sha256)).toEqual({
      ok: false,
      reason: 'expected MD5 (32 hex characters), got SHA-256 (64 hex characters)',
    });
    expect(normaliseAs('sha256', md5)).toEqual({
      ok: false,
      reason: 'expected SHA-256 (64 hex characters), got MD5 (32 hex characters)',
    });
  });

  it('passes the reasons of the underlying normaliser through', () => {
    expect(normaliseAs('email', 'nobody')).toEqual({ ok: false, reason: 'no @ in address' });
    expect(normaliseAs('md5', 'jane@example.com')).toEqual({ ok: false, reason: 'not hexadecimal' });
    expect(normaliseAs('domain', 'co.uk')).toEqual({
      ok: false,
      reason: "'co.uk' is a public suffix, not a domain",
    });
    expect(normaliseAs('phone', '020 7946 0958')).toEqual({
      ok: false,
      reason: 'no country code (+44 …) and no default country',
    });
  });

  it('output of each kind normalises to itself again', () => {
    const samples: [EntryKind, string][] = [
      ['email', ' "Jürgen" <JU\u0308RGEN@XN--BCHER-KVA.DE> '],
      ['md5', md5.toUpperCase()],
      ['domain', '.XN--BCHER-KVA.DE.'],
      ['profile', 'https://de.linkedin.com/in/J%c3%bcrgen/details/'],
      ['salesnav', 'linkedin.com/sales/lead/ACwAAAbC,NAME_SEARCH,x'],
      ['phone', '+44 (0)20 7946 0958'],
    ];
    for (const [kind, raw] of samples) {
      const first = normaliseAs(kind, raw);
      if (!first.ok) throw new Error(`${kind}: ${first.reason}`);
      expect(normaliseAs(kind, first.value)).toEqual(first);
      expect(classifyValue(first.value)).toBe(kind);
    }
  });
});

describe('index', () => {
  it('exports the whole public API', () => {
    const expected = [
      'stripInvisible',
      'hasLoneSurrogate',
      'normaliseEmail',
      'emailDomain',
      'emailHashForms',
      'possibleEmailVariants',
      'normaliseDomain',
      'domainAncestors',
      'canonicalLinkedInProfile',
      'canonicalSalesNavLead',
      'normalisePhone',
      'normaliseHash',
      'hexToBytes',
      'bytesToHex',
      'loadHashers',
      'classifyValue',
      'normaliseAs',
    ];
    for (const name of expected)
      expect(typeof (identifiers as Record<string, unknown>)[name]).toBe('function');
  });
});
