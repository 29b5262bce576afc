import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n';
import type { AssessInput } from '@/lib/risk';
import { assess } from '@/lib/risk';
import { type PlainInput, plainSentence } from '@/lib/verdict/plain';

const NOW = new Date('2026-11-30T12:00:00Z');
const base = {
  now: NOW.toISOString(),
  stage: 'suspect',
  source: 'third-party',
  timeZone: 'Europe/London',
} as const;

function sentence(input: Partial<AssessInput>, matches: PlainInput['matches'] = []): string {
  const v = assess({ ...base, ...input } as AssessInput);
  return plainSentence({ level: v.level, channels: v.channels, reasons: v.reasons, matches }, NOW);
}

const unsubscribed = {
  country: 'GB',
  emailKind: 'work',
  subscriber: 'corporate',
  suppressions: [{ reason: 'unsubscribe', since: '2026-11-30', channels: ['email'] }],
} as const satisfies Partial<AssessInput>;
const match = [{ match: 'exact', reason: 'unsubscribed', since: '2026-11-30' }];

describe('the plain sentence in the language of the settings', () => {
  afterEach(() => setLanguage('en'));

  it('German: whole sentences, the date as German writes it', () => {
    setLanguage('de');
    const s = sentence(unsubscribed, match);
    expect(s.startsWith('Nicht per E-Mail kontaktieren — abgemeldet am 30. Nov.')).toBe(true);
    expect(s).not.toMatch(/Don't|Check|OK\b/);
  });

  it('French, and the English sentence is unchanged', () => {
    setLanguage('fr');
    expect(
      sentence(unsubscribed, match).startsWith('Ne pas contacter par e-mail — désabonnement le 30 nov.'),
    ).toBe(true);
    setLanguage('en');
    expect(sentence(unsubscribed, match).startsWith("Don't email — unsubscribed 30 Nov.")).toBe(true);
  });

  it('German objection with the year, channel lists joined by the language, and the Art. 14 duty', () => {
    setLanguage('de');
    expect(
      sentence({ country: 'GB', suppressions: [{ reason: 'objection', since: '2025-03-02' }] }, [
        { match: 'exact', reason: 'objected', since: '2025-03-02' },
      ]),
    ).toBe('Nicht kontaktieren — Widerspruch gegen Werbung am 2. März 2025.');
    expect(
      sentence({
        country: 'GB',
        suppressions: [{ reason: 'do-not-call', since: '2026-11-02', channels: ['phone', 'sms'] }],
      }),
    ).toContain('Nicht per SMS oder Telefon kontaktieren — möchte nicht angerufen werden.');
    const b2b = sentence({
      country: 'GB',
      emailKind: 'work',
      subscriber: 'corporate',
      legitimateInterestAssessmentAt: '2026-01-01',
      collectedAt: '2026-11-30',
    });
    expect(b2b).toContain(
      'E-Mail erlaubt, wenn es um die berufliche Tätigkeit geht und ein Abmeldelink enthalten ist.',
    );
    expect(b2b).toContain('Datenschutzhinweis nach Art. 14 DSGVO');
    expect(sentence({ country: 'GB', emailKind: 'work', subscriber: 'corporate' })).toBe(
      'Vor jedem Kontakt prüfen — keine Interessenabwägung erfasst.',
    );
  });
});

describe('German dates at the end of a sentence', () => {
  it('do not double the full stop ("am 21. Okt." then ".")', async () => {
    const { plainSentence } = await import('@/lib/verdict/plain');
    const { setLanguage } = await import('@/lib/i18n');
    setLanguage('de');
    try {
      const s = plainSentence(
        {
          channels: {
            email: 'blocked',
            sms: 'blocked',
            phone: 'blocked',
            post: 'blocked',
            inmail: 'blocked',
          },
          reasons: [
            {
              code: 'suppressed-objection',
              level: 'blocked',
              channels: ['email', 'sms', 'phone', 'post', 'inmail'],
            },
          ],
          matches: [{ match: 'exact', reason: 'objected', since: '2026-10-21' }],
        } as never,
        new Date('2026-11-30T12:00:00Z'),
      );
      expect(s).toContain('21. Okt.');
      expect(s).not.toMatch(/\.\./);
    } finally {
      setLanguage('en');
    }
  });
});
