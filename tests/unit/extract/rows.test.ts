import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { extractRows, listKindOf } from '../../../lib/extract/rows';

type JsdomCtor = new (html: string, options: { url: string }) => { window: Window };
const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomCtor };
const DIR = new URL('../../fixtures/pages/', import.meta.url);

function load(name: string, url: string): Document {
  return new JSDOM(readFileSync(new URL(name, DIR), 'utf8'), { url }).window.document;
}

const SEARCH = 'https://www.linkedin.com/search/results/people/?keywords=sales';
const PEOPLE = [
  'https://www.linkedin.com/in/jane-doe-1a2b3c/',
  'https://www.linkedin.com/in/max-mustermann/',
  'https://www.linkedin.com/in/emma-tremblay/',
  'https://www.linkedin.com/in/claire-dubois-42/',
];

describe('listKindOf', () => {
  it.each([
    [SEARCH, 'linkedin'],
    ['https://www.linkedin.com/search/results/all/?keywords=x', 'linkedin'],
    ['https://www.linkedin.com/company/acme/people/', 'linkedin'],
    ['https://www.linkedin.com/mynetwork/grow/', 'linkedin'],
    ['https://www.linkedin.com/sales/search/people?query=x', 'salesnav'],
    ['https://www.linkedin.com/sales/lists/people/7012?sortCriteria=x', 'salesnav'],
    ['https://github.com/orgs/acme-team/people', 'github'],
    ['https://github.com/orgs/acme-team/teams/sales/members', 'github'],
    ['https://github.com/orgs/acme-team/teams/sales', null],
    ['https://www.linkedin.com/in/jane-doe-1a2b3c/', null],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/search/results/companies/?keywords=x', null],
    ['https://github.com/octo-ada', null],
    ['https://github.com/orgs/acme-team/repositories', null],
    ['https://linkedin.com.evil.example/search/results/people/', null],
    ['http://www.linkedin.com/search/results/people/', null],
  ])('%s → %s', (url, kind) => {
    expect(listKindOf(url)).toBe(kind);
  });
});

describe('extractRows on LinkedIn people search, three markup generations', () => {
  it.each(['linkedin-search-2023.html', 'linkedin-search-2025.html', 'linkedin-search-sdui.html'])(
    '%s: one row per person, by profile link, in page order, each anchored on the name link',
    (file) => {
      const rows = extractRows(load(file, SEARCH), SEARCH);
      expect(rows.map((r) => r.profileUrl)).toEqual(PEOPLE);
      expect(rows.map((r) => r.name)).toEqual([
        'Jane Doe',
        'Max Mustermann',
        'Emma Tremblay',
        'Claire Dubois',
      ]);
      for (const r of rows) {
        expect(r.source).toBe('linkedin-profile');
        // The anchor is the visible name link (not the photo), inside its own row, and rows do not overlap.
        expect(r.anchor.tagName).toBe('A');
        expect(r.anchor.querySelector('img')).toBeNull();
        expect(r.row.contains(r.anchor)).toBe(true);
        for (const o of rows) if (o !== r) expect(r.row.contains(o.row)).toBe(false);
      }
    },
  );

  it('ignores the "Me" link in the navigation, the aside, members without a profile link and mutual connections', () => {
    const rows = extractRows(load('linkedin-search-2025.html', SEARCH), SEARCH);
    const urls = rows.map((r) => r.profileUrl);
    expect(urls).not.toContain('https://www.linkedin.com/in/rep-user-007/');
    // Sam Lee is linked inside Max's row as a mutual connection: not a row of his own.
    expect(urls).not.toContain('https://www.linkedin.com/in/sam-lee-99/');
    const rows23 = extractRows(load('linkedin-search-2023.html', SEARCH), SEARCH);
    expect(rows23).toHaveLength(4); // "LinkedIn Member" links to a search, not a profile
    expect(rows23.map((r) => r.profileUrl)).not.toContain('https://www.linkedin.com/in/sam-lee-99/');
  });

  it('gives the same key for the same person whatever the URL spelling, and none on other pages', () => {
    const a = extractRows(load('linkedin-search-2023.html', SEARCH), SEARCH).map((r) => r.key);
    const b = extractRows(load('linkedin-search-sdui.html', SEARCH), SEARCH).map((r) => r.key);
    expect(a).toEqual(b);
    expect(extractRows(load('linkedin-search-2023.html', SEARCH), 'https://www.linkedin.com/feed/')).toEqual(
      [],
    );
  });
});

