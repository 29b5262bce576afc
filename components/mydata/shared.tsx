import { createContext, Fragment, type ReactNode, useState } from 'react';
import { type MessageKey, t } from '@/lib/i18n/index';
import { errorText } from '@/lib/messaging/client';

export { errorText };

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

export interface Notice {
  message: string;
  undo?: () => Promise<void>;
}

export const NoticeContext = createContext<(n: Notice | null) => void>(() => undefined);

/** One polite status line for the whole page, with Undo for the action that just happened. */
export function NoticeBar({ notice, onClose }: { notice: Notice | null; onClose(): void }) {
  const [busy, setBusy] = useState(false);
  // Tied to the notice it belongs to, so a new notice never shows the previous one's failure.
  const [failure, setFailure] = useState<{ notice: Notice; text: string } | null>(null);
  const error = failure && failure.notice === notice ? failure.text : null;
  return (
    <div className="notice" role="status" aria-live="polite">
      {notice ? (
        <>
          <span>{notice.message}</span>
          {notice.undo ? (
            <button
              type="button"
              disabled={busy}
              onClick={async () => {
                if (!notice.undo) return;
                setBusy(true);
                try {
                  await notice.undo();
                  onClose();
                } catch (err) {
                  setFailure({ notice, text: errorText(err) });
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('mydata_undo')}
            </button>
          ) : null}
          <button type="button" className="quiet" onClick={onClose} aria-label={t('mydata_dismiss')}>
            ✕
          </button>
          {error ? <span className="error">{t('mydata_undo_failed', error)}</span> : null}
        </>
      ) : null}
    </div>
  );
}
