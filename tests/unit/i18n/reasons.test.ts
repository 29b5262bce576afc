import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '@/lib/i18n/catalog';
import { setLanguage } from '@/lib/i18n/index';
import { localReason, localRecord, reasonKey } from '@/lib/i18n/reasons';
import { REASON_CODES } from '@/lib/risk/codes';

const en = CATALOG.en as Readonly<Record<string, string>>;

describe('risk reason messages', () => {
  afterEach(() => setLanguage('en'));

  it('has a reason_ message for every code the engine can emit, in English equal to its short text', () => {
    const missing = Object.keys(REASON_CODES).filter((code) => !(reasonKey(code) in en));
    expect(missing).toEqual([]);
    for (const [code, info] of Object.entries(REASON_CODES))
      expect(en[reasonKey(code)], code).toBe(info.short);
  });

  it('has a German and a French message of its own for every code (not the English copied over)', () => {
    for (const code of Object.keys(REASON_CODES)) {
      const key = reasonKey(code) as keyof (typeof CATALOG)['en'];
      expect(CATALOG.de[key], `de ${code}`).not.toBe(CATALOG.en[key]);
      expect(CATALOG.fr[key], `fr ${code}`).not.toBe(CATALOG.en[key]);
    }
  });

  it("keeps the engine's full text in English and shows the code's message in German and French", () => {
    const reason = {
      code: 'suppressed-objection',
      text: 'They objected to direct marketing (GDPR Art. 21(3)).',
    };
    setLanguage('en');
    expect(localReason(reason)).toBe(reason.text);
    setLanguage('de');
    expect(localReason(reason)).toBe('Sie haben der Werbung widersprochen');
    setLanguage('fr');
    expect(localReason(reason)).toBe('La personne s’est opposée à la prospection commerciale');
  });

  it('has what to record for every code that says so, in English equal to its record text', () => {
    for (const [code, info] of Object.entries(REASON_CODES))
      if ('record' in info) expect(en[`${reasonKey(code)}_record`], code).toBe(info.record);
    const hint = { code: 'lia-missing', what: REASON_CODES['lia-missing'].record };
    expect(localRecord(hint)).toBe(hint.what);
    setLanguage('de');
    expect(localRecord(hint)).toBe(
      'das Datum einer dreistufigen Interessenabwägung (Zweck, Erforderlichkeit, Abwägung)',
    );
  });

  it('keeps the text of a code it has no message for', () => {
    setLanguage('de');
    expect(localReason({ code: 'not-a-code', text: 'Something' })).toBe('Something');
  });
});
