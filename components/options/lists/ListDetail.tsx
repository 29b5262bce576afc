import { type FormEvent, useId, useState } from 'react';
import { formatDateTime, formatList, t, tn } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { pageNotices } from '@/lib/notices';
import { holdWhileOffered } from '@/lib/options/deleted-list-hold';
import { formatCount, scopeText } from '@/lib/options/labels';
import {
  deleteList,
  mergeWithUndo,
  restoreDeletedList,
  undoMerge,
  updateList,
} from '@/lib/store/commands/lists';
import type { HeedDb } from '@/lib/store/db';
import type { SuppressionList } from '@/lib/store/schemas';
import { type Channel, ENTRY_KINDS, type EntryKind } from '@/lib/vocab';
import { ENTRY_KIND_LABEL } from '@/lib/vocab/labels';
import { ConfirmBox } from '../ConfirmBox';
import { useManagedPolicy } from '../team/use-policy';
import { EntriesBrowser } from './EntriesBrowser';
import { ScopeFieldset } from './ScopeFieldset';

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
        {list.name} {list.isDefault && <span className="ol-tag">{t('lists_tag_default')}</span>}
        {list.managed && <span className="ol-tag">{t('lists_tag_team')}</span>}
      </h3>
      {list.description && <p>{list.description}</p>}
      <dl className="ol-facts">
        <dt>{t('lists_entries')}</dt>
        <dd>
          {formatCount(list.counts.total)}
          {kinds.length > 0 && (
            <span className="muted">
              {' '}
              (
              {kinds
                .map((k: EntryKind) => t('lists_kind_count', ENTRY_KIND_LABEL[k], list.counts.byKind[k] ?? 0))
                .join(', ')}
              )
            </span>
          )}
        </dd>
        <dt>{t('lists_blocks')}</dt>
        <dd>{scopeText(list.channels)}</dd>
        {list.sourceFile && (
          <>
            <dt>{t('lists_created_from')}</dt>
            <dd>{list.sourceFile}</dd>
          </>
        )}
        <dt>{t('lists_last_changed')}</dt>
        <dd>{formatDateTime(list.updatedAt)}</dd>
      </dl>
      {list.managed ? (
        <p className="ol-managed" role="note">
          {t('lists_managed', t('lists_quoted', list.managed.teamName), list.managed.bundleVersion)}
        </p>
      ) : (
        <>
          <EditListForm db={db} list={list} lists={lists} />
          <MergeForm db={db} list={list} lists={lists} />
          {policy?.policy.hideDeleteList ? (
            <p className="muted">{t('lists_delete_off')}</p>
          ) : (
            <DeleteList db={db} list={list} onGone={onGone} />
          )}
        </>
      )}
      <EntriesBrowser db={db} list={list} />
    </section>
  );
}

function EditListForm({ db, list, lists }: { db: HeedDb; list: SuppressionList; lists: SuppressionList[] }) {
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
    const trimmed = name.trim();
    if (trimmed === '') return setError(t('lists_name_empty'));
    if (lists.some((l) => l.id !== list.id && l.name.toLowerCase() === trimmed.toLowerCase())) {
      return setError(t('lists_name_taken', t('lists_quoted', trimmed)));
    }
    if (channels !== null && channels.length === 0) return setError(t('lists_scope_missing'));
    setBusy(true);
    try {
      // Checked above for a quick answer in the page's language; the store checks again (any page, any race).
      await updateList(db, list.id, { name: trimmed, description: description.trim(), channels });
      setError(null);
      setSaved(t('lists_saved'));
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="ol-box">
      <summary>{t('lists_edit_summary')}</summary>
      <form className="ol-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-name`}>{t('lists_list_name')}</label>
        <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <label htmlFor={`${id}-desc`}>{t('lists_description')}</label>
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
          {t('lists_save')}
        </button>
      </form>
    </details>
  );
}

function MergeForm({ db, list, lists }: { db: HeedDb; list: SuppressionList; lists: SuppressionList[] }) {
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
      const names = formatList(chosen.map((l) => t('lists_quoted', l.name)));
      pageNotices.push(t('lists_merge_undo', names, t('lists_quoted', list.name)), () => undoMerge(db, undo));
      setMessage(tn('lists_merge_done', chosen.length, result.added, result.alreadyPresent));
      setPicked([]);
    } catch (err) {
      setError(shownError(err));
    } finally {
      setConfirming(false);
    }
  };

  return (
    <details className="ol-box" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('lists_merge_summary')}</summary>
      {!open ? null : others.length === 0 ? (
        <p className="muted">{t('lists_merge_none')}</p>
      ) : (
        <div className="ol-form">
          <fieldset>
            <legend>{t('lists_merge_legend', t('lists_quoted', list.name))}</legend>
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
              {t('lists_merge_button')}
            </button>
          ) : (
            <ConfirmBox
              question={t(
                'lists_merge_confirm',
                formatList(chosen.map((l) => t('lists_quoted', l.name))),
                t('lists_quoted', list.name),
              )}
              confirm={t('lists_merge_go')}
              cancel={t('lists_cancel')}
              tone="primary"
              onConfirm={merge}
              onCancel={() => setConfirming(false)}
            />
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
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (list.isDefault) {
    return <p className="muted">{t('lists_default_undeletable')}</p>;
  }
  const remove = async () => {
    setError(null);
    try {
      const deleted = await deleteList(db, list.id);
      const notice = pageNotices.push(
        tn('lists_delete_undo', list.counts.total, t('lists_quoted', list.name)),
        () => restoreDeletedList(db, deleted),
      );
      // The entries stay on disk while the Undo is offered, and go for good once it is not.
      holdWhileOffered(db, [deleted.listId], notice);
      onGone();
    } catch (err) {
      setError(shownError(err));
      setConfirming(false);
    }
  };
  return (
    <div className="ol-delete">
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('lists_delete_button')}
        </button>
      ) : (
        <ConfirmBox
          question={tn('lists_delete_confirm', list.counts.total, t('lists_quoted', list.name))}
          confirm={t('lists_delete_go')}
          cancel={t('lists_cancel')}
          tone="danger"
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
