import { appDb } from '../app-db';
import type { HeedDb } from '../store/db';
import { getSettings } from '../store/settings';
import { type Lang, setLanguage } from './index';

/**
 * Sets the language from the settings: a page before it renders, the background at start and after each store
 * change. The browser's language if the settings cannot be read.
 */
export async function initLanguage(db: () => Promise<HeedDb> = appDb): Promise<Lang> {
  try {
    return setLanguage((await getSettings(await db())).language);
  } catch {
    return setLanguage('auto');
  }
}
