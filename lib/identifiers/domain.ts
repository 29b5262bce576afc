import { getDomain, parse } from 'tldts';
import { canonicalHost } from './host';
import { fail, type Normalised, ok } from './result';
import { hasLoneSurrogate, stripInvisible, stripSurroundingQuotes } from './text';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const URL_DELIMITERS = /[/?#:]/;

/**
 * Canonical form of a domain suppression entry. 'example.com' covers that exact domain; '.example.com' and
 * '*.example.com' also cover its subdomains. Accepts '@example.com', URLs, a trailing dot and IDNs in either form;
 * refuses IP addresses, single labels and bare public suffixes such as 'co.uk'.
 */
/**
 * `websiteToDomain` (list entries only): a website address (https://www.contoso.com/) is read as the company's
 * domain, dropping its "www.". Lookups keep "www." as the subdomain it is.
 */
export function normaliseDomain(
  raw: string,
  opts: { websiteToDomain?: boolean } = {},
): Normalised<{ domain: string; includeSubdomains: boolean }> {
  if (raw.length > 4096) return fail('domain longer than 253 characters');
  if (hasLoneSurrogate(raw)) return fail('contains a lone surrogate');
  let s = stripSurroundingQuotes(stripInvisible(raw).trim());
  let includeSubdomains = false;
  if (s.startsWith('*.')) {
    includeSubdomains = true;
    s = s.slice(2);
  } else if (s.startsWith('.')) {
    includeSubdomains = true;
    s = s.slice(1);
  } else if (s.startsWith('@')) {
    s = s.slice(1);
  }
  if (s.includes('@')) return fail('looks like an email address, not a domain');

  let fromUrl = false;
  if (SCHEME.test(s) || s.startsWith('//') || URL_DELIMITERS.test(s)) {
    const host = hostOfUrl(s);
    if (host === null) return fail('not a valid URL or domain');
    s = host;
    fromUrl = true;
  }

  const host = canonicalHost(s);
  if (!host.ok) return host;
  const domain = host.value.unicode;
  const info = parse(domain);
  if (info.isIp) return fail('looks like an IP address, not a domain');
  if (info.domain === null) return fail(`'${domain}' is a public suffix, not a domain`);
  // A website address written into a list (https://www.contoso.com/) names the company's domain: its "www." is
  // the web server, not a part of the company worth keeping apart. Only from a URL, never down to a public suffix.
  if (opts.websiteToDomain && fromUrl && domain.startsWith('www.')) {
    const bare = domain.slice(4);
    if (parse(bare).domain !== null) return ok({ domain: bare, includeSubdomains });
  }
  return ok({ domain, includeSubdomains });
}

function hostOfUrl(s: string): string | null {
  const withScheme = SCHEME.test(s) ? s : s.startsWith('//') ? `http:${s}` : `http://${s}`;
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Credentials in a URL ('https://example.com@evil.test') make the visible name differ from the host.
    if (url.username !== '' || url.password !== '') return null;
    return url.hostname === '' ? null : url.hostname;
  } catch {
    return null;
  }
}

/**
 * The host and each parent up to its registrable domain, most specific first:
 * 'a.b.example.co.uk' -> ['a.b.example.co.uk', 'b.example.co.uk', 'example.co.uk'].
 * Expects a normalised host (as from emailDomain or normaliseDomain); a host with no registrable domain
 * (a public suffix, an IP) yields just itself.
 */
export function domainAncestors(host: string): string[] {
  if (host === '') return [];
  const registrable = getDomain(host);
  if (registrable === null || !(host === registrable || host.endsWith(`.${registrable}`))) return [host];
  const out: string[] = [];
  let current = host;
  while (current !== registrable) {
    out.push(current);
    current = current.slice(current.indexOf('.') + 1);
  }
  out.push(registrable);
  return out;
}
