import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { t } from '@/lib/i18n/index';
import { getLists } from '@/lib/store/lists';
import { Notices } from '../notices';
import { ListDetail } from './lists/ListDetail';
import { ListsTable } from './lists/ListsTable';
import { NewListForm } from './lists/NewListForm';
import { tRich } from './lists/rich';

function listFromHash(): string | null {
  const query = location.hash.split('?')[1];
  return query ? new URLSearchParams(query).get('list') : null;
}

/** Lists section: every suppression list, one selected for editing and browsing. */
export function ListsSection() {
  const { db, error } = useAppDb();
  const lists = useLiveQuery(() => (db ? getLists(db) : undefined), [db]);
  const [selectedId, setSelectedId] = useState<string | null>(listFromHash);

  useEffect(() => {
    const onHash = () => {
      const id = listFromHash();
      if (id) setSelectedId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (error) {
    return (
      <p className="error" role="alert">
        {t('lists_db_error', error)}
      </p>
    );
  }
  if (!db || !lists) return <p className="muted">{t('lists_opening')}</p>;

  const selected = lists.find((l) => l.id === selectedId) ?? lists[0];

  return (
    <div className="ol-section">
      <p className="muted">{tRich('lists_intro', <strong>{t('lists_intro_blocked')}</strong>)}</p>
      <Notices shown={5} className="ol-undo" label={t('notice_undo')} />
      <div className="ol-columns">
        <section aria-labelledby="ol-lists-title" className="ol-panel">
          <h3 id="ol-lists-title">{t('lists_your_lists')}</h3>
          <ListsTable lists={lists} selectedId={selected?.id} onSelect={setSelectedId} />
          <NewListForm db={db} lists={lists} onCreated={(id) => setSelectedId(id)} />
        </section>
        {selected && (
          <ListDetail
            key={selected.id}
            db={db}
            list={selected}
            lists={lists}
            onGone={() => setSelectedId(null)}
          />
        )}
      </div>
    </div>
  );
}
