import { useLiveQuery } from 'dexie-react-hooks';
import { useContext, useEffect, useId, useMemo, useState } from 'react';
import { localIsoDate, longDate } from '@/lib/self/dates';
import { letterIdentities, listIdentities } from '@/lib/self/identities';
import { composeRequest, KIND_LABEL, LAW_LABEL, lawForCountry } from '@/lib/self/letters';
import { logRequest } from '@/lib/self/requests';
import { kindsFor, LAWS, type Law, type RequestKind } from '@/lib/self/schemas';
import { CountrySelect } from './CountrySelect';
import { errorText, NoticeContext, useSelfDb } from './shared';

export interface ComposerDefaults {
  company?: string;
  domain?: string;
}

const NEEDS_CORRECTION: readonly RequestKind[] = ['rectification', 'ccpa-correct'];

export function RequestComposer({
  name,
  country,
  defaults,
}: {
  name: string;
  country: string;
  defaults: ComposerDefaults;
}) {
  const db = useSelfDb();
  const notify = useContext(NoticeContext);
  const id = useId();
  const identities = useLiveQuery(() => listIdentities(db), [db]);
  const today = localIsoDate(new Date());

  const [company, setCompany] = useState(defaults.company ?? '');
  const [companyEmail, setCompanyEmail] = useState('');
  const [companyCountry, setCompanyCountry] = useState('');
  const [californian, setCalifornian] = useState(false);
  const suggested = lawForCountry(country);
  const [law, setLaw] = useState<Law>(suggested ?? 'gdpr');
  const [lawChosen, setLawChosen] = useState(false);
  const [kinds, setKinds] = useState<RequestKind[]>(() => mapKinds(['access'], suggested ?? 'gdpr'));
  const [correction, setCorrection] = useState('');
  const [details, setDetails] = useState('');
  const [sentAt, setSentAt] = useState(today);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [copied, setCopied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Follow the country until the user picks a law themselves.
  useEffect(() => {
    if (!lawChosen && suggested && suggested !== law) {
      setLaw(suggested);
      setKinds((k) => mapKinds(k, suggested));
    }
  }, [suggested, lawChosen, law]);

  const usable = useMemo(() => (identities ?? []).filter((i) => i.value !== undefined), [identities]);
  const hashedCount = (identities?.length ?? 0) - usable.length;
  const chosenIdentities = letterIdentities(usable.filter((i) => !excluded.has(i.id)));
  const validSent = /^\d{4}-\d{2}-\d{2}$/.test(sentAt) && sentAt <= today ? sentAt : today;

  const letter = composeRequest({
    kinds,
    law,
    company,
    companyEmail,
    identities: chosenIdentities,
    name,
    today: validSent,
    correction,
    details,
    californiaResident: californian,
  });
  const text = `Subject: ${letter.subject}\n\n${letter.body}`;
  // Only the kinds of the chosen law are logged, whatever a stale state may hold.
  const lawKinds = kindsFor(law).filter((k) => kinds.includes(k));
  const canLog = company.trim() !== '' && lawKinds.length > 0;

  const copy = async (what: 'letter' | 'body') => {
    try {
      await navigator.clipboard.writeText(what === 'letter' ? text : letter.body);
      setCopied(
        what === 'letter'
          ? 'Letter copied, with its subject line.'
          : 'Letter copied: paste it into the draft.',
      );
    } catch (err) {
      setCopied(`Could not copy (${errorText(err)}): select the text below and copy it.`);
    }
  };

  const log = async () => {
    if (!canLog || busy) return;
    setBusy(true);
    setError(null);
    try {
      const email = companyEmail.trim();
      const record = await logRequest(db, {
        company: company.trim(),
        ...(email ? { companyEmail: email } : {}),
        ...(companyCountry ? { companyCountry } : {}),
        kinds: lawKinds,
        law,
        sentAt: validSent,
        dueAt: letter.dueAt,
      });
      notify({
        message: `Logged your request to ${record.company}: reply due by ${longDate(record.dueAt)}.`,
      });
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const toggleKind = (k: RequestKind, on: boolean) =>
    setKinds((prev) => kindsFor(law).filter((x) => (x === k ? on : prev.includes(x))));

  return (
    <section className="composer" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Write a request</h3>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-company`}>Company</label>
          <input
            id={`${id}-company`}
            value={company}
            onChange={(e) => setCompany(e.target.value)}
            maxLength={200}
            autoComplete="organization"
            aria-describedby={defaults.domain ? `${id}-company-hint` : undefined}
          />
          {defaults.domain ? (
            <p className="hint" id={`${id}-company-hint`}>
              Suggested from the page you had open ({defaults.domain}). Use the company's legal name if you
              know it.
            </p>
          ) : null}
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-email`}>Its privacy email</label>
          <input
            id={`${id}-email`}
            type="email"
            value={companyEmail}
            onChange={(e) => setCompanyEmail(e.target.value)}
            placeholder="privacy@…"
            maxLength={254}
            autoComplete="off"
            aria-describedby={`${id}-email-hint`}
          />
          <p className="hint" id={`${id}-email-hint`}>
            The company's privacy notice names it (often "privacy@" or "dpo@"). Heed does not look it up.
          </p>
        </div>
        <CountrySelect
          id={`${id}-company-country`}
          label="Company's country"
          value={companyCountry}
          onChange={setCompanyCountry}
        />
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-law`}>Law</label>
          <select
            id={`${id}-law`}
            value={law}
            onChange={(e) => {
              const next = e.target.value as Law;
              setLawChosen(true);
              setLaw(next);
              setKinds((k) => mapKinds(k, next));
            }}
            aria-describedby={`${id}-law-hint`}
          >
            {LAWS.map((l) => (
              <option key={l} value={l}>
                {LAW_LABEL[l]}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-law-hint`}>
            {suggested
              ? `Suggested for where you live. ${law === 'ccpa' ? 'The CCPA covers California residents; other US states have their own laws.' : ''}`
              : 'Set your country above for a suggestion. The GDPR also applies to companies outside the EU that target people in it.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sent`}>Sent on</label>
          <input
            id={`${id}-sent`}
            type="date"
            value={sentAt}
            max={today}
            onChange={(e) => setSentAt(e.target.value)}
            aria-describedby={`${id}-sent-hint`}
          />
          <p className="hint" id={`${id}-sent-hint`}>
            Today, or the day you sent an earlier request you want to log.
          </p>
        </div>
      </div>

      {law === 'ccpa' ? (
        <div className="check">
          <input
            id={`${id}-ca`}
            type="checkbox"
            checked={californian}
            onChange={(e) => setCalifornian(e.target.checked)}
            aria-describedby={`${id}-ca-hint`}
          />
          <label htmlFor={`${id}-ca`}>I am a California resident</label>
          <p className="hint" id={`${id}-ca-hint`}>
            The CCPA's rights belong to California residents; the letter says you are one only when this is
            ticked.
          </p>
        </div>
      ) : null}

      <fieldset className="kinds">
        <legend>What do you ask for?</legend>
        {kindsFor(law).map((k) => (
          <div className="check" key={k}>
            <input
              id={`${id}-k-${k}`}
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => toggleKind(k, e.target.checked)}
            />
            <label htmlFor={`${id}-k-${k}`}>{KIND_LABEL[k]}</label>
          </div>
        ))}
      </fieldset>

      {kinds.some((k) => NEEDS_CORRECTION.includes(k)) ? (
        <div className="field">
          <label htmlFor={`${id}-corr`}>What is wrong, and what is correct?</label>
          <textarea
            id={`${id}-corr`}
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
            rows={3}
            maxLength={2000}
          />
        </div>
      ) : null}

      <fieldset className="kinds">
        <legend>Identifiers to put in the letter</legend>
        {identities === undefined ? (
          <p className="muted">Loading…</p>
        ) : usable.length === 0 ? (
          <p className="empty">
            None yet: add your email address under <a href="#identities">My identities</a>, or the company
            cannot find your data.
          </p>
        ) : (
          usable.map((i) => (
            <div className="check" key={i.id}>
              <input
                id={`${id}-i-${i.id}`}
                type="checkbox"
                checked={!excluded.has(i.id)}
                onChange={(e) =>
                  setExcluded((prev) => {
                    const next = new Set(prev);
                    if (e.target.checked) next.delete(i.id);
                    else next.add(i.id);
                    return next;
                  })
                }
              />
              <label htmlFor={`${id}-i-${i.id}`}>{i.value}</label>
            </div>
          ))
        )}
        {hashedCount > 0 ? (
          <p className="hint">
            {hashedCount} hashed-only {hashedCount === 1 ? 'identity is' : 'identities are'} left out: Heed
            cannot write a value it only keeps as a hash.
          </p>
        ) : null}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-details`}>Other details that help them find you (optional)</label>
        <textarea
          id={`${id}-details`}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          rows={2}
          maxLength={1000}
          placeholder="Customer number, former address…"
        />
      </div>

      {letter.warnings.length > 0 ? (
        <ul className="warnings" aria-label="Before you send">
          {letter.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      <div className="field">
        <label htmlFor={`${id}-preview`}>The letter</label>
        <textarea id={`${id}-preview`} className="letter" readOnly value={text} rows={18} />
        <p className="hint">
          Reply due by <strong>{longDate(letter.dueAt)}</strong>
          {letter.deadlines.length > 1
            ? ` (${letter.deadlines.map((d) => `${d.rule.split(':')[0]}: ${longDate(d.dueAt)}`).join('; ')})`
            : ` (${letter.deadlines[0]?.rule ?? ''})`}
          .
        </p>
      </div>

      <div className="actions">
        <button type="button" onClick={() => void copy('letter')}>
          Copy letter
        </button>
        {letter.mailto ? (
          <a className="button" href={letter.mailto}>
            Open in mail app
          </a>
        ) : letter.mailtoSubjectOnly ? (
          <a className="button" href={letter.mailtoSubjectOnly} onClick={() => void copy('body')}>
            Copy and open in mail app
          </a>
        ) : (
          <button type="button" disabled aria-describedby={`${id}-nomail`}>
            Open in mail app
          </button>
        )}
        <button type="button" className="primary" onClick={() => void log()} disabled={!canLog || busy}>
          I sent it
        </button>
      </div>
      {!letter.mailto && letter.mailtoSubjectOnly ? (
        <p className="hint">
          The letter is too long for a mail link on every system: this copies it and opens a draft with the
          address and subject; paste the letter into it.
        </p>
      ) : null}
      {!letter.mailtoSubjectOnly ? (
        <p className="hint" id={`${id}-nomail`}>
          Add the company's privacy email to open a draft, or copy the letter into their web form.
        </p>
      ) : null}
      <p className="muted" role="status">
        {copied}
      </p>
      {error ? (
        <p className="error" role="alert">
          Not logged: {error}
        </p>
      ) : null}
    </section>
  );
}

/** Keeps the user's choice when switching law: access ↔ know, erasure ↔ delete, and so on. */
function mapKinds(kinds: readonly RequestKind[], law: Law): RequestKind[] {
  const pairs: [RequestKind, RequestKind][] = [
    ['access', 'ccpa-know'],
    ['erasure', 'ccpa-delete'],
    ['objection', 'ccpa-opt-out'],
    ['rectification', 'ccpa-correct'],
  ];
  const out = new Set<RequestKind>();
  for (const k of kinds) {
    const pair = pairs.find((p) => p.includes(k));
    if (!pair) continue;
    out.add(law === 'ccpa' ? pair[1] : pair[0]);
  }
  return kindsFor(law).filter((k) => out.has(k));
}
