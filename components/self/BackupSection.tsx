import { useContext, useId, useRef, useState } from 'react';
import { dateStamp, downloadText } from '@/lib/options/lists/download';
import {
  createSelfBackup,
  parseSelfBackup,
  replaceSelfData,
  type SelfBackupData,
  type SelfRestoreSummary,
  summariseSelfRestore,
} from '@/lib/self/backup';
import { errorText, NoticeContext, useSelfDb } from './shared';

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function describe(s: SelfRestoreSummary): string[] {
  const part = (label: string, c: SelfRestoreSummary['identities'], one: string) =>
    `${label}: ${c.now} now → ${c.after} after (${c.added} new, ${c.removed} ${c.removed === 1 ? 'goes' : 'go'})${c.removed > 0 ? `: ${plural(c.removed, one)} you have now will be gone` : ''}.`;
  return [
    part('Identities', s.identities, 'identity'),
    part('Requests in the log', s.requests, 'request'),
    s.settings.length > 0
      ? `Changes your ${s.settings.join(' and ')}.`
      : 'Your name and country stay the same.',
  ];
}

/**
 * Backup of My data in a file of its own: uninstalling Heed deletes its databases, and the request log is the
 * evidence for a complaint. Restoring replaces My data only after the user saw what changes, with undo.
 */
export function BackupSection() {
  const db = useSelfDb();
  const notify = useContext(NoticeContext);
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
      notify({ message: 'My data saved to a file. Keep it somewhere safe: it holds your identities.' });
    } catch (err) {
      setError(`Could not export: ${errorText(err)}`);
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
      setError(`${f.name}: ${errorText(err)}`);
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
      notify({
        message: `My data replaced from ${pending.name}.`,
        undo: async () => {
          await replaceSelfData(db, before);
        },
      });
    } catch (err) {
      setError(`Nothing was changed: ${errorText(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Back up My data</h2>
      <p className="hint">
        Your identities and request log live only in this browser and are deleted with Heed. Save them to a
        file (your lists have their own backup in Settings).
      </p>
      <div className="row">
        <button type="button" onClick={() => void exportFile()}>
          Export My data
        </button>
        <label htmlFor={`${id}-file`} className="file-label">
          Restore My data from a file
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
        <section className="restore-summary" aria-label="What the restore changes">
          <p>Restoring {pending.name} replaces everything in My data:</p>
          <ul>
            {describe(pending.summary).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="row">
            <button type="button" className="primary" disabled={busy} onClick={() => void replace()}>
              Replace My data
            </button>
            <button type="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
