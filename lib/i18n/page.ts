import type { MessageKey } from './catalog';
import { type Lang, resolveLanguage, substitute } from './define';

// Content scripts' translation: the `page_` messages, asked from the background once (it knows the language
// setting and holds the catalog), with the browser's own `_locales` as the answer until they arrive.

export type PageKey = Extract<MessageKey, `page_${string}` | `common_${string}`>;

let table: Record<string, string> | undefined;

/** Loads the table once; later calls reuse it. `ask` is the content script's messaging client. */
export async function loadPageStrings(
  ask: (msg: { type: 'page-strings' }) => Promise<Record<string, string>>,
): Promise<void> {
  if (table) return;
  try {
    table = await ask({ type: 'page-strings' });
  } catch {
    // the browser's language via _locales (pt below) is the fallback
  }
}

export function pageLanguage(): Lang {
  return resolveLanguage(table?.lang as Lang | undefined, globalThis.navigator?.language);
}

/** The message for `key` with `$1`… replaced. */
export function pt(key: PageKey, ...subs: (string | number)[]): string {
  const message = table?.[key] ?? globalThis.chrome?.i18n?.getMessage?.(key) ?? key;
  return substitute(message, subs);
}

/** For tests: forget the loaded table. */
export function resetPageStrings(next?: Record<string, string>): void {
  table = next;
}
