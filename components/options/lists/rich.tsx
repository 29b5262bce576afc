import { Fragment, type ReactNode } from 'react';
import { type MessageKey, t } from '@/lib/i18n/index';

const MARK = '\u0001';

/** A message with elements (a link, a bold word) in place of its `$1`…: the sentence stays whole in every language. */
export function tRich(key: MessageKey, ...parts: ReactNode[]): ReactNode[] {
  const text = t(key, ...parts.map((_, i) => `${MARK}${i}${MARK}`));
  return text.split(new RegExp(`${MARK}(\\d)${MARK}`)).map((piece, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one sentence never reorder
    i % 2 === 1 ? <Fragment key={i}>{parts[Number(piece)]}</Fragment> : piece,
  );
}
