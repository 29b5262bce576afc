import type { PageSource } from '../vocab';
import { githubLoginFromUrl } from './github';
import { isLinkedInHost, linkedInProfileRef, slugKey } from './linkedin';
import { cleanText, isVisibleCached } from './text';

/** One person row of a list page (search results, a company's people, a lead list, an organisation's members). */
export interface RowPerson {
  /** The same person gives the same key on every page and generation of markup: the cache key. */
  key: string;
  source: Exclude<PageSource, 'generic'>;
  /** The row element, and the element the marker goes after (the person's name link). */
  row: Element;
  anchor: Element;
  name?: string;
  profileUrl?: string;
  salesNavUrl?: string;
  githubLogin?: string;
}

/** Pages that list people, by path. Anything else (a profile, the feed, a repository) has no rows. */
export type ListKind = 'linkedin' | 'salesnav' | 'github';

export function listKindOf(url: string): ListKind | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase();
  const path = u.pathname;
  if (isLinkedInHost(host)) {
    if (/^\/search\/results\/(people|all)(\/|$)/.test(path)) return 'linkedin';
    if (/^\/company\/[^/]+\/people(\/|$)/.test(path)) return 'linkedin';
    if (/^\/mynetwork(\/|$)/.test(path)) return 'linkedin';
    if (/^\/sales\/(search\/people|lists\/people)(\/|$)/.test(path)) return 'salesnav';
    return null;
  }
  if (host === 'github.com' || host === 'www.github.com') {
    if (/^\/orgs\/[^/]+\/(people|outside-collaborators|teams\/[^/]+\/members)(\/|$)/.test(path))
      return 'github';
    return null;
  }
  return null;
}

interface Candidate {
  key: string;
  link: HTMLAnchorElement;
}

// The row is found by structure, not by class names (LinkedIn hashes its classes): the nearest list item or
// table row around the person's link, else the largest ancestor that links to this person and nobody else.
const ROW_SELECTOR = 'li, tr, [role="listitem"], [role="row"], article';
const MAX_CLIMB = 14;

function rowOf(link: Element, key: string, keyOf: (a: HTMLAnchorElement) => string | null): Element {
  const item = link.closest(ROW_SELECTOR);
  if (item) return item;
  let row: Element = link;
  for (let e = link.parentElement, i = 0; e && i < MAX_CLIMB && !/^(BODY|MAIN)$/.test(e.tagName); i++) {
    const others = Array.from(e.querySelectorAll('a[href]')).some((a) => {
      const k = keyOf(a as HTMLAnchorElement);
      return k !== null && k !== key;
    });
    if (others) break;
    row = e;
    e = e.parentElement;
  }
  return row;
}

/** The name shown for the link: LinkedIn repeats it for screen readers ("View Jane Doe's profile"); take the visible copy. */
function nameOf(link: Element): string {
  const shown = link.querySelector('span[aria-hidden="true"]');
  return cleanText((shown ?? link).textContent).slice(0, 200);
}

/**
 * The link the marker goes after: of the row's links to this person, the first with text (the name), not the
 * photo. Falls back to the first link when every one is a picture.
 */
function pickAnchor(links: HTMLAnchorElement[]): HTMLAnchorElement | undefined {
  return links.find((a) => cleanText(a.textContent) !== '' && !a.querySelector('img')) ?? links[0];
}

function rowsFrom(
  doc: Document,
  selector: string,
  keyOf: (a: HTMLAnchorElement) => string | null,
  make: (c: Candidate, row: Element, links: HTMLAnchorElement[]) => RowPerson | null,
): RowPerson[] {
  const scope = doc.querySelector('main') ?? doc.body;
  if (!scope) return [];
  const cache = new Map<Element, boolean>();
  const byRow = new Map<Element, { key: string; links: HTMLAnchorElement[] }>();
  for (const a of Array.from(scope.querySelectorAll<HTMLAnchorElement>(selector)).slice(0, 2000)) {
    const key = keyOf(a);
    // Site navigation links to the user themself ("Me"), never to a row's person.
    if (!key || a.closest('header, nav, footer, [role="navigation"], [role="banner"]')) continue;
    const row = rowOf(a, key, keyOf);
    const seen = byRow.get(row);
    // A row belongs to the first person it links to; later links (mutual connections, "shared by") are not
    // the row's person.
    if (seen) {
      if (seen.key === key) seen.links.push(a);
      continue;
    }
    byRow.set(row, { key, links: [a] });
  }
  const out: RowPerson[] = [];
  for (const [row, { key, links }] of byRow) {
    // A row nested in another row (a reply inside a card) belongs to the outer one.
    let nested = false;
    for (let e = row.parentElement; e && !nested; e = e.parentElement) nested = byRow.has(e);
    if (nested) continue;
    const visible = links.filter((l) => isVisibleCached(l, cache));
    const anchor = pickAnchor(visible);
    if (!anchor) continue;
    const person = make({ key, link: anchor }, row, visible);
    if (person) out.push(person);
  }
  return out;
}

