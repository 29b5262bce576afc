import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n/index';
import { logRequest } from '@/lib/mydata/commands';
import { openSelfDb } from '@/lib/mydata/db';
import { followUpLetter, regulatorComplaint } from '@/lib/mydata/followup';
import { GDPR_LETTERS, letterLanguageFor } from '@/lib/mydata/letter-text/index';
import { composeRequest, type RequestInput } from '@/lib/mydata/letters';
import type { RequestRecord } from '@/lib/mydata/schemas';

afterEach(() => {
  setLanguage('en');
});

function letter(over: Partial<RequestInput> = {}) {
  return composeRequest({
    kinds: ['erasure'],
    law: 'gdpr',
    company: 'Acme GmbH',
    companyEmail: 'datenschutz@acme.example',
    identities: [{ kind: 'email', value: 'jane.doe@gmail.com' }],
    name: 'Jane Doe',
    today: '2026-01-31',
    ...over,
  });
}

/** The GDPR article numbers a text cites, however its language writes them. */
function articlesCited(text: string): string[] {
  const found = new Set<string>();
  // "Art. 15, 17", "articles 15 et 17", "Article 77": every number of a list right after the word.
  const cite = /\b(?:Art\.|articles?)\s+(\d+(?:(?:,\s*|\s+(?:et|and|und)\s+)\d+\b)*)/gi;
  for (const m of text.matchAll(cite)) for (const n of m[1]?.match(/\d+/g) ?? []) found.add(n);
  return [...found].sort((a, b) => Number(a) - Number(b));
}

describe("a letter's language follows the company's country", () => {
  it('a German company gets a German Art. 17 letter citing "Art. 17 DSGVO"', () => {
    const l = letter({ companyCountry: 'DE' });
    expect(l.language).toBe('de');
    expect(l.body).toContain('Recht auf Löschung (Art. 17 DSGVO)');
    expect(l.body).toContain('Art. 17 Abs. 1 lit. d DSGVO');
    expect(l.body).toContain('Sehr geehrte Damen und Herren,');
    expect(l.body).toContain('Datum: 31. Januar 2026');
    expect(l.body).toContain('bis zum 28. Februar 2026');
    expect(l.body).toContain('- E-Mail-Adresse: jane.doe@gmail.com');
    expect(l.body).not.toContain('Erasure');
    expect(l.subject).toBe('Antrag der betroffenen Person nach Art. 17 DSGVO – Jane Doe');
    expect(letter({ companyCountry: 'AT' }).language).toBe('de');
  });

  it('a French company gets a French letter citing "article 17 du RGPD"', () => {
    const l = letter({ companyCountry: 'FR' });
    expect(l.language).toBe('fr');
    expect(l.body).toContain('Droit à l’effacement (article 17 du RGPD)');
    expect(l.body).toContain('Madame, Monsieur,');
    expect(l.body).toContain('Date : 31 janvier 2026');
    expect(l.body).toContain('au plus tard le 28 février 2026');
    expect(l.body).not.toContain('Erasure');
    expect(l.subject).toBe('Exercice de mes droits au titre de l’article 17 du RGPD – Jane Doe');
    for (const c of ['BE', 'LU', 'MC']) expect(letter({ companyCountry: c }).language).toBe('fr');
  });

  it('the access letter uses the terms of each official text', () => {
    expect(letter({ kinds: ['access'], companyCountry: 'DE' }).body).toContain(
      'Auskunftsrecht der betroffenen Person (Art. 15 DSGVO)',
    );
    expect(letter({ kinds: ['access'], companyCountry: 'FR' }).body).toContain(
      'Droit d’accès de la personne concernée (article 15 du RGPD)',
    );
    const both = letter({ kinds: ['erasure', 'objection'], companyCountry: 'FR' });
    expect(both.subject).toContain('des articles 17 et 21, paragraphe 2, du RGPD');
    expect(both.body).toContain('article 17, paragraphe 1, point c), du RGPD');
    expect(letter({ kinds: ['objection'], companyCountry: 'DE' }).body).toContain(
      'Widerspruch gegen Direktwerbung (Art. 21 Abs. 2 DSGVO)',
    );
  });

  it('anywhere else, and without a country, the letter is English', () => {
    for (const c of ['', 'IT', 'CH', 'NL', 'US']) expect(letterLanguageFor(c)).toBe('en');
    const l = letter({ companyCountry: 'IT' });
    expect(l.language).toBe('en');
    expect(l.body).toContain('Erasure (Article 17)');
  });

  it('the language chosen in the composer overrides the country', () => {
    const fr = letter({ companyCountry: 'DE', language: 'fr' });
    expect(fr.language).toBe('fr');
    expect(fr.body).toContain('article 17 du RGPD');
    expect(fr.body).not.toContain('DSGVO');
    const en = letter({ companyCountry: 'FR', language: 'en' });
    expect(en.body).toContain('Erasure (Article 17)');
    expect(letter({ language: 'de' }).body).toContain('Art. 17 DSGVO');
  });

  it("the page's language does not decide the letter's, only the warnings'", () => {
    setLanguage('fr');
    const l = letter({ companyCountry: 'DE', companyEmail: '' });
    expect(l.body).toContain('Art. 17 DSGVO');
    expect(l.warnings.join(' ')).toContain('Indiquez l’adresse e-mail de l’entreprise');
    const none = letter({ companyEmail: '' });
    expect(none.language).toBe('en');
    expect(none.body).toContain('Erasure (Article 17)');
  });

  it('UK GDPR and CCPA letters stay English whatever the country or choice', () => {
    const uk = letter({ law: 'uk-gdpr', companyCountry: 'DE', language: 'de' });
    expect(uk.language).toBe('en');
    expect(uk.body).toContain('UK General Data Protection Regulation');
    const ca = letter({ law: 'ccpa', kinds: ['ccpa-delete'], companyCountry: 'FR', language: 'fr' });
    expect(ca.language).toBe('en');
    expect(ca.body).toContain('Right to delete (§1798.105)');
  });
});

