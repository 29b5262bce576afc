import { useId } from 'react';
import { t } from '@/lib/i18n';
import {
  LOCKABLE_SETTINGS,
  type LockableSetting,
  type ParsedPolicy,
  settingLabel,
} from '@/lib/policy/schema';
import { Fingerprint } from './Fingerprint';

function valueText(v: unknown): string {
  if (typeof v === 'boolean') return v ? t('options_policy_on') : t('options_policy_off');
  if (v === undefined) return t('options_policy_not_set');
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
      <h3 id={`${id}-h`}>{t('options_policy_title')}</h3>
      {p.reason ? <p>{t('options_policy_why', p.reason)}</p> : null}
      <ul>
        {locks.map(([k, v]) => (
          <li key={k}>
            {t(
              'options_policy_locked_value',
              LOCKABLE_SETTINGS.includes(k as LockableSetting) ? settingLabel(k as LockableSetting) : k,
            )}{' '}
            <strong>{valueText(v)}</strong>
          </li>
        ))}
        {p.requireSignedLists ? <li>{t('options_policy_signed_only')}</li> : null}
        {p.hideDeleteList ? <li>{t('options_policy_no_delete')}</li> : null}
        {p.teamKeys.map((k) => (
          <li key={k.publicKey}>
            {t('options_policy_team_key', k.name)} <Fingerprint publicKey={k.publicKey} />
          </li>
        ))}
      </ul>
      {parsed.warnings.length > 0 ? (
        <div role="alert" className="warning">
          <p>{t('options_policy_warnings')}</p>
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
