import { countryFromLocation } from './country';
import { emailsFromMailto, emailsInText } from './emails';
import { dedupe } from './meta';
import { cleanText, isVisible, visibleText } from './text';
import type { PagePerson } from './types';

// First path segments that are GitHub's own pages, never a user. Not exhaustive: the markup check (a schema.org
// Person card) is what decides; this list only saves work and guards against a Person card on a non-user page.
// A regular expression rather than a Set built at load: a literal has no side effect, so the LinkedIn script,
// which imports this module's neighbours, does not carry it.
const RESERVED =
  /^(?:about|account|apps|codespaces|collections|contact|copilot|customer-stories|dashboard|enterprise|enterprises|events|explore|features|gist|git-guides|github-copilot|issues|join|login|logout|marketplace|mobile|new|notifications|orgs|organizations|pricing|pulls|readme|search|security|sessions|settings|signup|site|sitemap|solutions|sponsors|stars|team|topics|trending|users|watching)$/;
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export function githubLoginFromUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  if (u.protocol !== 'https:' || (host !== 'github.com' && host !== 'www.github.com')) return null;
  const segments = u.pathname.split('/').filter(Boolean);
  const login = segments[0];
  if (segments.length !== 1 || !login || !LOGIN.test(login) || RESERVED.test(login.toLowerCase()))
    return null;
  return login;
}

function textOf(root: ParentNode, selector: string): string {
  const el = Array.from(root.querySelectorAll(selector))
    .slice(0, 10)
    .find((e) => isVisible(e));
  return el ? cleanText(visibleText(el, 500)) : '';
}

/**
 * The profile column when GitHub drops the schema.org Person / h-card wrapper but keeps its parts: the
 * `vcard-names` heading with the name in `itemprop="name"`, and the details (`itemprop` email, location, url).
 * The card is the nearest ancestor of the heading that also holds the details, so that the email is still read
 * only from the profile column.
 */
function unwrappedCard(doc: Document): Element | null {
  const heading = doc.querySelector('.vcard-names');
  if (!heading?.querySelector('[itemprop="name"]')) return null;
  let box: Element = heading;
  for (let e = heading.parentElement, i = 0; e && i < 8 && !/^(BODY|MAIN)$/.test(e.tagName); i++) {
    box = e;
    if (e.querySelector('[itemprop="email"], [itemprop="homeLocation"], [itemprop="url"]')) return e;
    e = e.parentElement;
  }
  return box;
}

// An organisation's page says so itself: its microdata type, its header, or the hovercard subject GitHub puts in
// the head of every owner page ("organization:123" against "user:456").
function isOrganisationPage(doc: Document): boolean {
  return (
    doc.querySelector(
      '[itemtype$="schema.org/Organization" i], .orghead, meta[name="hovercard-subject-tag"][content^="organization:" i]',
    ) !== null
  );
}

/**
 * A GitHub user profile (`github.com/<login>`), or null for repositories, organisations and GitHub's own pages.
 * The login comes from the URL; the page must also carry the user card (schema.org Person / vcard), which
 * organisation pages do not. Never throws.
 */
export function extractGitHubProfile(doc: Document, url: string): PagePerson | null {
  try {
    const login = githubLoginFromUrl(url);
    if (!login) return null;
    const card =
      doc.querySelector('[itemtype$="schema.org/Person" i]') ??
      doc.querySelector('.vcard, .h-card')?.closest('[itemtype], .js-profile-editable-area, .h-card') ??
      unwrappedCard(doc);
    if (!card || isOrganisationPage(doc)) return null;

    const person: PagePerson = {
      source: 'github',
      githubLogin: login,
      emails: [],
      phones: [],
      websites: [],
      anchor: null,
    };
    const heading = card.querySelector('h1.vcard-names, h1') ?? doc.querySelector('h1.vcard-names');
    if (heading && isVisible(heading)) person.anchor = heading;
    const name = textOf(card, '.p-name, [itemprop="name"]');
    if (name) person.name = name.slice(0, 200);
    const bio = textOf(card, '.p-note, [data-bio-text], .user-profile-bio');
    if (bio) person.headline = bio;
    const location = textOf(card, '[itemprop="homeLocation"] .p-label, [itemprop="homeLocation"]');
    if (location) {
      person.location = location.slice(0, 200);
      const country = countryFromLocation(location);
      if (country) person.country = country;
    }

    const emails: string[] = [];
    for (const li of Array.from(card.querySelectorAll('[itemprop="email"]')).slice(0, 10)) {
      if (!isVisible(li)) continue;
      for (const a of Array.from(li.querySelectorAll('a[href]'))) {
        if (isVisible(a)) emails.push(...emailsFromMailto(a.getAttribute('href') ?? ''));
      }
      emails.push(...emailsInText(visibleText(li, 400)));
    }
    person.emails = dedupe(emails);

    const websites: string[] = [];
    for (const a of Array.from(
      card.querySelectorAll('[itemprop="url"] a[href], [data-test-selector="profile-website-url"] a[href]'),
    ).slice(0, 10)) {
      if (!isVisible(a)) continue;
      try {
        const u = new URL(a.getAttribute('href') ?? '', url);
        if (u.protocol === 'https:' || u.protocol === 'http:') websites.push(u.href);
      } catch {
        // not a URL
      }
    }
    person.websites = dedupe(websites);
    return person;
  } catch {
    return null;
  }
}
