import { countryFromLocation } from './country';
import { findEmailsOnPage } from './emails';
import {
  chooseHeading,
  dedupe,
  headingName,
  jsonLdPersons,
  type LdPerson,
  metaContent,
  nameFromTitle,
  pageHeadings,
} from './meta';
import { cleanText, fold, isVisible, visibleText, visibleTextNodes } from './text';
import type { PagePerson } from './types';

const LINKEDIN_SUFFIX = /\s*[|–—-]\s*LinkedIn\s*$/i;
const SALESNAV_SUFFIX = /\s*[|–—-]\s*(?:LinkedIn\s+)?Sales Navigator\s*$|\s*[|–—-]\s*LinkedIn\s*$/i;

// Class names of the top card across LinkedIn's redesigns. They are hints only: when they disappear (hashed class
// names) the extractor falls back to structure (the heading, the contact-info link) and to the title.
const KNOWN_NAME_H1 =
  'h1.text-heading-xlarge,.pv-top-card h1,.pv-text-details__left-panel h1,h1.top-card-layout__title,h1.pv-top-card-section__name';
const KNOWN_HEADLINE =
  '.pv-text-details__left-panel .text-body-medium,.text-body-medium.break-words,.pv-top-card-section__headline,h2.top-card-layout__headline,.top-card-layout__headline';
const KNOWN_LOCATION =
  '.pv-text-details__left-panel .text-body-small.inline,.text-body-small.inline.t-black--light.break-words,.pv-top-card--list-bullet li,.top-card__subline-item,.pv-top-card-section__location';
const CONTACT_LINK = 'a[href*="/overlay/contact-info"]';

function parseUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u : null;
  } catch {
    return null;
  }
}

export function isLinkedInHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'linkedin.com' || h.endsWith('.linkedin.com');
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Compare slugs as LinkedIn does: percent-encoding and case do not matter. */
export function slugKey(slug: string): string {
  return safeDecode(slug).normalize('NFC').toLowerCase();
}

export interface ProfileRef {
  slug: string;
  /** `https://<host as found>/in/<slug as found>/`: trailing segments, query and hash removed. */
  profileUrl: string;
  /** What follows the slug: '' on the profile itself, 'overlay/contact-info' on the overlay, 'details/…' etc. */
  rest: string;
}

