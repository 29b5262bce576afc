import { countryFromLocation } from './country';
import { findEmailsOnPage } from './emails';
import { extractGitHubProfile } from './github';
import { extractLinkedInProfile, extractSalesNavLead, isLinkedInHost } from './linkedin';
import { chooseHeading, headingName, jsonLdPersons, metaContent, pageHeadings } from './meta';
import { cleanText } from './text';
import type { PagePerson } from './types';

export type { PagePerson } from './types';

function safeUrl(href: string, base: string): string {
  try {
    const u = new URL(href, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : '';
  } catch {
    return '';
  }
}

/**
 * Any other site: a page *about one person*, as the page itself declares it (exactly one JSON-LD Person, or an
 * Open Graph profile). A team page lists many people and is not one; its addresses are for findEmailsOnPage.
 * Emails are read only next to the person's own heading, never from the whole page.
 */
export function extractGenericPerson(doc: Document, url: string): PagePerson | null {
  try {
    const persons = jsonLdPersons(doc).filter((p) => p.name);
    const ogProfile = metaContent(doc, 'og:type') === 'profile';
    const ogName = cleanText(
      `${metaContent(doc, 'profile:first_name')} ${metaContent(doc, 'profile:last_name')}`,
    );
    const ld = persons.length === 1 ? persons[0] : undefined;
    const declared = ld?.name ?? (ogProfile ? ogName : '');
    if (!declared) return null;
    const anchor = chooseHeading(pageHeadings(doc), 'h1.p-name, h1[itemprop="name"]', declared, '');
    const person: PagePerson = {
      source: 'generic',
      name: anchor ? headingName(anchor) || declared : declared,
      emails: [],
      phones: [],
      websites: [],
      anchor,
    };
    const location = ld?.locality ? [ld.locality, ld.countryName].filter(Boolean).join(', ') : '';
    if (location) person.location = location;
    const country = (location ? countryFromLocation(location) : undefined) ?? ld?.countryCode;
    if (country) person.country = country;
    if (ld?.jobTitle) person.headline = ld.jobTitle;
    const site = ld?.url ? safeUrl(ld.url, url) : '';
    if (site) person.websites = [site];
    const box = anchor?.closest('article, section, main, [itemtype]');
    if (box) person.emails = findEmailsOnPage(box, 20).map((f) => f.email);
    return person;
  } catch {
    return null;
  }
}

function parsePageUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

/** LinkedIn: a profile or a Sales Navigator lead; null for any other LinkedIn page (or another site). */
export function extractLinkedInPage(doc: Document, url: string): PagePerson | null {
  const u = parsePageUrl(url);
  if (!u || !isLinkedInHost(u.hostname.toLowerCase())) return null;
  if (u.pathname.startsWith('/in/')) return extractLinkedInProfile(doc, url);
  if (u.pathname.startsWith('/sales/')) return extractSalesNavLead(doc, url);
  return null;
}

/** Any site but LinkedIn: a GitHub profile, or a page that declares one person. */
export function extractOtherPage(doc: Document, url: string): PagePerson | null {
  const u = parsePageUrl(url);
  if (!u) return null;
  const host = u.hostname.toLowerCase();
  if (isLinkedInHost(host)) return null;
  if (host === 'github.com' || host === 'www.github.com') return extractGitHubProfile(doc, url);
  return extractGenericPerson(doc, url);
}

/** The person the page at `url` is about, by site; null when the page is not a supported person page. */
export function extractPerson(doc: Document, url: string): PagePerson | null {
  const u = parsePageUrl(url);
  if (!u) return null;
  return isLinkedInHost(u.hostname.toLowerCase())
    ? extractLinkedInPage(doc, url)
    : extractOtherPage(doc, url);
}
