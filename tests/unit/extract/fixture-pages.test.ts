import { describe, expect, it } from 'vitest';
import { extractPerson } from '../../../lib/extract';
import { findEmailsOnPage } from '../../../lib/extract/emails';
import { extractGitHubProfile } from '../../../lib/extract/github';
import { extractLinkedInProfile, extractSalesNavLead } from '../../../lib/extract/linkedin';
import type { PagePerson } from '../../../lib/extract/types';
import { FIXTURE_URLS, type FixtureName, fixtureHtml, loadFixture, loadVariant } from './fixtures';

// The overlay's marker places as "value → the element's tag", which a fixture can state.
type Expected = Omit<PagePerson, 'anchor' | 'overlay'> & { anchorText: string | null; overlay?: string[] };

const JANE: Expected = {
  source: 'linkedin-profile',
  name: 'Jane Doe',
  profileUrl: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  headline: 'Head of Procurement at Acme Ltd',
  employer: 'Acme Ltd',
  location: 'London, England, United Kingdom',
  country: 'GB',
  emails: [],
  phones: [],
  websites: [],
  anchorText: 'Jane Doe',
};

const EXPECTED: Record<FixtureName, Expected | null> = {
  'linkedin-profile-jane.html': JANE,
  'linkedin-contact-info-jane.html': {
    ...JANE,
    emails: ['jane.doe@gmail.com'],
    phones: ['+44 20 7946 0958'],
    // The overlay's website links are not read: nothing in Heed used them, and the LinkedIn script's 15 KB
    // budget is better spent on the overlay's markers.
    websites: [],
    birthday: 'March 5',
    // Issue 20, item 4: a marker goes next to each, after the mailto link and inside the number's own element.
    overlay: ['jane.doe@gmail.com → A', '+44 20 7946 0958 → SPAN'],
    // A 2nd-degree viewer sees her email: she may show it to 1st and 2nd degree only (issue 13, finding 7).
    contactVisibility: 'connections-only',
  },
  'linkedin-profile-max.html': {
    source: 'linkedin-profile',
    name: 'Max Mustermann',
    profileUrl: 'https://www.linkedin.com/in/max-mustermann/',
    headline: 'Einkaufsleiter bei Beispiel GmbH',
    employer: 'Beispiel GmbH',
    location: 'München, Bayern, Deutschland',
    country: 'DE',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'Max Mustermann',
  },
  'linkedin-profile-claire.html': {
    source: 'linkedin-profile',
    name: 'Claire Dubois',
    profileUrl: 'https://www.linkedin.com/in/claire-dubois-42/',
    headline: 'Directrice des achats chez Exemple SA',
    employer: 'Exemple SA',
    location: 'Paris, Île-de-France, France',
    country: 'FR',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'Claire Dubois',
  },
  'linkedin-profile-minimal.html': {
    source: 'linkedin-profile',
    name: 'Sam Lee',
    profileUrl: 'https://www.linkedin.com/in/sam-lee-99/',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'Sam Lee',
  },
  'linkedin-profile-john.html': {
    source: 'linkedin-profile',
    name: 'John Smith',
    profileUrl: 'https://www.linkedin.com/in/john-smith-us/',
    headline: 'Senior Buyer at Lone Star Supply Co.',
    employer: 'Lone Star Supply Co.',
    location: 'Austin, Texas, United States',
    country: 'US',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'John Smith',
  },
  'linkedin-profile-emma.html': {
    source: 'linkedin-profile',
    name: 'Emma Tremblay',
    profileUrl: 'https://www.linkedin.com/in/emma-tremblay/',
    headline: 'Procurement Director at Maple Procurement Inc. | Strategic sourcing across North America',
    employer: 'Maple Procurement Inc.',
    location: 'Toronto, Ontario, Canada',
    country: 'CA',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'Emma Tremblay',
  },
  'salesnav-lead-jane.html': {
    source: 'linkedin-salesnav',
    name: 'Jane Doe',
    salesNavUrl: 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz',
    profileUrl: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    headline: 'Head of Procurement at Acme Ltd',
    employer: 'Acme Ltd',
    location: 'London, England, United Kingdom',
    country: 'GB',
    emails: [],
    phones: [],
    websites: [],
    anchorText: 'Jane Doe',
  },
  'github-profile-ada.html': {
    source: 'github',
    name: 'Ada Octo',
    githubLogin: 'octo-ada',
    headline: 'Building privacy tools. Likes tea.',
    location: 'Cambridge, UK',
    country: 'GB',
    emails: ['ada@adaworks.example'],
    phones: [],
    websites: ['https://adaworks.example/'],
    anchorText: 'Ada Octo octo-ada',
  },
  'github-repo.html': null,
  'team-page.html': null,
};

