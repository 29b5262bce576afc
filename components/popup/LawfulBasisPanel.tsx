import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { CHANNEL_LABEL } from '@/lib/badge/words';
import {
  type ConsentRow,
  type FieldErrors,
  type LawfulBasisForm,
  SOURCE_LABEL,
  STAGE_LABEL,
  SUBSCRIBER_LABEL,
} from '@/lib/popup/lawful-basis';
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
}: {
  initial: LawfulBasisForm;
  hasContact: boolean;
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
