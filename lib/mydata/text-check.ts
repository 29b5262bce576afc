import type { CountryCode } from 'libphonenumber-js/min';
import { findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/min';
import { emailsInText } from '../extract/emails';
import { cleanText } from '../extract/text';
import type { Candidates } from './identities';

// A pasted data export can be large; beyond this the check would block the page for no useful answer.
export const MAX_TEXT = 2_000_000;
const PROFILE_IN_TEXT = /(?:https?:\/\/)?(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/[^\s/?#"'<>()[\]]+/gi;

/**
 * The identifiers in a pasted text (a company's reply, a data export, a page's text): the candidates matchMine
 * compares with the user's own. Phones need the user's country unless written with +code.
 */
export function identifiersInText(text: string, country?: string): Candidates & { truncated: boolean } {
  const truncated = text.length > MAX_TEXT;
  const s = truncated ? text.slice(0, MAX_TEXT) : text;
  const emails = [...new Set(emailsInText(s))];
  const defaultCountry = country && isSupportedCountry(country) ? (country as CountryCode) : undefined;
  const clean = cleanText(s);
  const phones = [
    ...new Set(
      findPhoneNumbersInText(clean, defaultCountry ? { defaultCountry } : undefined).map((m) =>
        clean.slice(m.startsAt, m.endsAt),
      ),
    ),
  ];
  const profileUrls = [...new Set(clean.match(PROFILE_IN_TEXT) ?? [])];
  return { emails, phones, profileUrls, truncated };
}
