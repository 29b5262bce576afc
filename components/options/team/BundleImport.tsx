import { type DragEvent, useId, useRef, useState } from 'react';
import { formatDateTime, formatList, t, tn } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import type { ParsedPolicy } from '@/lib/policy/schema';
import type { HeedDb } from '@/lib/store/db';
import { applyTeamBundle, type VerifiedBundle, verifyTeamBundle } from '@/lib/team/apply';
import { ErrorLine } from '../ErrorLine';
import { Fingerprint } from './Fingerprint';

/** A rep imports a team bundle: dropped or chosen, verified, shown, then applied on the rep's word. */
export function BundleImport({ db, policy }: { db: HeedDb; policy: ParsedPolicy | null }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [checked, setChecked] = useState<{ name: string; v: VerifiedBundle } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [adopt, setAdopt] = useState(true);
  const [over, setOver] = useState(false);

  const choose = async (file: File | undefined) => {
    setChecked(null);
    setError(null);
    setDone(null);
    if (!file) return;
    setBusy(true);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const v = await verifyTeamBundle(db, bytes, { policyKeys: policy?.policy.teamKeys ?? [] });
      setChecked({ name: file.name, v });
    } catch (e) {
      setError(shownError(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  const apply = async () => {
    if (!checked) return;
    setBusy(true);
    setError(null);
    try {
      const r = await applyTeamBundle(db, checked.v, {
        pin: checked.v.trust === 'first-use',
        adoptSettings: adopt,
      });
      const team = checked.v.header.team.name;
      setDone(
        r.removedLists > 0
          ? tn('options_team_applied_dropped', r.lists, r.version, team, r.added, r.removed, r.removedLists)
          : tn('options_team_applied', r.lists, r.version, team, r.added, r.removed),
      );
      setChecked(null);
    } catch (e) {
      setError(shownError(e));
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void choose(e.dataTransfer.files[0]);
  };

  const h = checked?.v.header;
  const entries = h ? h.lists.reduce((n, l) => n + l.sections.reduce((m, s) => m + s.count, 0), 0) : 0;
  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_team_import_title')}</h3>
      <p className="muted">{t('options_team_import_hint')}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop zone is a convenience; the file input inside is the accessible control */}
      <div
        className={over ? 'tm-drop tm-over' : 'tm-drop'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <label htmlFor={`${id}-file`}>{t('options_team_import_file')}</label>{' '}
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept=".heedbundle,application/octet-stream"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {busy && !checked ? <p role="status">{t('options_team_import_checking')}</p> : null}
      <ErrorLine error={error} />
      {done ? <p role="status">{done}</p> : null}
      {checked && h ? (
        <section className="tm-check" aria-labelledby={`${id}-ok`}>
          <p id={`${id}-ok`}>
            <strong>{t('options_team_signature_valid')}</strong>{' '}
            {h.baseVersion !== undefined
              ? tn(
                  h.entryMode === 'hashed' ? 'options_team_bundle_delta_hashed' : 'options_team_bundle_delta',
                  entries,
                  checked.name,
                  h.version,
                  h.baseVersion,
                  h.team.name,
                  formatDateTime(h.createdAt),
                  tn('options_team_lists', h.lists.length),
                )
              : tn(
                  h.entryMode === 'hashed' ? 'options_team_bundle_full_hashed' : 'options_team_bundle_full',
                  entries,
                  checked.name,
                  h.version,
                  h.team.name,
                  formatDateTime(h.createdAt),
                  tn('options_team_lists', h.lists.length),
                )}
          </p>
          <ul>
            {h.lists.map((l) => (
              <li key={l.id}>{l.name}</li>
            ))}
          </ul>
          <p>
            {t('options_team_fingerprint')} <Fingerprint keyId={checked.v.fingerprint} />
          </p>
          {checked.v.trust === 'first-use' ? (
            <p className="warning">{t('options_team_first_key')}</p>
          ) : (
            <p className="muted">
              {checked.v.trust === 'policy'
                ? t('options_team_trusted_policy')
                : t('options_team_trusted_you')}
            </p>
          )}
          {h.settings ? (
            <label>
              <input type="checkbox" checked={adopt} onChange={(e) => setAdopt(e.target.checked)} />{' '}
              {t('options_team_adopt_settings', formatList(Object.keys(h.settings)))}
            </label>
          ) : null}
          <div className="ot-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
              {checked.v.trust === 'first-use' ? t('options_team_trust_apply') : t('options_team_apply')}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setChecked(null)}>
              {t('options_cancel')}
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
