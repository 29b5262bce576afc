import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { formatDate, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import type { ParsedPolicy } from '@/lib/policy/schema';
import type { HeedDb } from '@/lib/store/db';
import { getApplied } from '@/lib/team/apply';
import { forgetTrustedKey, getTrustedKeys } from '@/lib/team/keys';
import { ErrorLine } from '../ErrorLine';
import { Fingerprint } from './Fingerprint';

/** The team keys this browser trusts, and which version of each team's bundle is applied. */
export function TrustedKeys({ db, policy }: { db: HeedDb; policy: ParsedPolicy | null }) {
  const id = useId();
  const data = useLiveQuery(
    async () => ({ keys: await getTrustedKeys(db), applied: await getApplied(db) }),
    [db],
  );
  const [error, setError] = useState<string | null>(null);
  const policyKeys = policy?.policy.teamKeys ?? [];
  if (!data) return null;
  return (
    <section className="ot-panel" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('options_team_trusted_title')}</h3>
      {policyKeys.length > 0 ? <p className="muted">{t('options_team_trusted_by_policy')}</p> : null}
      {policyKeys.length === 0 && data.keys.length === 0 ? (
        <p className="muted">{t('options_team_trusted_none')}</p>
      ) : null}
      <ul className="tm-keys">
        {policyKeys.map((k) => (
          <li key={k.publicKey}>
            {t('options_team_trusted_policy_key', k.name)} <Fingerprint publicKey={k.publicKey} />
          </li>
        ))}
        {policyKeys.length === 0
          ? data.keys.map((k) => (
              <li key={k.keyId}>
                {t('options_team_trusted_key', k.teamName, formatDate(k.pinnedAt))}{' '}
                <Fingerprint keyId={k.keyId} />
                {data.applied[k.keyId]
                  ? ` ${t('options_team_version_applied', data.applied[k.keyId]?.version ?? 0)}`
                  : ''}{' '}
                <button
                  type="button"
                  className="ol-small"
                  onClick={() => forgetTrustedKey(db, k.keyId).catch((e: unknown) => setError(shownError(e)))}
                >
                  {t('options_team_stop_trusting')}
                </button>
              </li>
            ))
          : null}
      </ul>
      <ErrorLine error={error} />
    </section>
  );
}