describe('every language has the whole letter, citing the same articles', () => {
  const all = ['access', 'erasure', 'objection', 'rectification'] as const;
  const byLang = Object.fromEntries(
    Object.keys(GDPR_LETTERS).map((lang) => [
      lang,
      letter({ kinds: [...all], language: lang as 'en' | 'de' | 'fr', correction: 'x', details: 'y' }),
    ]),
  );

  it('has the same parts in every language, none empty', () => {
    const shape = (o: object) => Object.keys(o).sort();
    for (const text of Object.values(GDPR_LETTERS)) {
      expect(shape(text)).toEqual(shape(GDPR_LETTERS.en));
      for (const [key, value] of Object.entries(text))
        if (typeof value === 'string') expect(value.trim(), key).not.toBe('');
      expect(text.access.lines.length).toBe(GDPR_LETTERS.en.access.lines.length);
    }
  });

  it('cites the same GDPR articles in each language (the request, the follow-up, the complaint)', () => {
    const en = articlesCited(byLang.en?.body ?? '');
    expect(en).toEqual(['12', '14', '15', '16', '17', '19', '21', '77', '79']);
    for (const lang of ['de', 'fr']) expect(articlesCited(byLang[lang]?.body ?? ''), lang).toEqual(en);

    const record: RequestRecord = {
      id: 'r',
      company: 'Acme',
      kinds: ['access', 'erasure'],
      law: 'gdpr',
      sentAt: '2026-01-31',
      dueAt: '2026-02-28',
    };
    for (const kind of [followUpLetter, regulatorComplaint]) {
      const cites = (language: 'en' | 'de' | 'fr') =>
        articlesCited(kind({ record: { ...record, language }, today: '2026-03-10' }).body);
      expect(cites('de')).toEqual(cites('en'));
      expect(cites('fr')).toEqual(cites('en'));
    }
  });

  it('numbers the same sections in the same order', () => {
    const heads = (body: string) => body.match(/^\d\. /gm);
    expect(heads(byLang.de?.body ?? '')).toEqual(heads(byLang.en?.body ?? ''));
    expect(heads(byLang.fr?.body ?? '')).toEqual(heads(byLang.en?.body ?? ''));
  });
});

describe('follow-ups and complaints keep the request language', () => {
  const record: RequestRecord = {
    id: 'r1',
    company: 'Acme GmbH',
    companyEmail: 'datenschutz@acme.example',
    companyCountry: 'DE',
    kinds: ['erasure'],
    law: 'gdpr',
    sentAt: '2026-10-01',
    dueAt: '2026-11-01',
  };

  it("a German company's follow-up and complaint are German, addressed to the Land authority", () => {
    const f = followUpLetter({ record, today: '2026-11-30', name: 'Jane Doe' });
    expect(f.language).toBe('de');
    expect(f.subject).toBe(
      'Erinnerung: Mein Antrag nach Art. 17 DSGVO vom 1. Oktober 2026 ist unbeantwortet',
    );
    expect(f.body).toContain('Die Antwort war bis zum 1. November 2026 fällig, also vor 29 Tagen');
    expect(f.body).toContain('Art. 12 Abs. 3 DSGVO');
    expect(f.body).toMatch(/Mit freundlichen Grüßen\nJane Doe$/);
    const c = regulatorComplaint({ record, today: '2026-11-30' });
    expect(c.to).toContain('Datenschutzaufsichtsbehörde des Landes');
    expect(c.to).toContain('BfDI');
    expect(c.body).toContain('Ich lege diese Beschwerde nach Art. 77 DSGVO ein.');
  });

  it('a French company gets its complaint addressed to the CNIL, in French', () => {
    const c = regulatorComplaint({ record: { ...record, companyCountry: 'FR' }, today: '2026-11-30' });
    expect(c.to).toBe('CNIL (Commission nationale de l’informatique et des libertés)');
    expect(c.body).toContain('Date : 30 novembre 2026');
    expect(
      regulatorComplaint({ record: { ...record, companyCountry: 'FR' }, today: '2026-12-01' }).body,
    ).toContain('Date : 1er décembre 2026');
    expect(c.body).toContain('article 77 du RGPD');
    expect(c.subject).toContain('au titre de l’article 17 du RGPD');
  });

  it('the language the letter was written in wins over the country, and is logged with the request', async () => {
    const f = followUpLetter({ record: { ...record, language: 'en' }, today: '2026-11-30' });
    expect(f.body).toContain('On 1 October 2026 I sent you a request under the GDPR (Art. 17)');
    const db = await openSelfDb('letter-language-log');
    const { id: _, ...input } = { ...record, language: 'fr' as const };
    const logged = await logRequest(db, input);
    expect(logged.language).toBe('fr');
    expect(followUpLetter({ record: logged, today: '2026-11-30' }).body).toContain('Madame, Monsieur,');
    db.close();
  });
});
