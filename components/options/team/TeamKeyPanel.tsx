import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { downloadText } from '@/lib/options/lists/download';
import type { HeedDb } from '@/lib/store/db';
import {
  createTeamKey,
  deleteTeamKey,
  exportTeamKey,
  getSigningKey,
  importTeamKey,
  MIN_PASSPHRASE_LENGTH,
} from '@/lib/team/keys';
import { errorText } from '../lists/use-app-db';
import { Fingerprint } from './Fingerprint';

/** The lead's team key: create it, import it from another admin, export it encrypted, or delete it. */
export function TeamKeyPanel({ db }: { db: HeedDb }) {
  const id = useId();
  const key = useLiveQuery(async () => (await getSigningKey(db)) ?? null, [db]);
  const [name, setName] = useState('');
  const [pass, setPass] = useState('');
  const [pass2, setPass2] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);

  const run = async (f: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus(await f());
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await createTeamKey(db, name);
      return 'Team key created. Give your reps its fingerprint so they can check the first bundle.';
    });
  };
  const importKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (!file) throw new Error('Choose the key file first.');
      await importTeamKey(db, await file.text(), pass);
      setPass('');
      return 'Team key imported: bundles you export are signed as your team’s.';
    });
  };
  const exportKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (pass !== pass2) throw new Error('The two passphrases differ.');
      const text = await exportTeamKey(db, pass);
      downloadText('heed-team-key.json', text, 'application/json');
      setPass('');
      setPass2('');
      return 'Key file saved. Send it and the passphrase to the second admin by different routes.';
    });
  };

  if (key === undefined) return null;
  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Team key (for team leads)</h3>
      {key ? (
        <>
          <p>
            Team “{key.teamName}”, key fingerprint <Fingerprint keyId={key.keyId} />
          </p>
          <p className="muted">
            The private key stays in this browser profile. Reps compare this fingerprint when they import your
            first bundle; an administrator can pin the public key by policy: <code>{key.publicKey}</code>
          </p>
          <details className="ol-box">
            <summary>Export the key for a second admin</summary>
            <form className="ol-form" onSubmit={exportKey}>
              <label htmlFor={`${id}-p1`}>Passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)</label>
              <input id={`${id}-p1`} type="password" value={pass} onChange={(e) => setPass(e.target.value)} />
              <label htmlFor={`${id}-p2`}>Passphrase again</label>
              <input
                id={`${id}-p2`}
                type="password"
                value={pass2}
                onChange={(e) => setPass2(e.target.value)}
              />
              <button type="submit" disabled={busy}>
                Export encrypted key
              </button>
            </form>
          </details>
          {confirmDelete ? (
            <div role="alertdialog" aria-labelledby={`${id}-del`} className="ol-confirm">
              <p id={`${id}-del`}>
                Delete the team key from this browser? Unless another admin has it, no new bundle can be
                signed and every rep must trust a new key.
              </p>
              <button
                type="button"
                className="danger"
                onClick={() => {
                  setConfirmDelete(false);
                  void run(async () => {
                    await deleteTeamKey(db);
                    return 'Team key deleted.';
                  });
                }}
              >
                Delete team key
              </button>{' '}
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              Delete team key…
            </button>
          )}
        </>
      ) : (
        <>
          <form className="ol-form" onSubmit={create}>
            <label htmlFor={`${id}-name`}>Team name</label>
            <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="primary" disabled={busy}>
              Create team key
            </button>
          </form>
          <details className="ol-box">
            <summary>Import a team key from another admin</summary>
            <form className="ol-form" onSubmit={importKey}>
              <label htmlFor={`${id}-kf`}>Key file</label>
              <input
                id={`${id}-kf`}
                type="file"
                accept=".json"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <label htmlFor={`${id}-kp`}>Passphrase</label>
              <input id={`${id}-kp`} type="password" value={pass} onChange={(e) => setPass(e.target.value)} />
              <button type="submit" disabled={busy}>
                Import key
              </button>
            </form>
          </details>
        </>
      )}
      {busy ? <p role="status">Working…</p> : null}
      {status ? <p role="status">{status}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