function linkedInKey(a: HTMLAnchorElement): string | null {
  const ref = linkedInProfileRef(a.getAttribute('href') ?? '', a.ownerDocument.URL);
  // `/in/<slug>/details/…` and `/in/<slug>/recent-activity` are still the person; overlays are not rows.
  if (!ref || ref.rest.startsWith('overlay')) return null;
  return `in:${slugKey(ref.slug)}`;
}

function linkedInRows(doc: Document): RowPerson[] {
  return rowsFrom(doc, 'a[href*="/in/"]', linkedInKey, (c, row, links) => {
    const ref = linkedInProfileRef(c.link.getAttribute('href') ?? '', doc.URL);
    if (!ref) return null;
    const name = nameOf(links.find((l) => cleanText(l.textContent)) ?? c.link);
    return {
      key: c.key,
      source: 'linkedin-profile',
      row,
      anchor: c.link,
      profileUrl: ref.profileUrl,
      ...(name ? { name } : {}),
    };
  });
}

/** `/sales/lead/<id>,<auth type>,<token>`: the id names the lead; the rest changes with how it was found. */
function salesNavLead(href: string, base: string): { id: string; url: string } | null {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (!isLinkedInHost(u.hostname)) return null;
  const m = /^\/sales\/(?:lead|people)\/([^/?#]+)/.exec(u.pathname);
  const full = m?.[1];
  const id = full?.split(',')[0];
  if (!full || !id || !/^[A-Za-z0-9_-]{6,}$/.test(id)) return null;
  return { id, url: new URL(`/sales/lead/${full}`, 'https://www.linkedin.com').href };
}

function salesNavRows(doc: Document): RowPerson[] {
  const keyOf = (a: HTMLAnchorElement) => {
    const lead = salesNavLead(a.getAttribute('href') ?? '', doc.URL);
    return lead ? `lead:${lead.id}` : null;
  };
  return rowsFrom(doc, 'a[href*="/sales/lead/"], a[href*="/sales/people/"]', keyOf, (c, row, links) => {
    const lead = salesNavLead(c.link.getAttribute('href') ?? '', doc.URL);
    if (!lead) return null;
    const name = nameOf(links.find((l) => cleanText(l.textContent)) ?? c.link);
    return {
      key: c.key,
      source: 'linkedin-salesnav',
      row,
      anchor: c.link,
      salesNavUrl: lead.url,
      ...(name ? { name } : {}),
    };
  });
}

function githubRows(doc: Document): RowPerson[] {
  // The organisation's own page link (its avatar, its name) is not one of its members.
  const org = (/^\/orgs\/([^/]+)/.exec(new URL(doc.URL).pathname)?.[1] ?? '').toLowerCase();
  const keyOf = (a: HTMLAnchorElement) => {
    const u = new URL(a.getAttribute('href') ?? '', doc.URL);
    const login = u.search || u.hash ? null : githubLoginFromUrl(u.href);
    return login && login.toLowerCase() !== org ? `gh:${login.toLowerCase()}` : null;
  };
  const safeKey = (a: HTMLAnchorElement) => {
    try {
      return keyOf(a);
    } catch {
      return null;
    }
  };
  return rowsFrom(doc, 'a[href]', safeKey, (c, row, links) => {
    const login = c.key.slice(3);
    // The member's display name sits next to the login link; GitHub marks it in both generations.
    const nameEl = row.querySelector('[itemprop="name"], [data-testid="member-name"], .f4');
    const name = cleanText(nameEl?.textContent ?? nameOf(links[0] ?? c.link)).slice(0, 200);
    return {
      key: c.key,
      source: 'github',
      row,
      anchor: c.link,
      githubLogin: login,
      ...(name ? { name } : {}),
    };
  });
}

/** Every person row on a list page, in page order; [] on any other page. Never throws. */
export function extractRows(doc: Document, url: string): RowPerson[] {
  try {
    switch (listKindOf(url)) {
      case 'linkedin':
        return linkedInRows(doc);
      case 'salesnav':
        return salesNavRows(doc);
      case 'github':
        return githubRows(doc);
      default:
        return [];
    }
  } catch {
    return [];
  }
}
