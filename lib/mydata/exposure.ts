// Runs inside the page scan script as well as in extension pages: keep it free of IndexedDB and hashing, and use
// the small phone metadata.

import type { CountryCode } from 'libphonenumber-js/min';
import { findPhoneNumbersInText } from 'libphonenumber-js/min';
import { cleanText, isVisibleCached, SKIP_TAGS } from '../extract/text';
import type { IdentityKind } from './schemas';

export interface MineOnPage {
  kind: IdentityKind;
  value: string;
  identityId: string;
  certainty: 'exact' | 'variant';
}

export interface ExposureReport {
  /** The user's own identifiers seen on the page, one per distinct string. */
  mine: MineOnPage[];
  /** Other people's (or the company's) data visible on the page, counted: the user did not ask to see it. */
  others: { emails: number; phones: number };
}

function phoneKey(p: string): string {
  return p.replace(/[^\d+]/g, '');
}

/** Splits what a page shows into the user's own identifiers and a count of everything else. */
export function exposureReport(
  found: { emails: readonly string[]; phones: readonly string[] },
  mine: readonly MineOnPage[],
): ExposureReport {
  const mineEmails = new Set(mine.filter((m) => m.kind === 'email').map((m) => m.value.toLowerCase()));
  const minePhones = new Set(mine.filter((m) => m.kind === 'phone').map((m) => phoneKey(m.value)));
  const emails = new Set(found.emails.map((e) => e.toLowerCase()).filter((e) => !mineEmails.has(e)));
  const phones = new Set(found.phones.map(phoneKey).filter((p) => p !== '' && !minePhones.has(p)));
  const seen = new Set<string>();
  const unique = mine.filter((m) => {
    const key = `${m.kind}\n${m.kind === 'phone' ? phoneKey(m.value) : m.value.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { mine: unique, others: { emails: emails.size, phones: phones.size } };
}

export const MAX_PHONES = 200;
const PHONE_HINT = /\d[\d\s().\-/]{5,}\d/;

/**
 * Phone numbers in the visible text of `doc`, as written, with the element to highlight. Without `defaultCountry`
 * only international numbers (+44 …, 0044 …) are recognised: a bare '020 7946 0958' could be any country's.
 * Hidden nodes, form fields and scripts are skipped, as for emails.
 */
export function phonesOnPage(
  doc: Document,
  defaultCountry?: CountryCode,
  limit = MAX_PHONES,
): { phone: string; text: string; element: Element }[] {
  const root = doc.body;
  if (!root) return [];
  const cache = new Map<Element, boolean>();
  const out: { phone: string; text: string; element: Element }[] = [];
  const seen = new Set<string>();
  const walker = doc.createTreeWalker(root, 0x1 | 0x4, {
    acceptNode(node) {
      if (node.nodeType === 3) return PHONE_HINT.test(node.nodeValue ?? '') ? 1 : 3;
      const el = node as Element;
      if (SKIP_TAGS.has(el.tagName.toUpperCase()) || el.hasAttribute('hidden')) return 2;
      if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('inert')) return 2;
      return 3;
    },
  });
  for (let n = walker.nextNode(); n && out.length < limit; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !isVisibleCached(parent, cache)) continue;
    const text = cleanText(n.nodeValue);
    for (const m of findPhoneNumbersInText(text, defaultCountry ? { defaultCountry } : undefined)) {
      const phone = m.number.number;
      if (seen.has(phone) || out.length >= limit) continue;
      seen.add(phone);
      out.push({ phone, text: text.slice(m.startsAt, m.endsAt), element: parent });
    }
  }
  return out;
}

export const LINKEDIN_SETTINGS = {
  emailVisibility: 'https://www.linkedin.com/mypreferences/d/privacy/who-can-see-your-email',
  emailDownload: 'https://www.linkedin.com/mypreferences/d/privacy/connections-download-email',
} as const;
