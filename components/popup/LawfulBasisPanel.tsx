import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import {
  type ConsentRow,
  type FieldErrors,
  type LawfulBasisForm,
  PHONE_KIND_LABEL,
  SOURCE_LABEL,
  STAGE_LABEL,
  type TriState,
  VISIBILITY_LABEL,
} from '@/lib/popup/lawful-basis';
import { employerDiffers } from '@/lib/risk/employer';
import {
  CHANNELS,
  type Channel,
  CONTACT_VISIBILITIES,
  DATA_SOURCES,
  type DataSource,
  PHONE_KINDS,
  type PhoneKind,
  STAGES,
  type Stage,
  SUBSCRIBERS,
  type Subscriber,
} from '@/lib/vocab';
import { channelWord, SUBSCRIBER_LABEL } from '@/lib/vocab/labels';

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
      setErrors({ form: shownError(err) });
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
      <option value="">{t('popup_lb_not_recorded')}</option>
      <option value="yes">{words.yes}</option>
      <option value="no">{words.no}</option>
    </select>
  );

  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{hasContact ? t('popup_lb_title_edit') : t('popup_lb_title_record')}</h2>
      <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
        {errors.form ? (
          <p className="error form-error" role="alert" tabIndex={-1}>
            {errors.form}
          </p>
        ) : null}
        <Field id={fid('stage')} label={t('popup_lb_stage')} error={errors.stage}>
          {(d) => (
            <select
              ref={firstField}
              id={fid('stage')}
              value={form.stage}
              aria-describedby={d}
              onChange={(e) => set('stage', e.target.value as Stage)}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={fid('subscriber')} label={t('popup_lb_subscriber')} error={errors.subscriber}>
          {(d) => (
            <select
              id={fid('subscriber')}
              value={form.subscriber}
              aria-describedby={d}
              onChange={(e) => set('subscriber', e.target.value as Subscriber)}
            >
              {SUBSCRIBERS.map((s) => (
                <option key={s} value={s}>
                  {SUBSCRIBER_LABEL[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fid('country')}
          label={t('popup_lb_country')}
          error={errors.country}
          hint={t('popup_lb_country_hint')}
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
          <legend>{t('popup_lb_consents')}</legend>
          {CHANNELS.map((c) => {
            const row = form.consents[c];
            const key = `consent.${c}`;
            const label = channelWord(c);
            return (
              <div key={c} className="consent">
                <div className="check">
                  <input
                    id={fid(`${key}.given`)}
                    type="checkbox"
                    checked={row.given}
                    onChange={(e) => setConsent(c, { given: e.target.checked })}
                  />
                  <label htmlFor={fid(`${key}.given`)}>{t('popup_lb_consent_given', label)}</label>
                </div>
                {row.given ? (
                  <div className="consent-detail">
                    <Field
                      id={fid(`${key}.givenAt`)}
                      label={t('popup_lb_consent_date', label)}
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
                      label={t('popup_lb_consent_evidence', label)}
                      error={errors[`${key}.evidence`]}
                      hint={t('popup_lb_consent_evidence_hint')}
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
                      <label htmlFor={fid(`${key}.written`)}>{t('popup_lb_consent_written', label)}</label>
                    </div>
                    <Field
                      id={fid(`${key}.withdrawnAt`)}
                      label={t('popup_lb_consent_withdrawn', label)}
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
          <legend>{t('popup_lb_lia')}</legend>
          <Field id={fid('liaReference')} label={t('popup_lb_lia_reference')} error={errors.liaReference}>
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
          <Field id={fid('liaDate')} label={t('popup_lb_lia_date')} error={errors.liaDate}>
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
          <legend>{t('popup_lb_origin')}</legend>
          <Field id={fid('source')} label={t('popup_lb_source')} error={errors.source}>
            {(d) => (
              <select
                id={fid('source')}
                value={form.source}
                aria-describedby={d}
                onChange={(e) => set('source', e.target.value as DataSource)}
              >
                {DATA_SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {SOURCE_LABEL[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={fid('collectedAt')} label={t('popup_lb_collected')} error={errors.collectedAt}>
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
          <Field id={fid('informedAt')} label={t('popup_lb_informed')} error={errors.informedAt}>
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
          <summary>{t('popup_lb_more')}</summary>
          <p className="muted small">{t('popup_lb_more_intro')}</p>
          <fieldset>
            <legend>{t('popup_lb_relationship')}</legend>
            <Field
              id={fid('purchaseAt')}
              label={t('popup_lb_purchase')}
              error={errors.purchaseAt}
              hint={t('popup_lb_purchase_hint')}
            >
              {(d) => dateInput('purchaseAt', d)}
            </Field>
            <Field
              id={fid('inquiryAt')}
              label={t('popup_lb_inquiry')}
              error={errors.inquiryAt}
              hint={t('popup_lb_inquiry_hint')}
            >
              {(d) => dateInput('inquiryAt', d)}
            </Field>
            <Field id={fid('contractActive')} label={t('popup_lb_contract')} error={errors.contractActive}>
              {(d) =>
                triSelect('contractActive', d, {
                  yes: t('popup_lb_contract_active'),
                  no: t('popup_lb_contract_ended'),
                })
              }
            </Field>
            <Field
              id={fid('contractEndedAt')}
              label={t('popup_lb_contract_ended_on')}
              error={errors.contractEndedAt}
            >
              {(d) => dateInput('contractEndedAt', d)}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('popup_lb_phone')}</legend>
            <Field id={fid('phoneKind')} label={t('popup_lb_phone_kind')} error={errors.phoneKind}>
              {(d) => (
                <select
                  id={fid('phoneKind')}
                  value={form.phoneKind}
                  aria-describedby={d}
                  onChange={(e) => set('phoneKind', e.target.value as PhoneKind)}
                >
                  {PHONE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {PHONE_KIND_LABEL[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fid('tps')} label={t('popup_lb_tps')} error={errors.tps}>
              {(d) => triSelect('tps', d, { yes: t('popup_lb_tps_yes'), no: t('popup_lb_tps_no') })}
            </Field>
            <Field
              id={fid('tpsScreenedAt')}
              label={t('popup_lb_tps_screened')}
              error={errors.tpsScreenedAt}
              hint={t('popup_lb_tps_screened_hint')}
            >
              {(d) => dateInput('tpsScreenedAt', d)}
            </Field>
            <Field id={fid('dnc')} label={t('popup_lb_dnc')} error={errors.dnc}>
              {(d) => triSelect('dnc', d, { yes: t('popup_lb_dnc_yes'), no: t('popup_lb_dnc_no') })}
            </Field>
            <Field id={fid('dncScreenedAt')} label={t('popup_lb_dnc_screened')} error={errors.dncScreenedAt}>
              {(d) => dateInput('dncScreenedAt', d)}
            </Field>
            <Field
              id={fid('presumedConsent')}
              label={t('popup_lb_presumed')}
              error={errors.presumedConsent}
              hint={t('popup_lb_presumed_hint')}
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
            <legend>{t('popup_lb_business_email')}</legend>
            <div className="check">
              <input
                id={fid('conspicuouslyPublished')}
                type="checkbox"
                checked={form.conspicuouslyPublished}
                onChange={(e) => set('conspicuouslyPublished', e.target.checked)}
              />
              <label htmlFor={fid('conspicuouslyPublished')}>{t('popup_lb_published')}</label>
            </div>
            <Field
              id={fid('businessCardAt')}
              label={t('popup_lb_business_card')}
              error={errors.businessCardAt}
            >
              {(d) => dateInput('businessCardAt', d)}
            </Field>
            <Field
              id={fid('businessEmailSignOffAt')}
              label={t('popup_lb_sign_off')}
              error={errors.businessEmailSignOffAt}
              hint={t('popup_lb_sign_off_hint')}
            >
              {(d) => dateInput('businessEmailSignOffAt', d)}
            </Field>
          </fieldset>
          <fieldset>
            <legend>{t('popup_lb_where')}</legend>
            <Field
              id={fid('region')}
              label={t('popup_lb_region')}
              error={errors.region}
              hint={t('popup_lb_region_hint')}
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
              label={t('popup_lb_time_zone')}
              error={errors.timeZone}
              hint={t('popup_lb_time_zone_hint')}
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
              label={t('popup_lb_visibility')}
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
                  {CONTACT_VISIBILITIES.map((v) => (
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
            {busy ? t('popup_lb_saving') : t('popup_lb_save')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('popup_lb_cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
