// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/options/settings/SettingsForm';
import { queryAudit } from '../../../lib/store/audit';
import type { HeedDb } from '../../../lib/store/db';
import { getSettings, saveSettings } from '../../../lib/store/settings';
import { freshDb } from '../store/helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  cleanup();
  db.close();
});

async function renderForm() {
  const settings = await getSettings(db);
  return render(<SettingsForm db={db} settings={settings} />);
}

describe('SettingsForm', () => {
  it('saves only what changed, logs it, and Undo puts the previous settings back', async () => {
    await renderForm();
    fireEvent.change(screen.getByLabelText('Default country'), { target: { value: 'GB' } });
    fireEvent.change(screen.getByLabelText('Default subscriber'), { target: { value: 'individual' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Settings saved \(2 changed\)/);
    const saved = await getSettings(db);
    expect(saved.defaultCountry).toBe('GB');
    expect(saved.defaultSubscriber).toBe('individual');
    const [event] = await queryAudit(db, { action: 'settings' });
    expect(event?.detail).toBe('changed defaultSubscriber defaultCountry');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/Change undone/);
    const back = await getSettings(db);
    expect(back.defaultCountry).toBeUndefined();
    expect(back.defaultSubscriber).toBe('unknown');
  });

  it('records that the team is a charity (a team fact for the PECR charity soft opt-in)', async () => {
    await renderForm();
    expect((await getSettings(db)).charity).toBeUndefined();
    fireEvent.click(screen.getByLabelText('We are a charity'));
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Settings saved \(1 changed\)/);
    expect((await getSettings(db)).charity).toBe(true);
  });

  it('refuses bad input field by field, saves nothing, and keeps what was typed', async () => {
    await renderForm();
    const own = screen.getByLabelText("Your team's own domains");
    fireEvent.change(own, { target: { value: 'ours.example\nco.uk' } });
    fireEvent.change(screen.getByLabelText('Keep contact records for (days)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/co\.uk: .*public suffix/);
    expect(screen.getByText(/whole number of days/)).toBeTruthy();
    expect(own.getAttribute('aria-invalid')).toBe('true');
    expect(own.getAttribute('aria-describedby')).toMatch(/-err/);
    expect((own as HTMLTextAreaElement).value).toBe('ours.example\nco.uk');
    expect(await queryAudit(db, { action: 'settings' })).toEqual([]);
  });

  it('stores domain lists normalised and says so when nothing changed', async () => {
    await renderForm();
    fireEvent.change(screen.getByLabelText('Additional personal-email domains'), {
      target: { value: '@Mail.Example, mail.example\nother.example' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Settings saved \(1 changed\)/);
    expect((await getSettings(db)).extraPersonalDomains).toEqual(['mail.example', 'other.example']);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Nothing to save/);
  });

  it('shows settings saved elsewhere when the user has not started editing', async () => {
    const view = await renderForm();
    await saveSettings(db, { retentionDays: 365 });
    view.rerender(<SettingsForm db={db} settings={await getSettings(db)} />);
    await waitFor(() =>
      expect((screen.getByLabelText('Keep contact records for (days)') as HTMLInputElement).value).toBe(
        '365',
      ),
    );
  });

  it('labels every control', async () => {
    const { container } = await renderForm();
    for (const el of container.querySelectorAll('input, select, textarea')) {
      const id = el.getAttribute('id');
      expect(id && container.querySelector(`label[for="${id}"]`)).toBeTruthy();
    }
  });
});
