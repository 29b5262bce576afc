import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useState } from 'react';
import { formatNumber, t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { downloadBlob } from '@/lib/options/download';
import type { HeedDb } from '@/lib/store/db';
import { getLists } from '@/lib/store/lists';
import { getSettings } from '@/lib/store/settings';
import { exportTeamBundle, lastExportedVersion } from '@/lib/team/export';
import { getSigningKey } from '@/lib/team/keys';
import type { RecommendedSettings } from '@/lib/team/schemas';
import { ErrorLine } from '../ErrorLine';
import { RadioChoices } from '../RadioChoices';

/** The lead exports the chosen lists as a signed bundle: whole, or only the changes since the last export. */
export function BundleExport({ db }: { db: HeedDb }) {
  const id = useId();
  const data = useLiveQuery(async () => {
    const key = await getSigningKey(db);
    return {
      key: key ?? null,
      lists: (await getLists(db)).filter((l) => !l.managed),
      last: key ? await lastExportedVersion(db, key.keyId) : 0,
    };
  }, [db]);
  const [picked, setPicked] = useState<string[]>([]);
  const [mode, setMode] = useState<'plain' | 'hashed'>('plain');
  const [delta, setDelta] = useState(false);
  const [withSettings, setWithSettings] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!data?.key) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setStatus(null);
    setBusy(true);
    try {
      let settings: RecommendedSettings | undefined;
      if (withSettings) {
        const s = await getSettings(db);
        settings = {
          ...(s.defaultCountry ? { defaultCountry: s.defaultCountry } : {}),
          defaultSubscriber: s.defaultSubscriber,
          ownDomains: s.ownDomains,
          showPossibleMatches: s.showPossibleMatches,
          retentionDays: s.retentionDays,
        };
      }
      const b = await exportTeamBundle(db, {
        listIds: picked,
        entryMode: mode,
        delta,
        ...(settings ? { settings } : {}),
      });
      downloadBlob(b.fileName, new Blob([b.bytes], { type: 'application/octet-stream' }));
      setStatus(
        b.baseVersion !== undefined
          ? tn('options_team_export_saved_delta', b.entries, b.fileName, b.version, b.baseVersion)
          : tn('options_team_export_saved', b.entries, b.fileName, b.version),
      );
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_team_export_title')}</h3>
      <p className="muted">
        {data.last > 0 ? t('options_team_export_last', data.last) : t('options_team_export_none')}{' '}
        {t('options_team_export_hint')}
      </p>
      <form className="ol-form" onSubmit={submit}>
        <fieldset>
          <legend>{t('options_team_export_lists')}</legend>
          {data.lists.map((l) => (
            <label key={l.id}>
              <input
                type="checkbox"
                checked={picked.includes(l.id)}
                onChange={(e) =>
                  setPicked((p) => (e.target.checked ? [...p, l.id] : p.filter((x) => x !== l.id)))
                }
              />{' '}
              {l.name} <span className="muted">({formatNumber(l.counts.total)})</span>
            </label>
          ))}
        </fieldset>
        <RadioChoices
          legend={t('options_team_export_entries')}
          name={`${id}-mode`}
          value={mode}
          choices={[
            { value: 'plain', label: t('options_team_export_plain') },
            { value: 'hashed', label: t('options_team_export_hashed') },
          ]}
          onChange={setMode}
        />
        <label>
          <input
            type="checkbox"
            checked={delta}
            disabled={data.last === 0}
            onChange={(e) => setDelta(e.target.checked)}
          />{' '}
          {data.last > 0 ? t('options_team_export_delta', data.last) : t('options_team_export_delta_none')}
        </label>
        <label>
          <input type="checkbox" checked={withSettings} onChange={(e) => setWithSettings(e.target.checked)} />{' '}
          {t('options_team_export_settings')}
        </label>
        <button type="submit" className="primary" disabled={busy || picked.length === 0}>
          {t('options_team_export_button')}
        </button>
      </form>
      {busy ? <p role="status">{t('options_export_busy')}</p> : null}
      {status ? <p role="status">{status}</p> : null}
      <ErrorLine error={error} />
    </section>
  );
}
