import { describe, expect, it } from 'vitest';
import { domainAncestors, normaliseDomain } from '../../../lib/identifiers/domain';
import { canonicalHost, hostToAscii } from '../../../lib/identifiers/host';

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com', false],
    ['Example.COM', 'example.com', false],
    ['EXAMPLE.COM.', 'example.com', false],
    ['  example.com\u00A0', 'example.com', false],
    ['exa\u200Bmple.com', 'example.com', false],
    ['"example.com"', 'example.com', false],
    ['.example.com', 'example.com', true],
    ['*.example.com', 'example.com', true],
    ['@example.com', 'example.com', false],
    ['https://example.com/path?q=1#top', 'example.com', false],
    ['http://Example.com:8080/', 'example.com', false],
    ['//example.com/x', 'example.com', false],
    ['example.com/contact', 'example.com', false],
    ['www.example.co.uk', 'www.example.co.uk', false],
    ['bücher.de', 'bücher.de', false],
    ['xn--bcher-kva.de', 'bücher.de', false],
    ['BU\u0308CHER.DE', 'bücher.de', false],
    ['.xn--bcher-kva.de', 'bücher.de', true],
    ['https://xn--e1afmkfd.xn--p1ai/', 'пример.рф', false],
  ])('%j -> %s (subdomains: %s)', (input, domain, includeSubdomains) => {
    expect(normaliseDomain(input)).toEqual({ ok: true, value: { domain, includeSubdomains } });
  });

  it.each([
    ['', 'empty domain'],
    ['localhost', 'domain without a dot'],
    ['com', 'domain without a dot'],
    ['co.uk', "'co.uk' is a public suffix, not a domain"],
    ['.co.uk', "'co.uk' is a public suffix, not a domain"],
    ['192.168.0.1', 'looks like an IP address, not a domain'],
    ['https://192.168.0.1/', 'looks like an IP address, not a domain'],
    ['[::1]', 'IP address literals are not supported'],
    ['john@example.com', 'looks like an email address, not a domain'],
    ['exa mple.com', 'domain contains spaces'],
    ['-example.com', "domain label starts or ends with '-'"],
    ['example..com', 'domain has an empty label (two dots in a row)'],
    ['xn--zz.com', 'domain is not a valid internationalised name'],
    ['ftp://example.com/', 'not a valid URL or domain'],
    ['ex\uD800ample.com', 'contains a lone surrogate'],
  ])('%j is refused: %s', (input, reason) => {
    expect(normaliseDomain(input)).toEqual({ ok: false, reason });
  });

  it('reads a website address as the company domain for list entries only (issue 20, item 12)', () => {
    const entry = (raw: string) => normaliseDomain(raw, { websiteToDomain: true });
    expect(entry('https://www.contoso.com/')).toEqual({
      ok: true,
      value: { domain: 'contoso.com', includeSubdomains: false },
    });
    expect(entry('http://WWW.Contoso.com:8080/about')).toMatchObject({ value: { domain: 'contoso.com' } });
    expect(entry('www.contoso.com/contact')).toMatchObject({ value: { domain: 'contoso.com' } });
    expect(entry('https://www2.contoso.com/')).toMatchObject({ value: { domain: 'www2.contoso.com' } });
    expect(entry('https://www.co.uk/')).toMatchObject({ value: { domain: 'www.co.uk' } });
    // Typed as a host, www. stays: it may really be a separate entry.
    expect(entry('www.contoso.com')).toMatchObject({ value: { domain: 'www.contoso.com' } });
    // A lookup keeps www. as the subdomain it is.
    expect(normaliseDomain('https://www.contoso.com/')).toMatchObject({
      value: { domain: 'www.contoso.com' },
    });
  });

  it('is idempotent on its own output', () => {
    for (const input of ['.Bücher.de', 'https://www.xn--bcher-kva.de/', '*.example.co.uk', 'EXAMPLE.COM.']) {
      const first = normaliseDomain(input);
      if (!first.ok) throw new Error(first.reason);
      const again = normaliseDomain(`${first.value.includeSubdomains ? '.' : ''}${first.value.domain}`);
      expect(again).toEqual(first);
    }
  });
});

describe('domainAncestors', () => {
  it('walks up to the registrable domain under a multi-label public suffix', () => {
    expect(domainAncestors('a.b.example.co.uk')).toEqual([
      'a.b.example.co.uk',
      'b.example.co.uk',
      'example.co.uk',
    ]);
  });

  it('is the domain alone when it is registrable', () => {
    expect(domainAncestors('example.com')).toEqual(['example.com']);
  });

  it('works on canonical Unicode hosts', () => {
    expect(domainAncestors('mail.bücher.de')).toEqual(['mail.bücher.de', 'bücher.de']);
  });

  it('yields the host itself when it has no registrable domain', () => {
    expect(domainAncestors('co.uk')).toEqual(['co.uk']);
    expect(domainAncestors('192.168.0.1')).toEqual(['192.168.0.1']);
    expect(domainAncestors('')).toEqual([]);
  });

  it('lets a .domain entry match a subdomain address', () => {
    const entries = new Set(['.example.co.uk']);
    const host = 'mail.sales.example.co.uk';
    expect(domainAncestors(host).some((d) => entries.has(`.${d}`))).toBe(true);
    expect(domainAncestors('example.com').some((d) => entries.has(`.${d}`))).toBe(false);
  });
});

describe('canonicalHost', () => {
  it('gives the Unicode and the punycode form', () => {
    expect(canonicalHost('XN--BCHER-KVA.de')).toEqual({
      ok: true,
      value: { unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' },
    });
    expect(canonicalHost('Bücher.de.')).toEqual({
      ok: true,
      value: { unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' },
    });
  });

  it('refuses characters that only become URL delimiters after IDNA mapping', () => {
    // Full-width solidus and commercial at map to '/' and '@'.
    expect(canonicalHost('example\uFF0Fevil.com').ok).toBe(false);
    expect(canonicalHost('a\uFF20example.com').ok).toBe(false);
  });

  it('hostToAscii inverts the Unicode form', () => {
    expect(hostToAscii('bücher.de')).toBe('xn--bcher-kva.de');
    expect(hostToAscii('example.com')).toBe('example.com');
  });
});
