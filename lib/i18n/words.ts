import type { LanguageChoice } from './define';
import { t } from './index';

// The names of the languages Heed speaks, in the current language. The shared vocabulary's words (levels,
// channels, reasons…) are in lib/vocab/labels.ts.

export function languageName(choice: LanguageChoice): string {
  return t(`common_language_${choice}`);
}
