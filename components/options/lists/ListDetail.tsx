import { type FormEvent, useId, useState } from 'react';
import { formatCount, KIND_LABEL, scopeText } from '@/lib/options/lists/labels';
import { sessionUndo } from '@/lib/options/lists/undo';
import {
  deleteList,
  mergeWithUndo,
  restoreListSnapshot,
  undoMerge,
  updateList,
} from '@/lib/store/commands/lists';
import type { HeedDb } from '@/lib/store/db';
import { ENTRY_KINDS, type EntryKind, type SuppressionList } from '@/lib/store/schemas';
import type { Channel } from '@/lib/vocab';
import { useManagedPolicy } from '../team/use-policy';
import { EntriesBrowser } from './EntriesBrowser';
import { ScopeFieldset } from './ScopeFieldset';
import { errorText } from './use-app-db';

interface Props {
  db: HeedDb;
  list: SuppressionList;
  lists: SuppressionList[];
  onGone: () => void;
}

/** One list: its details, editing, merging, deletion and its entries. */
export function ListDetail({ db, list, lists, onGone }: Props) {
  const id = useId();
  const kinds = ENTRY_KINDS.filter((k) => (list.counts.byKind[k] ?? 0) > 0);
  const policy = useManagedPolicy();
  return (
    <section className="ol-panel ol-detail" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {list.name} {list.isDefault && <span className="ol-tag">default</span>}
        {list.managed && <span className="ol-tag">team</span>}
      </h3>
      {list.description && <p>{list.description}</p>}
      <dl className="ol-facts">
        <dt>Entries</dt>
        <dd>
          {formatCount(list.counts.total)}
          {kinds.length > 0 && (
            <span className="muted">
              {' '}
              (
              {kinds
                .map((k: EntryKind) => `${KIND_LABEL[k]}: ${formatCount(list.counts.byKind[k] ?? 0)}`)
                .join(', ')}
              )
            </span>
          )}
        </dd>
        <dt>Blocks</dt>
        <dd>{scopeText(list.channels)}</dd>
        {list.sourceFile && (
          <>
            <dt>Created from</dt>
            <dd>{list.sourceFile}</dd>
          </>
        )}
        <dt>Last changed</dt>
        <dd>{new Date(list.updatedAt).toLocaleString()}</dd>
      </dl>
      {list.managed ? (
        <p className="ol-managed" role="note">
          Managed by your team “{list.managed.teamName}” (bundle version {list.managed.bundleVersion}): you
          can read and search it, and a newer team bundle replaces it, but it cannot be edited or deleted
          here.
        </p>
      ) : (
        <>
          <EditListForm db={db} list={list} />
          <MergeForm db={db} list={list} lists={lists} />
          {policy?.policy.hideDeleteList ? (
            <p className="muted">Deleting lists is turned off by your organisation.</p>
          ) : (
            <DeleteList db={db} list={list} onGone={onGone} />
          )}
        </>
      )}
      <EntriesBrowser db={db} list={list} />
    </section>
  );
}

function EditListForm({ db, list }: { db: HeedDb; list: SuppressionList }) {
  const id = useId();
  const [name, setName] = useState(list.name);
  const [description, setDescription] = useState(list.description);
  const [channels, setChannels] = useState<Channel[] | null>(list.channels ?? null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    setBusy(true);
    try {
      // Name and scope are checked by the store (updateList): its error is shown as is.
      await updateList(db, list.id, { name, description: description.trim(), channels });
      setError(null);
      setSaved('Saved.');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="ol-box">
      <summary>Rename, describe or change scope</summary>
      <form className="ol-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`}>List name</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-desc`}>Description</label>
        <textarea
          id={`${id}-desc`}
          value={description}
          maxLength={2000}
          rows={2}
          onChange={(e) => setDescription(e.target.value)}
        />
        <ScopeFieldset channels={channels} onChange={setChannels} />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {saved && <p role="status">{saved}</p>}
        <button type="submit" className="primary" disabled={busy}>
          Save changes
        </button>
      </form>
    </details>
  );
}

function MergeForm({ db, list, lists }: { db: HeedDb; list: SuppressionList; lists: SuppressionList[] }) {
  const id = useId();
  const others = lists.filter((l) => l.id !== list.id && !l.isDefault && !l.managed);
  const [picked, setPicked] = useState<string[]>([]);
  // The checkboxes are rendered only while the box is open: with thousands of lists, rendering them hidden
  // blocked every visit to the Lists page.
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = others.filter((l) => picked.includes(l.id));

  const merge = async () => {
    setError(null);
    try {
      const { result, undo } = await mergeWithUndo(
        db,
        chosen.map((l) => l.id),
        list.id,
      );
      const names = chosen.map((l) => `“${l.name}”`).join(', ');
      sessionUndo.push(`Merged ${names} into “${list.name}”`, () => undoMerge(db, undo));
      setMessage(
        `Merged ${chosen.length} list${chosen.length === 1 ? '' : 's'}: ${formatCount(result.added)} entries added, ${formatCount(result.alreadyPresent)} were already here.`,
      );
      setPicked([]);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <details className="ol-box" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Merge other lists into this one</summary>
      {!open ? null : others.length === 0 ? (
        <p className="muted">
          There are no other lists to merge (the default list can only receive a merge).
        </p>
      ) : (
        <div className="ol-form">
          <fieldset>
            <legend>Lists to merge into “{list.name}” (they are then removed)</legend>
            {others.map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  checked={picked.includes(o.id)}
                  onChange={(e) =>
                    setPicked((p) => (e.target.checked ? [...p, o.id] : p.filter((x) => x !== o.id)))
                  }
                />{' '}
                {o.name} <span className="muted">({formatCount(o.counts.total)})</span>
              </label>
            ))}
          </fieldset>
          {!confirming ? (
            <button type="button" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
              Merge…
            </button>
          ) : (
            <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="ol-confirm">
              <p id={`${id}-confirm`}>
                Merge {chosen.map((l) => `“${l.name}”`).join(', ')} into “{list.name}”? The merged lists are
                removed; you can undo this until you close this page.
              </p>
              <button type="button" className="primary" onClick={merge}>
                Merge lists
              </button>{' '}
              {/* biome-ignore lint/a11y/noAutofocus: the confirmation takes focus so a keyboard user lands on it */}
              <button type="button" autoFocus onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </details>
  );
}

function DeleteList({ db, list, onGone }: { db: HeedDb; list: SuppressionList; onGone: () => void }) {
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (list.isDefault) {
    return (
      <p className="muted">
        The default list cannot be deleted; delete its entries one by one below, or merge other lists into it.
      </p>
    );
  }
  const remove = async () => {
    setError(null);
    try {
      const snapshot = await deleteList(db, list.id);
      sessionUndo.push(`Deleted list “${list.name}” (${formatCount(list.counts.total)} entries)`, () =>
        restoreListSnapshot(db, snapshot),
      );
      onGone();
    } catch (err) {
      setError(errorText(err));
      setConfirming(false);
    }
  };
  return (
    <div className="ol-delete">
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete list…
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby={`${id}-q`} className="ol-confirm">
          <p id={`${id}-q`}>
            Delete “{list.name}” and its {formatCount(list.counts.total)} entries? People on it will no longer
            be flagged. You can undo this until you close this page.
          </p>
          <button type="button" className="danger" onClick={remove}>
            Delete list
          </button>{' '}
          {/* biome-ignore lint/a11y/noAutofocus: the confirmation takes focus so a keyboard user lands on it */}
          <button type="button" autoFocus onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
