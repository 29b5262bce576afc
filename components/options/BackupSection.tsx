import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { dateStamp, downloadBlob, downloadText } from '@/lib/options/lists/download';
import { formatBytes } from '@/lib/options/lists/labels';
import { summariseLists, summaryCsv } from '@/lib/options/lists/summary';
import { createBackup } from '@/lib/store/backup';
import { getLists } from '@/lib/store/lists';
import { ExportListForm } from './backup/ExportListForm';
import { RestoreForm } from './backup/RestoreForm';
import { UndoBar } from './lists/UndoBar';
import { errorText, useAppDb } from './lists/use-app-db';

/** Export & backup: list CSVs, a person-free summary, a whole-database backup and its restore. */
export function BackupSection() {
  const { db, error } = useAppDb();
  const lists = useLiveQuery(() => (db ? getLists(db) : undefined), [db]);
  const [backupMsg, setBackupMsg] = useState<string | null>(null);
  const [summaryMsg, setSummaryMsg] = useState<string | null>(null);
  const [busy, setBusy] = useState<'backup' | 'summary' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (error) {
    return (
      <p className="error" role="alert">
        The lists could not be opened: {error}
      </p>
    );
  }
  if (!db || !lists) return <p className="muted">Opening your lists…</p>;

  const backup = async () => {
    setBusy('backup');
    setFailure(null);
    setBackupMsg(null);
    try {
      const text = await createBackup(db);
      const blob = new Blob([text], { type: 'application/json' });
      downloadBlob(`heed-backup-${dateStamp()}.json`, blob);
      setBackupMsg(
        `Backup downloaded (${formatBytes(blob.size)}). Keep it somewhere safe: it holds personal data.`,
      );
    } catch (e) {
      setFailure(`The backup failed: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  const summary = async () => {
    setBusy('summary');
    setFailure(null);
    setSummaryMsg(null);
    try {
      const rows = await summariseLists(db);
      downloadText(`heed-summary-${dateStamp()}.csv`, summaryCsv(rows));
      setSummaryMsg(`Summary of ${rows.length} list${rows.length === 1 ? '' : 's'} downloaded.`);
    } catch (e) {
      setFailure(`The summary failed: ${errorText(e)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="ol-section">
      <aside className="ol-reminder" aria-label="Reminder">
        <strong>Uninstalling Heed deletes all of its data</strong> in this browser: your lists, contact
        records, settings and audit log. Nothing is kept anywhere else, so download a backup regularly and
        before you remove or reinstall the extension.
      </aside>

      <ExportListForm db={db} lists={lists} />

      <section className="ol-panel" aria-labelledby="ol-summary-title">
        <h3 id="ol-summary-title">Summary without personal data</h3>
        <p className="muted">
          Per list: its scope, the number of entries by kind and by reason, and when it was created and
          changed. No emails, hashes, names, file names or descriptions, so it can be shared with a privacy
          officer or auditor.
        </p>
        <button type="button" onClick={summary} disabled={busy !== null}>
          {busy === 'summary' ? 'Preparing…' : 'Download summary (CSV)'}
        </button>
        {summaryMsg && <p role="status">{summaryMsg}</p>}
      </section>

      <section className="ol-panel" aria-labelledby="ol-backup-title">
        <h3 id="ol-backup-title">Back up everything</h3>
        <p className="muted">
          One file with every list, contact record, the settings and the audit log, with a checksum so that a
          damaged file is refused on restore.
        </p>
        <button type="button" className="primary" onClick={backup} disabled={busy !== null}>
          {busy === 'backup' ? 'Preparing…' : 'Download backup'}
        </button>
        {backupMsg && <p role="status">{backupMsg}</p>}
      </section>

      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}

      <RestoreForm db={db} />
      <UndoBar />
    </div>
  );
}
