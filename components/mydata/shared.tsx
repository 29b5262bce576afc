import { Fragment, type ReactNode } from 'react';
import { type MessageKey, t } from '@/lib/i18n/index';

/**
 * A message with elements in its `$1`… places (a link, a <strong>): the sentence stays whole in every language, and
 * the element lands wherever that language puts it.
 */
export function tx(key: MessageKey, ...nodes: ReactNode[]): ReactNode[] {
  // A private-use character marks each slot: no message or user value contains one.
  const marks = nodes.map((_, i) => `\uE000${i}\uE000`);
  return t(key, ...marks)
    .split(/\uE000(\d+)\uE000/)
    .map((part, i) => (i % 2 === 1 ? <Fragment key={`slot-${part}`}>{nodes[Number(part)]}</Fragment> : part));
}
