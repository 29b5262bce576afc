import { type MessageKey, t } from '../i18n';
import type { ColumnMapping } from '../store/schemas';
import { type ColumnRole, isIdentifierRole } from '../vocab';
import { isCountryHeader, isStageHeader } from './values';

/** What a column of a prospect file means to the bulk check. */
export const BULK_ROLES = [
  'email',
  'profile',
  'salesnav',
  'phone',
  'domain',
  'auto',
  'country',
  'stage',
  'ignore',
] as const;
export type BulkRole = (typeof BULK_ROLES)[number];
const BULK_ROLE_KEY: Record<BulkRole, MessageKey> = {
  email: 'options_bulk_role_email',
  profile: 'options_bulk_role_profile',
  salesnav: 'options_bulk_role_salesnav',
  phone: 'options_bulk_role_phone',
  domain: 'options_bulk_role_domain',
  auto: 'options_bulk_role_auto',
  country: 'options_bulk_role_country',
  stage: 'options_bulk_role_stage',
  ignore: 'options_bulk_role_ignore',
};

/** What a column is used as, in the page's language. */
export function bulkRoleLabel(role: BulkRole): string {
  return t(BULK_ROLE_KEY[role]);
}

export interface BulkMapping {
  /** One role per column index; columns past the end are 'ignore'. */
  roles: BulkRole[];
}

/**
 * A starting mapping from the importer's guess: identifier columns keep their role, country and stage columns
 * are found by header name. Hash columns are left out: a prospect file holds the plain identifiers, and
 * hashing them is the lookup's job.
 */
export function suggestBulkMapping(
  headers: readonly string[],
  suggested: ColumnMapping,
  hasHeader: boolean,
): BulkMapping {
  const roles: BulkRole[] = headers.map(() => 'ignore');
  for (const c of suggested.columns) {
    if (c.index >= roles.length) continue;
    const r = fromStoreRole(c.role);
    if (r) roles[c.index] = r;
  }
  if (hasHeader) {
    let country = false;
    let stage = false;
    headers.forEach((h, i) => {
      if (roles[i] !== 'ignore') return;
      if (!country && isCountryHeader(h)) {
        roles[i] = 'country';
        country = true;
      } else if (!stage && isStageHeader(h)) {
        roles[i] = 'stage';
        stage = true;
      }
    });
  }
  return { roles };
}

function fromStoreRole(role: ColumnRole): BulkRole | undefined {
  switch (role) {
    case 'email':
    case 'profile':
    case 'salesnav':
    case 'phone':
    case 'domain':
    case 'auto':
      return role;
    default:
      return undefined;
  }
}

/** Why this mapping cannot run, or null. */
export function mappingProblem(m: BulkMapping): string | null {
  if (!m.roles.some(isIdentifierRole)) {
    return t('options_bulk_problem_no_identifier');
  }
  for (const role of ['country', 'stage'] as const) {
    if (m.roles.filter((r) => r === role).length > 1)
      return role === 'country'
        ? t('options_bulk_problem_two_countries')
        : t('options_bulk_problem_two_stages');
  }
  return null;
}

/** Column names and sample rows for a preview, with the first row read as a header or as data. */
export function previewShape(
  p: { headers: readonly string[]; rows: readonly (readonly string[])[]; hasHeader: boolean },
  hasHeader: boolean,
): { headers: string[]; rows: string[][] } {
  const all = p.hasHeader ? [p.headers, ...p.rows] : [...p.rows];
  const width = Math.max(p.headers.length, ...all.map((r) => r.length));
  const named = (i: number) => `Column ${i + 1}`;
  if (hasHeader) {
    const first = all[0] ?? [];
    return {
      headers: Array.from({ length: width }, (_, i) => first[i] ?? ''),
      rows: all.slice(1).map((r) => [...r]),
    };
  }
  return { headers: Array.from({ length: width }, (_, i) => named(i)), rows: all.map((r) => [...r]) };
}
