import { EEA } from './letters';

/**
 * Countries offered in the self-check page: where Heed can suggest a law (EEA, UK, US) and the places whose phone
 * numbers users most often record. Names come from Intl.DisplayNames, so no translations are shipped.
 */
export const COUNTRY_CODES: readonly string[] = [
  ...EEA,
  'GB',
  'US',
  'CH',
  'CA',
  'AU',
  'NZ',
  'IE',
  'IN',
  'BR',
  'MX',
  'JP',
  'SG',
  'ZA',
].filter((c, i, all) => all.indexOf(c) === i);
