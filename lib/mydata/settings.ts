import type { SelfDb } from './db';
import type { SelfSetting } from './schemas';

export type SelfSettings = { name: string; country: string };

export async function getSelfSettings(db: SelfDb): Promise<SelfSettings> {
  const rows = await db.settings.toArray();
  const get = (k: SelfSetting['key']) => rows.find((r) => r.key === k)?.value ?? '';
  return { name: get('name'), country: get('country') };
}

/** The region of the browser's language ('en-GB' → 'GB'), a default for the country select. */
export function countryFromLanguage(language: string | undefined): string {
  const m = /^[a-z]{2,3}[-_]([A-Z]{2})\b/i.exec(language ?? '');
  return m?.[1]?.toUpperCase() ?? '';
}
