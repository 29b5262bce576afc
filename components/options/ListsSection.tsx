import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { formatCount, scopeText } from '@/lib/options/lists/labels';
import { getLists } from '@/lib/store/lists';
import { ListDetail } from './lists/ListDetail';
import { NewListForm } from './lists/NewListForm';
import { UndoBar } from './lists/UndoBar';
import { useAppDb } from './lists/use-app-db';

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
        The lists could not be opened: {error}
      </p>
    );
  }
  if (!db || !lists) return <p className="muted">Opening your lists…</p>;

  const selected = lists.find((l) => l.id === selectedId) ?? lists[0];

  return (
    <div className="ol-section">
      <p className="muted">
        A person on a list is shown as <strong>blocked</strong> on every channel in the list’s scope. A new
        list blocks every channel until you narrow its scope.
      </p>
      <UndoBar />
      <div className="ol-columns">
        <section aria-labelledby="ol-lists-title" className="ol-panel">
          <h3 id="ol-lists-title">Your lists</h3>
          <table className="ol-list-table">
            <caption className="ol-sr">Suppression lists</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Entries</th>
                <th scope="col">Blocks</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((l) => (
                <tr key={l.id} className={l.id === selected?.id ? 'ol-selected' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="ol-link"
                      aria-pressed={l.id === selected?.id}
                      onClick={() => setSelectedId(l.id)}
                    >
                      {l.name}
                    </button>
                    {l.isDefault && <span className="ol-tag">default</span>}
                    {l.managed && <span className="ol-tag">team</span>}
                  </th>
                  <td className="ol-num">{formatCount(l.counts.total)}</td>
                  <td>{scopeText(l.channels)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