const NAMES = Object.keys(FIXTURE_URLS) as FixtureName[];

function comparable(p: PagePerson | null): Expected | null {
  if (!p) return null;
  const { anchor, overlay, ...rest } = p;
  return {
    ...rest,
    anchorText: anchor ? (anchor.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
    ...(overlay
      ? {
          overlay: [
            ...overlay.emails.map((e) => `${e.email} → ${e.element.tagName}`),
            ...overlay.phones.map((e) => `${e.phone} → ${e.element.tagName}`),
          ],
        }
      : {}),
  };
}

describe('extractPerson on every fixture at its real URL', () => {
  it.each(NAMES)('%s', (name) => {
    const doc = loadFixture(name);
    const person = extractPerson(doc, FIXTURE_URLS[name]);
    expect(comparable(person)).toEqual(EXPECTED[name]);
    if (person?.anchor) {
      expect(person.anchor.tagName).toBe('H1');
      expect(doc.contains(person.anchor)).toBe(true);
    }
  });
});

describe('each extractor on every fixture', () => {
  const extractors = {
    'linkedin-profile': extractLinkedInProfile,
    'linkedin-salesnav': extractSalesNavLead,
    github: extractGitHubProfile,
  } as const;
  for (const [source, extract] of Object.entries(extractors)) {
    it.each(NAMES)(`${source} on %s: a person only for its own pages`, (name) => {
      const person = extract(loadFixture(name), FIXTURE_URLS[name]);
      const expected = EXPECTED[name];
      if (expected?.source === source) expect(comparable(person)).toEqual(expected);
      else expect(person).toBeNull();
    });
  }
});

describe('fixture details that matter downstream', () => {
  it('the contact-info page hides a decoy address that is never returned', () => {
    expect(fixtureHtml('linkedin-contact-info-jane.html')).toContain('decoy@evil.test');
    const doc = loadFixture('linkedin-contact-info-jane.html');
    expect(extractPerson(doc, FIXTURE_URLS['linkedin-contact-info-jane.html'])?.emails).not.toContain(
      'decoy@evil.test',
    );
    expect(findEmailsOnPage(doc).map((f) => f.email)).not.toContain('decoy@evil.test');
  });

  it("an address in someone else's comment on Jane's activity is not Jane's", () => {
    const doc = loadFixture('linkedin-profile-jane.html');
    expect(findEmailsOnPage(doc).map((f) => f.email)).toEqual(['tom.recruiter@staffing.example']);
    expect(extractPerson(doc, FIXTURE_URLS['linkedin-profile-jane.html'])?.emails).toEqual([]);
  });

  it('Claire’s title carries a zero-width space that never reaches the name', () => {
    const doc = loadFixture('linkedin-profile-claire.html');
    expect(doc.title).toContain('\u200B');
    doc.querySelector('h1')?.remove();
    const person = extractPerson(doc, FIXTURE_URLS['linkedin-profile-claire.html']);
    expect(person?.name).toBe('Claire Dubois');
    expect(person?.anchor).toBeNull();
  });

  it('the minimal page has a heading with a meaningless class, found through the title', () => {
    const doc = loadFixture('linkedin-profile-minimal.html');
    expect(doc.querySelector('h1')?.className).toBe('x7f3k2Qz');
    expect(extractPerson(doc, FIXTURE_URLS['linkedin-profile-minimal.html'])?.country).toBeUndefined();
  });

  it('the same profile served on a locale subdomain and with the overlay path', () => {
    const doc = loadFixture('linkedin-contact-info-jane.html');
    const person = extractPerson(
      doc,
      'https://de.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/?trk=x#top',
    );
    expect(person?.profileUrl).toBe('https://de.linkedin.com/in/jane-doe-1a2b3c/');
    expect(person?.emails).toEqual(['jane.doe@gmail.com']);
  });

  it('the contact overlay of one profile is not read on another profile’s URL', () => {
    const doc = loadFixture('linkedin-contact-info-jane.html');
    const person = extractLinkedInProfile(
      doc,
      'https://www.linkedin.com/in/someone-else/overlay/contact-info/',
    );
    expect(person?.emails).toEqual([]);
    expect(person?.phones).toEqual([]);
  });

  it('the repository page would still be refused at a user-shaped URL: it has no Person card', () => {
    expect(extractGitHubProfile(loadFixture('github-repo.html'), 'https://github.com/octo-ada')).toBeNull();
  });

  it('the GitHub profile ignores addresses outside the card (a repository description)', () => {
    const doc = loadFixture('github-profile-ada.html');
    expect(findEmailsOnPage(doc).map((f) => f.email)).toContain('bugs@heed-demo.example');
    expect(extractGitHubProfile(doc, FIXTURE_URLS['github-profile-ada.html'])?.emails).toEqual([
      'ada@adaworks.example',
    ]);
  });

  it('the team page yields exactly its four visible addresses, each next to the right element', () => {
    const found = findEmailsOnPage(loadFixture('team-page.html'));
    expect(found.map((f) => [f.email, f.element.tagName, f.element.textContent?.slice(0, 12)])).toEqual([
      ['sales@acme.example', 'A', 'sales@acme.e'],
      ['jane.doe@gmail.com', 'A', 'Jane'],
      ['max.mustermann@beispiel.example', 'P', 'Email: max.m'],
      ['bob@acme.example', 'P', 'Reach Bob at'],
    ]);
  });

  it('every fixture is a complete document with no external resources', () => {
    for (const name of NAMES) {
      const html = fixtureHtml(name);
      expect(html.startsWith('<!DOCTYPE html>'), name).toBe(true);
      expect(html, name).not.toMatch(
        /<(script|img|iframe|video|audio|source|embed|object)\b[^>]*\s(src|data)=/i,
      );
      // A canonical link is metadata the browser never fetches; stylesheets, icons and preloads are fetched.
      for (const link of html.match(/<link\b[^>]*>/gi) ?? [])
        expect(link, name).toMatch(/rel="(canonical|alternate)"/);
      expect(html, name).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(html, name).not.toMatch(/@import/i);
    }
  });
});

describe('contact visibility from the contact-info overlay (issue 13, finding 7)', () => {
  const NAME = 'linkedin-contact-info-jane.html';
  const visibility = (edit: (html: string) => string) =>
    extractPerson(loadVariant(NAME, edit), FIXTURE_URLS[NAME])?.contactVisibility;
  const degree = (d: string) => (html: string) =>
    html
      .replace('2nd degree connection', `${d} degree connection`)
      .replace('<span aria-hidden="true"> · 2nd</span>', `<span aria-hidden="true"> · ${d}</span>`);
  // The overlay without its Email section: the member does not show an email to this viewer.
  const noEmail = (html: string) =>
    html.replace(/<section class="Ct7yP8ee"(?:(?!<\/section>)[\s\S])*?>Email<\/h3>[\s\S]*?<\/section>/, '');

  it('an email seen by a 1st- or 2nd-degree connection may be visible only through the network', () => {
    expect(visibility((h) => h)).toBe('connections-only');
    expect(visibility(degree('1st'))).toBe('connections-only');
  });

  it('an email seen from 3rd degree is public', () => {
    expect(visibility(degree('3rd'))).toBe('public');
  });

  it('an overlay that shows no email, or says it is for connections only, is connections-only', () => {
    const doc = loadVariant(NAME, (h) => noEmail(degree('3rd')(h)));
    const person = extractPerson(doc, FIXTURE_URLS[NAME]);
    expect(person?.emails).toEqual([]);
    expect(person?.contactVisibility).toBe('connections-only');
    const note = (h: string) =>
      degree('3rd')(h).replace(
        '<h2 class="Hh3hH4hh" style="font-size:20px;margin:0 0 12px">Contact Info</h2>',
        '<h2 class="Hh3hH4hh">Contact Info</h2><p>Email address visible only to 1st-degree connections</p>',
      );
    expect(visibility(note)).toBe('connections-only');
  });

  it('without the degree on the page and with an email shown, it is not guessed', () => {
    expect(
      visibility((h) =>
        h.replace(
          '<span class="vH3kLmQp">2nd degree connection</span><span aria-hidden="true"> · 2nd</span>',
          '',
        ),
      ),
    ).toBe('unknown');
  });

  it('the profile page without the overlay says nothing about visibility', () => {
    const doc = loadFixture('linkedin-profile-jane.html');
    expect(extractPerson(doc, FIXTURE_URLS['linkedin-profile-jane.html'])).not.toHaveProperty(
      'contactVisibility',
    );
  });
});
