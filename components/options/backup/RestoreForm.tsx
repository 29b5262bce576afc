import { useId, useRef, useState } from 'react';
import { useJob } from '@/components/use-job';
import { formatDateTime, formatNumber, type MessageKey, t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { pageNotices } from '@/lib/notices';
import {
  currentSide,
  diffLists,
  diffSettings,
  diffVerdicts,
  type ListChange,
  type VerdictDiff,
} from '@/lib/options/restore-diff';
import {
  createBackup,
  type ParsedBackup,
  parseBackup,
  restoreBackup,
  type StoreSummary,
  summariseRestore,
} from '@/lib/store/backup';
import type { HeedDb } from '@/lib/store/db';
import { getLists } from '@/lib/store/lists';
import { DEFAULT_SETTINGS, getSettings } from '@/lib/store/settings';
import { channelList, ENTRY_KIND_LABEL } from '@/lib/vocab/labels';

interface Checked {
  fileName: string;
  parsed: ParsedBackup;
  current: StoreSummary;
  backup: StoreSummary;
  createdAt: string;
  lists: ListChange[];
  verdicts: VerdictDiff;
  settings: string[];
}

/** Rows a table of the restore summary shows; a backup may hold thousands of lists. */
const MAX_ROWS = 100;

const CONSENT_KEY: Record<'gains' | 'loses' | 'changes', MessageKey> = {
  gains: 'options_restore_consent_gains',
  loses: 'options_restore_consent_loses',
  changes: 'options_restore_consent_changes',
};

const CHANGE_KEY: Record<ListChange['change'], MessageKey> = {
  removed: 'options_restore_change_removed',
  added: 'options_restore_change_added',
  changed: 'options_restore_change_changed',
  same: 'options_restore_change_same',
};

/** Restore: the file is checked completely and summarised first; only a confirmed restore replaces anything. */
export function RestoreForm({ db }: { db: HeedDb }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  // The restore itself: what it did, or why it failed.
  const job = useJob<null, string>();
  const restoring = job.state.kind === 'running';
  const done = job.state.kind === 'done' ? job.state.result : null;
  const error =
    refused ??
    (job.state.kind === 'failed' ? t('options_restore_failed', shownError(job.state.error)) : null);
  const [confirmed, setConfirmed] = useState(false);

  const choose = async (file: File | null) => {
    setChecked(null);
    setRefused(null);
    job.reset();
    setConfirmed(false);
    if (!file) return;
    setChecking(true);
    try {
      const parsed = await parseBackup(await file.text());
      const summary = await summariseRestore(db, parsed);
      const lists = diffLists(await getLists(db), parsed.data.lists);
      const verdicts = await diffVerdicts(await currentSide(db), parsed.data);
      const settings = diffSettings(await getSettings(db), parsed.data.settings ?? DEFAULT_SETTINGS);
      setChecked({ fileName: file.name, parsed, ...summary, lists, verdicts, settings });
    } catch (e) {
      setRefused(t('options_restore_refused', shownError(e)));
    } finally {
      setChecking(false);
    }
  };

  const restore = async () => {
    if (!checked) return;
    setRefused(null);
    await job.start(async () => {
      // Kept in memory so the restore can be undone until the page closes.
      const before = await createBackup(db);
      await restoreBackup(db, checked.parsed, { mode: 'replace' });
      pageNotices.push(t('options_restore_undo_label', formatDateTime(checked.createdAt)), async () => {
        await restoreBackup(db, await parseBackup(before), { mode: 'replace' });
      });
      setChecked(null);
      if (inputRef.current) inputRef.current.value = '';
      return t('options_restore_done', checked.backup.lists, checked.backup.entries, checked.backup.contacts);
    }, null);
  };

  const rows: [MessageKey, keyof StoreSummary][] = [
    ['options_restore_row_lists', 'lists'],
    ['options_restore_row_entries', 'entries'],
    ['options_restore_row_contacts', 'contacts'],
    ['options_restore_row_audit', 'auditEvents'],
  ];

  return (
    <section className="ol-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('options_restore_title')}</h3>
      <p className="muted">{t('options_restore_hint')}</p>
      <div className="ol-form">
        <label htmlFor={`${id}-file`}>{t('options_restore_file')}</label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={restoring}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {checking && <p role="status">{t('options_restore_checking')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="ol-notice">
          {done}
        </p>
      )}
      {checked && (
        <div className="ol-restore-summary">
          <p role="status">
            {t('options_restore_valid', checked.fileName, formatDateTime(checked.createdAt))}
          </p>
          <table className="ol-counts">
            <caption>{t('options_restore_what_changes')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="ol-sr">{t('options_restore_data')}</span>
                </th>
                <th scope="col">{t('options_restore_now')}</th>
                <th scope="col">{t('options_restore_after')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, key]) => (
                <tr key={key}>
                  <th scope="row">{t(label)}</th>
                  <td>{formatNumber(checked.current[key] as number)}</td>
                  <td>{formatNumber(checked.backup[key] as number)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('options_restore_row_settings')}</th>
                <td>
                  {checked.current.hasSettings
                    ? t('options_restore_settings_saved')
                    : t('options_restore_defaults')}
                </td>
                <td>
                  {checked.backup.hasSettings
                    ? t('options_restore_settings_backup')
                    : t('options_restore_defaults')}
                </td>
              </tr>
            </tbody>
          </table>
          <VerdictChanges v={checked.verdicts} settings={checked.settings} />
          {checked.lists.length > 0 && (
            <table className="ol-counts">
              <caption>
                {checked.lists.length > MAX_ROWS
                  ? t('options_restore_lists_capped', MAX_ROWS, checked.lists.length)
                  : t('options_restore_lists')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('options_restore_col_list')}</th>
                  <th scope="col">{t('options_restore_col_change')}</th>
                  <th scope="col">{t('options_restore_col_entries_now')}</th>
                  <th scope="col">{t('options_restore_col_entries_after')}</th>
                </tr>
              </thead>
              <tbody>
                {checked.lists.slice(0, MAX_ROWS).map((l) => (
                  <tr key={`${l.change}:${l.name}`}>
                    <th scope="row">{l.name}</th>
                    <td>{t(CHANGE_KEY[l.change])}</td>
                    <td>{formatNumber(l.entriesNow)}</td>
                    <td>{formatNumber(l.entriesAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {needsConfirm(checked) && (
            <p>
              <label>
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
                {t('options_restore_confirm')}
              </label>
            </p>
          )}
          <p className="ol-row">
            <button
              type="button"
              className="danger"
              onClick={restore}
              disabled={restoring || (needsConfirm(checked) && !confirmed)}
            >
              {restoring ? t('options_restore_busy') : t('options_restore_button')}
            </button>
            <button
              type="button"
              disabled={restoring}
              onClick={() => {
                setChecked(null);
                if (inputRef.current) inputRef.current.value = '';
              }}
            >
              {t('options_cancel')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}

const needsConfirm = (c: Checked) =>
  c.verdicts.unblocked > 0 || c.verdicts.consentChanges > 0 || c.settings.length > 0;

/** Who the restore would unblock, block, or give a different consent record, before anything is replaced. */
function VerdictChanges({ v, settings }: { v: VerdictDiff; settings: string[] }) {
  const id = useId();
  const changedLists = v.lists.filter((l) => l.removed > 0 || l.added > 0);
  if (v.unblocked === 0 && v.newlyBlocked === 0 && v.consentChanges === 0 && settings.length === 0) {
    return (
      <p className="ol-notice" data-testid="verdict-diff">
        {t('options_restore_no_change')}
      </p>
    );
  }
  return (
    <section aria-labelledby={`${id}-title`} data-testid="verdict-diff">
      <h4 id={`${id}-title`}>{t('options_restore_whose')}</h4>
      {v.unblocked > 0 && (
        <div className="error" role="alert">
          <p>
            <strong>{tn('options_restore_unblocked', v.unblocked)}</strong>
          </p>
          <ul aria-label={t('options_restore_unblocked_list')}>
            {v.unblockedExamples.map((e) => (
              <li key={`${e.kind}:${e.value}`}>
                {ENTRY_KIND_LABEL[e.kind]} <span className="ol-value">{e.value}</span>:{' '}
                {channelList(e.channels)}
              </li>
            ))}
          </ul>
          {v.unblocked > v.unblockedExamples.length && (
            <p>{t('options_restore_and_more', v.unblocked - v.unblockedExamples.length)}</p>
          )}
        </div>
      )}
      {v.newlyBlocked > 0 && <p>{tn('options_restore_newly_blocked', v.newlyBlocked)}</p>}
      {v.consentChanges > 0 && (
        <div className="error" role="alert">
          <p>
            <strong>{tn('options_restore_consent_changes', v.consentChanges)}</strong>
          </p>
          <ul aria-label={t('options_restore_consent_list')}>
            {v.consentExamples.map((c) => (
              <li key={c.identifier}>
                <span className="ol-value">{c.identifier}</span> {t(CONSENT_KEY[c.change])}
              </li>
            ))}
          </ul>
          {v.consentChanges > v.consentExamples.length && (
            <p>{t('options_restore_and_more', v.consentChanges - v.consentExamples.length)}</p>
          )}
        </div>
      )}
      {settings.length > 0 && (
        <p>
          <strong>{t('options_restore_settings_change')}</strong>{' '}
          {t('options_restore_settings_change_list', settings.join(', '))}
        </p>
      )}
      {changedLists.length > 0 && (
        <table className="ol-counts">
          <caption>
            {changedLists.length > MAX_ROWS
              ? t('options_restore_per_list_capped', MAX_ROWS, changedLists.length)
              : t('options_restore_per_list')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('options_restore_col_list')}</th>
              <th scope="col">{t('options_restore_col_removed')}</th>
              <th scope="col">{t('options_restore_col_added')}</th>
            </tr>
          </thead>
          <tbody>
            {changedLists.slice(0, MAX_ROWS).map((l) => (
              <tr key={l.listId}>
                <th scope="row">{l.name}</th>
                <td>{formatNumber(l.removed)}</td>
                <td>{formatNumber(l.added)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
