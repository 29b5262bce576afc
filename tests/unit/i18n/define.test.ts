import { afterEach, describe, expect, it } from 'vitest';
import { pluralKey, resolveLanguage, substitute } from '@/lib/i18n/define';
import { formatList, setLanguage, t, tn } from '@/lib/i18n/index';
import { loadPageStrings, pt, resetPageStrings } from '@/lib/i18n/page';
import { pageStringsFor } from '@/lib/i18n/page-table';

afterEach(() => {
  setLanguage('en');
  resetPageStrings();
});

describe('language choice', () => {
  it('follows the browser unless the setting names a language, and falls back to English', () => {
    expect(resolveLanguage('auto', 'de-AT')).toBe('de');
    expect(resolveLanguage(undefined, 'fr_CA')).toBe('fr');
    expect(resolveLanguage('auto', 'es-ES')).toBe('en');
    expect(resolveLanguage('fr', 'de-DE')).toBe('fr');
    expect(resolveLanguage('auto', undefined)).toBe('en');
  });
});

describe('messages', () => {
  it('substitutes $1…$9 and keeps $$ as a dollar sign', () => {
    expect(substitute('$1 of $2 cost $$5', ['3', 7])).toBe('3 of 7 cost $5');
  });

  it('picks the plural form by the language’s rules', () => {
    const has = (k: string) => ['x__one', 'x__other'].includes(k);
    expect(pluralKey('x', 1, 'en', has)).toBe('x__one');
    expect(pluralKey('x', 0, 'en', has)).toBe('x__other');
    expect(pluralKey('x', 0, 'fr', has)).toBe('x__one');
    expect(pluralKey('x', 2, 'de', has)).toBe('x__other');
  });

  it('translates by the setting and formats lists in the language', () => {
    setLanguage('de');
    expect(t('common_level_blocked')).toBe('Gesperrt');
    expect(formatList(['E-Mail', 'SMS', 'Telefon'])).toBe('E-Mail, SMS und Telefon');
    setLanguage('fr');
    expect(t('common_channel_phone')).toBe('Téléphone');
    expect(formatList(['E-mail', 'SMS'])).toBe('E-mail et SMS');
    expect(typeof tn).toBe('function');
  });

  it('gives content scripts the page and common words of the chosen language, from the background', async () => {
    const table = pageStringsFor('fr');
    expect(table.lang).toBe('fr');
    expect(table.common_level_unknown).toBe('Inconnu');
    expect(Object.keys(table).some((k) => k.startsWith('options_') || k.startsWith('manifest_'))).toBe(false);
    await loadPageStrings(async () => table);
    expect(pt('common_level_unknown')).toBe('Inconnu');
  });
});

describe('popup words', () => {
  it('says the quick check and scan results in the chosen language, with plurals', async () => {
    const { parseQuickCheck } = await import('@/lib/popup/quick-check');
    const { describeScan } = await import('@/lib/popup/scan');
    const scanned = { injected: true, summary: { emails: 1, phones: 3, mine: [] } };
    expect(describeScan(scanned)).toBe('Scanned: 1 email address and 3 phone numbers marked on the page.');
    setLanguage('de');
    expect(describeScan(scanned)).toBe(
      'Durchsucht: 1 E-Mail-Adresse und 3 Telefonnummern auf der Seite markiert.',
    );
    expect(parseQuickCheck('')).toEqual({
      ok: false,
      reason: 'Fügen Sie eine E-Mail-Adresse, Telefonnummer, Domain oder LinkedIn-Profil-URL ein.',
    });
    setLanguage('fr');
    expect(describeScan({ ...scanned, summary: { emails: 0, phones: 1, mine: [] } })).toBe(
      'Page analysée : 0 adresse e-mail et 1 numéro de téléphone signalés sur la page.',
    );
  });
});

describe('dates', () => {
  it('formats a bare day as that day in every language (British English, German, French)', async () => {
    const { formatDate } = await import('@/lib/i18n/index');
    expect(formatDate('2026-11-30')).toBe('30 Nov 2026');
    setLanguage('de');
    expect(formatDate('2026-11-30')).toBe('30.11.2026');
    setLanguage('fr');
    expect(formatDate('2026-11-30')).toBe('30 nov. 2026');
  });
});

describe('opt-out words', () => {
  it('say what a recording blocks in the chosen language, English unchanged', async () => {
    const { describeChannelsBlocked, OPT_OUT_REASONS } = await import('@/lib/popup/opt-out');
    const { describeOptOutUndo } = await import('@/lib/popup/notices');
    expect(describeChannelsBlocked(['email', 'sms'])).toBe('email and SMS only');
    expect(describeOptOutUndo(2)).toBe('Opt-out undone: 2 entries removed.');
    setLanguage('de');
    expect(describeChannelsBlocked(['email', 'sms'])).toBe('nur E-Mail und SMS');
    expect(OPT_OUT_REASONS.map((r) => r.label)).toContain('Nicht anrufen');
    expect(describeOptOutUndo(1)).toBe('Widerspruch rückgängig gemacht: 1 Eintrag entfernt.');
    setLanguage('fr');
    expect(describeChannelsBlocked('all')).toBe('tous les canaux');
  });
});
