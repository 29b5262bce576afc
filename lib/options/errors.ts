import { type MessageKey, type PluralBase, t, tn } from '../i18n/index';
import { errorText } from '../messaging/client';
import { type ErrorWords, wordsOf } from '../store/error-words';

// The display edge of the store's errors: an import or backup error carries its words, and the page says them
// in its own language (with numbers formatted for it). Anything else shows its message as it is.

export function wordsText(w: ErrorWords): string {
  const subs = [...(w.subs ?? [])];
  return 'key' in w ? t(w.key as MessageKey, ...subs) : tn(w.plural as PluralBase, w.n, ...subs);
}

/** What to show for an error caught on the options page. */
export function shownError(e: unknown): string {
  const words = wordsOf(e);
  return words ? wordsText(words) : errorText(e);
}
