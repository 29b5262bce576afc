import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { t } from '../i18n';
import {
  canonicalLinkedInProfile,
  classifyValue,
  normaliseAs,
  normaliseDomain,
  normaliseEmail,
  stripInvisible,
} from '../identifiers';
import type { Identifiers } from '../messaging/types';
import { isHashKind, type StringKind } from '../vocab';

export function quickKindLabel(kind: StringKind): string {
  return t(`popup_quick_kind_${kind}`);
}

export type QuickParse =
  | {
      ok: true;
      kind: StringKind;
      value: string;
      identifiers: Identifiers;
      /** The country the value implies (a phone number's calling code), used for the verdict. */
      country?: string;
      /** Said next to the result: how the value was read. */
      note?: string;
    }
  | { ok: false; reason: string };

// Long enough for any real URL; a paste of a whole page is refused before any work is done on it.
const MAX_INPUT = 2048;

function none(): Identifiers {
  return { emails: [], profileUrls: [], salesNavUrls: [], phones: [], domains: [] };
}

// Looks like a phone number: an international prefix or tel:, or only digits and the usual separators.
const PHONE_SHAPED = /^(?:tel:)?\s*(?:\+|00)?[\d\s().\-/]{2,}$/i;
// Profile pages on sites other than LinkedIn: their address names a person, not the site's owner.
const PROFILE_HOSTS: Record<string, string> = {
  'github.com': 'GitHub',
  'gitlab.com': 'GitLab',
  'twitter.com': 'X (Twitter)',
  'x.com': 'X (Twitter)',
  'facebook.com': 'Facebook',
  'instagram.com': 'Instagram',
  'xing.com': 'XING',
  'medium.com': 'Medium',
};
// Words and spaces only, with at least one letter: "Jane Doe", "Müller".
const NAME_LIKE = /^[\p{L}][\p{L}\p{M}'’. -]*$/u;

function profileSite(text: string): string | undefined {
  const m = /^(?:https?:\/\/)?(?:www\.)?([^/\s?#]+)\/([^/\s?#]+)/i.exec(text);
  if (!m) return undefined;
  return PROFILE_HOSTS[(m[1] ?? '').toLowerCase()];
}

/**
 * A phone number read with libphonenumber: an international number implies its country (+44 is GB), so the
 * verdict uses that country's rules. A number in a range the library does not list as assigned is still looked
 * up as written (a list holds what it was given), with a note.
 */
function quickPhone(text: string, defaultCountry?: string): QuickParse | undefined {
  if (!PHONE_SHAPED.test(text)) return undefined;
  const digits = text.replace(/\D/g, '').length;
  // A short run of digits without a + is more likely something else (a year, a postcode).
  if (digits < 7 && !/^(?:tel:)?\s*\+/i.test(text)) return undefined;
  const n = normaliseAs('phone', text, defaultCountry);
  const bare = text.replace(/^tel:/i, '').trim();
  const intl = bare.startsWith('00') && !defaultCountry ? `+${bare.slice(2)}` : bare;
  const parsed = parsePhoneNumberFromString(intl, defaultCountry?.toUpperCase() as never);
  const country = parsed?.country;
  const identifiers = none();
  if (n.ok) {
    identifiers.phones.push(n.value);
    return {
      ok: true,
      kind: 'phone',
      value: n.value,
      identifiers,
      ...(country ? { country, note: t('popup_quick_country_from_number', country) } : {}),
    };
  }
  if (parsed?.isPossible()) {
    identifiers.phones.push(parsed.number);
    return {
      ok: true,
      kind: 'phone',
      value: parsed.number,
      identifiers,
      note: country
        ? t('popup_quick_unassigned_in', country, n.reason)
        : t('popup_quick_unassigned', n.reason),
    };
  }
  return { ok: false, reason: t('popup_quick_invalid_phone', n.reason) };
}

/** Reads what the rep pasted as one identifier, or says why it is not one (the normaliser's own reason). */
export function parseQuickCheck(raw: string, defaultCountry?: string): QuickParse {
  const text = stripInvisible(raw).trim();
  if (text === '') return { ok: false, reason: t('popup_quick_empty') };
  if (text.length > MAX_INPUT) return { ok: false, reason: t('popup_quick_too_long', String(MAX_INPUT)) };
  const phone = quickPhone(text, defaultCountry);
  if (phone) return phone;
  const site = profileSite(text);
  if (site)
    return {
      ok: false,
      reason: t('popup_quick_profile_site', site),
    };
  if (NAME_LIKE.test(text) && !text.includes('.'))
    return {
      ok: false,
      reason: t('popup_quick_name'),
    };
  const kind = classifyValue(text);
  if (kind === null) {
    const why = /linkedin\.com/i.test(text)
      ? canonicalLinkedInProfile(text)
      : text.includes('@') && !text.startsWith('@')
        ? normaliseEmail(text)
        : normaliseDomain(text);
    const reason = why.ok ? t('popup_quick_not_recognised') : why.reason;
    return { ok: false, reason: t('popup_quick_unrecognised', reason) };
  }
  if (isHashKind(kind)) return { ok: false, reason: t('popup_quick_hash') };
  const n = normaliseAs(kind, text, defaultCountry);
  if (!n.ok) return { ok: false, reason: t('popup_quick_invalid', quickKindLabel(kind), n.reason) };
  const identifiers = none();
  if (kind === 'email') identifiers.emails.push(n.value);
  else if (kind === 'profile') identifiers.profileUrls.push(n.value);
  else if (kind === 'salesnav') identifiers.salesNavUrls.push(n.value);
  else if (kind === 'phone') identifiers.phones.push(n.value);
  else identifiers.domains?.push(n.value.replace(/^\./, ''));
  return { ok: true, kind, value: n.value, identifiers };
}
