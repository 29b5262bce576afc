import { type FormEvent, useId, useState } from 'react';
import { formatNumber, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { dateStamp, downloadText, fileStem } from '@/lib/options/download';
import type { HeedDb } from '@/lib/store/db';
import {
  type ExportMode,
  exportListCsvWithStats,
  exportListVendor,
  type VendorFormat,
} from '@/lib/store/export';
import type { SuppressionList } from '@/lib/store/schemas';
import { RadioChoices } from '../RadioChoices';

export function ExportListForm({ db, lists }: { db: HeedDb; lists: SuppressionList[] }) {
  const id = useId();
  const [listId, setListId] = useState(lists[0]?.id ?? '');
  const [mode, setMode] = useState<ExportMode | VendorFormat>('plain');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = lists.find((l) => l.id === listId) ?? lists[0];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!list) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      let out: { rows: number; omitted: number };
      if (mode === 'plain' || mode === 'hashed') {
        const csv = await exportListCsvWithStats(db, list.id, { mode });
        const suffix = mode === 'hashed' ? '-hashed' : '';
        downloadText(`${fileStem(list.name)}${suffix}-${dateStamp()}.csv`, csv.csv);
        out = csv;
      } else {
        const v = await exportListVendor(db, list.id, mode);
        if (mode === 'optizmo-md5' || mode === 'optizmo-sha512') {
          const algo = mode === 'optizmo-md5' ? 'md5' : 'sha512';
          downloadText(
            `${fileStem(list.name)}-${algo}-${dateStamp()}.txt`,
            v.text,
            'text/plain;charset=utf-8',
          );
        } else downloadText(`${fileStem(list.name)}-hubspot-optout-${dateStamp()}.csv`, v.text);
        out = v;
      }
      setMessage(
        out.omitted === 0
          ? t('options_export_done', out.rows, list.name)
          : mode === 'hashed'
            ? t('options_export_done_omitted_hashed', out.rows, list.name, out.omitted)
            : t('options_export_done_omitted_email', out.rows, list.name, out.omitted),
      );
    } catch (err) {
      setError(t('options_export_failed', shownError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ol-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('options_export_title')}</h3>
      <form className="ol-form" onSubmit={submit}>
        <label htmlFor={`${id}-list`}>{t('options_export_list')}</label>
        {/* Keyed by the count: after a restore adds thousands of lists, a fresh select is built in one pass,
            where inserting them into the old one made React look up a sibling for each (seconds). */}
        <select
          key={lists.length}
          id={`${id}-list`}
          value={list?.id ?? ''}
          onChange={(e) => setListId(e.target.value)}
        >
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name} ({formatNumber(l.counts.total)})
            </option>
          ))}
        </select>
        <RadioChoices
          legend={t('options_export_format')}
          name={`${id}-mode`}
          value={mode}
          choices={[
            { value: 'plain', label: t('options_export_plain') },
            { value: 'hashed', label: t('options_export_hashed') },
            { value: 'optizmo-md5', label: t('options_export_optizmo') },
            { value: 'optizmo-sha512', label: t('options_export_optizmo_sha512') },
            { value: 'hubspot-optout', label: t('options_export_hubspot') },
          ]}
          onChange={setMode}
        />
        <p className="muted">{t('options_export_safe')}</p>
        <button type="submit" disabled={busy || !list}>
          {busy
            ? t('options_export_busy')
            : mode.startsWith('optizmo-')
              ? t('options_export_file')
              : t('options_export_csv')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
