// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsForm } from '../../../components/options/settings/SettingsForm';
import type { HeedDb } from '../../../lib/store/db';
import { DEFAULT_SETTINGS, getSettings } from '../../../lib/store/settings';
import { freshDb } from '../store/helpers';

let db: HeedDb;
beforeEach(async () => {
  db = await freshDb();
});
afterEach(() => {
  cleanup();
  db.close();
});

describe('the side-panel-only setting', () => {
  it('is off by default, and the rep can switch it on and back off', async () => {
    expect(DEFAULT_SETTINGS.sidePanelOnly).toBe(false);
    render(<SettingsForm db={db} settings={await getSettings(db)} />);
    const box = screen.getByLabelText('Side panel only (leave no trace on pages)') as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await screen.findByText(/Settings saved \(1 changed\)/);
    expect((await getSettings(db)).sidePanelOnly).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText(/Change undone/);
    expect((await getSettings(db)).sidePanelOnly).toBe(false);
  });
});
