import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CHANNEL_LABEL } from '@/lib/badge/words';
import { t } from '@/lib/i18n';
import {
  type ConsentRow,
  type FieldErrors,
  type LawfulBasisForm,
  PHONE_KIND_LABEL,
  SOURCE_LABEL,
  STAGE_LABEL,
  SUBSCRIBER_LABEL,
  type TriState,
  VISIBILITY_LABEL,
} from '@/lib/popup/lawful-basis';
import { employerDiffers } from '@/lib/risk/employer';
import { ContactVisibilitySchema, type PhoneKind, PhoneKindSchema } from '@/lib/store/schemas';
import {
  CHANNELS,
  type Channel,
  type DataSource,
  DataSourceSchema,
  type Stage,
  StageSchema,
  type Subscriber,
  SubscriberSchema,
} from '@/lib/vocab';

const MORE_FACT_FIELDS = [
  'purchaseAt',
  'inquiryAt',
  'contractActive',
  'contractEndedAt',
  'phoneKind',
  'tps',
  'tpsScreenedAt',
  'dnc',
  'dncScreenedAt',
  'presumedConsent',
  'businessCardAt',
  'businessEmailSignOffAt',
  'region',
  'timeZone',
  'contactVisibility',
];

/** "More facts" opens by itself when one of its fields has an error, so the error is never hidden. */
function moreOpen(errors: FieldErrors): boolean | undefined {
  return MORE_FACT_FIELDS.some((k) => errors[k]) ? true : undefined;
}

