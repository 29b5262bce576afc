import { type DragEvent, useId, useRef, useState } from 'react';
import { formatCount } from '@/lib/options/lists/labels';
import type { ParsedPolicy } from '@/lib/policy/schema';
import type { HeedDb } from '@/lib/store/db';
import { applyTeamBundle, type VerifiedBundle, verifyTeamBundle } from '@/lib/team/apply';
import { errorText } from '../lists/use-app-db';
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
      setError(errorText(e));
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
      setDone(
        `Applied version ${r.version} of “${checked.v.header.team.name}”: ${formatCount(r.lists)} team list${r.lists === 1 ? '' : 's'}, ${formatCount(r.added)} entries added, ${formatCount(r.removed)} removed${r.removedLists > 0 ? `, ${r.removedLists} list${r.removedLists === 1 ? '' : 's'} the team dropped removed` : ''}.`,
      );
      setChecked(null);
    } catch (e) {
      setError(errorText(e));
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
      <h3 id={`${id}-h`}>Import a team bundle</h3>
      <p className="muted">
        Your team lead sends a signed <code>.heedbundle</code> file. Heed checks its signature against your
        team’s key, then adds or updates the team’s lists. Team lists can be read and searched but not edited
        or deleted.
      </p>
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
        <label htmlFor={`${id}-file`}>Team bundle file (drop it here or choose it)</label>{' '}
        <input
          id={`${id}-file`}
          ref={input}
          type="file"
          accept=".heedbundle,application/octet-stream"
          disabled={busy}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </div>
      {busy && !checked ? <p role="status">Checking the bundle…</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {done ? <p role="status">{done}</p> : null}
      {checked && h ? (
        <section className="tm-check" aria-labelledby={`${id}-ok`}>
          <p id={`${id}-ok`}>
            <strong>Signature valid.</strong> “{checked.name}”: version {h.version}
            {h.baseVersion !== undefined ? ` (changes since version ${h.baseVersion})` : ' (full)'} of “
            {h.team.name}”, made {new Date(h.createdAt).toLocaleString()}, {formatCount(h.lists.length)} list
            {h.lists.length === 1 ? '' : 's'}, {formatCount(entries)}{' '}
            {h.baseVersion !== undefined ? 'changes' : 'entries'}
            {h.entryMode === 'hashed' ? ' (hashed)' : ''}.
          </p>
          <ul>
            {h.lists.map((l) => (
              <li key={l.id}>{l.name}</li>
            ))}
          </ul>
          <p>
            Team key fingerprint: <Fingerprint keyId={checked.v.fingerprint} />
          </p>
          {checked.v.trust === 'first-use' ? (
            <p className="warning">
              This is the first team key in this browser. Compare the fingerprint with the one your team lead
              gave you (in person or by phone) before trusting it: from then on, only bundles signed with this
              key are accepted.
            </p>
          ) : (
            <p className="muted">
              {checked.v.trust === 'policy'
                ? 'The key is trusted by your organisation’s policy.'
                : 'The key is one you trust.'}
            </p>
          )}
          {h.settings ? (
            <label>
              <input type="checkbox" checked={adopt} onChange={(e) => setAdopt(e.target.checked)} /> Also use
              the team’s recommended settings ({Object.keys(h.settings).join(', ')})
            </label>
          ) : null}
          <div className="ot-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void apply()}>
              {checked.v.trust === 'first-use' ? 'Trust this key and apply' : 'Apply bundle'}
            </button>{' '}
            <button type="button" disabled={busy} onClick={() => setChecked(null)}>
              Cancel
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}
