import { useMemo } from 'react';
import { getLanguage, t } from '@/lib/i18n/index';
import { countryChoices } from '@/lib/vocab/labels';

/** A country select whose names come from the browser (no country table shipped). */
export function CountrySelect({
  id,
  label,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  label: string;
  value: string;
  onChange(code: string): void;
  describedBy?: string;
}) {
  const options = useMemo(() => countryChoices(getLanguage()), []);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        <option value="">{t('mydata_country_not_set')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}
