import type { Lang } from './define';

// The background bundles only the messages its own code can show (issue 18: a stopped service worker reads,
// deserialises and evaluates its whole script before it can answer the message that woke it, and every page's
// messages in three languages were a third of that script). The build (scripts/background-catalog-plugin.ts)
// gives the background's modules a catalog with just these keys; pages and tests keep the whole catalog.
//
// A key is the background's when its literal is written in a module the background bundles, or it falls under a
// prefix that such a module builds keys from in a template literal (`common_level_${level}`), the same rule the
// unused-key check applies to the whole catalog (tests/unit/i18n/catalog.test.ts); plus every message a content
// script asks the background for (PAGE_KEY_PREFIXES, answered by lib/i18n/page-table.ts).

/** What a content script asks the background for (`page-strings`): its own messages and the shared words. */
export const PAGE_KEY_PREFIXES = ['page_', 'common_'] as const;

const PLURAL_ENDING = /__(zero|one|two|few|many|other)$/;

/** The catalog's keys that `sources` (the code of the modules the background bundles) can show. */
export function keysUsedIn(
  sources: readonly string[],
  allKeys: readonly string[],
  dynamicPrefixes: readonly string[],
  alwaysPrefixes: readonly string[],
): Set<string> {
  const text = sources.join('\n');
  const literals = new Set<string>();
  for (const m of text.matchAll(/['"`]([a-z0-9]+_[a-z0-9_]*)['"`]/g)) literals.add(m[1] as string);
  const prefixes = [...alwaysPrefixes, ...dynamicPrefixes.filter((p) => text.includes(`\`${p}\${`))];
  return new Set(
    allKeys.filter(
      (key) =>
        literals.has(key) ||
        literals.has(key.replace(PLURAL_ENDING, '')) ||
        prefixes.some((p) => key.startsWith(p)),
    ),
  );
}

/** The catalog with only `keys`, in every language. */
export function pickCatalog<C extends Record<Lang, Record<string, string>>>(
  catalog: C,
  keys: ReadonlySet<string>,
): Record<Lang, Record<string, string>> {
  const pick = (messages: Record<string, string>) =>
    Object.fromEntries(Object.entries(messages).filter(([key]) => keys.has(key)));
  return { en: pick(catalog.en), de: pick(catalog.de), fr: pick(catalog.fr) };
}
