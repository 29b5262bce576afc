import { useId, useRef, useState } from 'react';
import { formatList, t, tn } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import {
  createSelfBackup,
  parseSelfBackup,
  type SelfBackupData,
  type SelfRestoreSummary,
  summariseSelfRestore,
} from '@/lib/mydata/backup';
import { replaceSelfData } from '@/lib/mydata/commands';
import type { SelfDb } from '@/lib/mydata/db';
import { pageNotices } from '@/lib/notices';
import { dateStamp, downloadText } from '@/lib/options/download';

type Counts = SelfRestoreSummary['identities'];

function describe(s: SelfRestoreSummary): string[] {
  const identities = (c: Counts) =>
    c.removed > 0
      ? tn('mydata_restore_identities_lose', c.removed, c.now, c.after, c.added)
      : t('mydata_restore_identities_keep', c.now, c.after, c.added);
  const requests = (c: Counts) =>
    c.removed > 0
      ? tn('mydata_restore_requests_lose', c.removed, c.now, c.after, c.added)
      : t('mydata_restore_requests_keep', c.now, c.after, c.added);
  const setting = (k: string) => t(k === 'name' ? 'mydata_setting_name' : 'mydata_setting_country');
  return [
    identities(s.identities),
    requests(s.requests),
    s.settings.length > 0
      ? t('mydata_restore_settings', formatList(s.settings.map(setting)))
      : t('mydata_restore_settings_same'),
  ];
}

/**
 * Backup of My data in a file of its own: uninstalling Heed deletes its databases, and the request log is the
 * evidence for a complaint. Restoring replaces My data only after the user saw what changes, with undo.
 */
export function BackupSection({ db }: { db: SelfDb }) {
  const id = useId();
  const file = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{
    data: SelfBackupData;
    summary: SelfRestoreSummary;
    name: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportFile = async () => {
    setError(null);
    try {
      downloadText(`heed-my-data-${dateStamp()}.json`, await createSelfBackup(db), 'application/json');
      pageNotices.say(t('mydata_saved_file'));
    } catch (err) {
      setError(t('mydata_export_failed', shownError(err)));
    }
  };

  const choose = async (f: File | undefined) => {
    setError(null);
    setPending(null);
    if (!f) return;
    try {
      const data = await parseSelfBackup(await f.text());
      setPending({ data, summary: await summariseSelfRestore(db, data), name: f.name });
    } catch (err) {
      setError(`${f.name}: ${shownError(err)}`);
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const replace = async () => {
    if (!pending || busy) return;
    setBusy(true);
    try {
      const before = await replaceSelfData(db, pending.data);
      setPending(null);
      pageNotices.say(t('mydata_replaced', pending.name), {
        undo: async () => {
          await replaceSelfData(db, before);
        },
      });
    } catch (err) {
      setError(t('mydata_nothing_changed', shownError(err)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('mydata_backup_title')}</h2>
      <p className="hint">{t('mydata_backup_hint')}</p>
      <div className="row">
        <button type="button" onClick={() => void exportFile()}>
          {t('mydata_export')}
        </button>
        <label htmlFor={`${id}-file`} className="file-label">
          {t('mydata_restore_label')}
        </label>
        <input
          id={`${id}-file`}
          ref={file}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {pending ? (
        <section className="restore-summary" aria-label={t('mydata_restore_summary_label')}>
          <p>{t('mydata_restore_intro', pending.name)}</p>
          <ul>
            {describe(pending.summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void replace()}>
              {t('mydata_replace')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('mydata_cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
