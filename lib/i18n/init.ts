import { appDb } from '../app-db';
import { getSettings } from '../store/settings';
import { type Lang, setLanguage } from './index';

/** Sets the page's language from the settings before it renders (the browser's language if they cannot be read). */
export async function initLanguage(): Promise<Lang> {
  try {
    return setLanguage((await getSettings(await appDb())).language);
  } catch {
    return setLanguage('auto');
  }
}
