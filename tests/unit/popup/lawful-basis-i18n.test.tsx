// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LawfulBasisPanel } from '@/components/popup/LawfulBasisPanel';
import { setLanguage } from '@/lib/i18n/index';
import { contactInputFrom, formFromContact } from '@/lib/popup/lawful-basis';
import { EMMA } from './helpers';

afterEach(() => {
  cleanup();
  setLanguage('en');
});

const TODAY = '2026-06-01';

function renderPanel() {
  return render(
    <LawfulBasisPanel
      initial={formFromContact(undefined, EMMA)}
      hasContact={false}
      today={TODAY}
      onSave={async () => null}
      onCancel={() => {}}
    />,
  );
}

describe('lawful-basis form in the chosen language', () => {
  it('shows German labels, options and channel names with setLanguage("de")', () => {
    setLanguage('de');
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Rechtsgrundlage erfassen' })).toBeTruthy();
    const stage = screen.getByLabelText('Phase') as HTMLSelectElement;
    expect(stage.selectedOptions[0]?.textContent).toBe('Potenzieller Kontakt (nie angesprochen)');
    expect(screen.getByText('Einwilligung je Kanal')).toBeTruthy();
    expect(screen.getByText('Interessenabwägung (berechtigtes Interesse)')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('E-Mail: Einwilligung erteilt'));
    expect(screen.getByLabelText('E-Mail: Datum der Einwilligung')).toBeTruthy();
    expect(
      screen.getByLabelText('Mutmaßliche Einwilligung (Deutschland, Anrufe bei Unternehmen)'),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Rechtsgrundlage speichern' })).toBeTruthy();
    expect(screen.queryByText('Consent per channel')).toBeNull();
  });

  it('keeps English by default and gives validation messages in French with setLanguage("fr")', () => {
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Record the lawful basis' })).toBeTruthy();
    cleanup();
    setLanguage('fr');
    const r = contactInputFrom(
      { ...formFromContact(undefined, EMMA), country: 'CAN' },
      EMMA,
      undefined,
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.country).toBe('Utilisez le code pays à deux lettres, par exemple GB, DE ou CA.');
  });
});
