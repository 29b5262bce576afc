import {
  canonicalLinkedInProfile,
  classifyValue,
  normaliseAs,
  normaliseDomain,
  normaliseEmail,
  stripInvisible,
} from '../identifiers';
import type { Identifiers } from '../messaging/types';

export type QuickKind = 'email' | 'domain' | 'profile' | 'salesnav' | 'phone';

export const QUICK_KIND_LABEL: Record<QuickKind, string> = {
  email: 'email address',
  domain: 'domain',
  profile: 'LinkedIn profile',
  salesnav: 'Sales Navigator lead',
  phone: 'phone number',
};

export type QuickParse =
  | { ok: true; kind: QuickKind; value: string; identifiers: Identifiers }
  | { ok: false; reason: string };

// Long enough for any real URL; a paste of a whole page is refused before any work is done on it.
const MAX_INPUT = 2048;

function none(): Identifiers {
  return { emails: [], profileUrls: [], salesNavUrls: [], phones: [], domains: [] };
}

/** Reads what the rep pasted as one identifier, or says why it is not one (the normaliser's own reason). */
export function parseQuickCheck(raw: string, defaultCountry?: string): QuickParse {
  const text = stripInvisible(raw).trim();
  if (text === '')
    return { ok: false, reason: 'Paste an email address, a domain or a LinkedIn profile URL.' };
  if (text.length > MAX_INPUT) return { ok: false, reason: `That is longer than ${MAX_INPUT} characters.` };
  const kind = classifyValue(text);
  if (kind === null) {
    const why = /linkedin\.com/i.test(text)
      ? canonicalLinkedInProfile(text)
      : text.includes('@') && !text.startsWith('@')
        ? normaliseEmail(text)
        : normaliseDomain(text);
    const reason = why.ok ? 'not recognised' : why.reason;
    return { ok: false, reason: `Not an email, domain, profile URL or phone number (${reason}).` };
  }
  if (kind === 'md5' || kind === 'sha1' || kind === 'sha256')
    return { ok: false, reason: 'That looks like a hash: paste the email address itself.' };
  const n = normaliseAs(kind, text, defaultCountry);
  if (!n.ok) return { ok: false, reason: `Not a valid ${QUICK_KIND_LABEL[kind]}: ${n.reason}.` };
  const identifiers = none();
  if (kind === 'email') identifiers.emails.push(n.value);
  else if (kind === 'profile') identifiers.profileUrls.push(n.value);
  else if (kind === 'salesnav') identifiers.salesNavUrls.push(n.value);
  else if (kind === 'phone') identifiers.phones.push(n.value);
  else identifiers.domains?.push(n.value.replace(/^\./, ''));
  return { ok: true, kind, value: n.value, identifiers };
}
