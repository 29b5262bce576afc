import { describe, expect, it } from 'vitest';
import {
  composeRequest,
  deadlinesFor,
  lawForCountry,
  mailtoFor,
  type RequestInput,
} from '@/lib/mydata/letters';

const ME = [
  { kind: 'email' as const, value: 'jane.doe@gmail.com' },
  { kind: 'phone' as const, value: '+442079460958' },
  { kind: 'profile' as const, value: 'https://www.linkedin.com/in/jane-doe-1a2b3c/' },
];

function letter(over: Partial<RequestInput> = {}) {
  return composeRequest({
    kinds: ['access'],
    law: 'gdpr',
    company: 'Acme Ltd',
    companyEmail: 'privacy@acme.example',
    identities: ME,
    name: 'Jane Doe',
    today: '2026-01-31',
    ...over,
  });
}

function decodeMailto(url: string) {
  const u = new URL(url);
  return {
    to: decodeURIComponent(u.pathname),
    subject: u.searchParams.get('subject'),
    body: u.searchParams.get('body'),
  };
}

describe('GDPR access letter', () => {
  const l = letter();

  it('cites Art. 15 with the copy, the source (15(1)(g)) and Art. 14', () => {
    for (const cite of [
      'Article 15',
      'Art. 15(3)',
      'Art. 15(1)(g)',
      'Article 14',
      'Art. 14(2)(f)',
      'Art. 15(1)(h)',
    ]) {
      expect(l.body).toContain(cite);
    }
    expect(l.subject).toBe('Data subject request under the GDPR, Art. 15 – Jane Doe');
  });

  it('is dated today and due one month later, clamped to the month end (Art. 12(3))', () => {
    expect(l.body).toContain('Date: 31 January 2026');
    expect(l.dueAt).toBe('2026-02-28');
    expect(l.body).toContain('by 28 February 2026');
    expect(l.body).toContain('Article 12(3)');
    expect(l.body).toMatch(/two further months/);
  });

  it("carries every one of the user's identifiers and their name", () => {
    expect(l.body).toContain('- Email address: jane.doe@gmail.com');
    expect(l.body).toContain('- Phone number: +44 20 7946 0958');
    expect(l.body).toContain('- LinkedIn profile: https://www.linkedin.com/in/jane-doe-1a2b3c/');
    expect(l.body.trimEnd().endsWith('Jane Doe')).toBe(true);
  });

  it('does not mention the other requests', () => {
    expect(l.body).not.toContain('Article 17');
    expect(l.body).not.toContain('Article 21');
    expect(l.body).not.toContain('§1798');
  });

  it('opens as a mailto: draft with the same subject and body when the link is short enough', () => {
    const roomy = letter({ mailtoLimit: 10_000 });
    const m = decodeMailto(roomy.mailto ?? '');
    expect(m.to).toBe('privacy@acme.example');
    expect(m.subject).toBe(roomy.subject);
    expect(m.body?.replace(/\r\n/g, '\n')).toBe(roomy.body);
    expect(roomy.mailto).toContain('%0D%0A');
  });

  it('with the default limit, offers the subject-only draft to paste into instead', () => {
    expect(l.mailto).toBeNull();
    const m = decodeMailto(l.mailtoSubjectOnly ?? '');
    expect(m.to).toBe('privacy@acme.example');
    expect(m.subject).toBe(l.subject);
    expect(m.body).toBeNull();
  });
});

describe('the other GDPR requests', () => {
  it('erasure cites Art. 17(1), 17(2), 17(3) and Art. 19', () => {
    const l = letter({ kinds: ['erasure'] });
    for (const cite of [
      'Article 17',
      'Art. 17(1)(a)',
      'Art. 17(1)(b)',
      'Art. 17(1)(d)',
      'Art. 17(2)',
      'Art. 17(3)',
      'Art. 19',
    ]) {
      expect(l.body).toContain(cite);
    }
    expect(l.body).not.toContain('Art. 17(1)(c)');
  });

  it('objection cites Art. 21(2) and 21(3) and says no reasons are needed', () => {
    const l = letter({ kinds: ['objection'] });
    expect(l.body).toContain('Article 21(2)');
    expect(l.body).toContain('Article 21(3)');
    expect(l.body).toContain('need not give reasons');
  });

  it('erasure with objection ties them together through Art. 17(1)(c)', () => {
    const l = letter({ kinds: ['erasure', 'objection'] });
    expect(l.body).toContain('Art. 17(1)(c)');
    expect(l.subject).toContain('Art. 17, 21(2)');
    expect(l.body.indexOf('1. Erasure')).toBeLessThan(l.body.indexOf('2. Objection'));
  });

  it('rectification quotes the correction, or leaves a placeholder and warns', () => {
    const given = letter({ kinds: ['rectification'], correction: 'Job title: not "CEO" but "Buyer".' });
    expect(given.body).toContain('Article 16');
    expect(given.body).toContain('Job title: not "CEO" but "Buyer".');
    expect(given.warnings).toEqual([]);
    const missing = letter({ kinds: ['rectification'] });
    expect(missing.body).toContain('[Describe what is wrong');
    expect(missing.warnings.join(' ')).toMatch(/what is wrong/);
  });

  it('UK GDPR names the UK law and the ICO', () => {
    const l = letter({ law: 'uk-gdpr' });
    expect(l.body).toContain('UK General Data Protection Regulation');
    expect(l.body).toContain("Information Commissioner's Office");
    expect(l.subject).toContain('UK GDPR');
  });
});

