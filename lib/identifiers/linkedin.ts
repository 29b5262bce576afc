import { fail, type Normalised, ok } from './result';
import { hasLoneSurrogate, stripInvisible, stripSurroundingQuotes } from './text';

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_LINKEDIN_HOST = /^(?:[a-z0-9-]+\.)*linkedin\.com(?:[/?#:]|$)/i;
// LinkedIn allows 3-100 characters in a custom profile URL; generated ones are shorter.
const MAX_SLUG_LENGTH = 100;
const SLUG_FORBIDDEN = /[\s/\\?#\p{Cc}]/u;
const LEAD_ID = /^[A-Za-z0-9_-]{1,200}$/;

type LinkedInPath = { segments: string[] };

/** Parses any spelling of a linkedin.com URL and returns its path segments (still %-encoded). */
function linkedInPath(raw: string): Normalised<LinkedInPath> {
  if (raw.length > 4096) return fail('URL too long');
  if (hasLoneSurrogate(raw)) return fail('contains a lone surrogate');
  let s = stripSurroundingQuotes(stripInvisible(raw).trim());
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (s === '') return fail('empty value');

  if (s.startsWith('//')) s = `https:${s}`;
  else if (s.startsWith('/')) s = `https://www.linkedin.com${s}`;
  else if (!SCHEME.test(s) || BARE_LINKEDIN_HOST.test(s)) s = `https://${s}`;

  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return fail('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail('not an http(s) URL');
  // 'https://linkedin.com@evil.test/in/x' shows LinkedIn but goes to evil.test; the URL parser already put
  // evil.test in hostname, and a URL with credentials is not something LinkedIn hands out either.
  if (url.username !== '' || url.password !== '') return fail('URL contains a user name or password');
  const host = url.hostname;
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return fail('not a linkedin.com address');
  return ok({ segments: url.pathname.split('/').filter((p) => p !== '') });
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * 'https://www.linkedin.com/in/<slug>/' from any spelling of a public profile URL: any scheme or none, locale and
 * mobile subdomains, query, fragment, trailing sections ('/details/experience/'), %-encoded or raw Unicode slugs.
 * The slug is decoded, NFC, lower-cased and re-encoded, so the canonical form is ASCII and one per profile.
 */
export function canonicalLinkedInProfile(raw: string): Normalised<string> {
  const parsed = linkedInPath(raw);
  if (!parsed.ok) return parsed;
  let segments = parsed.value.segments;
  // The lightweight mobile site prefixes its paths.
  if (segments[0]?.toLowerCase() === 'mwlite') segments = segments.slice(1);
  const kind = segments[0]?.toLowerCase();
  if (kind === 'pub') {
    // The old /pub/ id cannot be turned into the /in/ slug it now redirects to without asking LinkedIn.
    return fail('old /pub/ profile URL: open it and use the /in/ address LinkedIn redirects to');
  }
  if (kind !== 'in') return fail('not a profile URL (no /in/)');
  const encoded = segments[1];
  if (encoded === undefined) return fail('no profile name after /in/');
  const decoded = decodeSegment(encoded);
  if (decoded === null) return fail('malformed %-escape in profile name');
  const slug = stripInvisible(decoded).normalize('NFC').toLowerCase();
  if (slug === '') return fail('no profile name after /in/');
  // '.' and '..' are path steps, not names: a URL parser would fold them away (found by the idempotence property).
  if (/^\.+$/.test(slug)) return fail('no profile name after /in/');
  if (SLUG_FORBIDDEN.test(slug)) return fail('profile name contains spaces or URL delimiters');
  if ([...slug].length > MAX_SLUG_LENGTH) return fail('profile name longer than 100 characters');
  return ok(`https://www.linkedin.com/in/${encodeURIComponent(slug)}/`);
}

/**
 * 'https://www.linkedin.com/sales/lead/<leadId>/' from a Sales Navigator lead or people URL
 * ('/sales/lead/<leadId>,NAME_SEARCH,abc'). Lead ids are case-sensitive, so their case is kept.
 */
export function canonicalSalesNavLead(raw: string): Normalised<string> {
  const parsed = linkedInPath(raw);
  if (!parsed.ok) return parsed;
  const [area, kind, tail] = parsed.value.segments;
  if (
    area?.toLowerCase() !== 'sales' ||
    (kind?.toLowerCase() !== 'lead' && kind?.toLowerCase() !== 'people')
  ) {
    return fail('not a Sales Navigator lead URL (no /sales/lead/ or /sales/people/)');
  }
  if (tail === undefined) return fail('no lead id in URL');
  const decoded = decodeSegment(tail);
  if (decoded === null) return fail('malformed %-escape in lead id');
  const id = decoded.split(',')[0]?.trim() ?? '';
  if (id === '') return fail('no lead id in URL');
  if (!LEAD_ID.test(id)) return fail('lead id contains unexpected characters');
  return ok(`https://www.linkedin.com/sales/lead/${id}/`);
}
