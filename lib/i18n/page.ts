import type { MessageKey } from './catalog';
import { type Lang, pluralKey, substitute } from './define';

// Content scripts' translation: the `page_` messages, asked from the background once (it knows the language
// setting and holds the catalog), with the browser's own `_locales` as the answer until they arrive.

export type PageKey = Extract<MessageKey, `page_${string}` | `common_${string}`>;
/** Page keys of plural messages, without their `__one` / `__other` ending. */
export type PagePluralBase = PageKey extends infer K ? (K extends `${infer B}__other` ? B : never) : never;

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

/** The language of the loaded table (the background resolved the setting); English until it is loaded. */
export function pageLanguage(): Lang {
  return (table?.lang as Lang | undefined) ?? 'en';
}

/** The message for `key` with `$1`… replaced. */
export function pt(key: PageKey, ...subs: (string | number)[]): string {
  const own = table?.[key];
  return own !== undefined ? substitute(own, subs) : (fromLocales(key, subs) ?? key);
}

/**
 * The browser's own `_locales` message (its UI language) with the substitutions put in by the browser (asked
 * without them, Chrome would drop each `$1`); undefined where there is none.
 */
function fromLocales(key: string, subs: readonly (string | number)[] = []): string | undefined {
  try {
    return globalThis.chrome?.i18n?.getMessage?.(key, subs.map(String)) || undefined;
  } catch {
    return undefined;
  }
}

/** The plural message for `n` (`base__one`, `base__other`, …); `$1` is `n` formatted, `$2`… are `subs`. */
export function ptn(base: PagePluralBase, n: number, ...subs: (string | number)[]): string {
  const lang = pageLanguage();
  const has = (key: string) => Boolean(table?.[key] ?? fromLocales(key));
  const key = pluralKey(base, n, lang, has) as PageKey;
  return pt(key, new Intl.NumberFormat(lang).format(n), ...subs);
}

/**
 * A day (`YYYY-MM-DD…`) for a page: in English as it is (the format the extension's pages and tests know), in
 * German and French as the language writes it ("11.12.2026", "11 déc. 2026").
 */
export function pageDate(iso: string): string {
  const lang = pageLanguage();
  const day = iso.slice(0, 10);
  const d = new Date(`${day}T12:00:00Z`);
  if (lang === 'en' || Number.isNaN(d.getTime())) return day;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** For tests: forget the loaded table. */
export function resetPageStrings(next?: Record<string, string>): void {
  table = next;
}
