import { PAGE_KEY_PREFIXES } from './background-catalog';
import { CATALOG } from './catalog';
import type { LanguageChoice } from './define';
import { setLanguage } from './index';

/**
 * The `page_` and `common_` messages in the language of the settings, for a content script. The background keeps the
 * catalog; a content script carries none (its bundle has a 15 KB budget) and asks for these once.
 */
export function pageStringsFor(choice: LanguageChoice | undefined): Record<string, string> {
  const lang = setLanguage(choice);
  const out: Record<string, string> = { lang };
  for (const [key, message] of Object.entries(CATALOG[lang])) if (isPageKey(key)) out[key] = message;
  return out;
}

function isPageKey(key: string): boolean {
  return PAGE_KEY_PREFIXES.some((p) => key.startsWith(p));
}
