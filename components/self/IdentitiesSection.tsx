import { useLiveQuery } from 'dexie-react-hooks';
import { type FormEvent, useContext, useId, useRef, useState } from 'react';
import { addIdentity, listIdentities, removeIdentity, restoreIdentity } from '@/lib/self/identities';
import type { Identity, IdentityKind } from '@/lib/self/schemas';
import { CountrySelect } from './CountrySelect';
import { errorText, NoticeContext, useSelfDb } from './shared';

const KIND_NAME: Record<IdentityKind, string> = {
  email: 'Email address',
  phone: 'Phone number',
  profile: 'LinkedIn profile URL',
};

const PLACEHOLDER: Record<IdentityKind, string> = {
  email: 'you@example.com',
  phone: '+44 20 7946 0958',
  profile: 'linkedin.com/in/your-name',
};

export function IdentitiesSection({ country }: { country: string }) {
  const db = useSelfDb();
  const notify = useContext(NoticeContext);
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
        setError(`${KIND_NAME[kind]} not added: ${r.reason}.`);
        valueRef.current?.focus();
        return;
      }
      setValue('');
      setLabel('');
      notify({ message: `Added ${r.identity.value ?? `a hashed ${kind}`}.` });
      valueRef.current?.focus();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (identity: Identity) => {
    const removed = await removeIdentity(db, identity.id);
    if (!removed) return;
    notify({
      message: `Removed ${removed.value ?? `a hashed ${removed.kind}`}.`,
      undo: async () => {
        await restoreIdentity(db, removed);
      },
    });
  };

  return (
    <section id="identities" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>My identities</h2>
      <p className="lead">
        Your own email addresses, phone numbers and LinkedIn profile. Heed keeps them in this browser only,
        apart from any suppression list, and uses them to spot your data on pages you scan and to fill in your
        request letters.
      </p>
      <form onSubmit={submit} className="add-identity" noValidate>
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
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
                  {KIND_NAME[k]}
                </option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-value`}>{KIND_NAME[kind]}</label>
            <input
              id={`${id}-value`}
              ref={valueRef}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              placeholder={PLACEHOLDER[kind]}
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
              label="Country, for numbers without +code"
              value={phoneCountry || country}
              onChange={setPhoneCountry}
            />
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-label`}>Label (optional)</label>
            <input
              id={`${id}-label`}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              placeholder="work, old, …"
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
          <label htmlFor={`${id}-hash`}>Store only a hash</label>
        </div>
        <p className="hint" id={`${id}-hash-hint`}>
          Heed then keeps only a SHA-256 fingerprint: it still recognises the value on pages, but cannot write
          it into a letter, and you will not see it here again.
        </p>
        {error ? (
          <p className="error" id={`${id}-error`} role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="primary" disabled={busy || value.trim() === ''}>
          Add
        </button>
      </form>

      {identities === undefined ? (
        <p className="muted">Loading…</p>
      ) : identities.length === 0 ? (
        <p className="empty">
          No identities yet. Add the email address you are most often contacted at first; it is also what
          companies use to find your data.
        </p>
      ) : (
        <ul className="identities" aria-label="Your identities">
          {identities.map((i) => (
            <li key={i.id}>
              <span className="kind">{KIND_NAME[i.kind]}</span>
              {i.value !== undefined ? (
                <span className="value">{i.value}</span>
              ) : (
                <span className="value hashed" title={`SHA-256 ${i.sha256}`}>
                  hashed only ({i.sha256.slice(0, 10)}…) – matches on pages, not in letters
                </span>
              )}
              {i.label ? <span className="tag">{i.label}</span> : null}
              <button
                type="button"
                onClick={() => void remove(i)}
                aria-label={`Remove ${i.value ?? `hashed ${KIND_NAME[i.kind].toLowerCase()}`}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
