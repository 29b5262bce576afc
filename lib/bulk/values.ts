import { countryFromLocation } from '../extract/country';
import type { Stage } from '../vocab';

// Prospect files come from CRMs and spreadsheets: a country column may hold "GB", "UK", "United Kingdom" or
// "London, England"; a stage column "Customer" or "client". What cannot be read is reported, never guessed.

const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB', EL: 'GR' };

/** ISO 3166-1 alpha-2 code for a country cell, '' for an empty cell, or null when it cannot be read. */
export function readCountry(cell: string): string | null {
  const s = cell.trim();
  if (s === '') return '';
  if (/^[A-Za-z]{2}$/.test(s)) {
    const upper = s.toUpperCase();
    return COUNTRY_ALIASES[upper] ?? upper;
  }
  return countryFromLocation(s) ?? null;
}

const STAGE_WORDS = new Map<string, Exclude<Stage, 'unknown'>>([
  ...['suspect', 'cold', 'coldlead', 'target', 'new'].map((w) => [w, 'suspect'] as const),
  ...['prospect', 'lead', 'opportunity', 'qualifiedlead', 'mql', 'sql', 'inconversation'].map(
    (w) => [w, 'prospect'] as const,
  ),
  ...['client', 'customer', 'existingcustomer', 'currentcustomer', 'active', 'activecustomer'].map(
    (w) => [w, 'client'] as const,
  ),
  ...[
    'formerclient',
    'formercustomer',
    'exclient',
    'excustomer',
    'pastclient',
    'pastcustomer',
    'churned',
    'lapsed',
  ].map((w) => [w, 'former-client'] as const),
]);

/** Relationship stage for a stage cell, '' for an empty cell, or null when it is not understood. */
export function readStage(cell: string): Stage | '' | null {
  const key = cell.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return cell.trim() === '' ? '' : null;
  return STAGE_WORDS.get(key) ?? null;
}

function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const COUNTRY_HEADERS = new Set([
  'country',
  'countrycode',
  'countryiso',
  'countryregion',
  'nation',
  'land',
  'pays',
  'pais',
  'location',
  'personlocation',
]);
const STAGE_HEADERS = new Set([
  'stage',
  'lifecyclestage',
  'leadstage',
  'leadstatus',
  'status',
  'relationship',
  'customerstatus',
  'dealstage',
]);

export function isCountryHeader(h: string): boolean {
  return COUNTRY_HEADERS.has(headerKey(h));
}

export function isStageHeader(h: string): boolean {
  return STAGE_HEADERS.has(headerKey(h));
}
