// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/options/settings/SettingsForm';
import { setLanguage } from '../../../lib/i18n';
import { auditActionLabel, auditDetailText, countsText } from '../../../lib/options/audit-labels';
import { parsePolicy } from '../../../lib/policy/schema';
import type { HeedDb } from '../../../lib/store/db';
import { getSettings } from '../../../lib/store/settings';
import { freshDb } from '../store/helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  cleanup();
  db.close();
  setLanguage('en');
});

describe('the options page in German and French', () => {
  it('renders the settings form in German when the language is German, and saves a new language', async () => {
    setLanguage('de');
    render(<SettingsForm db={db} settings={await getSettings(db)} />);
    expect(screen.getByRole('heading', { name: 'Standardwerte und Richtlinien' })).toBeTruthy();
    const country = screen.getByLabelText('Standardland') as HTMLSelectElement;
    // Country names in German, sorted as German sorts them.
    expect([...country.options].map((o) => o.textContent)).toContain('Deutschland (DE)');
    const language = screen.getByLabelText('Sprache von Heed') as HTMLSelectElement;
    expect([...language.options].map((o) => o.textContent)).toEqual([
      'Wie der Browser',
      'English',
      'Deutsch',
      'Français',
    ]);
    fireEvent.change(language, { target: { value: 'fr' } });
    fireEvent.click(screen.getByRole('button', { name: 'Einstellungen speichern' }));
    await screen.findByText(/Einstellungen gespeichert \(1 geändert\)/);
    expect((await getSettings(db)).language).toBe('fr');
  });

  it('refuses a bad retention period in French', async () => {
    setLanguage('fr');
    render(<SettingsForm db={db} settings={await getSettings(db)} />);
    fireEvent.change(screen.getByLabelText('Conserver les fiches de contact pendant (jours)'), {
      target: { value: '0' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les paramètres' }));
    // 36 500 with the narrow no-break space French puts between thousands.
    await screen.findByText('Saisissez un nombre entier de jours entre 1 et 36\u202f500.', {
      normalizer: (s) => s,
    });
  });

  it('says what the audit log holds in words of the language, not field names', () => {
    const event = { action: 'settings' as const, detail: 'changed defaultCountry retentionDays' };
    expect(auditDetailText(event)).toBe('Changed: Default country, Retention (days)');
    setLanguage('de');
    expect(auditActionLabel('settings')).toBe('Einstellungen geändert');
    expect(auditDetailText(event)).toBe('Geändert: Standardland, Aufbewahrung (Tage)');
    expect(countsText({ rows: 1200, rejected: 3, duplicatesInFile: 1 })).toBe(
      '1.200 Zeilen, 3 abgelehnt und 1 Duplikat in der Datei',
    );
    expect(auditDetailText({ action: 'export', detail: 'evidence pack' })).toBe('Nachweispaket');
    expect(auditDetailText({ action: 'team-bundle', detail: 'exported delta since v3 hashed bundle' })).toBe(
      'Aktualisierung seit Version 3 exportiert (gehasht)',
    );
    setLanguage('fr');
    expect(auditActionLabel('opt-out')).toBe('Opposition enregistrée');
    expect(countsText({ entries: 1, lists: 2 })).toBe('1 entrée et 2 listes');
    // What a person typed (the reason for sending anyway) is shown as written.
    expect(auditDetailText({ action: 'send-override', detail: 'Sent anyway on gmail (blocked) …' })).toBe(
      'Sent anyway on gmail (blocked) …',
    );
  });

  it("words the organisation policy's warnings in German", () => {
    setLanguage('de');
    const { warnings } = parsePolicy({ lockedSettings: { noSuchSetting: 1 }, frobnicate: true });
    expect(warnings).toEqual([
      'Die Festlegung „noSuchSetting“ wurde ignoriert: ist keine Einstellung, die Heed festlegen kann.',
      'Der Richtlinienschlüssel „frobnicate“ ist dieser Version von Heed unbekannt und wurde ignoriert.',
    ]);
    expect(parsePolicy({ lockedSettings: { language: 'de' } }).policy.lockedSettings).toEqual({
      language: 'de',
    });
  });
});