describe('CCPA letters', () => {
  it('cite the right sections and a 45-day deadline (§1798.130)', () => {
    const l = letter({
      law: 'ccpa',
      kinds: ['ccpa-know', 'ccpa-delete', 'ccpa-correct'],
      correction: 'Wrong address',
      californiaResident: true,
    });
    for (const cite of [
      '§1798.110',
      '§1798.115',
      '§1798.105',
      '§1798.106',
      '§1798.130(a)(2)(A)',
      'California resident',
    ]) {
      expect(l.body).toContain(cite);
    }
    expect(l.dueAt).toBe('2026-03-17');
    expect(l.body).toContain('by 17 March 2026');
    expect(l.body).not.toContain('Article');
  });

  it('an opt-out is due within 15 business days, earlier than the rest', () => {
    const l = letter({ law: 'ccpa', kinds: ['ccpa-know', 'ccpa-opt-out'] });
    expect(l.body).toContain('§1798.120');
    expect(l.dueAt).toBe('2026-02-20'); // Sat 31 Jan + 15 business days
    expect(l.deadlines.map((d) => d.dueAt).sort()).toEqual(['2026-02-20', '2026-03-17']);
  });

  it('leaves out kinds of the other law and says so', () => {
    const l = letter({ law: 'ccpa', kinds: ['access', 'ccpa-delete'] });
    expect(l.body).not.toContain('Article 15');
    expect(l.warnings.join(' ')).toMatch(/left out: access/);
  });
});

describe('input that needs care', () => {
  it('mailto links keep @ and encode what would end the address or start a parameter', () => {
    expect(mailtoFor('a+b@x.example', 'S & T', 'line 1\nline 2')).toBe(
      'mailto:a%2Bb@x.example?subject=S%20%26%20T&body=line%201%0D%0Aline%202',
    );
  });

  it('a long letter gets no full mailto link but a subject-only one to paste into', () => {
    const l = letter({
      kinds: ['access', 'erasure', 'objection', 'rectification'],
      correction: 'x'.repeat(500),
    });
    expect(l.mailto).toBeNull();
    expect(l.mailtoSubjectOnly).toMatch(/^mailto:privacy@acme\.example\?subject=/);
    expect(l.mailtoSubjectOnly).not.toContain('body=');
  });

  it('an invalid company email gives no link and a warning, but still a letter', () => {
    const l = letter({ companyEmail: 'privacy at acme' });
    expect(l.mailto).toBeNull();
    expect(l.mailtoSubjectOnly).toBeNull();
    expect(l.warnings.join(' ')).toMatch(/not valid/);
    expect(l.body).toContain('Article 15');
  });

  it('a company name cannot inject mail headers or extra lines', () => {
    const l = letter({ company: 'Acme\r\nBcc: evil@x.test', companyEmail: 'p@acme.example?cc=evil@x.test' });
    expect(l.body).toContain('To: Acme Bcc: evil@x.test,');
    expect(l.mailto ?? '').not.toMatch(/[?&]cc=/i);
  });

  it('without identifiers it warns and leaves a placeholder', () => {
    const l = letter({ identities: [], name: '' });
    expect(l.warnings.join(' ')).toMatch(/at least one of your identifiers/);
    expect(l.body).toContain('[your email address');
    expect(l.body).toContain('[your name]');
  });
});

describe('law suggestions and deadlines', () => {
  it('suggests by country of residence', () => {
    expect(lawForCountry('de')).toBe('gdpr');
    expect(lawForCountry('NO')).toBe('gdpr');
    expect(lawForCountry('GB')).toBe('uk-gdpr');
    expect(lawForCountry('US')).toBe('ccpa');
    expect(lawForCountry('CH')).toBeUndefined();
  });

  it('gives one GDPR deadline for every kind', () => {
    expect(deadlinesFor('gdpr', ['access', 'erasure'], '2026-05-31')).toEqual([
      { kinds: ['access', 'erasure'], dueAt: '2026-06-30', rule: 'Art. 12(3): one month from receipt' },
    ]);
  });
});

describe('letter details (issue 20, item 16)', () => {
  it('writes phone numbers as people write them, not as E.164', () => {
    const l = letter();
    expect(l.body).toContain('- Phone number: +44 20 7946 0958');
    expect(l.body).not.toContain('+442079460958');
  });

  it('says "I am a California resident" only when the user confirmed it, and otherwise warns', () => {
    const unconfirmed = letter({ law: 'ccpa', kinds: ['ccpa-know'] });
    expect(unconfirmed.body).not.toContain('California resident');
    expect(unconfirmed.warnings.join(' ')).toContain('CCPA rights belong to California residents');
    const confirmed = letter({ law: 'ccpa', kinds: ['ccpa-know'], californiaResident: true });
    expect(confirmed.body).toContain('I am a California resident. I make the requests below');
    expect(confirmed.warnings.join(' ')).not.toContain('California residents');
  });
});
