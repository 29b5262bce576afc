import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { downloadText } from '@/lib/options/download';
import type { HeedDb } from '@/lib/store/db';
import {
  createTeamKey,
  deleteTeamKey,
  exportTeamKey,
  getSigningKey,
  importTeamKey,
  MIN_PASSPHRASE_LENGTH,
} from '@/lib/team/keys';
import { ConfirmBox } from '../ConfirmBox';
import { ErrorLine } from '../ErrorLine';
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
      setError(shownError(e));
    } finally {
      setBusy(false);
    }
  };

  const create = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await createTeamKey(db, name);
      return t('options_team_key_created');
    });
  };
  const importKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (!file) throw new Error(t('options_team_key_choose_file'));
      await importTeamKey(db, await file.text(), pass);
      setPass('');
      return t('options_team_key_imported');
    });
  };
  const exportKey = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      if (pass !== pass2) throw new Error(t('options_team_key_passphrases_differ'));
      const text = await exportTeamKey(db, pass);
      downloadText('heed-team-key.json', text, 'application/json');
      setPass('');
      setPass2('');
      return t('options_team_key_exported');
    });
  };

  if (key === undefined) return null;
  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_team_key_title')}</h3>
      {key ? (
        <>
          <p>
            {t('options_team_key_team', key.teamName)} <Fingerprint keyId={key.keyId} />
          </p>
          <p className="muted">
            {t('options_team_key_private')} <code>{key.publicKey}</code>
          </p>
          <details className="ol-box">
            <summary>{t('options_team_key_export_title')}</summary>
            <form className="ol-form" onSubmit={exportKey}>
              <label htmlFor={`${id}-p1`}>
                {t('options_team_key_passphrase_min', MIN_PASSPHRASE_LENGTH)}
              </label>
              <input id={`${id}-p1`} type="password" value={pass} onChange={(e) => setPass(e.target.value)} />
              <label htmlFor={`${id}-p2`}>{t('options_team_key_passphrase_again')}</label>
              <input
                id={`${id}-p2`}
                type="password"
                value={pass2}
                onChange={(e) => setPass2(e.target.value)}
              />
              <button type="submit" disabled={busy}>
                {t('options_team_key_export')}
              </button>
            </form>
          </details>
          {confirmDelete ? (
            <ConfirmBox
              question={t('options_team_key_delete_confirm')}
              confirm={t('options_team_key_delete')}
              cancel={t('options_cancel')}
              tone="danger"
              onConfirm={() => {
                setConfirmDelete(false);
                void run(async () => {
                  await deleteTeamKey(db);
                  return t('options_team_key_deleted');
                });
              }}
              onCancel={() => setConfirmDelete(false)}
            />
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {t('options_team_key_delete_ask')}
            </button>
          )}
        </>
      ) : (
        <>
          <form className="ol-form" onSubmit={create}>
            <label htmlFor={`${id}-name`}>{t('options_team_key_name')}</label>
            <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="primary" disabled={busy}>
              {t('options_team_key_create')}
            </button>
          </form>
          <details className="ol-box">
            <summary>{t('options_team_key_import_title')}</summary>
            <form className="ol-form" onSubmit={importKey}>
              <label htmlFor={`${id}-kf`}>{t('options_team_key_file')}</label>
              <input
                id={`${id}-kf`}
                type="file"
                accept=".json"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
              <label htmlFor={`${id}-kp`}>{t('options_team_key_passphrase')}</label>
              <input id={`${id}-kp`} type="password" value={pass} onChange={(e) => setPass(e.target.value)} />
              <button type="submit" disabled={busy}>
                {t('options_team_key_import')}
              </button>
            </form>
          </details>
        </>
      )}
      {busy ? <p role="status">{t('options_working')}</p> : null}
      {status ? <p role="status">{status}</p> : null}
      <ErrorLine error={error} />
    </section>
  );
}
