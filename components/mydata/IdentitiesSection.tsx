import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useId, useRef, useState } from 'react';
import { type MessageKey, t } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { addIdentity, removeIdentity, restoreIdentity } from '@/lib/mydata/commands';
import type { SelfDb } from '@/lib/mydata/db';
import { listIdentities } from '@/lib/mydata/identities';
import type { Identity, IdentityKind } from '@/lib/mydata/schemas';
import { pageNotices } from '@/lib/notices';
import { CountrySelect } from './CountrySelect';

const KIND_NAME: Record<IdentityKind, MessageKey> = {
  email: 'mydata_identity_email',
  phone: 'mydata_identity_phone',
  profile: 'mydata_identity_profile',
};

/** 'a hashed email': what a notice calls an identity Heed keeps only as a hash. */
const HASHED: Record<IdentityKind, MessageKey> = {
  email: 'mydata_hashed_email',
  phone: 'mydata_hashed_phone',
  profile: 'mydata_hashed_profile',
};

const REMOVE_HASHED: Record<IdentityKind, MessageKey> = {
  email: 'mydata_remove_hashed_email',
  phone: 'mydata_remove_hashed_phone',
  profile: 'mydata_remove_hashed_profile',
};

function placeholder(kind: IdentityKind): string {
  if (kind === 'phone') return '+44 20 7946 0958';
  return t(kind === 'email' ? 'mydata_ph_email' : 'mydata_ph_profile');
}

export function IdentitiesSection({ db, country }: { db: SelfDb; country: string }) {
  const id = useId();
  const identities = useLiveQuery(() => listIdentities(db), [db]);
  const [kind, setKind] = useState<IdentityKind>('email');
  const [value, setValue] = useState('');
  const [phoneCountry, setPhoneCountry] = useState('');
  const [label, setLabel] = useState('');
  const [hashedOnly, setHashedOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const valueRef = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const r = await addIdentity(db, {
        kind,
        raw: value,
        label,
        hashedOnly,
        defaultCountry: kind === 'phone' ? phoneCountry || country || undefined : undefined,
      });
      if (!r.ok) {
        // The typed value stays in the field, so the user can fix it rather than type it again.
        setError(t('mydata_identity_not_added', t(KIND_NAME[kind]), r.reason));
        valueRef.current?.focus();
        return;
      }
      setValue('');
      setLabel('');
      pageNotices.say(t('mydata_added', r.identity.value ?? t(HASHED[kind])));
      valueRef.current?.focus();
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (identity: Identity) => {
    const removed = await removeIdentity(db, identity.id);
    if (!removed) return;
    pageNotices.say(t('mydata_removed', removed.value ?? t(HASHED[removed.kind])), {
      undo: async () => {
        await restoreIdentity(db, removed);
      },
    });
  };

  return (
    <section id="identities" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('mydata_nav_identities')}</h2>
      <p className="lead">{t('mydata_identities_lead')}</p>
      <form onSubmit={submit} className="add-identity" noValidate>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-kind`}>{t('mydata_kind')}</label>
            <select
              id={`${id}-kind`}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as IdentityKind);
                setError(null);
              }}
            >
              {(Object.keys(KIND_NAME) as IdentityKind[]).map((k) => (
                <option key={k} value={k}>
                  {t(KIND_NAME[k])}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-value`}>{t(KIND_NAME[kind])}</label>
            <input
              id={`${id}-value`}
              ref={valueRef}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={placeholder(kind)}
              type={kind === 'email' ? 'email' : kind === 'phone' ? 'tel' : 'url'}
              autoComplete="off"
              spellCheck={false}
              required
              maxLength={600}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
          {kind === 'phone' ? (
            <CountrySelect
              id={`${id}-pc`}
              label={t('mydata_phone_country')}
              value={phoneCountry || country}
              onChange={setPhoneCountry}
            />
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-label`}>{t('mydata_label_optional')}</label>
            <input
              id={`${id}-label`}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder={t('mydata_label_ph')}
              maxLength={80}
            />
          </div>
        </div>
        <div className="check">
          <input
            id={`${id}-hash`}
            type="checkbox"
            checked={hashedOnly}
            onChange={(e) => setHashedOnly(e.target.checked)}
            aria-describedby={`${id}-hash-hint`}
          />
          <label htmlFor={`${id}-hash`}>{t('mydata_hash_only')}</label>
        </div>
        <p className="hint" id={`${id}-hash-hint`}>
          {t('mydata_hash_hint')}
        </p>
        {error ? (
          <p className="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
          {t('mydata_add')}
        </button>
      </form>

      {identities === undefined ? (
        <p className="muted">{t('mydata_loading')}</p>
      ) : identities.length === 0 ? (
        <p className="empty">{t('mydata_identities_empty')}</p>
      ) : (
        <ul className="identities" aria-label={t('mydata_identities_list')}>
          {identities.map((i) => (
            <li key={i.id}>
              <span className="kind">{t(KIND_NAME[i.kind])}</span>
              {i.value !== undefined ? (
                <span className="value">{i.value}</span>
              ) : (
                <span className="value hashed" title={`SHA-256 ${i.sha256}`}>
                  {t('mydata_hashed_value', i.sha256.slice(0, 10))}
                </span>
              )}
              {i.label ? <span className="tag">{i.label}</span> : null}
              <button
                type="button"
                onClick={() => void remove(i)}
                aria-label={
                  i.value !== undefined ? t('mydata_remove_label', i.value) : t(REMOVE_HASHED[i.kind])
                }
              >
                {t('mydata_remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
