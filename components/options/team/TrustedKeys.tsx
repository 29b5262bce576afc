import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import type { ParsedPolicy } from '@/lib/policy/schema';
import type { HeedDb } from '@/lib/store/db';
import { getApplied } from '@/lib/team/apply';
import { forgetTrustedKey, getTrustedKeys } from '@/lib/team/keys';
import { errorText } from '../lists/use-app-db';
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
      <h3 id={`${id}-h`}>Trusted team keys</h3>
      {policyKeys.length > 0 ? (
        <p className="muted">
          Your organisation sets the trusted keys: only bundles signed with one of them are accepted.
        </p>
      ) : null}
      {policyKeys.length === 0 && data.keys.length === 0 ? (
        <p className="muted">None yet: the first bundle you import asks you to trust its key.</p>
      ) : null}
      <ul className="tm-keys">
        {policyKeys.map((k) => (
          <li key={k.publicKey}>
            “{k.name}” (set by your organisation): <Fingerprint publicKey={k.publicKey} />
          </li>
        ))}
        {policyKeys.length === 0
          ? data.keys.map((k) => (
              <li key={k.keyId}>
                “{k.teamName}”, trusted {new Date(k.pinnedAt).toLocaleDateString()}:{' '}
                <Fingerprint keyId={k.keyId} />
                {data.applied[k.keyId] ? ` — version ${data.applied[k.keyId]?.version} applied` : ''}{' '}
                <button
                  type="button"
                  className="ol-small"
                  onClick={() => forgetTrustedKey(db, k.keyId).catch((e: unknown) => setError(errorText(e)))}
                >
                  Stop trusting
                </button>
              </li>
            ))
          : null}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
