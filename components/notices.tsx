import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { t } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { type NoticeItem, type NoticeStack, pageNotices } from '@/lib/notices';

/**
 * The one notice-with-undo of every page: what was just done, its Undo and a Dismiss. A polite live region that is
 * always in the page (a region added with its text is often not announced). Keyboard: both are real buttons; after
 * an Undo or Dismiss, focus moves to the region rather than being lost with the button.
 */
export function Notices({
  stack = pageNotices,
  shown = 1,
  className = '',
  label,
  focusNew = false,
}: {
  stack?: NoticeStack;
  /** How many of the newest to show (the options page shows five, the popup and My data one). */
  shown?: number;
  className?: string;
  label?: string;
  /** Puts focus on each new notice (the popup, where a form that just closed took the focus with it). */
  focusNew?: boolean;
}) {
  const items = useSyncExternalStore(stack.subscribe, stack.snapshot);
  const region = useRef<HTMLDivElement>(null);
  const newest = items[0];
  const newestId = newest?.id;
  useEffect(() => {
    if (focusNew && newestId !== undefined) region.current?.focus();
  }, [focusNew, newestId]);
  const keepFocus = () => {
    if (region.current?.contains(document.activeElement)) region.current.focus();
  };
  return (
    <div
      ref={region}
      className={`notices ${className} ${newest?.tone ?? ''}`.trim()}
      role="status"
      aria-live="polite"
      aria-label={label}
      tabIndex={-1}
    >
      {items.length > 0 ? (
        <ul>
          {items.slice(0, shown).map((item) => (
            <Notice key={item.id} item={item} stack={stack} beforeGone={keepFocus} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Notice({ item, stack, beforeGone }: { item: NoticeItem; stack: NoticeStack; beforeGone(): void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const undo = async () => {
    setBusy(true);
    setFailure(null);
    try {
      beforeGone();
      await stack.run(item.id);
    } catch (e) {
      setFailure(shownError(e));
      setBusy(false);
    }
  };
  return (
    <li className={item.tone}>
      <span>{item.label}</span>
      {item.undo ? (
        <button type="button" onClick={() => void undo()} disabled={busy}>
          {busy ? t('notice_undoing') : t('notice_undo')}
        </button>
      ) : null}
      <button
        type="button"
        className="quiet"
        onClick={() => {
          beforeGone();
          stack.dismiss(item.id);
        }}
        aria-label={t('notice_dismiss_label', item.label)}
      >
        {t('notice_dismiss')}
      </button>
      {failure ? (
        <span className="error" role="alert">
          {t('notice_undo_failed', failure)}
        </span>
      ) : null}
    </li>
  );
}
