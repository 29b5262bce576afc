import { logAudit } from './audit';
import type { HeedDb } from './db';
import { assertSettingsUnlocked, storePolicy } from './policy-guard';
import { type Settings, type SettingsInput, SettingsSchema } from './schemas';

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/**
 * Stored settings with defaults filled in. A stored record that does not validate throws rather than
 * falling back to defaults: silently resetting would lose the user's choices.
 */
export async function getSettings(db: HeedDb): Promise<Settings> {
  const rec = await db.settings.get('settings');
  if (!rec) return DEFAULT_SETTINGS;
  return SettingsSchema.parse(rec.value);
}

export async function saveSettings(db: HeedDb, patch: Partial<SettingsInput>): Promise<Settings> {
  assertSettingsUnlocked(await storePolicy(), patch);
  return db.transaction('rw', db.settings, db.audit, async () => {
    const current = await getSettings(db);
    const next = SettingsSchema.parse({ ...current, ...patch });
    await db.settings.put({ key: 'settings', value: next });
    await logAudit(db, {
      action: 'settings',
      detail: `changed ${Object.keys(patch).join(' ')}`.slice(0, 200),
    });
    return next;
  });
}
