import type { Lang } from '../../i18n/define';
import type { Law } from '../schemas';
import { de } from './de';
import { en, enUk } from './en';
import { fr } from './fr';
import type { GdprLetterText } from './types';

export type { GdprLetterText, LetterSection, OverdueFacts } from './types';

/** Every language's GDPR letters: tests walk this to check each language has every part and cites the same articles. */
export const GDPR_LETTERS: Readonly<Record<Lang, GdprLetterText>> = { en, de, fr };

// A company reads the letter, so its country picks the language, not the page's: German where German is the
// language of the authorities and courts (DE, AT), French in France, Belgium, Luxembourg and Monaco, English elsewhere.
const GERMAN = ['DE', 'AT'];
const FRENCH = ['FR', 'BE', 'LU', 'MC'];

/**
 * The language a letter to a company in `country` is written in by default. UK GDPR and CCPA letters are English
 * only: their wording follows the UK GDPR, the Data Protection Act 2018 and the Cal. Civ. Code.
 */
export function letterLanguageFor(country: string | undefined, law: Law = 'gdpr'): Lang {
  if (law !== 'gdpr') return 'en';
  const c = (country ?? '').trim().toUpperCase();
  if (GERMAN.includes(c)) return 'de';
  if (FRENCH.includes(c)) return 'fr';
  return 'en';
}

/** The languages a letter under `law` can be written in. */
export function letterLanguages(law: Law): readonly Lang[] {
  return law === 'gdpr' ? ['en', 'de', 'fr'] : ['en'];
}

/** A letter as copied: its subject line in its own language, a blank line, the body. */
export function withSubjectLine(lang: Lang, subject: string, body: string): string {
  return `${GDPR_LETTERS[lang].subjectLine(subject)}\n\n${body}`;
}

/** The GDPR letter texts for a law and language (UK GDPR: always the English UK wording). */
export function gdprLetterText(law: Law, lang: Lang): GdprLetterText {
  if (law === 'uk-gdpr') return enUk;
  return GDPR_LETTERS[lang];
}
