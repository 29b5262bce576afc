import { useId, useRef, useState } from 'react';
import { CHANNEL_NAME, formatCount, KIND_LABEL } from '@/lib/options/lists/labels';
import {
  currentSide,
  diffLists,
  diffSettings,
  diffVerdicts,
  type ListChange,
  type VerdictDiff,
} from '@/lib/options/lists/restore-diff';
import { sessionUndo } from '@/lib/options/lists/undo';
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
import { errorText } from '../lists/use-app-db';

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

const CONSENT_WORD = {
  gains: 'would gain a consent or lawful basis',
  loses: 'would lose its consent or lawful basis',
  changes: 'would have a different consent or lawful basis',
} as const;

const CHANGE_WORD = { removed: 'Removed', added: 'Added', changed: 'Replaced', same: 'Unchanged' } as const;

/** Restore: the file is checked completely and summarised first; only a confirmed restore replaces anything. */
export function RestoreForm({ db }: { db: HeedDb }) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [checking, setChecking] = useState(false);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [confirmed, setConfirmed] = useState(false);

  const choose = async (file: File | null) => {
    setChecked(null);
    setError(null);
    setDone(null);
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
      setError(`This file cannot be restored: ${errorText(e)} Nothing was changed.`);
    } finally {
      setChecking(false);
    }
  };

  const restore = async () => {
    if (!checked) return;
    setRestoring(true);
    setError(null);
    try {
      // Kept in memory so the restore can be undone until the page closes.
      const before = await createBackup(db);
      await restoreBackup(db, checked.parsed, { mode: 'replace' });
      sessionUndo.push(`Restored the backup of ${new Date(checked.createdAt).toLocaleString()}`, async () => {
        await restoreBackup(db, await parseBackup(before), { mode: 'replace' });
      });
      setDone(
        `Restored: ${formatCount(checked.backup.lists)} lists, ${formatCount(checked.backup.entries)} entries and ${formatCount(checked.backup.contacts)} contact records. Until you close this page, Undo below puts back what was there before.`,
      );
      setChecked(null);
      if (inputRef.current) inputRef.current.value = '';
    } catch (e) {
      setError(`The restore failed and nothing was changed: ${errorText(e)}`);
    } finally {
      setRestoring(false);
    }
  };

  const rows: [string, keyof StoreSummary][] = [
    ['Lists', 'lists'],
    ['List entries', 'entries'],
    ['Contact records', 'contacts'],
    ['Audit events', 'auditEvents'],
  ];

  return (
    <section className="ol-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Restore from a backup</h3>
      <p className="muted">
        A restore replaces everything Heed holds with the backup. The file is checked completely first and you
        see what will change before anything is replaced.
      </p>
      <div className="ol-form">
        <label htmlFor={`${id}-file`}>Backup file</label>
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          disabled={restoring}
          onChange={(e) => choose(e.target.files?.[0] ?? null)}
        />
      </div>
      {checking && <p role="status">Checking the backup…</p>}
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
            “{checked.fileName}” is a valid backup made {new Date(checked.createdAt).toLocaleString()}.
          </p>
          <table className="ol-counts">
            <caption>What will change</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="ol-sr">Data</span>
                </th>
                <th scope="col">Now</th>
                <th scope="col">After the restore</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, key]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{formatCount(checked.current[key] as number)}</td>
                  <td>{formatCount(checked.backup[key] as number)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Settings</th>
                <td>{checked.current.hasSettings ? 'Saved' : 'Defaults'}</td>
                <td>{checked.backup.hasSettings ? 'From the backup' : 'Defaults'}</td>
              </tr>
            </tbody>
          </table>
          <VerdictChanges v={checked.verdicts} settings={checked.settings} />
          {checked.lists.length > 0 && (
            <table className="ol-counts">
              <caption>
                Lists
                {checked.lists.length > MAX_ROWS &&
                  ` (the first ${MAX_ROWS} of ${formatCount(checked.lists.length)}, changes first)`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">List</th>
                  <th scope="col">Change</th>
                  <th scope="col">Entries now</th>
                  <th scope="col">Entries after</th>
                </tr>
              </thead>
              <tbody>
                {checked.lists.slice(0, MAX_ROWS).map((l) => (
                  <tr key={`${l.change}:${l.name}`}>
                    <th scope="row">{l.name}</th>
                    <td>{CHANGE_WORD[l.change]}</td>
                    <td>{formatCount(l.entriesNow)}</td>
                    <td>{formatCount(l.entriesAfter)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {needsConfirm(checked) && (
            <p>
              <label>
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />{' '}
                I have checked who would no longer be blocked, whose consent would change and which settings
                would change, and I want this restore.
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
              {restoring ? 'Restoring…' : 'Replace everything with this backup'}
            </button>
            <button
              type="button"
              disabled={restoring}
              onClick={() => {
                setChecked(null);
                if (inputRef.current) inputRef.current.value = '';
              }}
            >
              Cancel
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
        No one’s verdict changes: every identifier is blocked on the same channels before and after the
        restore, no consent or lawful-basis record moves, and the settings stay as they are.
      </p>
    );
  }
  return (
    <section aria-labelledby={`${id}-title`} data-testid="verdict-diff">
      <h4 id={`${id}-title`}>Whose verdict changes</h4>
      {v.unblocked > 0 && (
        <div className="error" role="alert">
          <p>
            <strong>
              {formatCount(v.unblocked)} {v.unblocked === 1 ? 'identifier that is' : 'identifiers that are'}{' '}
              blocked now would no longer be blocked
            </strong>{' '}
            (on some or all channels).
          </p>
          <ul aria-label="Identifiers that would no longer be blocked">
            {v.unblockedExamples.map((e) => (
              <li key={`${e.kind}:${e.value}`}>
                {KIND_LABEL[e.kind]} <span className="ol-value">{e.value}</span>:{' '}
                {e.channels.map((c) => CHANNEL_NAME[c]).join(', ')}
              </li>
            ))}
          </ul>
          {v.unblocked > v.unblockedExamples.length && (
            <p>and {formatCount(v.unblocked - v.unblockedExamples.length)} more.</p>
          )}
        </div>
      )}
      {v.newlyBlocked > 0 && (
        <p>
          {formatCount(v.newlyBlocked)} {v.newlyBlocked === 1 ? 'identifier' : 'identifiers'} not blocked now
          would be blocked.
        </p>
      )}
      {v.consentChanges > 0 && (
        <div className="error" role="alert">
          <p>
            <strong>
              {formatCount(v.consentChanges)} {v.consentChanges === 1 ? 'identifier' : 'identifiers'} would
              find a different consent or lawful-basis record
            </strong>
            .
          </p>
          <ul aria-label="Identifiers whose consent would change">
            {v.consentExamples.map((c) => (
              <li key={c.identifier}>
                <span className="ol-value">{c.identifier}</span> {CONSENT_WORD[c.change]}
              </li>
            ))}
          </ul>
          {v.consentChanges > v.consentExamples.length && (
            <p>and {formatCount(v.consentChanges - v.consentExamples.length)} more.</p>
          )}
        </div>
      )}
      {settings.length > 0 && (
        <p>
          <strong>Settings that would change</strong> (they decide verdicts too): {settings.join(', ')}.
        </p>
      )}
      {changedLists.length > 0 && (
        <table className="ol-counts">
          <caption>
            Entries per list
            {changedLists.length > MAX_ROWS &&
              ` (the first ${MAX_ROWS} of ${formatCount(changedLists.length)})`}
          </caption>
          <thead>
            <tr>
              <th scope="col">List</th>
              <th scope="col">Entries removed</th>
              <th scope="col">Entries added</th>
            </tr>
          </thead>
          <tbody>
            {changedLists.slice(0, MAX_ROWS).map((l) => (
              <tr key={l.listId}>
                <th scope="row">{l.name}</th>
                <td>{formatCount(l.removed)}</td>
                <td>{formatCount(l.added)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
