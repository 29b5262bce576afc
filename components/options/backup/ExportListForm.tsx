import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { dateStamp, downloadText, fileStem } from '@/lib/options/lists/download';
import { formatCount } from '@/lib/options/lists/labels';
import type { HeedDb } from '@/lib/store/db';
import {
  type ExportMode,
  exportListCsvWithStats,
  exportListVendor,
  type VendorFormat,
} from '@/lib/store/export';
import type { SuppressionList } from '@/lib/store/schemas';
import { errorText } from '../lists/use-app-db';

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
        `Exported ${formatCount(out.rows)} rows from “${list.name}”.` +
          (out.omitted > 0
            ? ` ${formatCount(out.omitted)} entries were left out: ${mode === 'hashed' ? 'domains, profile URLs and phone numbers cannot be shared as hashes' : 'this format holds email addresses only'}.`
            : ''),
      );
    } catch (err) {
      setError(`The export failed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ol-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Export a list as CSV</h3>
      <form className="ol-form" onSubmit={submit}>
        <label htmlFor={`${id}-list`}>List to export</label>
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
              {l.name} ({formatCount(l.counts.total)})
            </option>
          ))}
        </select>
        <fieldset>
          <legend>Format</legend>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'plain'}
              onChange={() => setMode('plain')}
            />{' '}
            Plain: every entry as stored (for your own records or another Heed)
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'hashed'}
              onChange={() => setMode('hashed')}
            />{' '}
            Hashed only: emails as SHA-256, for sharing with a vendor
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'optizmo-md5'}
              onChange={() => setMode('optizmo-md5')}
            />{' '}
            OPTIZMO MD5 file: one lower-case MD5 of each email per line
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'optizmo-sha512'}
              onChange={() => setMode('optizmo-sha512')}
            />{' '}
            {t('options_export_optizmo_sha512')}
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-mode`}
              checked={mode === 'hubspot-optout'}
              onChange={() => setMode('hubspot-optout')}
            />{' '}
            HubSpot opt-out CSV: Email and “Unsubscribed from all email” = true
          </label>
        </fieldset>
        <p className="muted">
          Cells that a spreadsheet would run as a formula are made safe, and the file imports back into Heed
          without loss.
        </p>
        <button type="submit" disabled={busy || !list}>
          {busy ? 'Exporting…' : mode.startsWith('optizmo-') ? 'Export file' : 'Export CSV'}
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
