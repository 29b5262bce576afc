import { useId } from 'react';
import { t } from '@/lib/i18n/index';
import type { SelfDb } from '@/lib/mydata/db';
import { CountrySelect } from './CountrySelect';
import { type ComposerDefaults, RequestComposer } from './RequestComposer';
import { RequestLog } from './RequestLog';

export function RequestsSection({
  db,
  name,
  country,
  defaults,
  onName,
  onCountry,
}: {
  db: SelfDb;
  name: string;
  country: string;
  defaults: ComposerDefaults;
  onName(v: string): void;
  onCountry(v: string): void;
}) {
  const id = useId();
  return (
    <section id="requests" aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('mydata_requests_title')}</h2>
      <p className="lead">{t('mydata_requests_lead')}</p>
      <div className="row">
        <div className="field grow">
          <label htmlFor={`${id}-name`}>{t('mydata_your_name')}</label>
          <input
            id={`${id}-name`}
            defaultValue={name}
            key={name}
            onBlur={(e) => onName(e.target.value)}
            maxLength={120}
            autoComplete="name"
          />
        </div>
        <CountrySelect
          id={`${id}-country`}
          label={t('mydata_where_you_live')}
          value={country}
          onChange={onCountry}
        />
      </div>
      <RequestComposer db={db} name={name} country={country} defaults={defaults} />
      <RequestLog db={db} />
      <p className="hint">{t('mydata_letters_note')}</p>
    </section>
  );
}
