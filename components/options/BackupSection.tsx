import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { dateStamp, downloadBlob, downloadText } from '@/lib/options/download';
import { formatBytes } from '@/lib/options/labels';
import { summariseLists, summaryCsv } from '@/lib/options/summary';
import { createBackup } from '@/lib/store/backup';
import { getLists } from '@/lib/store/lists';
import { Notices } from '../notices';
import { ExportListForm } from './backup/ExportListForm';
import { RestoreForm } from './backup/RestoreForm';

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
        {t('options_backup_open_failed', error)}
      </p>
    );
  }
  if (!db || !lists) return <p className="muted">{t('options_backup_opening')}</p>;

  const backup = async () => {
    setBusy('backup');
    setFailure(null);
    setBackupMsg(null);
    try {
      const text = await createBackup(db);
      const blob = new Blob([text], { type: 'application/json' });
      downloadBlob(`heed-backup-${dateStamp()}.json`, blob);
      setBackupMsg(t('options_backup_downloaded', formatBytes(blob.size)));
    } catch (e) {
      setFailure(t('options_backup_failed', shownError(e)));
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
      setSummaryMsg(tn('options_backup_summary_downloaded', rows.length));
    } catch (e) {
      setFailure(t('options_backup_summary_failed', shownError(e)));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="ol-section">
      <aside className="ol-reminder" aria-label={t('options_backup_reminder')}>
        <strong>{t('options_backup_uninstall_strong')}</strong> {t('options_backup_uninstall_rest')}
      </aside>

      <ExportListForm db={db} lists={lists} />

      <section className="ol-panel" aria-labelledby="ol-summary-title">
        <h3 id="ol-summary-title">{t('options_backup_summary_title')}</h3>
        <p className="muted">{t('options_backup_summary_hint')}</p>
        <button type="button" onClick={summary} disabled={busy !== null}>
          {busy === 'summary' ? t('options_backup_preparing') : t('options_backup_summary_button')}
        </button>
        {summaryMsg && <p role="status">{summaryMsg}</p>}
      </section>

      <section className="ol-panel" aria-labelledby="ol-backup-title">
        <h3 id="ol-backup-title">{t('options_backup_title')}</h3>
        <p className="muted">{t('options_backup_hint')}</p>
        <button type="button" className="primary" onClick={backup} disabled={busy !== null}>
          {busy === 'backup' ? t('options_backup_preparing') : t('options_backup_button')}
        </button>
        {backupMsg && <p role="status">{backupMsg}</p>}
      </section>

      {failure && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}

      <RestoreForm db={db} />
      <Notices shown={5} className="ol-undo" label={t('notice_undo')} />
    </div>
  );
}
