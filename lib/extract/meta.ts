import { cleanText, fold, isVisible, visibleText } from './text';

const MAX_NAME = 200;

/**
 * The person's name from a title such as `(3) Jane Doe | LinkedIn` or `Jane Doe - Acme Ltd | LinkedIn`: the unread
 * counter, the site suffix and anything after the first spaced dash or bar are dropped.
 */
export function nameFromTitle(title: string | null | undefined, site: RegExp): string {
  let t = cleanText(title);
  t = t.replace(/^\(\s*\d+\+?\s*\)\s*/, '');
  t = t.replace(site, '');
  const first = t.split(/\s[|–—-]\s|\s·\s/)[0] ?? '';
  const name = cleanText(first).slice(0, MAX_NAME);
  return /^(linkedin|sales navigator|github)$/i.test(name) ? '' : name;
}

export function metaContent(doc: Document, key: string): string {
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    if (m.getAttribute('property') === key || m.getAttribute('name') === key) {
      return cleanText(m.getAttribute('content')).slice(0, 2000);
    }
  }
  return '';
}

export interface LdPerson {
  name?: string;
  url?: string;
  sameAs: string[];
  jobTitle?: string;
  locality?: string;
  region?: string;
  countryName?: string;
  countryCode?: string;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function str(v: Json | undefined): string | undefined {
  if (typeof v === 'string') return cleanText(v).slice(0, 500) || undefined;
  if (Array.isArray(v)) return str(v.find((x) => typeof x === 'string'));
  if (v && typeof v === 'object' && typeof v.name === 'string') return str(v.name);
  return undefined;
}

function isPerson(o: { [k: string]: Json }): boolean {
  const t = o['@type'];
  return t === 'Person' || (Array.isArray(t) && t.includes('Person'));
}

function toPerson(o: { [k: string]: Json }): LdPerson {
  const sameAs = o.sameAs;
  const addr = Array.isArray(o.address) ? o.address[0] : o.address;
  const a = addr && typeof addr === 'object' && !Array.isArray(addr) ? addr : {};
  const country = str(a.addressCountry);
  return {
    name: str(o.name),
    url: str(o.url),
    sameAs: (Array.isArray(sameAs) ? sameAs : [sameAs]).flatMap((s) => (typeof s === 'string' ? [s] : [])),
    jobTitle: str(o.jobTitle),
    locality: str(a.addressLocality),
    region: str(a.addressRegion),
    countryName: country && !/^[A-Za-z]{2}$/.test(country) ? country : undefined,
    countryCode: country && /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : undefined,
  };
}

/** Every schema.org Person in the page's JSON-LD (`@graph`, arrays, `mainEntity` nesting). Never throws. */
export function jsonLdPersons(doc: Document): LdPerson[] {
  const out: LdPerson[] = [];
  let budget = 5_000; // nodes visited, so a hostile blob cannot make us walk forever
  const walk = (v: Json, depth: number): void => {
    if (budget-- <= 0 || depth > 8 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x, depth + 1);
      return;
    }
    if (isPerson(v)) out.push(toPerson(v));
    for (const k of ['@graph', 'mainEntity', 'about', 'author', 'itemListElement', 'item']) {
      const child = v[k];
      if (child !== undefined) walk(child, depth + 1);
    }
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, 20)) {
    const text = s.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      walk(JSON.parse(text) as Json, 0);
    } catch {
      // Malformed JSON-LD is common; it simply contributes nothing.
    }
  }
  return out;
}

/** Visible `h1`s outside dialogs, navigation and side panels: the candidates for the person's name heading. */
export function pageHeadings(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('h1'))
    .slice(0, 30)
    .filter(
      (h) => !h.closest('[role="dialog"], dialog, nav, aside, [role="navigation"], [role="complementary"]'),
    )
    .filter((h) => isVisible(h) && visibleText(h, MAX_NAME) !== '');
}

export function sameName(a: string, b: string): boolean {
  const fa = fold(a);
  return fa !== '' && fa === fold(b);
}

/**
 * Pick the name heading. A heading matched by a known selector or by the page's own title is trusted; an
 * arbitrary lone heading only when nothing better names the person (otherwise "Join LinkedIn" would do).
 */
export function chooseHeading(
  headings: Element[],
  knownSelector: string,
  strongName: string,
  weakName: string,
): Element | null {
  const byName = strongName
    ? headings.find((h) => sameName(visibleText(h, MAX_NAME), strongName))
    : undefined;
  if (byName) return byName;
  const known = headings.find((h) => h.matches(knownSelector));
  if (known) return known;
  if (strongName) return null;
  if (weakName) {
    const byWeak = headings.find((h) => sameName(visibleText(h, MAX_NAME), weakName));
    if (byWeak) return byWeak;
  }
  return headings.length === 1 ? (headings[0] ?? null) : null;
}

export function headingName(h: Element): string {
  return visibleText(h, MAX_NAME).slice(0, MAX_NAME);
}

export function dedupe<T = string>(values: T[], key: (s: T) => string = (s) => String(s).toLowerCase()): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (!v || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
