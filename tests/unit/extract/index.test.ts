import { describe, expect, it } from 'vitest';
import { extractGenericPerson, extractPerson } from '../../../lib/extract';
import { loadFixture, page } from './fixtures';

describe('extractPerson dispatch', () => {
  it('sends each site to its extractor', () => {
    const jane = loadFixture('linkedin-profile-jane.html');
    expect(extractPerson(jane, 'https://www.linkedin.com/in/jane-doe-1a2b3c/')?.source).toBe(
      'linkedin-profile',
    );
    expect(extractPerson(jane, 'https://fr.linkedin.com/in/jane-doe-1a2b3c/')?.source).toBe(
      'linkedin-profile',
    );
    const lead = loadFixture('salesnav-lead-jane.html');
    expect(
      extractPerson(lead, 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz')?.source,
    ).toBe('linkedin-salesnav');
    expect(extractPerson(loadFixture('github-profile-ada.html'), 'https://github.com/octo-ada')?.source).toBe(
      'github',
    );
  });

  it.each([
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/sales/home',
    'https://github.com/octo-ada/heed-demo',
    'about:blank',
    'chrome://extensions/',
    'not a url',
  ])('null for %s', (url) => {
    expect(extractPerson(loadFixture('linkedin-profile-jane.html'), url)).toBeNull();
  });

  it('null for the team page: it lists people, it is not about one', () => {
    expect(extractPerson(loadFixture('team-page.html'), 'https://acme.example/team/')).toBeNull();
  });
});

describe('extractGenericPerson', () => {
  const url = 'https://ada.example/about/';
  const person = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: 'Ada Octo',
    url: '/',
    jobTitle: 'Engineer',
    address: { '@type': 'PostalAddress', addressLocality: 'Cambridge', addressCountry: 'United Kingdom' },
  };
  const ld = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

  it('reads a page that declares one Person, with emails only near its heading', () => {
    const doc = page(
      '<main><article><h1>Ada Octo</h1><p>ada@ada.example</p></article></main><footer>webmaster@host.example</footer>',
      { url, head: ld(person) },
    );
    expect(extractGenericPerson(doc, url)).toMatchObject({
      source: 'generic',
      name: 'Ada Octo',
      headline: 'Engineer',
      location: 'Cambridge, United Kingdom',
      country: 'GB',
      websites: ['https://ada.example/'],
      emails: ['ada@ada.example'],
    });
  });

  it('refuses pages with several people or none', () => {
    const two = ld([person, { ...person, name: 'Bob' }]);
    expect(extractGenericPerson(page('<h1>Ada Octo</h1>', { url, head: two }), url)).toBeNull();
    expect(extractGenericPerson(page('<h1>Ada Octo</h1>', { url }), url)).toBeNull();
  });
});