function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  const describedBy =
    [error ? `${id}-err` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-err`} className="error small">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** Stage, subscriber, country, consent per channel, LIA, source and the Art. 14 notice, for one person. */
export function LawfulBasisPanel({
  initial,
  hasContact,
  today,
  onSave,
  onCancel,
  pageEmployer,
}: {
  initial: LawfulBasisForm;
  hasContact: boolean;
  /** The current employer the page shows, to say so when the record holds another one. */
  pageEmployer?: string | undefined;
  today: string;
  /** Resolves to the field errors, or null once saved. */
  onSave(form: LawfulBasisForm): Promise<FieldErrors | null>;
  onCancel(): void;
}) {
  const id = useId();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const firstField = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const set = <K extends keyof LawfulBasisForm>(key: K, value: LawfulBasisForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const setConsent = (channel: Channel, patch: Partial<ConsentRow>) =>
    setForm((f) => {
      const row = { ...f.consents[channel], ...patch };
      // Ticking consent fills in today, the usual case when recording it on the spot.
      if (patch.given && row.givenAt === '') row.givenAt = today;
      return { ...f, consents: { ...f.consents, [channel]: row } };
    });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const errs = await onSave(form);
      setErrors(errs ?? {});
      if (errs) {
        // Move to the first problem so a keyboard or screen-reader user lands on it.
        requestAnimationFrame(() => {
          formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], .form-error')?.focus();
        });
      }
    } catch (err) {
      setErrors({ form: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const invalid = (key: string) => (errors[key] ? true : undefined);
  const fid = (key: string) => `${id}-${key.replace(/\./g, '-')}`;
  type DateKey =
    | 'purchaseAt'
    | 'inquiryAt'
    | 'tpsScreenedAt'
    | 'dncScreenedAt'
    | 'contractEndedAt'
    | 'businessCardAt'
    | 'businessEmailSignOffAt';
  const dateInput = (key: DateKey, d: string | undefined) => (
    <input
      id={fid(key)}
      type="date"
      value={form[key]}
      max={today}
      aria-invalid={invalid(key)}
      aria-describedby={d}
      onChange={(e) => set(key, e.target.value)}
    />
  );
  const triSelect = (
    key: 'tps' | 'dnc' | 'contractActive',
    d: string | undefined,
    words: { yes: string; no: string },
  ) => (
    <select
      id={fid(key)}
      value={form[key]}
      aria-describedby={d}
      onChange={(e) => set(key, e.target.value as TriState)}
    >
      <option value="">Not recorded</option>
      <option value="yes">{words.yes}</option>
      <option value="no">{words.no}</option>
    </select>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{hasContact ? 'Edit the lawful basis' : 'Record the lawful basis'}</h2>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        {errors.form ? (
          <p className="error form-error" role="alert" tabIndex={-1}>
            {errors.form}
          </p>
        ) : null}
        <Field id={fid('stage')} label="Stage" error={errors.stage}>
          {(d) => (
            <select
              ref={firstField}
              id={fid('stage')}
              value={form.stage}
              aria-describedby={d}
              onChange={(e) => set('stage', e.target.value as Stage)}
            >
              {StageSchema.options.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fid('subscriber')} label="Subscriber type" error={errors.subscriber}>
          {(d) => (
            <select
              id={fid('subscriber')}
              value={form.subscriber}
              aria-describedby={d}
              onChange={(e) => set('subscriber', e.target.value as Subscriber)}
            >
              {SubscriberSchema.options.map((s) => (
                <option key={s} value={s}>
                  {SUBSCRIBER_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fid('country')}
          label="Country"
          error={errors.country}
          hint="Two letters: GB, DE, FR, CA, US…"
        >
          {(d) => (
            <input
              id={fid('country')}
              value={form.country}
              size={4}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid('country')}
              aria-describedby={d}
              onChange={(e) => set('country', e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field
          id={fid('employer')}
          label={t('popup_employer_label')}
          error={errors.employer}
          hint={
            pageEmployer && employerDiffers(form.employer, pageEmployer)
              ? t('popup_employer_page_shows', pageEmployer)
              : t('popup_employer_hint')
          }
        >
          {(d) => (
            <input
              id={fid('employer')}
              value={form.employer}
              maxLength={200}
              autoComplete="off"
              aria-invalid={invalid('employer')}
              aria-describedby={d}
              onChange={(e) => set('employer', e.target.value)}
            />
          )}
        </Field>

        <fieldset>
          <legend>Consent per channel</legend>
          {CHANNELS.map((c) => {
            const row = form.consents[c];
            const key = `consent.${c}`;
            const label = CHANNEL_LABEL[c];
            return (
              <div key={c} className="consent">
                <div className="check">
                  <input
                    id={fid(`${key}.given`)}
                    type="checkbox"
                    checked={row.given}
                    onChange={(e) => setConsent(c, { given: e.target.checked })}
                  />
                  <label htmlFor={fid(`${key}.given`)}>{label}: consent given</label>
                </div>
                {row.given ? (
                  <div className="consent-detail">
                    <Field
                      id={fid(`${key}.givenAt`)}
                      label={`${label} consent date`}
                      error={errors[`${key}.givenAt`]}
                    >
                      {(d) => (
                        <input
                          id={fid(`${key}.givenAt`)}
                          type="date"
                          value={row.givenAt}
                          max={today}
                          aria-invalid={invalid(`${key}.givenAt`)}
                          aria-describedby={d}
                          onChange={(e) => setConsent(c, { givenAt: e.target.value })}
                        />
                      )}
                    </Field>
                    <Field
                      id={fid(`${key}.evidence`)}
                      label={`${label} consent evidence`}
                      error={errors[`${key}.evidence`]}
                      hint="Where the proof is: form, email, call note"
                    >
                      {(d) => (
                        <input
                          id={fid(`${key}.evidence`)}
                          value={row.evidence}
                          maxLength={500}
                          aria-invalid={invalid(`${key}.evidence`)}
                          aria-describedby={d}
                          onChange={(e) => setConsent(c, { evidence: e.target.value })}
                        />
                      )}
                    </Field>
                    <div className="check">
                      <input
                        id={fid(`${key}.written`)}
                        type="checkbox"
                        checked={row.written}
                        onChange={(e) => setConsent(c, { written: e.target.checked })}
                      />
                      <label htmlFor={fid(`${key}.written`)}>
                        {label}: signed written agreement naming the number or address
                      </label>
                    </div>
                    <Field
                      id={fid(`${key}.withdrawnAt`)}
                      label={`${label} consent withdrawn on`}
                      error={errors[`${key}.withdrawnAt`]}
                    >
                      {(d) => (
                        <input
                          id={fid(`${key}.withdrawnAt`)}
                          type="date"
                          value={row.withdrawnAt}
                          max={today}
                          aria-invalid={invalid(`${key}.withdrawnAt`)}
                          aria-describedby={d}
                          onChange={(e) => setConsent(c, { withdrawnAt: e.target.value })}
                        />
                      )}
                    </Field>
                  </div>
                ) : null}
              </div>
            );
          })}
        </fieldset>

        <fieldset>
          <legend>Legitimate-interest assessment</legend>
          <Field id={fid('liaReference')} label="Reference" error={errors.liaReference}>
            {(d) => (
              <input
                id={fid('liaReference')}
                value={form.liaReference}
                maxLength={200}
                aria-invalid={invalid('liaReference')}
                aria-describedby={d}
                onChange={(e) => set('liaReference', e.target.value)}
              />
            )}
          </Field>
          <Field id={fid('liaDate')} label="Assessed on" error={errors.liaDate}>
            {(d) => (
              <input
                id={fid('liaDate')}
                type="date"
                value={form.liaDate}
                max={today}
                aria-invalid={invalid('liaDate')}
                aria-describedby={d}
                onChange={(e) => set('liaDate', e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        <fieldset>
          <legend>Where the data came from</legend>
          <Field id={fid('source')} label="Source" error={errors.source}>
            {(d) => (
              <select
                id={fid('source')}
                value={form.source}
                aria-describedby={d}
                onChange={(e) => set('source', e.target.value as DataSource)}
              >
                {DataSourceSchema.options.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fid('collectedAt')} label="Collected on" error={errors.collectedAt}>
            {(d) => (
              <input
                id={fid('collectedAt')}
                type="date"
                value={form.collectedAt}
                max={today}
                aria-invalid={invalid('collectedAt')}
                aria-describedby={d}
                onChange={(e) => set('collectedAt', e.target.value)}
              />
            )}
          </Field>
          <Field id={fid('informedAt')} label="Art. 14 notice given on" error={errors.informedAt}>
            {(d) => (
              <input
                id={fid('informedAt')}
                type="date"
                value={form.informedAt}
                max={today}
                aria-invalid={invalid('informedAt')}
                aria-describedby={d}
                onChange={(e) => set('informedAt', e.target.value)}
              />
            )}
          </Field>
        </fieldset>

        <details className="more-facts" open={moreOpen(errors)}>
          <summary>More facts</summary>
          <p className="muted small">
            Each lifts a "check" where the law needs it. Leave blank what you do not know.
          </p>
          <fieldset>
            <legend>Customer relationship</legend>
            <Field
              id={fid('purchaseAt')}
              label="Last purchase on"
              error={errors.purchaseAt}
              hint="An actual sale or signed contract. Germany's §7(3) UWG needs one; a negotiation is not a purchase."
            >
              {(d) => dateInput('purchaseAt', d)}
            </Field>
            <Field
              id={fid('inquiryAt')}
              label="Last inquiry or negotiation on"
              error={errors.inquiryAt}
              hint="The person asked about or negotiated a sale that did not (yet) happen (CASL: 6 months)."
            >
              {(d) => dateInput('inquiryAt', d)}
            </Field>
            <Field id={fid('contractActive')} label="Contract or subscription" error={errors.contractActive}>
              {(d) =>
                triSelect('contractActive', d, {
                  yes: 'Active now',
                  no: 'Ended',
                })
              }
            </Field>
            <Field id={fid('contractEndedAt')} label="Contract ended on" error={errors.contractEndedAt}>
              {(d) => dateInput('contractEndedAt', d)}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Phone</legend>
            <Field id={fid('phoneKind')} label="Phone kind" error={errors.phoneKind}>
              {(d) => (
                <select
                  id={fid('phoneKind')}
                  value={form.phoneKind}
                  aria-describedby={d}
                  onChange={(e) => set('phoneKind', e.target.value as PhoneKind)}
                >
                  {PhoneKindSchema.options.map((k) => (
                    <option key={k} value={k}>
                      {PHONE_KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fid('tps')} label="TPS / CTPS (UK)" error={errors.tps}>
              {(d) => triSelect('tps', d, { yes: 'On TPS', no: 'Not on TPS' })}
            </Field>
            <Field
              id={fid('tpsScreenedAt')}
              label="TPS screened on"
              error={errors.tpsScreenedAt}
              hint="A UK call needs a screen within the last 28 days."
            >
              {(d) => dateInput('tpsScreenedAt', d)}
            </Field>
            <Field id={fid('dnc')} label="National do-not-call register (US, CA, AU)" error={errors.dnc}>
              {(d) => triSelect('dnc', d, { yes: 'On the register', no: 'Not on the register' })}
            </Field>
            <Field
              id={fid('dncScreenedAt')}
              label="Do-not-call register screened on"
              error={errors.dncScreenedAt}
            >
              {(d) => dateInput('dncScreenedAt', d)}
            </Field>
            <Field
              id={fid('presumedConsent')}
              label="Presumed consent (Germany, business calls)"
              error={errors.presumedConsent}
              hint="The facts that show the business would want the call (UWG §7(2) Nr. 1)."
            >
              {(d) => (
                <textarea
                  id={fid('presumedConsent')}
                  value={form.presumedConsent}
                  maxLength={2000}
                  rows={2}
                  aria-invalid={invalid('presumedConsent')}
                  aria-describedby={d}
                  onChange={(e) => set('presumedConsent', e.target.value)}
                />
              )}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Business email</legend>
            <div className="check">
              <input
                id={fid('conspicuouslyPublished')}
                type="checkbox"
                checked={form.conspicuouslyPublished}
                onChange={(e) => set('conspicuouslyPublished', e.target.checked)}
              />
              <label htmlFor={fid('conspicuouslyPublished')}>
                Canada: address conspicuously published, without a "no unsolicited messages" note, and the
                message fits the person's role
              </label>
            </div>
            <Field
              id={fid('businessCardAt')}
              label="Canada: business card given on"
              error={errors.businessCardAt}
            >
              {(d) => dateInput('businessCardAt', d)}
            </Field>
            <Field
              id={fid('businessEmailSignOffAt')}
              label="EU business email: privacy officer signed off on"
              error={errors.businessEmailSignOffAt}
              hint="Their confirmation that this country's rule for business email is met."
            >
              {(d) => dateInput('businessEmailSignOffAt', d)}
            </Field>
          </fieldset>
          <fieldset>
            <legend>Where the person is</legend>
            <Field
              id={fid('region')}
              label="State or region"
              error={errors.region}
              hint="US state code for state calling hours and CCPA: TX, FL, CA…"
            >
              {(d) => (
                <input
                  id={fid('region')}
                  value={form.region}
                  size={4}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={invalid('region')}
                  aria-describedby={d}
                  onChange={(e) => set('region', e.target.value.toUpperCase())}
                />
              )}
            </Field>
            <Field
              id={fid('timeZone')}
              label="Time zone"
              error={errors.timeZone}
              hint="For calling hours, e.g. America/Chicago or Europe/Paris."
            >
              {(d) => (
                <input
                  id={fid('timeZone')}
                  value={form.timeZone}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={invalid('timeZone')}
                  aria-describedby={d}
                  onChange={(e) => set('timeZone', e.target.value)}
                />
              )}
            </Field>
            <Field
              id={fid('contactVisibility')}
              label="Contact details were visible"
              error={errors.contactVisibility}
            >
              {(d) => (
                <select
                  id={fid('contactVisibility')}
                  value={form.contactVisibility}
                  aria-describedby={d}
                  onChange={(e) =>
                    set('contactVisibility', e.target.value as LawfulBasisForm['contactVisibility'])
                  }
                >
                  {ContactVisibilitySchema.options.map((v) => (
                    <option key={v} value={v}>
                      {VISIBILITY_LABEL[v]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </fieldset>
        </details>

        <div className="buttons">
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save lawful basis'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
