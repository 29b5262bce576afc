// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { linkedInSelfAdvice } from '@/lib/mydata/advice';
import { exposureReport, LINKEDIN_SETTINGS, phonesOnPage } from '@/lib/mydata/exposure';

describe('exposureReport', () => {
  it('splits the user’s own identifiers from a count of everyone else’s', () => {
    const r = exposureReport(
      {
        emails: ['sales@acme.example', 'Jane.Doe@gmail.com', 'max@beispiel.example', 'SALES@acme.example'],
        phones: ['+44 20 7946 0958', '+49 30 901820', '+49 (30) 901820'],
      },
      [
        { kind: 'email', value: 'Jane.Doe@gmail.com', identityId: 'e1', certainty: 'exact' },
        { kind: 'phone', value: '+44 20 7946 0958', identityId: 'p1', certainty: 'exact' },
        { kind: 'phone', value: '+44-20-7946-0958', identityId: 'p1', certainty: 'exact' },
      ],
    );
    expect(r.mine.map((m) => m.value)).toEqual(['Jane.Doe@gmail.com', '+44 20 7946 0958']);
    expect(r.others).toEqual({ emails: 2, phones: 1 });
  });

  it('reports nothing as the user’s when nothing matched', () => {
    expect(exposureReport({ emails: ['a@b.example'], phones: [] }, [])).toEqual({
      mine: [],
      others: { emails: 1, phones: 0 },
    });
  });
});

describe('phonesOnPage', () => {
  function page(html: string): Document {
    document.body.innerHTML = html;
    return document;
  }

  it('finds visible international numbers and skips hidden ones, scripts and form fields', () => {
    const doc = page(`
      <p>Call <span id="a">+44 20 7946 0958</span> today</p>
      <p hidden>+49 30 901820</p>
      <p style="display:none">+33 1 42 68 53 00</p>
      <input value="+1 415 555 0100">
      <script>var x = '+1 212 555 0199';</script>
      <p aria-hidden="true">+61 2 9876 5432</p>
      <p>Order 2026-01-31, ref 123456789</p>`);
    const found = phonesOnPage(doc);
    expect(found.map((f) => f.phone)).toEqual(['+442079460958']);
    expect(found[0]?.text).toBe('+44 20 7946 0958');
    expect(found[0]?.element.id).toBe('a');
  });

  it('reads national numbers only with a default country', () => {
    const doc = page('<p>Tel. 020 7946 0958</p>');
    expect(phonesOnPage(doc)).toEqual([]);
    expect(phonesOnPage(doc, 'GB').map((f) => f.phone)).toEqual(['+442079460958']);
  });

  it('ignores zero-width characters inside a number and stops at the limit', () => {
    const doc = page('<p>+44 20\u200B 7946 0958</p><p>+44 20 7946 0959</p><p>+44 20 7946 0957</p>');
    expect(phonesOnPage(doc, undefined, 2).map((f) => f.phone)).toEqual(['+442079460958', '+442079460959']);
  });
});

describe('linkedInSelfAdvice', () => {
  it('names what is visible and links both email settings', () => {
    const a = linkedInSelfAdvice({
      emails: ['jane.doe@gmail.com'],
      phones: ['+44 20 7946 0958'],
      birthday: 'March 3',
    });
    expect(a.lines.join(' ')).toContain('jane.doe@gmail.com');
    expect(a.lines.join(' ')).toContain('Allow your connections to download your email');
    expect(a.lines.join(' ')).toMatch(/off by default/);
    expect(a.lines.join(' ')).toContain('March 3');
    expect(a.lines.join(' ')).toContain('+44 20 7946 0958');
    expect(a.links.map((l) => l.href)).toEqual([
      LINKEDIN_SETTINGS.emailVisibility,
      LINKEDIN_SETTINGS.emailDownload,
    ]);
    for (const l of a.links)
      expect(l.href).toMatch(/^https:\/\/www\.linkedin\.com\/mypreferences\/d\/privacy\//);
  });

  it('says so when no email is shown', () => {
    const a = linkedInSelfAdvice({ emails: [], phones: [] });
    expect(a.lines).toEqual(['No email address is visible in your contact info on this page.']);
    expect(a.links).toEqual([]);
  });
});
