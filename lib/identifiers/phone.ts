// Kept out of the other identifier modules on purpose: the phone metadata is the heaviest dependency here,
// and the content script, which only needs profile URLs and emails, must not pull it in.
// The 'min' metadata validates by country and length rather than by every allocated number range: a
// suppression entry for a number in a range newer than the bundled metadata must still be kept.
import {
  isSupportedCountry,
  parsePhoneNumberWithError,
  validatePhoneNumberLength,
} from 'libphonenumber-js/min';
import { fail, type Normalised, ok } from './result';
import { hasLoneSurrogate, stripInvisible, stripSurroundingQuotes } from './text';

const TEL = /^tel:/i;
const MAX_RAW_LENGTH = 250;

const LENGTH_REASONS: Readonly<Record<string, string>> = {
  TOO_SHORT: 'too short for a phone number',
  TOO_LONG: 'too long for a phone number',
  INVALID_LENGTH: 'wrong number of digits for that country',
  INVALID_COUNTRY: 'unknown country calling code',
  NOT_A_NUMBER: 'not a phone number',
};

/**
 * E.164 form ('+442079460958') of a phone number in any common spelling, 'tel:' links included. Numbers without a
 * '+' or '00' international prefix need defaultCountry (ISO 3166 alpha-2, e.g. 'GB'). Extensions are dropped:
 * do-not-call rules apply to the line.
 */
export function normalisePhone(raw: string, defaultCountry?: string): Normalised<string> {
  if (raw.length > MAX_RAW_LENGTH) return fail('too long for a phone number');
  if (hasLoneSurrogate(raw)) return fail('contains a lone surrogate');
  let s = stripSurroundingQuotes(stripInvisible(raw).trim());
  if (TEL.test(s)) {
    s = s.slice('tel:'.length);
    // RFC 3966 parameters (';ext=', ';phone-context=') follow the number.
    const semicolon = s.indexOf(';');
    if (semicolon !== -1) s = s.slice(0, semicolon);
    s = s.trim();
  }
  if (s === '') return fail('empty value');

  const country = defaultCountry?.trim().toUpperCase();
  if (country !== undefined && country !== '' && !isSupportedCountry(country)) {
    return fail(`unknown default country '${defaultCountry}'`);
  }
  const known = country !== undefined && country !== '' && isSupportedCountry(country) ? country : undefined;
  // Without a country the '00' international prefix cannot be told from a trunk prefix by the library.
  if (known === undefined && s.startsWith('00')) s = `+${s.slice(2)}`;

  try {
    const phone = parsePhoneNumberWithError(s, { defaultCountry: known, extract: false });
    if (phone.isValid()) return ok(phone.number);
    const lengthProblem = validatePhoneNumberLength(s, { defaultCountry: known });
    if (lengthProblem !== undefined) return fail(LENGTH_REASONS[lengthProblem] ?? 'not a valid phone number');
    return fail(`not a valid phone number for ${phone.country ?? `+${phone.countryCallingCode}`}`);
  } catch (error) {
    const code = error instanceof Error ? error.message : '';
    if (code === 'INVALID_COUNTRY') {
      return known === undefined && !s.startsWith('+')
        ? fail('no country code (+44 …) and no default country')
        : fail('unknown country calling code');
    }
    return fail(LENGTH_REASONS[code] ?? 'not a phone number');
  }
}
