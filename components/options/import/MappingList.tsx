import { t } from '@/lib/i18n/index';
import { ROLE_LABEL } from '@/lib/options/labels';
import { ROLE_CHOICES } from '@/lib/options/mapping';
import type { ColumnRole } from '@/lib/store/schemas';

/**
 * One row per column of the file, top to bottom: its name, its first values and what it holds. A file with
 * 27 columns is 27 rows long here instead of 27 menus wide (issue 15: a Mailchimp export made the old
 * header-row menus 6,470 px wide).
 */
export function MappingList({
  idPrefix,
  headers,
  rows,
  roles,
  flagged,
  onChange,
}: {
  idPrefix: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  roles: readonly ColumnRole[];
  /** Columns used as opt-out flags, said next to their row. */
  flagged: ReadonlySet<number>;
  onChange: (index: number, role: ColumnRole) => void;
}) {
  return (
    <table className="ol-mapping">
      <caption className="ol-sr">{t('lists_map_caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('lists_map_column')}</th>
          <th scope="col">{t('lists_map_values')}</th>
          <th scope="col">{t('lists_map_holds')}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((h, i) => {
          const sample = rows
            .slice(0, 3)
            .map((r) => r[i] ?? '')
            .filter((v) => v.trim() !== '')
            .join(' · ');
          const numbered = t('lists_column_n', i + 1);
          const label = h === numbered ? h : t('lists_map_column_named', i + 1, h);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and never reorder
            <tr key={i}>
              <th scope="row">{h}</th>
              <td className="ol-sample" title={sample}>
                {sample || <span className="muted">{t('lists_map_empty')}</span>}
              </td>
              <td>
                <label className="ol-sr" htmlFor={`${idPrefix}-role-${i}`}>
                  {t('lists_map_holds_label', label)}
                </label>
                <select
                  id={`${idPrefix}-role-${i}`}
                  value={roles[i] ?? 'ignore'}
                  onChange={(e) => onChange(i, e.target.value as ColumnRole)}
                >
                  {ROLE_CHOICES.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </select>
                {flagged.has(i) && roles[i] === 'ignore' && (
                  <span className="muted"> {t('lists_map_flag')}</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
