import { type ErrorWords, wordsOf } from '../store/error-words';
import { type MessageKey, type PluralBase, t, tn } from './index';

// The display edge of errors on Heed's own pages (options, popup, My data): an import or backup error, or a
// request the background did not answer, carries its words, and the page says them in its own language (with
// numbers formatted for it). Anything else shows its message as it is.

export function wordsText(w: ErrorWords): string {
  const subs = [...(w.subs ?? [])];
  return 'key' in w ? t(w.key as MessageKey, ...subs) : tn(w.plural as PluralBase, w.n, ...subs);
}

/** What to show for an error caught on one of Heed's pages. */
export function shownError(e: unknown): string {
  const words = wordsOf(e);
  if (words) return wordsText(words);
  if (e instanceof Error) return e.message || e.name;
  return typeof e === 'string' && e !== '' ? e : t('lists_error_unknown');
}
