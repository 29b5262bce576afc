import type { EntryKind, HashKind } from '../vocab';
import { normaliseDomain } from './domain';
import { canonicalMailbox, normaliseEmail } from './email';
import { normaliseHash } from './hash';
import { canonicalLinkedInProfile, canonicalSalesNavLead } from './linkedin';
import { normalisePhone } from './phone';
import { fail, type Normalised, ok } from './result';
import { stripInvisible, stripSurroundingQuotes } from './text';

const PHONE_CHARS = /^(?:tel:)?\+?[0-9 ().\-/]+$/i;
// Values made only of digits and separators that are not phone numbers: dates, times, dotted IPs.
const DATE_LIKE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * Best guess of what an import cell holds, for mapping columns automatically; null when nothing fits.
 * A guess only: the importer should look at several cells of a column, and the user confirms the mapping.
 */
export function classifyValue(raw: string): EntryKind | null {
  const s = stripSurroundingQuotes(stripInvisible(raw).trim());
  if (s === '') return null;

  const hash = normaliseHash(s);
  if (hash.ok) return hash.value.algo;

  if (/linkedin\.com|^\/(?:in|sales)\//i.test(s)) {
    if (canonicalSalesNavLead(s).ok) return 'salesnav';
    if (canonicalLinkedInProfile(s).ok) return 'profile';
    return null;
  }

  // A leading '@' is how domain lists often write a whole domain.
  if (s.includes('@') && !s.startsWith('@')) return normaliseEmail(s).ok ? 'email' : null;

  if (PHONE_CHARS.test(s) && !DATE_LIKE.test(s) && !IPV4_LIKE.test(s)) {
    const digits = s.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) return null;
    // Without a country only an international number can be checked; a national one is a plausible guess.
    if (s.includes('+') || s.startsWith('00')) return normalisePhone(s).ok ? 'phone' : null;
    return 'phone';
  }

  if (normaliseDomain(s).ok) return 'domain';
  return null;
}

const HASH_NAMES: Readonly<Record<HashKind, string>> = {
  md5: 'MD5 (32 hex characters)',
  sha1: 'SHA-1 (40 hex characters)',
  sha256: 'SHA-256 (64 hex characters)',
  sha512: 'SHA-512 (128 hex characters)',
};

/** The canonical string of one import cell read as the given kind, or why it cannot be one. */
export function normaliseAs(kind: EntryKind, raw: string, defaultCountry?: string): Normalised<string> {
  switch (kind) {
    case 'email':
      return normaliseEmail(raw);
    case 'md5':
    case 'sha1':
    case 'sha256':
    case 'sha512': {
      const hash = normaliseHash(raw);
      if (!hash.ok) return hash;
      if (hash.value.algo !== kind)
        return fail(`expected ${HASH_NAMES[kind]}, got ${HASH_NAMES[hash.value.algo]}`);
      return ok(hash.value.hex);
    }
    case 'domain': {
      // An entry or a typed search: a website address stands for the company's domain (issue 20, item 12).
      const domain = normaliseDomain(raw, { websiteToDomain: true });
      if (!domain.ok) return domain;
      return ok(domain.value.includeSubdomains ? `.${domain.value.domain}` : domain.value.domain);
    }
    case 'profile':
      return canonicalLinkedInProfile(raw);
    case 'salesnav':
      return canonicalSalesNavLead(raw);
    case 'phone':
      return normalisePhone(raw, defaultCountry);
  }
}

/**
 * The key a list entry is stored and found under: `normaliseAs`, and for an email its canonical mailbox (Gmail
 * dots and +tags removed), so that every spelling of one Gmail mailbox is one entry and one exact match.
 */
export function entryKeyAs(kind: EntryKind, raw: string, defaultCountry?: string): Normalised<string> {
  const n = normaliseAs(kind, raw, defaultCountry);
  return kind === 'email' && n.ok ? ok(canonicalMailbox(n.value)) : n;
}
