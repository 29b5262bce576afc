import { describe, expect, it } from 'vitest';
import {
  extractLinkedInProfile,
  extractSalesNavLead,
  isLinkedInProfileUrl,
} from '../../../lib/extract/linkedin';
import { nameFromTitle } from '../../../lib/extract/meta';
import { page } from './fixtures';

const URL_JANE = 'https://www.linkedin.com/in/jane-doe-1a2b3c/';
const ld = (obj: unknown) => `<script type="application/ld+json">${JSON.stringify(obj)}</script>`;
const extract = (body: string, head = '', url = URL_JANE) =>
  extractLinkedInProfile(page(body, { url, head }), url);

describe('isLinkedInProfileUrl', () => {
  it.each([
    ['https://www.linkedin.com/in/jane-doe-1a2b3c/', true],
    ['https://www.linkedin.com/in/jane-doe-1a2b3c', true],
    ['https://de.linkedin.com/in/max-mustermann/', true],
    ['https://linkedin.com/in/jane/', true],
    ['https://www.linkedin.com/in/jane-doe-1a2b3c/overlay/contact-info/', true],
    ['https://www.linkedin.com/in/jane-doe-1a2b3c/details/experience/?x=1#y', true],
    ['https://www.linkedin.com/in/j%C3%B6rg-m%C3%BCller/', true],
    ['http://www.linkedin.com/in/jane/', true],
    ['https://www.linkedin.com/in/', false],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/company/acme/', false],
    ['https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz', false],
    ['https://linkedin.com.evil.example/in/jane/', false],
    ['https://notlinkedin.com/in/jane/', false],
    ['https://evil.example/in/jane/?u=https://www.linkedin.com/in/jane/', false],
    ['javascript:alert(1)//www.linkedin.com/in/jane/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, ok) => {
    expect(isLinkedInProfileUrl(url)).toBe(ok);
  });
});

describe('nameFromTitle', () => {
  const LI = /\s*[|–—-]\s*LinkedIn\s*$/i;
  it.each([
    ['(3) Jane Doe | LinkedIn', 'Jane Doe'],
    ['(99+) Jane Doe | LinkedIn', 'Jane Doe'],
    ['Jane Doe | LinkedIn', 'Jane Doe'],
    ['Jane Doe - Acme Ltd | LinkedIn', 'Jane Doe'],
    ['Claire Dubois – Directrice des achats – Exemple SA | LinkedIn', 'Claire Dubois'],
    ['Jean-Pierre Martin | LinkedIn', 'Jean-Pierre Martin'],
    ['Cla\u200Bire\u00A0Dubois | LinkedIn', 'Claire Dubois'],
    ['\u202EJane Doe\u202C | LinkedIn', 'Jane Doe'],
    ['LinkedIn', ''],
    ['', ''],
  ])('%j → %j', (title, name) => {
    expect(nameFromTitle(title, LI)).toBe(name);
  });
});

describe('extractLinkedInProfile: where the name comes from', () => {
  it('uses the title, without the notification counter, when there is no heading', () => {
    const p = extract('<main><p>nothing here</p></main>', '<title>(3) Jane Doe | LinkedIn</title>');
    expect(p?.name).toBe('Jane Doe');
    expect(p?.anchor).toBeNull();
  });

  it('falls back to Open Graph, then to profile:first_name/last_name', () => {
    expect(extract('', '<meta property="og:title" content="Jane Doe - Acme | LinkedIn">')?.name).toBe(
      'Jane Doe',
    );
    expect(
      extract(
        '',
        '<meta property="profile:first_name" content="Jane"><meta property="profile:last_name" content="Doe">',
      )?.name,
    ).toBe('Jane Doe');
  });

  it('falls back to JSON-LD in an @graph', () => {
    const p = extract(
      '',
      ld({ '@graph': [{ '@type': 'WebPage' }, { '@type': 'Person', name: 'Jane Doe' }] }),
    );
    expect(p?.name).toBe('Jane Doe');
  });

  it('prefers the visible heading when JSON-LD names someone else', () => {
    // JSON-LD is rendered once by the server and goes stale on in-app navigation; the heading is what the rep sees.
    const p = extract(
      '<main><section><h1>Jane Doe</h1></section></main>',
      ld({ '@type': 'Person', name: 'Eve Other' }),
    );
    expect(p?.name).toBe('Jane Doe');
    expect(p?.anchor?.textContent).toBe('Jane Doe');
  });

  it('ignores JSON-LD and Open Graph that are about a different profile', () => {
    const head =
      '<meta property="og:url" content="https://www.linkedin.com/in/previous-person">' +
      '<meta property="og:title" content="Previous Person | LinkedIn">' +
      ld({
        '@type': 'Person',
        name: 'Previous Person',
        url: 'https://www.linkedin.com/in/previous-person',
        address: { addressLocality: 'Berlin, Germany', addressCountry: 'DE' },
      });
    const p = extract('', head);
    expect(p?.name).toBeUndefined();
    expect(p?.location).toBeUndefined();
    expect(p?.country).toBeUndefined();
  });

  it('uses JSON-LD location and country for the same profile when the page shows none', () => {
    const p = extract(
      '',
      ld({
        '@type': 'Person',
        name: 'Jane Doe',
        url: 'https://uk.linkedin.com/in/jane-doe-1a2b3c',
        address: { addressLocality: 'Somewhere', addressCountry: 'gb' },
      }),
    );
    expect(p?.location).toBe('Somewhere');
    expect(p?.country).toBe('GB');
  });

  it.each([
    '{not json',
    '[]',
    'null',
    '"Person"',
    '{"@type":"Person","name":42}',
    '{"@type":"Person","name":{"x":1},"address":[null]}',
    '{"@graph":{"@graph":{"@graph":{"@graph":{"@graph":{"@graph":{"@graph":{"@graph":{"@graph":{"@type":"Person","name":"Deep"}}}}}}}}}}',
  ])('survives malformed JSON-LD %s', (json) => {
    const p = extract(
      '<main><section><h1>Jane Doe</h1></section></main>',
      `<script type="application/ld+json">${json}</script>`,
    );
    expect(p?.name).toBe('Jane Doe');
  });

  it('strips zero-width and bidi characters from the heading', () => {
    const p = extract(
      '<main><section><h1 class="text-heading-xlarge">\u202AJa\u200Bne\u00A0\u200FDoe\u202C</h1></section></main>',
    );
    expect(p?.name).toBe('Jane Doe');
  });

  it('does not take a hidden heading, nor a stray one that contradicts the title', () => {
    const p = extract(
      '<main><h1 style="display:none">Eve Decoy</h1><div><h1 class="abc">Join LinkedIn</h1></div></main>',
      '<title>Jane Doe | LinkedIn</title>',
    );
    expect(p?.name).toBe('Jane Doe');
    expect(p?.anchor).toBeNull();
  });

  it('takes a lone heading with an unknown class when nothing else names the person', () => {
    const p = extract('<main><div><h1 class="q1w2e3">Jane Doe</h1></div></main>');
    expect(p?.name).toBe('Jane Doe');
    expect(p?.anchor?.tagName).toBe('H1');
  });

  it('never takes a heading from a dialog or side panel as the anchor', () => {
    const p = extract(
      '<main></main><aside><h1>John Roe</h1></aside><div role="dialog"><h1>Jane Doe</h1></div>',
      '<title>Jane Doe | LinkedIn</title>',
    );
    expect(p?.anchor).toBeNull();
    expect(p?.name).toBe('Jane Doe');
  });
});

describe('extractLinkedInProfile: top card and contact info', () => {
  const card = (extra = '') => `
    <main><section>
      <h1>Jane Doe</h1><span>She/Her</span><span> · 2nd</span>
      <div>Head of Procurement at Acme Ltd</div>
      <div><span>London, England, United Kingdom</span> · <a href="/in/jane-doe-1a2b3c/overlay/contact-info/">Contact info</a></div>
      ${extra}
    </section></main>`;

  it('reads headline and location by structure when classes are unknown', () => {
    const p = extract(card());
    expect(p?.headline).toBe('Head of Procurement at Acme Ltd');
    expect(p?.location).toBe('London, England, United Kingdom');
    expect(p?.country).toBe('GB');
  });

  describe('the current employer (issue 20, item 10)', () => {
    const top = (headline: string, extra = '') => `
      <main><section>
        <h1>Jane Doe</h1>
        <div>${headline}</div>
        <div><span>London, England, United Kingdom</span> · <a href="/in/jane-doe-1a2b3c/overlay/contact-info/">Contact info</a></div>
        ${extra}
      </section>
      <section><div id="experience"></div><h2>Experience</h2><ul>
        <li><div>Head of Sourcing</div><div>Globex Corporation · Full-time</div><div>Mar 2025 - Present · 9 mos</div></li>
        <li><div>Head of Procurement</div><div>Acme Ltd · Full-time</div><div>Jan 2019 - Feb 2025 · 6 yrs</div></li>
      </ul></section></main>`;

    it('prefers the top card’s current company, without what the button does', () => {
      const p = extract(
        top(
          'Head of Procurement at Acme Ltd',
          '<button aria-label="Current company: Initech Ltd. Click to skip to experience card">Initech Ltd</button>',
        ),
      );
      expect(p?.employer).toBe('Initech Ltd');
    });

    it('then the headline, before any separator', () => {
      const p = extract(
        card().replace('Head of Procurement at Acme Ltd', 'Buyer at Umbrella plc | Sourcing at scale'),
      );
      expect(p?.employer).toBe('Umbrella plc');
      expect(
        extract(card().replace('Head of Procurement at Acme Ltd', 'Procurement leader'))?.employer,
      ).toBeUndefined();
    });
  });

  it('returns partial data when fields are missing', () => {
    const p = extract('<main><section><h1>Jane Doe</h1></section></main>');
    expect(p).toMatchObject({ name: 'Jane Doe', emails: [], phones: [], websites: [] });
    expect(p?.headline).toBeUndefined();
    expect(p?.location).toBeUndefined();
    expect(p?.country).toBeUndefined();
  });

  it('an empty document still yields the profile URL, and nothing throws', () => {
    const doc = page('');
    doc.documentElement.replaceChildren();
    const p = extractLinkedInProfile(doc, URL_JANE);
    expect(p).toEqual({
      source: 'linkedin-profile',
      profileUrl: URL_JANE,
      emails: [],
      phones: [],
      websites: [],
      anchor: null,
    });
  });

  it('hidden addresses in the top card are not returned', () => {
    const p = extract(
      card(
        '<p style="display:none">decoy@evil.test</p><p aria-hidden="true">decoy2@evil.test</p><p>jane@acme.example</p>',
      ),
    );
    expect(p?.emails).toEqual(['jane@acme.example']);
  });

  it('reads the old contact-info markup even outside the overlay URL', () => {
    const dialog = `<div class="artdeco-modal" role="dialog"><section class="pv-contact-info">
      <section class="pv-contact-info__contact-type"><h3 class="pv-contact-info__header">Email</h3>
        <a href="mailto:JANE.DOE@gmail.com">JANE.DOE@gmail.com</a></section>
      <section class="pv-contact-info__contact-type"><h3 class="pv-contact-info__header">Telefon</h3>
        <ul><li><span>+44 20 7946 0958</span> <span>(Mobil)</span></li><li><a href="tel:+4930123456">030 123456</a></li></ul></section>
      <section class="pv-contact-info__contact-type"><h3 class="pv-contact-info__header">Website</h3>
        <a href="https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fjane.example%2F&amp;urlhash=x">jane.example</a>
        <a href="https://www.linkedin.com/in/jane-doe-1a2b3c">linkedin.com/in/jane-doe-1a2b3c</a></section>
    </section></div>`;
    const p = extract(card() + dialog);
    expect(p?.emails).toEqual(['JANE.DOE@gmail.com']);
    expect(p?.phones).toEqual(['+4930123456', '+44 20 7946 0958']);
  });

  it('does not read an unmarked dialog (messaging) on the profile URL', () => {
    const p = extract(`${card()}<div role="dialog"><p>From Tom: mail me at tom@staffing.example</p></div>`);
    expect(p?.emails).toEqual([]);
  });

  it('does not read a second dialog when the overlay URL is open but two dialogs are', () => {
    const url = `${URL_JANE}overlay/contact-info/`;
    const p = extract(
      `${card()}<div role="dialog"><a href="mailto:jane@gmail.com">x</a></div><div role="dialog">tom@staffing.example</div>`,
      '',
      url,
    );
    expect(p?.emails).toEqual([]);
  });

  it('does not read a contact overlay left over from another profile', () => {
    const p = extract(
      `${card()}<div role="dialog"><section class="pv-contact-info__contact-type"><a href="https://www.linkedin.com/in/someone-else">x</a><a href="mailto:other@gmail.com">other@gmail.com</a></section></div>`,
    );
    expect(p?.emails).toEqual([]);
  });

  it('reports identity only on sub-pages whose heading names a section', () => {
    const url = `${URL_JANE}details/experience/`;
    const p = extract(
      '<main><section><h1>Experience</h1></section></main>',
      '<title>Jane Doe | LinkedIn</title>',
      url,
    );
    expect(p).toMatchObject({ profileUrl: URL_JANE, anchor: null });
    expect(p?.name).toBeUndefined();
  });

  it('keeps the host and slug as found but drops trailing segments, query and hash', () => {
    const url =
      'https://de.linkedin.com/in/J%C3%B6rg-M%C3%BCller/overlay/contact-info/?miniProfileUrn=x#frag';
    expect(extractLinkedInProfile(page('', { url }), url)?.profileUrl).toBe(
      'https://de.linkedin.com/in/J%C3%B6rg-M%C3%BCller/',
    );
  });

  it('returns null off profile URLs', () => {
    expect(extractLinkedInProfile(page('<h1>Jane Doe</h1>'), 'https://www.linkedin.com/feed/')).toBeNull();
    expect(extractLinkedInProfile(page('<h1>Jane Doe</h1>'), 'https://evil.example/in/jane/')).toBeNull();
  });
});

describe('extractSalesNavLead', () => {
  const lead = (links: string) => `<main><section>
      <h1 data-anonymize="person-name">Jane Doe</h1>
      <div data-anonymize="headline">Head of Procurement</div>
      <div data-anonymize="location">Berlin, Germany</div>
    </section>${links}</main>`;

  it('works on /sales/people/ too and takes the only profile the page links to', () => {
    const url = 'https://www.linkedin.com/sales/people/ACwAAA1b2C3,NAME_SEARCH,xyz?_ntb=1';
    const p = extractSalesNavLead(page(lead('<a href="/in/jane-doe-1a2b3c/">profile</a>'), { url }), url);
    expect(p).toMatchObject({
      source: 'linkedin-salesnav',
      name: 'Jane Doe',
      salesNavUrl: 'https://www.linkedin.com/sales/people/ACwAAA1b2C3,NAME_SEARCH,xyz',
      profileUrl: 'https://www.linkedin.com/in/jane-doe-1a2b3c/',
      location: 'Berlin, Germany',
      country: 'DE',
    });
  });

  it('does not guess a profile when the page links to several and the header to none', () => {
    const url = 'https://www.linkedin.com/sales/lead/ACwAAA1b2C3,NAME_SEARCH,xyz';
    const links = '<aside><a href="/in/john-roe/">John</a><a href="/in/priya-patel/">Priya</a></aside>';
    expect(extractSalesNavLead(page(lead(links), { url }), url)?.profileUrl).toBeUndefined();
  });

  it('returns null for other Sales Navigator pages', () => {
    const url = 'https://www.linkedin.com/sales/home';
    expect(extractSalesNavLead(page(lead(''), { url }), url)).toBeNull();
  });
});

describe('contact-info birthday', () => {
  it('reads the birthday line of the overlay in German, and not a hidden one', () => {
    const url = 'https://www.linkedin.com/in/max-mustermann/overlay/contact-info/';
    const head = '<title>Max Mustermann | LinkedIn</title>';
    const body = (attr: string) =>
      `<main><h1>Max Mustermann</h1></main><div role="dialog"><section ${attr} class="pv-contact-info__contact-type"><h3>Geburtstag</h3><div><span>5. März</span></div></section></div>`;
    expect(extractLinkedInProfile(page(body(''), { url, head }), url)?.birthday).toBe('5. März');
    expect(extractLinkedInProfile(page(body('hidden'), { url, head }), url)?.birthday).toBeUndefined();
  });
});
