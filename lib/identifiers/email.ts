import { type CanonicalHost, canonicalHost, hostToAscii } from './host';
import { fail, type Normalised, ok } from './result';
import { hasLoneSurrogate, stripInvisible, stripSurroundingQuotes, utf8Length } from './text';

// Covers nearly every address in a real list: ASCII, one '@', dot-atom local part, LDH domain with a
// letters-only TLD, no punycode. Such an address needs only lower-casing, so the import of a million rows
// spends its time here. Everything else takes the full path, which also produces the rejection reasons.
const PLAIN_ADDRESS =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// Far beyond any real address even with a display name or a mailto query; bounds the work on garbage cells.
const MAX_RAW_LENGTH = 4096;
const CONTROL = /\p{Cc}/u;
const WHITESPACE = /\s/;
// Characters RFC 5322 only allows inside a quoted local part.
const NEEDS_QUOTING = /[()<>[\]\\,;:"]/;
const MAILTO = /^mailto:/i;

/**
 * Canonical form of an email address for matching: trimmed, unwrapped from display names, quotes and mailto
 * links, invisible characters removed, NFC, lower-cased with String.prototype.toLowerCase (locale-independent),
 * domain in canonical Unicode form (punycode labels decoded). Impossible addresses are refused with a reason.
 */
export function normaliseEmail(raw: string): Normalised<string> {
  const trimmed = raw.trim();
  if (trimmed.length <= 254 && PLAIN_ADDRESS.test(trimmed)) {
    const lower = trimmed.toLowerCase();
    // Punycode labels must be decoded to the canonical Unicode form.
    if (!lower.includes('xn--')) return ok(lower);
  }
  return normaliseSlow(trimmed);
}

function normaliseSlow(input: string): Normalised<string> {
  if (input.length > MAX_RAW_LENGTH) return fail('address longer than 254 characters');
  // Checked first: every later step (including UTF-8 encoding for hashing) would silently turn a lone
  // surrogate into U+FFFD, and two different malformed values would then become the same address.
  if (hasLoneSurrogate(input)) return fail('contains a lone surrogate');
  const unwrapped = unwrap(stripInvisible(input).trim());
  if (!unwrapped.ok) return unwrapped;
  const s = unwrapped.value.normalize('NFC');

  if (s === '') return fail('empty value');
  if (s.includes('\uFFFD')) return fail('contains U+FFFD (the file was probably read in the wrong encoding)');
  // Quoted local parts ('"john smith"@example.com') are valid but almost never used; refusing them keeps one
  // canonical spelling per mailbox (otherwise '"john"@x.com' and 'john@x.com' would have to be unified).
  if (s.startsWith('"') && s.includes('"@')) return fail('quoted local parts are not supported');
  if (CONTROL.test(s)) {
    if (s.includes('\t')) return fail('contains a tab');
    return /[\n\r]/.test(s) ? fail('contains a line break') : fail('contains control characters');
  }
  if (WHITESPACE.test(s)) return fail('contains spaces');

  const at = s.lastIndexOf('@');
  if (at === -1) return fail('no @ in address');
  if (s.indexOf('@') !== at) return fail('more than one @');

  const local = s.slice(0, at).toLowerCase().normalize('NFC');
  const domainRaw = s.slice(at + 1);
  if (local === '') return fail('empty local part');
  if (domainRaw === '') return fail('empty domain');
  if (NEEDS_QUOTING.test(local)) return fail('local part contains a character that needs quoting');
  const localBytes = utf8Length(local);
  if (localBytes > 64) return fail('local part longer than 64 characters');

  const host = cachedCanonicalHost(domainRaw);
  // A fresh object: the cached one must not be handed out where a caller could change it.
  if (!host.ok) return fail(host.reason);
  if (localBytes + 1 + host.value.ascii.length > 254) return fail('address longer than 254 characters');
  return ok(`${local}@${host.value.unicode}`);
}

// Real lists repeat a few domains many times; the IDNA step for a non-ASCII domain costs more than the rest of
// the address, so its result is remembered. Bounded, because a list can also hold a million distinct domains.
const HOST_CACHE_LIMIT = 4096;
const hostCache = new Map<string, Normalised<CanonicalHost>>();

function cachedCanonicalHost(domain: string): Normalised<CanonicalHost> {
  const cached = hostCache.get(domain);
  if (cached !== undefined) return cached;
  const result = canonicalHost(domain);
  if (hostCache.size >= HOST_CACHE_LIMIT) hostCache.clear();
  hostCache.set(domain, result);
  return result;
}

/** Peels display names, angle brackets, quotes and mailto: off, in whatever nesting they come. */
function unwrap(value: string): Normalised<string> {
  let s = value;
  for (let round = 0; round < 4; round++) {
    const before = s;
    s = stripSurroundingQuotes(s);
    // 'Name <a@b.com>', '"Doe, Jane" <a@b.com>' and '<a@b.com>': the address is in the last pair of brackets.
    if (s.endsWith('>')) {
      const open = s.lastIndexOf('<');
      if (open !== -1) s = s.slice(open + 1, -1).trim();
    }
    if (MAILTO.test(s)) {
      s = s.slice('mailto:'.length);
      const query = s.indexOf('?');
      if (query !== -1) s = s.slice(0, query);
      // In a mailto URL, '%' always starts an escape, so decoding is safe here and nowhere else.
      if (s.includes('%')) {
        try {
          s = decodeURIComponent(s);
        } catch {
          return fail('malformed %-escape in mailto link');
        }
        s = stripInvisible(s);
      }
      s = s.trim();
    }
    if (s === before) break;
  }
  return ok(s);
}

/** The domain of a normalised address (everything after the last '@'). */
export function emailDomain(normalisedEmail: string): string {
  return normalisedEmail.slice(normalisedEmail.lastIndexOf('@') + 1);
}

/**
 * The literal strings to hash when matching this person against a hashed list: the canonical address, plus the
 * punycode-domain form when the domain is internationalised, because list owners may have hashed either.
 */
export function emailHashForms(normalisedEmail: string): string[] {
  const at = normalisedEmail.lastIndexOf('@');
  const domain = normalisedEmail.slice(at + 1);
  const ascii = hostToAscii(domain);
  if (ascii === domain) return [normalisedEmail];
  return [normalisedEmail, `${normalisedEmail.slice(0, at)}@${ascii}`];
}

const GMAIL_DOMAINS: readonly string[] = ['gmail.com', 'googlemail.com'];

/**
 * The mailbox an address delivers to, as lists store it and lookups match it. Gmail ignores dots and everything
 * after a '+' in the local part, and googlemail.com is the same service: 'J.Smith+news@googlemail.com' reaches
 * 'jsmith@gmail.com', so both are one person and must be one key. Every other provider's local part is kept as
 * is (dots and +tags may name different mailboxes there; those stay a labelled "possible match").
 */
export function canonicalMailbox(normalisedEmail: string): string {
  const at = normalisedEmail.lastIndexOf('@');
  if (at <= 0) return normalisedEmail;
  const domain = normalisedEmail.slice(at + 1);
  if (!GMAIL_DOMAINS.includes(domain)) return normalisedEmail;
  const local = normalisedEmail.slice(0, at);
  const plus = local.indexOf('+');
  const bare = (plus > 0 ? local.slice(0, plus) : local).replaceAll('.', '');
  return bare === '' ? normalisedEmail : `${bare}@gmail.com`;
}

/**
 * Other spellings that may reach the same mailbox, to be shown only as a labelled "possible match": the address
 * without its +tag, and for Gmail the local part without dots or +tag on both Gmail domains.
 * Never the address itself; deduplicated.
 */
export function possibleEmailVariants(normalisedEmail: string): string[] {
  const at = normalisedEmail.lastIndexOf('@');
  if (at <= 0) return [];
  const local = normalisedEmail.slice(0, at);
  const domain = normalisedEmail.slice(at + 1);
  const plus = local.indexOf('+');
  // Most addresses: no tag and not Gmail, so the only spelling is the address itself (a million-row check asks).
  if (plus <= 0 && !GMAIL_DOMAINS.includes(domain)) return [];
  const untagged = plus > 0 ? local.slice(0, plus) : local;
  const out = new Set<string>();
  out.add(`${untagged}@${domain}`);
  if (GMAIL_DOMAINS.includes(domain)) {
    const bare = untagged.replaceAll('.', '');
    if (bare !== '') for (const d of GMAIL_DOMAINS) out.add(`${bare}@${d}`);
  }
  out.delete(normalisedEmail);
  return [...out];
}
