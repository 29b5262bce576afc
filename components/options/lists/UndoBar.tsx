import { useState, useSyncExternalStore } from 'react';
import { t } from '@/lib/i18n/index';
import { shownError } from '@/lib/options/errors';
import { sessionUndo } from '@/lib/options/undo';

/** The session's undoable actions (deleted lists, merges, deleted entries), newest first. */
export function UndoBar() {
  const items = useSyncExternalStore(sessionUndo.subscribe, sessionUndo.snapshot);
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (items.length === 0 && error === null) return null;
  const undo = async (id: number) => {
    setBusy(id);
    setError(null);
    try {
      await sessionUndo.run(id);
    } catch (e) {
      setError(t('lists_undo_failed', shownError(e)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <section className="ol-undo" aria-label={t('lists_undo')}>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <ul>
        {items.slice(0, 5).map((item) => (
          <li key={item.id}>
            <span role="status">{item.label}</span>
            <button type="button" onClick={() => undo(item.id)} disabled={busy !== null}>
              {busy === item.id ? t('lists_undoing') : t('lists_undo')}
            </button>
            <button
              type="button"
              className="ol-link"
              onClick={() => sessionUndo.dismiss(item.id)}
              aria-label={t('lists_dismiss_label', item.label)}
            >
              {t('lists_dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
