import type { Lang } from './define';
import { background } from './messages/background';
import { common } from './messages/common';
import { lists } from './messages/lists';
import { manifest } from './messages/manifest';
import { mydata } from './messages/mydata';
import { notices } from './messages/notices';
import { options } from './messages/options';
import { optionsEvidence } from './messages/options-evidence';
import { page } from './messages/page';
import { popup } from './messages/popup';
import { popupLawful } from './messages/popup-lawful';
import { reasons } from './messages/reasons';
import { retention } from './messages/retention';
import { storage } from './messages/storage';
import { verdict } from './messages/verdict';

// Every area's messages. To add an area: write messages/<area>.ts with defineMessages and add it here.
// biome-ignore format: one area per line, so branches that add areas merge without conflict
const AREAS = [
  common,
  manifest,
  popup,
  popupLawful,
  mydata,
  lists,
  options,
  storage,
  optionsEvidence,
  retention,
  page,
  reasons,
  verdict,
  background,
  notices,
] as const;

/**
 * Prefixes of keys built at run time (`common_level_${level}`): the unused-key check counts a key under one as used
 * when the prefix itself appears in a template literal in the source.
 */
export const DYNAMIC_KEY_PREFIXES: readonly string[] = [
  'common_level_',
  'common_verdict_',
  'common_channel_',
  'common_language_',
  'manifest_',
  'popup_quick_kind_',
  'popup_zone_',
  'popup_chan_',
  'reason_',
  'bg_toolbar_text_',
  'bg_list_reason_',
  'verdict_verb_',
  'verdict_noun_',
  'verdict_cond_',
  'verdict_why_',
];

type Union<T> = T extends readonly (infer A)[] ? A : never;
type AreaKeys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = AreaKeys<Union<typeof AREAS>> & string;
/** Keys of plural messages, without their `__one` / `__other` ending. */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}__other` ? B : never) : never;

function merged(lang: Lang): Readonly<Record<MessageKey, string>> {
  return Object.assign({}, ...AREAS.map((a) => a[lang])) as Record<MessageKey, string>;
}

export const CATALOG: Readonly<Record<Lang, Readonly<Record<MessageKey, string>>>> = {
  en: merged('en'),
  de: merged('de'),
  fr: merged('fr'),
};

/** Chrome's `_locales/<lang>/messages.json` for one language (generated at build time by wxt.config.ts). */
export function localeFile(lang: Lang): string {
  const out: Record<string, { message: string }> = {};
  for (const [key, message] of Object.entries(CATALOG[lang])) out[key] = { message };
  return `${JSON.stringify(out, null, 1)}\n`;
}
