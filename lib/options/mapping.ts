import { t } from '../i18n/index';
import type { Preview } from '../store/import';
import type { ColumnMapping } from '../store/schemas';
import { type ColumnRole, isIdentifierRole } from '../vocab';

// The wizard's view of a file preview and its column mapping: what the user may change before importing,
// checked here so that a mistake shows next to the controls instead of as an error after a long read.

export interface PreviewTable {
  headers: string[];
  rows: string[][];
}

/**
 * Headers and rows as they will be read with `hasHeader`: the detection may be overruled, in which case
 * the first row moves between the header and the data.
 */
export function previewTable(preview: Preview, hasHeader: boolean): PreviewTable {
  const width = Math.max(preview.headers.length, ...preview.rows.map((r) => r.length));
  const numbered = Array.from({ length: width }, (_, i) => t('lists_column_n', i + 1));
  if (hasHeader === preview.hasHeader) {
    const headers = preview.hasHeader ? numbered.map((n, i) => preview.headers[i] || n) : numbered;
    return { headers, rows: preview.rows };
  }
  if (hasHeader) {
    const [first = [], ...rest] = preview.rows;
    return { headers: numbered.map((n, i) => first[i] || n), rows: rest };
  }
  return { headers: numbered, rows: [preview.headers, ...preview.rows] };
}

/** One role per column of the table: the import profile's where it has one, 'ignore' otherwise. */
export function initialRoles(preview: Preview, width: number): ColumnRole[] {
  const roles: ColumnRole[] = Array.from({ length: width }, () => 'ignore');
  preview.profile.roles.forEach((role, i) => {
    if (i < width) roles[i] = role;
  });
  return roles;
}

/** The import's column mapping: the columns given a role, by their index in the file. */
export function toMapping(roles: readonly ColumnRole[]): ColumnMapping {
  return { columns: roles.map((role, index) => ({ index, role })).filter((c) => c.role !== 'ignore') };
}

/** Why this mapping cannot be imported, in words for the user; null when it can. */
export function mappingProblem(roles: readonly ColumnRole[]): string | null {
  if (!roles.some(isIdentifierRole)) {
    return t('lists_map_no_identifier');
  }
  if (roles.filter((r) => r === 'reason').length > 1) return t('lists_map_one_reason');
  if (roles.filter((r) => r === 'date').length > 1) return t('lists_map_one_date');
  if (roles.filter((r) => r === 'kind').length > 1) return t('lists_map_one_kind');
  if (roles.includes('kind') && !roles.includes('auto')) return t('lists_map_kind_without_auto');
  return null;
}
