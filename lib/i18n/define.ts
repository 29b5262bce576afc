// Languages Heed speaks. Plain constants (no Zod) so content scripts can import them.
export const LANGS = ['en', 'de', 'fr'] as const;
export type Lang = (typeof LANGS)[number];
/** The setting: follow the browser, or one of the languages. */
export const LANGUAGE_CHOICES = ['auto', ...LANGS] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/**
 * One area's messages in every language. English is the source: German and French must have exactly its keys
 * (the compiler says which is missing). Substitutions are Chrome's `$1`…`$9`; a literal dollar sign is `$$`.
 * Plurals are keys ending in `__one` and `__other` (and any other CLDR category a language needs), picked by
 * `Intl.PluralRules`. Keys are `area_name` in [a-z0-9_]: Chrome's `_locales` allows no other characters.
 */
export function defineMessages<const E extends Record<string, string>>(m: {
  en: E;
  de: { [K in keyof E]: string };
  fr: { [K in keyof E]: string };
}): { en: E; de: { [K in keyof E]: string }; fr: { [K in keyof E]: string } } {
  return m;
}

/** Resolves the language from the setting and the browser's UI language ("de-AT" → de; anything else → en). */
export function resolveLanguage(choice: LanguageChoice | undefined, uiLanguage: string | undefined): Lang {
  if (choice && choice !== 'auto') return choice;
  const base = (uiLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGS as readonly string[]).includes(base) ? (base as Lang) : 'en';
}

/** Replaces `$1`…`$9` with the substitutions and `$$` with `$`, as `chrome.i18n.getMessage` does. */
export function substitute(message: string, subs: readonly (string | number)[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) =>
    d === '$' ? '$' : String(subs[Number(d) - 1] ?? ''),
  );
}

/** The key of a plural message for `n`: `base__one`, `base__other`, … falling back to `base__other`. */
export function pluralKey(base: string, n: number, lang: Lang, has: (key: string) => boolean): string {
  const exact = `${base}__${new Intl.PluralRules(lang).select(n)}`;
  return has(exact) ? exact : `${base}__other`;
}
