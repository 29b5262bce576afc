import { useMemo } from 'react';
import { getLanguage, t } from '@/lib/i18n/index';
import { COUNTRY_CODES } from '@/lib/mydata/countries';

function names(): Intl.DisplayNames | null {
  try {
    // In the page's language, like the rest of the page.
    return new Intl.DisplayNames([getLanguage(), 'en'], { type: 'region' });
  } catch {
    return null;
  }
}

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
  const options = useMemo(() => {
    const dn = names();
    return COUNTRY_CODES.map((code) => ({ code, name: dn?.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name, getLanguage()),
    );
  }, []);
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
