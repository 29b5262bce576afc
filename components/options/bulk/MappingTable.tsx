import { BULK_ROLES, type BulkRole, bulkRoleLabel } from '@/lib/bulk/mapping';
import { t } from '@/lib/i18n';

/** One row per column of the file: its name, a few sample values and what it means to the check. */
export function MappingTable({
  idPrefix,
  headers,
  rows,
  roles,
  onChange,
}: {
  idPrefix: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  roles: readonly BulkRole[];
  onChange: (index: number, role: BulkRole) => void;
}) {
  return (
    <div className="ot-table-wrap">
      <table className="ot-table ot-mapping">
        <caption>{t('options_bulk_columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options_bulk_col_column')}</th>
            <th scope="col">{t('options_bulk_col_first_values')}</th>
            <th scope="col">{t('options_bulk_col_use_as')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h, i) => {
            const name = h.trim() || t('options_bulk_column_n', i + 1);
            const sample = rows
              .slice(0, 3)
              .map((r) => r[i] ?? '')
              .filter((v) => v.trim() !== '')
              .join(' · ');
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional and never reorder
              <tr key={i}>
                <th scope="row">{name}</th>
                <td className="ot-sample" title={sample}>
                  {sample || <span className="muted">{t('options_bulk_empty')}</span>}
                </td>
                <td>
                  <label className="ot-sr" htmlFor={`${idPrefix}-role-${i}`}>
                    {t('options_bulk_use_column_as', name)}
                  </label>
                  <select
                    id={`${idPrefix}-role-${i}`}
                    value={roles[i] ?? 'ignore'}
                    onChange={(e) => onChange(i, e.target.value as BulkRole)}
                  >
                    {BULK_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {bulkRoleLabel(r)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