describe('extractRows on GitHub organisation people, two markup generations', () => {
  const URL_ = 'https://github.com/orgs/acme-team/people';
  it.each(['github-org-people-classic.html', 'github-org-people-react.html'])('%s', (file) => {
    const rows = extractRows(load(file, URL_), URL_);
    expect(rows.map((r) => r.githubLogin)).toEqual(['octo-ada', 'grace-h', 'linus-t', 'margaret-h']);
    expect(rows.every((r) => r.source === 'github' && r.anchor.tagName === 'A')).toBe(true);
    // The organisation's own link, the user's own "Your profile" link and "Manage" links are not members.
    expect(rows.map((r) => r.key)).not.toContain('gh:acme-team');
    expect(rows.map((r) => r.key)).not.toContain('gh:octo-rep');
    expect(rows.find((r) => r.githubLogin === 'octo-ada')?.name).toBe('Ada Octo');
  });
});

describe('extractRows on Sales Navigator, company people and My Network', () => {
  it.each([
    [
      'salesnav-search-people.html',
      'https://www.linkedin.com/sales/search/people?query=(keywords%3Aprocurement)',
    ],
    [
      'salesnav-search-people-2021.html',
      'https://www.linkedin.com/sales/search/people?doFetchHeroCard=false&keywords=procurement',
    ],
    [
      'salesnav-list-people.html',
      'https://www.linkedin.com/sales/lists/people/7012345?sortCriteria=CREATED_TIME',
    ],
  ])('%s: one row per lead, keyed by the lead id', (file, url) => {
    const rows = extractRows(load(file, url), url);
    expect(rows.map((r) => r.key)).toEqual(['lead:ACwAAA1b2C3', 'lead:ACwAAB9x8Y7', 'lead:ACwAAC4k5L6']);
    expect(rows[0]).toMatchObject({ source: 'linkedin-salesnav', name: 'Jane Doe' });
    expect(rows[0]?.salesNavUrl).toMatch(
      /^https:\/\/www\.linkedin\.com\/sales\/lead\/ACwAAA1b2C3,NAME_SEARCH,/,
    );
    for (const r of rows) expect(r.anchor.querySelector('img')).toBeNull();
  });

  it('a company’s People tab', () => {
    const url = 'https://www.linkedin.com/company/acme-gmbh/people/';
    const rows = extractRows(load('linkedin-company-people-acme.html', url), url);
    expect(rows.map((r) => r.profileUrl)).toEqual([
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
      'https://www.linkedin.com/in/emma-tremblay/',
      'https://www.linkedin.com/in/sam-lee-99/',
    ]);
  });

  it('My Network suggestions, cards without list items', () => {
    const url = 'https://www.linkedin.com/mynetwork/grow/';
    const rows = extractRows(load('linkedin-mynetwork-grow.html', url), url);
    expect(rows.map((r) => r.profileUrl)).toEqual([
      'https://www.linkedin.com/in/max-mustermann/',
      'https://www.linkedin.com/in/claire-dubois-42/',
      'https://www.linkedin.com/in/jane-doe-1a2b3c/',
    ]);
    for (const r of rows) for (const o of rows) if (o !== r) expect(r.row.contains(o.row)).toBe(false);
  });
});

describe('extractRows does not depend on class names', () => {
  it.each([
    ['linkedin-search-2023.html', SEARCH],
    ['linkedin-search-2025.html', SEARCH],
    ['linkedin-search-sdui.html', SEARCH],
    ['linkedin-company-people-acme.html', 'https://www.linkedin.com/company/acme-gmbh/people/'],
    ['linkedin-mynetwork-grow.html', 'https://www.linkedin.com/mynetwork/grow/'],
    ['salesnav-search-people.html', 'https://www.linkedin.com/sales/search/people?query=x'],
    ['salesnav-list-people.html', 'https://www.linkedin.com/sales/lists/people/7012345'],
    ['github-org-people-classic.html', 'https://github.com/orgs/acme-team/people'],
    ['github-org-people-react.html', 'https://github.com/orgs/acme-team/people'],
  ])('%s with every class and data- attribute stripped gives the same rows', (file, url) => {
    const keys = extractRows(load(file, url), url).map((r) => r.key);
    const doc = load(file, url);
    for (const e of Array.from(doc.querySelectorAll('*')))
      for (const a of Array.from(e.attributes))
        if (a.name === 'class' || a.name.startsWith('data-')) e.removeAttribute(a.name);
    expect(keys.length).toBeGreaterThan(2);
    expect(extractRows(doc, url).map((r) => r.key)).toEqual(keys);
  });
});
