import { pluralKey, substitute } from '../i18n/define';
import { lists } from '../i18n/messages/lists';

// Errors the store throws that a person reads (an import refused at line 7, a damaged backup) carry their
// words as a message key with its substitutions. `message` stays English, so logs, the audit trail and tests
// read the same in every language; the page shows the key in its own language (lib/options/errors.ts).
// Only the lists area's English table is imported here: the store also runs in the background.

export type ListsKey = keyof typeof lists.en & string;
type PluralBase = ListsKey extends infer K ? (K extends `${infer B}__other` ? B : never) : never;

export type ErrorWords =
  | { key: ListsKey; subs?: readonly (string | number)[] }
  /** A plural message: `$1` is `n`, `$2`… are `subs`. */
  | { plural: PluralBase; n: number; subs?: readonly (string | number)[] };

const en = (v: string | number) => String(v);

/** The English text of an error's words, numbers as plain digits ("line 7001") for logs and searches. */
export function englishWords(w: ErrorWords): string {
  if ('key' in w) return substitute(lists.en[w.key], (w.subs ?? []).map(en));
  const key = pluralKey(w.plural, w.n, 'en', (k) => k in lists.en) as ListsKey;
  return substitute(lists.en[key], [w.n, ...(w.subs ?? [])].map(en));
}

/** An error whose message was built from words: the words, to show in the page's language. */
export function wordsOf(e: unknown): ErrorWords | undefined {
  const w = (e as { words?: unknown } | null)?.words;
  return typeof w === 'object' && w !== null ? (w as ErrorWords) : undefined;
}

/**
 * An error a person reads: built from words, its `message` is their English and `words` what the page shows in its
 * own language; built from a plain string, it has no words and shows as it is.
 */
export class WordedError extends Error {
  readonly words?: ErrorWords;
  constructor(message: string | ErrorWords) {
    super(typeof message === 'string' ? message : englishWords(message));
    if (typeof message !== 'string') this.words = message;
  }
}
