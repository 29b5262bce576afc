import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Notices } from '@/components/notices';
import { useAppDb } from '@/components/use-db';
import { DEMO_LIST_NAMES, hasDemoData, loadDemoData, removeDemoData, restoreDemoData } from '@/lib/demo/data';
import { formatList, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { NoticeStack } from '@/lib/notices';
import { holdWhileOffered } from '@/lib/options/deleted-list-hold';
import type { HeedDb } from '@/lib/store/db';
import './tools.css';

type State =
  | { kind: 'idle' | 'confirm' | 'busy' | 'loaded' | 'removed' }
  | { kind: 'failed'; message: string };

/**
 * Loads the demo lists and contacts, after saying what it adds, so every level shows on the demo pages; and
 * takes them out again in one click, with Undo. Demo data never goes into the user's own lists.
 */
export function DemoDataButton() {
  const [state, setState] = useState<State>({ kind: 'idle' });
  // The removal's Undo: the page's one notice-with-undo, kept beside the button.
  const [notices] = useState(() => new NoticeStack(1));
  const { db, error } = useAppDb();

  // Live: a restore, an import or another tab that adds or removes the demo lists changes the button at once.
  const present = useLiveQuery(() => (db ? hasDemoData(db).catch(() => false) : false), [db]) ?? false;

  const act = async (work: (db: HeedDb) => Promise<State>) => {
    notices.clear();
    setState({ kind: 'busy' });
    try {
      if (!db) throw new Error(error ?? t('options_working'));
      const next = await work(db);
      setState(next);
    } catch (e) {
      setState({ kind: 'failed', message: shownError(e) });
    }
  };
  const load = () =>
    act(async (db) => {
      await loadDemoData(db);
      return { kind: 'loaded' };
    });
  const remove = () =>
    act(async (db) => {
      const snapshot = await removeDemoData(db);
      const notice = notices.say(t('options_demo_removed'), {
        undo: async () => {
          await restoreDemoData(db, snapshot);
          return t('options_demo_loaded');
        },
      });
      holdWhileOffered(
        db,
        snapshot.lists.map((l) => l.listId),
        notice,
        notices,
      );
      return { kind: 'removed' };
    });

  const busy = state.kind === 'busy';
  return (
    <div className="ot-demo">
      {state.kind === 'confirm' ? (
        <div className="ot-demo-confirm">
          <p>{t('options_demo_explain', formatList(Object.values(DEMO_LIST_NAMES)))}</p>
          <button type="button" className="primary" onClick={() => void load()}>
            {t('options_demo_load_lists')}
          </button>{' '}
          <button type="button" onClick={() => setState({ kind: 'idle' })}>
            {t('options_cancel')}
          </button>
        </div>
      ) : (
        <>
          <button type="button" onClick={() => setState({ kind: 'confirm' })} disabled={busy}>
            {t('options_demo_load')}
          </button>
          {present ? (
            <button type="button" onClick={() => void remove()} disabled={busy}>
              {t('options_demo_remove')}
            </button>
          ) : null}
        </>
      )}
      <span role="status" className="muted">
        {busy ? t('options_working') : state.kind === 'loaded' ? t('options_demo_loaded') : ''}
      </span>
      <Notices stack={notices} className="ot-demo-notice" />
      {state.kind === 'failed' ? (
        <span role="alert" className="error">
          {t('options_demo_failed', state.message)}
        </span>
      ) : null}
    </div>
  );
}
