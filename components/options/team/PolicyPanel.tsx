import { useId } from 'react';
import {
  LOCKABLE_SETTINGS,
  type LockableSetting,
  type ParsedPolicy,
  SETTING_LABEL,
} from '@/lib/policy/schema';
import { Fingerprint } from './Fingerprint';

function valueText(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'on' : 'off';
  if (v === undefined) return 'not set';
  return String(v);
}

/** What the organisation's policy fixes in this browser, and why: the rep's view of the policy in effect. */
export function PolicyPanel({ parsed }: { parsed: ParsedPolicy | null }) {
  const id = useId();
  if (!parsed || (parsed.keys.length === 0 && parsed.warnings.length === 0)) return null;
  const p = parsed.policy;
  const locks = Object.entries(p.lockedSettings);
  return (
    <section className="ot-panel ot-policy" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Set by your organisation</h3>
      {p.reason ? <p>Why: {p.reason}</p> : null}
      <ul>
        {locks.map(([k, v]) => (
          <li key={k}>
            Locked:{' '}
            {LOCKABLE_SETTINGS.includes(k as LockableSetting) ? SETTING_LABEL[k as LockableSetting] : k} ={' '}
            <strong>{valueText(v)}</strong>
          </li>
        ))}
        {p.requireSignedLists ? (
          <li>Lists come from signed team bundles only: plain imports and backup restores are turned off.</li>
        ) : null}
        {p.hideDeleteList ? <li>Deleting lists is turned off.</li> : null}
        {p.teamKeys.map((k) => (
          <li key={k.publicKey}>
            Trusted team key “{k.name}” — fingerprint <Fingerprint publicKey={k.publicKey} />
          </li>
        ))}
      </ul>
      {parsed.warnings.length > 0 ? (
        <div role="alert" className="warning">
          <p>Parts of the organisation’s policy could not be used (tell your administrator):</p>
          <ul>
            {parsed.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
