import { browser } from 'wxt/browser';
import { CATALOG, type MessageKey, type PluralBase } from './catalog';
import { type Lang, type LanguageChoice, pluralKey, resolveLanguage, substitute } from './define';

// Extension pages and the background translate with the catalog bundled, so the language setting can override
// the browser's (chrome.i18n.getMessage cannot): pages with all of it, the background with the messages its own
// code can show (./background-catalog.ts). Content scripts use ./page instead: they carry no catalog and get their
// few strings from the background.

export type { MessageKey, PluralBase } from './catalog';
export type { Lang, LanguageChoice } from './define';
export { LANGS, LANGUAGE_CHOICES } from './define';

let current: Lang = resolveLanguage('auto', uiLanguage());

function uiLanguage(): string | undefined {
  try {
    return browser.i18n?.getUILanguage?.() ?? globalThis.navigator?.language;
  } catch {
    return globalThis.navigator?.language;
  }
}

/** Applies the language setting (`auto` follows the browser). Returns the language now in use. */
export function setLanguage(choice: LanguageChoice | undefined): Lang {
  current = resolveLanguage(choice, uiLanguage());
  if (typeof document !== 'undefined') document.documentElement.lang = current;
  return current;
}

export function getLanguage(): Lang {
  return current;
}

/** The message for `key` in the current language, with `$1`… replaced; English if a language lacks it. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  return substitute(CATALOG[current][key] ?? CATALOG.en[key] ?? key, subs.map(localNumber));
}

/** The plural message for `n` (`base__one`, `base__other`, …); `$1` is `n` formatted, `$2`… are `subs`. */
export function tn(base: PluralBase, n: number, ...subs: (string | number)[]): string {
  const key = pluralKey(base, n, current, (k) => k in CATALOG[current]) as MessageKey;
  return t(key, n, ...subs);
}

/** Looks up a key built at run time (a reason code, a level); undefined when there is no such message. */
export function tMaybe(key: string, ...subs: (string | number)[]): string | undefined {
  return key in CATALOG.en ? t(key as MessageKey, ...subs) : undefined;
}

/**
 * A table of words looked up when read: `LABEL[code]` is in the current language even though the table was built
 * when its module loaded, before the page set the language.
 */
export function translated<K extends string>(keys: Record<K, MessageKey>): Readonly<Record<K, string>> {
  const out = {} as Record<K, string>;
  for (const k of Object.keys(keys) as K[]) {
    Object.defineProperty(out, k, { enumerable: true, get: () => t(keys[k]) });
  }
  return out;
}

function localNumber(v: string | number): string {
  return typeof v === 'number' ? formatNumber(v) : v;
}

// Heed's English is British ("30 Nov 2026"), as its wording is.
function locale(): string {
  return current === 'en' ? 'en-GB' : current;
}

export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(locale(), options).format(n);
}

/** A date (an ISO string or a Date) in the current language; `medium` is "30 Nov 2026" / "30.11.2026" / "30 nov. 2026". */
export function formatDate(value: string | Date, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  // A bare day ("2026-11-30") is that day wherever the reader is, not UTC midnight moved to their zone.
  const dayOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: style,
    ...(dayOnly ? { timeZone: 'UTC' } : {}),
  }).format(d);
}

export function formatDateTime(value: string | Date): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

const LIST_FORMATS = new Map<string, Intl.ListFormat>();

/** "Email, SMS and InMail" / "E-Mail, SMS und InMail" / "E-mail, SMS et InMail"; English without the serial comma. */
export function formatList(
  items: readonly string[],
  type: 'conjunction' | 'disjunction' = 'conjunction',
): string {
  // Made once per language and type: constructing one loads the locale's data, about a millisecond and a half
  // of a restarted service worker's first verdict.
  const key = `${locale()} ${type}`;
  let f = LIST_FORMATS.get(key);
  if (f === undefined) {
    f = new Intl.ListFormat(locale(), { style: 'long', type });
    LIST_FORMATS.set(key, f);
  }
  return f.format(items);
}
