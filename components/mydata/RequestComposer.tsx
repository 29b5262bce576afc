import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { getLanguage, type Lang, t, tn } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import { languageName } from '@/lib/i18n/words';
import { logRequest } from '@/lib/mydata/commands';
import { localIsoDate, longDate } from '@/lib/mydata/dates';
import type { SelfDb } from '@/lib/mydata/db';
import { letterIdentities, listIdentities } from '@/lib/mydata/identities';
import { letterLanguageFor, letterLanguages, withSubjectLine } from '@/lib/mydata/letter-text/index';
import { composeRequest, lawForCountry, lawLabel, requestKindLabel } from '@/lib/mydata/letters';
import { kindsFor, LAWS, type Law, type RequestKind } from '@/lib/mydata/schemas';
import { pageNotices } from '@/lib/notices';
import { CountrySelect } from './CountrySelect';
import { tx } from './shared';

export interface ComposerDefaults {
  company?: string;
  domain?: string;
}

const NEEDS_CORRECTION: readonly RequestKind[] = ['rectification', 'ccpa-correct'];

export function RequestComposer({
  db,
  name,
  country,
  defaults,
}: {
  db: SelfDb;
  name: string;
  country: string;
  defaults: ComposerDefaults;
}) {
  const id = useId();
  const identities = useLiveQuery(() => listIdentities(db), [db]);
  const today = localIsoDate(new Date());

  const [company, setCompany] = useState(defaults.company ?? '');
  const [companyEmail, setCompanyEmail] = useState('');
  const [companyCountry, setCompanyCountry] = useState('');
  // The letter's language follows the company's country until the user picks one.
  const [chosenLanguage, setChosenLanguage] = useState<Lang | null>(null);
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

  const letterLanguage = chosenLanguage ?? letterLanguageFor(companyCountry, law);
  const letter = composeRequest({
    kinds,
    law,
    company,
    companyCountry,
    language: letterLanguage,
    companyEmail,
    identities: chosenIdentities,
    name,
    today: validSent,
    correction,
    details,
    californiaResident: californian,
  });
  const text = withSubjectLine(letter.language, letter.subject, letter.body);
  const page = getLanguage();
  // Only the kinds of the chosen law are logged, whatever a stale state may hold.
  const lawKinds = kindsFor(law).filter((k) => kinds.includes(k));
  const canLog = company.trim() !== '' && lawKinds.length > 0;

  const copy = async (what: 'letter' | 'body') => {
    try {
      await navigator.clipboard.writeText(what === 'letter' ? text : letter.body);
      setCopied(t(what === 'letter' ? 'mydata_copied_letter' : 'mydata_copied_body'));
    } catch (err) {
      setCopied(t('mydata_copy_failed', shownError(err)));
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
        language: letter.language,
      });
      pageNotices.say(t('mydata_logged', record.company, longDate(record.dueAt, page)));
    } catch (err) {
      setError(shownError(err));
    } finally {
      setBusy(false);
    }
  };

  const toggleKind = (k: RequestKind, on: boolean) =>
    setKinds((prev) => kindsFor(law).filter((x) => (x === k ? on : prev.includes(x))));

  return (
    <section className="composer" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('mydata_write_request')}</h3>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-company`}>{t('mydata_company')}</label>
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
              {t('mydata_company_hint', defaults.domain)}
            </p>
          ) : null}
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-email`}>{t('mydata_company_email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            value={companyEmail}
            onChange={(e) => setCompanyEmail(e.target.value)}
            placeholder={t('mydata_company_email_ph')}
            maxLength={254}
            autoComplete="off"
            aria-describedby={`${id}-email-hint`}
          />
          <p className="hint" id={`${id}-email-hint`}>
            {t('mydata_company_email_hint')}
          </p>
        </div>
        <CountrySelect
          id={`${id}-company-country`}
          label={t('mydata_company_country')}
          value={companyCountry}
          onChange={setCompanyCountry}
        />
      </div>

      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-law`}>{t('mydata_law')}</label>
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
                {lawLabel(l)}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-law-hint`}>
            {suggested
              ? t(law === 'ccpa' ? 'mydata_law_hint_suggested_ccpa' : 'mydata_law_hint_suggested')
              : t('mydata_law_hint_none')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('mydata_letter_language')}</label>
          <select
            id={`${id}-lang`}
            value={letter.language}
            disabled={law !== 'gdpr'}
            onChange={(e) => setChosenLanguage(e.target.value as Lang)}
            aria-describedby={`${id}-lang-hint`}
          >
            {letterLanguages(law).map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-lang-hint`}>
            {t(law === 'gdpr' ? 'mydata_letter_language_hint' : 'mydata_letter_language_english')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-sent`}>{t('mydata_sent_on')}</label>
          <input
            id={`${id}-sent`}
            type="date"
            value={sentAt}
            max={today}
            onChange={(e) => setSentAt(e.target.value)}
            aria-describedby={`${id}-sent-hint`}
          />
          <p className="hint" id={`${id}-sent-hint`}>
            {t('mydata_sent_hint')}
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
          <label htmlFor={`${id}-ca`}>{t('mydata_california')}</label>
          <p className="hint" id={`${id}-ca-hint`}>
            {t('mydata_california_hint')}
          </p>
        </div>
      ) : null}

      <fieldset className="kinds">
        <legend>{t('mydata_what_ask')}</legend>
        {kindsFor(law).map((k) => (
          <div className="check" key={k}>
            <input
              id={`${id}-k-${k}`}
              type="checkbox"
              checked={kinds.includes(k)}
              onChange={(e) => toggleKind(k, e.target.checked)}
            />
            <label htmlFor={`${id}-k-${k}`}>{requestKindLabel(k)}</label>
          </div>
        ))}
      </fieldset>

      {kinds.some((k) => NEEDS_CORRECTION.includes(k)) ? (
        <div className="field">
          <label htmlFor={`${id}-corr`}>{t('mydata_correction')}</label>
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
        <legend>{t('mydata_identifiers_legend')}</legend>
        {identities === undefined ? (
          <p className="muted">{t('mydata_loading')}</p>
        ) : usable.length === 0 ? (
          <p className="empty">
            {tx('mydata_identifiers_none', <a href="#identities">{t('mydata_nav_identities')}</a>)}
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
        {hashedCount > 0 ? <p className="hint">{tn('mydata_hashed_left_out', hashedCount)}</p> : null}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-details`}>{t('mydata_details')}</label>
        <textarea
          id={`${id}-details`}
          value={details}
          onChange={(e) => setDetails(e.target.value)}
          rows={2}
          maxLength={1000}
          placeholder={t('mydata_details_ph')}
        />
      </div>

      {letter.warnings.length > 0 ? (
        <ul className="warnings" aria-label={t('mydata_before_send')}>
          {letter.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}

      <div className="field">
        <label htmlFor={`${id}-preview`}>{t('mydata_the_letter')}</label>
        <textarea
          id={`${id}-preview`}
          className="letter"
          readOnly
          value={text}
          rows={18}
          lang={letter.language}
        />
        <p className="hint">
          {tx(
            'mydata_reply_due',
            <strong>{longDate(letter.dueAt, page)}</strong>,
            letter.deadlines.length > 1
              ? letter.deadlines
                  .map((d) => t('mydata_rule_due', d.rule.split(/ ?:/)[0] ?? '', longDate(d.dueAt, page)))
                  .join('; ')
              : (letter.deadlines[0]?.rule ?? ''),
          )}
        </p>
      </div>

      <div className="actions">
        <button type="button" onClick={() => void copy('letter')}>
          {t('mydata_copy_letter')}
        </button>
        {letter.mailto ? (
          <a className="button" href={letter.mailto}>
            {t('mydata_open_mail')}
          </a>
        ) : letter.mailtoSubjectOnly ? (
          <a className="button" href={letter.mailtoSubjectOnly} onClick={() => void copy('body')}>
            {t('mydata_copy_open_mail')}
          </a>
        ) : (
          <button type="button" disabled aria-describedby={`${id}-nomail`}>
            {t('mydata_open_mail')}
          </button>
        )}
        <button type="button" className="primary" onClick={() => void log()} disabled={!canLog || busy}>
          {t('mydata_sent_it')}
        </button>
      </div>
      {!letter.mailto && letter.mailtoSubjectOnly ? <p className="hint">{t('mydata_too_long')}</p> : null}
      {!letter.mailtoSubjectOnly ? (
        <p className="hint" id={`${id}-nomail`}>
          {t('mydata_no_mail')}
        </p>
      ) : null}
      <p className="muted" role="status">
        {copied}
      </p>
      {error ? (
        <p className="error" role="alert">
          {t('mydata_not_logged', error)}
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