export function linkedInProfileRef(url: string, base?: string): ProfileRef | null {
  let u: URL | null;
  try {
    u = base ? parseUrl(new URL(url, base).href) : parseUrl(url);
  } catch {
    return null;
  }
  if (!u || !isLinkedInHost(u.hostname)) return null;
  const m = /^\/in\/([^/?#]{1,200})\/?(.*)$/.exec(u.pathname);
  const slug = m?.[1];
  if (!slug || slug === '.' || slug === '..') return null;
  return {
    slug,
    profileUrl: `${u.protocol}//${u.host}/in/${slug}/`,
    rest: (m[2] ?? '').replace(/\/+$/, ''),
  };
}

export function isLinkedInProfileUrl(url: string): boolean {
  return linkedInProfileRef(url) !== null;
}

/** A URL that names a different profile than `slug` (stale SPA metadata, or someone else's link). */
function namesOtherProfile(candidate: string | undefined, slug: string, base: string): boolean {
  if (!candidate) return false;
  const ref = linkedInProfileRef(candidate, base);
  return ref !== null && slugKey(ref.slug) !== slugKey(slug);
}

function personForSlug(persons: LdPerson[], slug: string, base: string): LdPerson | undefined {
  return persons.find(
    (p) =>
      p.name &&
      !namesOtherProfile(p.url, slug, base) &&
      !p.sameAs.some((s) => namesOtherProfile(s, slug, base)),
  );
}

/** The box around the name heading: the nearest section, or an ancestor whose class says top card. */
function topCardOf(anchor: Element | null, doc: Document): Element | null {
  if (!anchor) return doc.querySelector('.pv-top-card, .top-card-layout, .ph5');
  let e: Element | null = anchor;
  for (let i = 0; i < 10 && e?.parentElement; i++) {
    e = e.parentElement;
    if (e.tagName === 'SECTION' || /top-card/.test(e.getAttribute('class') ?? '')) return e;
    if (e.parentElement && /^(MAIN|BODY)$/.test(e.parentElement.tagName)) return e;
  }
  return e;
}

const PRONOUNS =
  /^\(?\s*(?:she|her|hers|he|him|his|they|them|sie|ihr|er|ihn|elle|il|iel|ella|el|él|zij|hij|hem|haar|lei|lui|ela|ele)(?:\s*\/\s*\p{L}+){1,2}\s*\)?$/iu;
const DEGREE = /^[·•]?\s*(?:\d+(?:st|nd|rd|th|er|re|e|º|°|\.)?\+?|1st|2nd|3rd\+?)(?:\s+degree connection)?$/i;
const FILLER = /^[\s·•|,-]*$/;

interface Block {
  el: Element;
  text: string;
}

/** Runs of visible text after `after` in `container`, grouped by parent element, excluding links and buttons. */
function textBlocks(container: Element, after: Element | null): Block[] {
  const blocks: Block[] = [];
  for (const n of visibleTextNodes(container, 400)) {
    const el = n.parentElement;
    if (!el) continue;
    if (after && (after.contains(n) || !(after.compareDocumentPosition(n) & 4))) continue;
    if (el.closest('a, button, [role="button"]')) continue;
    const t = cleanText(n.nodeValue);
    const last = blocks[blocks.length - 1];
    if (last && last.el === el) last.text = cleanText(`${last.text} ${t}`);
    else blocks.push({ el, text: t });
  }
  return blocks.filter((b) => !FILLER.test(b.text));
}

function firstVisible(root: ParentNode, selector: string): Element | undefined {
  return Array.from(root.querySelectorAll(selector))
    .slice(0, 20)
    .find((e) => isVisible(e) && visibleText(e, 300) !== '');
}

function tidyLocation(s: string): string {
  return cleanText(s)
    .replace(/^[\s·•|-]+|[\s·•|-]+$/g, '')
    .slice(0, 200);
}

/** The location sits with the "Contact info" link; that link's URL is functional, so it survives restyling. */
function locationNearContactLink(card: Element): string {
  const link = card.querySelector(CONTACT_LINK);
  if (!link) return '';
  const linkText = visibleText(link, 200);
  let box: Element | null = link;
  for (let i = 0; i < 4 && box?.parentElement && box.parentElement !== card; i++) {
    box = box.parentElement;
    if (visibleText(box, 400) !== linkText) break;
  }
  if (!box || box === link) return '';
  const before = textBlocks(box, null).filter((b) => b.el.compareDocumentPosition(link) & 4);
  return tidyLocation(before.map((b) => b.text).join(' '));
}

interface TopCard {
  headline?: string;
  location?: string;
}

function readTopCard(card: Element, anchor: Element | null, name: string): TopCard {
  const known = firstVisible(card, KNOWN_HEADLINE);
  const knownLoc = firstVisible(card, KNOWN_LOCATION);
  let location = knownLoc ? tidyLocation(visibleText(knownLoc, 300)) : locationNearContactLink(card);
  let headline = known ? cleanText(visibleText(known, 500)) : '';
  if (!headline || !location) {
    const blocks = textBlocks(card, anchor).filter(
      (b) => !PRONOUNS.test(b.text) && !DEGREE.test(b.text) && fold(b.text) !== fold(name),
    );
    if (!headline) headline = blocks.find((b) => b.text !== location)?.text ?? '';
    if (!location) {
      const guess = blocks
        .slice(0, 8)
        .find((b) => b.text !== headline && b.text.length < 100 && countryFromLocation(b.text));
      location = guess ? tidyLocation(guess.text) : '';
    }
  }
  return { headline: headline.slice(0, 500) || undefined, location: location || undefined };
}

// The top card's "Current company: Acme Ltd" button, in the UI languages; the public profile's link.
const CURRENT_COMPANY = /^(?:current company|aktuelles unternehmen|entreprise actuelle)\s*:\s*(.+)$/i;
// "Head of Procurement at Acme Ltd | Sourcing": before the first separator, the text after the last " at ".
const HEADLINE_EMPLOYER = /^.*\s(?:at|@|bei|chez)\s+(.{2,100})$/i;

/**
 * The current employer: the top card's current company (LinkedIn takes it from the experience entry still
 * running), else the headline ("… at Acme"). The experience list itself is not read: the script's size budget.
 */
function readEmployer(card: Element | null, headline: string | undefined): string | undefined {
  for (const e of Array.from(card?.querySelectorAll('[aria-label]') ?? []).slice(0, 60)) {
    const m = CURRENT_COMPANY.exec(e.getAttribute('aria-label') ?? '');
    // LinkedIn appends what the button does: "Acme Ltd. Click to skip to experience card".
    if (m?.[1]) return cleanText(m[1].replace(/\.\s+(?:click|klicken|cliquez)\b.*$/i, ''));
  }
  const m = HEADLINE_EMPLOYER.exec(headline?.split(/\s[|·•]/)[0] ?? '');
  return m?.[1] ? cleanText(m[1]) : undefined;
}

function outermost(els: Element[]): Element[] {
  return els.filter((e) => !els.some((o) => o !== e && o.contains(e)));
}

/**
 * The open contact-info overlay for this profile. Other dialogs (messaging, share boxes) may quote other
 * people's addresses, so an unmarked dialog counts only on the overlay URL and only when it is the only one,
 * and a dialog that links to a different profile (left over from the previous page) never counts.
 */
function contactDialog(doc: Document, ref: ProfileRef, base: string): Element | null {
  const dialogs = outermost(
    Array.from(doc.querySelectorAll('[role="dialog"], dialog[open], .artdeco-modal')).slice(0, 20),
  ).filter((d) => isVisible(d));
  const marked = dialogs.find((d) =>
    d.querySelector('.pv-contact-info__contact-type, #pv-contact-info, .pv-contact-info'),
  );
  let dialog =
    marked ?? (ref.rest.startsWith('overlay/contact-info') && dialogs.length === 1 ? dialogs[0] : undefined);
  if (!dialog) {
    // Older pages rendered the sections in place rather than in a dialog.
    const section = doc.querySelector('section.pv-contact-info__contact-type');
    const box = section?.closest('.pv-contact-info') ?? section?.parentElement;
    if (box && isVisible(box)) dialog = box;
  }
  if (!dialog) return null;
  const links = Array.from(dialog.querySelectorAll('a[href]')).slice(0, 50);
  const profiles = links.flatMap((a) => {
    const r = linkedInProfileRef(a.getAttribute('href') ?? '', base);
    return r ? [slugKey(r.slug)] : [];
  });
  if (profiles.length > 0 && !profiles.includes(slugKey(ref.slug))) return null;
  return dialog;
}

const PHONE_HEADER =
  /^(phone|phones|mobile|telefon|telefonnummer|handy|telephone|telefone|telefono|telefoon|numero de telephone)\b/;
const PHONE = /(?:\+|\b00)?\d[\d\s()./-]{5,22}\d/g;

function phonesIn(text: string): string[] {
  return Array.from(cleanText(text).matchAll(PHONE), (m) => cleanText(m[0])).filter((p) => {
    const digits = p.replace(/\D/g, '').length;
    return digits >= 7 && digits <= 15;
  });
}

/** Sections of `root` introduced by a heading whose text matches `header` (in any of the UI languages). */
function sectionsByHeading(root: Element, header: RegExp): Element[] {
  const out: Element[] = [];
  for (const h of Array.from(root.querySelectorAll('h2, h3, h4, h5, [role="heading"], dt, header')).slice(
    0,
    50,
  )) {
    if (!header.test(fold(visibleText(h, 80)))) continue;
    let box: Element | null = h;
    const own = visibleText(h, 200);
    for (let i = 0; i < 3 && box?.parentElement && box !== root; i++) {
      box = box.parentElement;
      if (visibleText(box, 400) !== own) break;
    }
    if (box && box !== h) out.push(box);
  }
  return out;
}

const BIRTHDAY_HEADER = /^(birthday|geburtstag|anniversaire|cumpleanos|verjaardag|compleanno|aniversario)\b/;

/** The birthday line of the contact-info overlay: the section's visible text after its heading. */
function readBirthday(box: Element): string | undefined {
  for (const section of sectionsByHeading(box, BIRTHDAY_HEADER)) {
    const heading = section.querySelector('h2, h3, h4, h5, [role="heading"], dt, header');
    const all = visibleText(section, 200);
    const head = heading ? visibleText(heading, 80) : '';
    const rest = cleanText(all.startsWith(head) ? all.slice(head.length) : all);
    if (rest && rest.length <= 40) return rest;
  }
  return undefined;
}

/** The numbers in `box`, each with the element that shows it (where a marker may go). */
function readPhones(box: Element): { phone: string; element: Element }[] {
  const phones: { phone: string; element: Element }[] = [];
  for (const a of Array.from(box.querySelectorAll('a[href^="tel:" i]')).slice(0, 20)) {
    if (isVisible(a))
      phones.push({
        phone: cleanText(safeDecode((a.getAttribute('href') ?? '').replace(/^tel:/i, ''))),
        element: a,
      });
  }
  for (const section of sectionsByHeading(box, PHONE_HEADER)) {
    for (const n of visibleTextNodes(section, 100)) {
      const element = n.parentElement;
      // A tel: link was read from its href above; its text is often a local form of the same number.
      if (element && !element.closest('a[href^="tel:" i]'))
        for (const phone of phonesIn(n.nodeValue ?? '')) phones.push({ phone, element });
    }
  }
  return dedupe(
    phones.filter((p) => p.phone),
    (p) => p.phone.replace(/[^\d+]/g, ''),
  );
}

function emailsIn(roots: (Element | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const r of roots) if (r) for (const f of findEmailsOnPage(r, 50)) out.push(f.email);
  return dedupe(out);
}

function countryOf(location: string | undefined, ld: LdPerson | undefined): string | undefined {
  return (location ? countryFromLocation(location) : undefined) ?? ld?.countryCode;
}

/**
 * The person on a LinkedIn profile page (`/in/<slug>/…`), or null for any other page. The URL fixes who it is;
 * the visible heading gives the name the rep sees (title, Open Graph and JSON-LD when there is no heading, in that
 * order, and only when they are about this slug). Never throws.
 */
export function extractLinkedInProfile(doc: Document, url: string): PagePerson | null {
  try {
    const ref = linkedInProfileRef(url);
    if (!ref) return null;
    const person: PagePerson = {
      source: 'linkedin-profile',
      profileUrl: ref.profileUrl,
      emails: [],
      phones: [],
      websites: [],
      anchor: null,
    };
    // Sub-pages (/details/experience/, /recent-activity/) are about the same person but have no top card; their
    // heading names the section, so only the identity is reported.
    if (ref.rest !== '' && !ref.rest.startsWith('overlay/')) return person;

    const ogUrl = metaContent(doc, 'og:url');
    const ogFresh = !namesOtherProfile(ogUrl, ref.slug, url);
    const fromTitle = nameFromTitle(doc.title, LINKEDIN_SUFFIX);
    const fromOg = ogFresh ? nameFromTitle(metaContent(doc, 'og:title'), LINKEDIN_SUFFIX) : '';
    const fromOgParts = ogFresh
      ? cleanText(`${metaContent(doc, 'profile:first_name')} ${metaContent(doc, 'profile:last_name')}`)
      : '';
    const ld = personForSlug(jsonLdPersons(doc), ref.slug, url);
    const strong = fromTitle || fromOg || fromOgParts;

    const anchor = chooseHeading(pageHeadings(doc), KNOWN_NAME_H1, strong, ld?.name ?? '');
    person.anchor = anchor;
    const name = (anchor ? headingName(anchor) : '') || strong || ld?.name || '';
    if (name) person.name = name;

    const card = topCardOf(anchor, doc);
    const top = card && isVisible(card) ? readTopCard(card, anchor, name) : {};
    const location =
      top.location ?? (ld?.locality ? [ld.locality, ld.countryName].filter(Boolean).join(', ') : undefined);
    if (top.headline) person.headline = top.headline;
    else if (ld?.jobTitle) person.headline = ld.jobTitle;
    if (location) person.location = location;
    const employer = readEmployer(card, person.headline);
    if (employer) person.employer = employer;
    const country = countryOf(location, ld);
    if (country) person.country = country;

    const dialog = contactDialog(doc, ref, url);
    const about = doc.getElementById('about')?.closest('section');
    person.emails = emailsIn([dialog, card, about]);
    if (dialog) {
      const overlay = { emails: findEmailsOnPage(dialog, 50), phones: readPhones(dialog) };
      person.overlay = overlay;
      person.contactVisibility = contactVisibilityOf({
        overlayEmails: overlay.emails.length,
        degree: connectionDegree(card),
        connectionsOnlyNote: CONNECTIONS_ONLY_NOTE.test(fold(visibleText(dialog, 4000))),
      });
      person.phones = overlay.phones.map((p) => p.phone);
      const birthday = readBirthday(dialog);
      if (birthday) person.birthday = birthday;
    }
    return person;
  } catch {
    return null;
  }
}

// The overlay's own note that the member shows contact details to connections only, in the UI languages.
const CONNECTIONS_ONLY_NOTE =
  /\b(visible|shown|available) (only )?to (your |their )?(1st[- ]degree |first[- ]degree )?connections\b|\bonly (your |their )?connections can see\b|nur fur kontakte sichtbar|visible uniquement par (vos|ses) relations/;
const DEGREE_LABEL = /\b(1st|2nd|3rd)\+? degree connection\b/i;
const DEGREE_MARK = /·\s*(1st|2nd|3rd)\+?(?![\w])/;

/** The viewer's connection degree to the member, as the top card labels it (1st, 2nd, 3rd+), if it does. */
function connectionDegree(card: Element | null | undefined): 1 | 2 | 3 | undefined {
  const text = card?.textContent?.slice(0, 4000) ?? '';
  const m = DEGREE_LABEL.exec(text) ?? DEGREE_MARK.exec(text);
  if (!m) return undefined;
  return m[1] === '1st' ? 1 : m[1] === '2nd' ? 2 : 3;
}

/**
 * How the member's contact details are visible to this viewer, from the open contact-info overlay, read
 * conservatively (the CNIL's KASPR decision: details a member shows to connections only are not lawfully
 * collectable for prospecting). LinkedIn lets a member show their email to 1st-degree, to 1st- and 2nd-degree
 * connections or to everyone, and the overlay does not say which was chosen: an email seen by a 1st- or 2nd-degree
 * connection may be visible only through the network, one seen from 3rd degree is public. An overlay that shows
 * no email (or says it is for connections only) means the member did not make it public.
 */
export function contactVisibilityOf(o: {
  overlayEmails: number;
  degree: 1 | 2 | 3 | undefined;
  connectionsOnlyNote: boolean;
}): 'public' | 'connections-only' | 'unknown' {
  if (o.connectionsOnlyNote || o.overlayEmails === 0) return 'connections-only';
  if (o.degree === 1 || o.degree === 2) return 'connections-only';
  if (o.degree === 3) return 'public';
  return 'unknown';
}

const SALESNAV_PATH = /^\/sales\/(?:lead|people)\/[^/]+/;

/** The public profile link of a lead: in the lead's own header first, else the one profile the page links to. */
function leadProfileUrl(doc: Document, card: Element | null, base: string): string | undefined {
  const refsIn = (root: ParentNode) =>
    Array.from(root.querySelectorAll('a[href*="/in/"]'))
      .slice(0, 200)
      .flatMap((a) => {
        const r = linkedInProfileRef(a.getAttribute('href') ?? '', base);
        return r ? [r] : [];
      });
  const inCard = card ? refsIn(card) : [];
  if (inCard[0]) return inCard[0].profileUrl;
  const all = refsIn(doc);
  const distinct = new Set(all.map((r) => slugKey(r.slug)));
  return distinct.size === 1 ? all[0]?.profileUrl : undefined;
}

/** A Sales Navigator lead page (`/sales/lead/…`, `/sales/people/…`), or null. Never throws. */
export function extractSalesNavLead(doc: Document, url: string): PagePerson | null {
  try {
    const u = parseUrl(url);
    if (!u || !isLinkedInHost(u.hostname) || !SALESNAV_PATH.test(u.pathname)) return null;
    const person: PagePerson = {
      source: 'linkedin-salesnav',
      salesNavUrl: `${u.protocol}//${u.host}${u.pathname}`,
      emails: [],
      phones: [],
      websites: [],
      anchor: null,
    };
    const fromTitle = nameFromTitle(doc.title, SALESNAV_SUFFIX);
    const named = firstVisible(doc, '[data-anonymize="person-name"]');
    const headings = pageHeadings(doc);
    const anchor =
      (named?.closest('h1') as Element | null) ??
      chooseHeading(headings, 'h1[data-anonymize="person-name"], [data-x--lead--name]', fromTitle, '');
    person.anchor = anchor;
    const name =
      (named ? cleanText(visibleText(named, 200)) : '') || (anchor ? headingName(anchor) : '') || fromTitle;
    if (name) person.name = name;

    const card = anchor ? topCardOf(anchor, doc) : null;
    const scope: ParentNode = card ?? doc;
    const headline = firstVisible(scope, '[data-anonymize="headline"]');
    if (headline) person.headline = cleanText(visibleText(headline, 500));
    // The lead's current role is its own card in the page's main column; the side column lists other people.
    const company = firstVisible(card?.closest('main') ?? scope, '[data-anonymize="company-name"]');
    const loc = firstVisible(scope, '[data-anonymize="location"]');
    let location = loc ? tidyLocation(visibleText(loc, 300)) : '';
    if ((!location || !person.headline) && card) {
      const top = readTopCard(card, anchor, name);
      location ||= top.location ?? '';
      if (!person.headline && top.headline) person.headline = top.headline;
    }
    if (location) {
      person.location = location;
      const country = countryFromLocation(location);
      if (country) person.country = country;
    }
    const employer = company ? cleanText(visibleText(company, 200)) : readEmployer(null, person.headline);
    if (employer) person.employer = employer;
    const profileUrl = leadProfileUrl(doc, card, url);
    if (profileUrl) person.profileUrl = profileUrl;
    if (card) {
      person.emails = emailsIn([card]);
      person.phones = readPhones(card).map((p) => p.phone);
    }
    return person;
  } catch {
    return null;
  }
}
