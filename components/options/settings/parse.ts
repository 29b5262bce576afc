import { normaliseDomain } from '@/lib/identifiers';

// Parsing what the Settings form takes as free text. Pure, so tests/unit/options-settings covers it.

export interface ParsedList {
  values: string[];
  errors: { value: string; reason: string }[];
}

/** A domain list typed one per line (commas and spaces also separate): normalised, deduplicated, checked. */
export function parseDomainList(text: string, max: number): ParsedList {
  const values: string[] = [];
  const errors: ParsedList['errors'] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    if (raw === '') continue;
    const n = normaliseDomain(raw);
    if (!n.ok) errors.push({ value: raw, reason: n.reason });
    else if (n.value.includeSubdomains) {
      errors.push({
        value: raw,
        reason: 'write the domain itself: addresses are compared by their exact domain',
      });
    } else if (!values.includes(n.value.domain)) values.push(n.value.domain);
  }
  if (values.length > max) errors.push({ value: '', reason: `at most ${max} domains` });
  return { values, errors };
}

/** Hosts the extension annotates without asking (its manifest host_permissions). */
export const BUILT_IN_SITES = ['www.linkedin.com', 'github.com'];

export type SiteResult = { ok: true; host: string; origin: string } | { ok: false; reason: string };

/**
 * The match pattern to request for a site the user types: "crm.example.com", "https://crm.example.com/leads"
 * or "*.example.com". HTTPS only: Heed never asks to read plain-HTTP pages.
 */
export function sitePattern(input: string): SiteResult {
  let s = input.trim();
  if (s === '') return { ok: false, reason: 'Enter a site such as crm.example.com.' };
  if (/^http:\/\//i.test(s)) return { ok: false, reason: 'Only HTTPS sites can be annotated.' };
  let wildcard = false;
  if (s.startsWith('*.')) {
    wildcard = true;
    s = s.slice(2);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      const u = new URL(s);
      if (u.protocol !== 'https:') return { ok: false, reason: 'Only HTTPS sites can be annotated.' };
      s = u.hostname;
    } catch {
      return { ok: false, reason: 'That is not a valid address.' };
    }
  } else {
    s = s.replace(/[/?#].*$/, '');
  }
  if (s.includes(':')) return { ok: false, reason: 'Leave out the port number.' };
  const n = normaliseDomain(s);
  if (!n.ok) return { ok: false, reason: `Not a site Heed can annotate: ${n.reason}.` };
  // Match patterns want the ASCII form of an IDN host.
  const ascii = new URL(`https://${n.value.domain}/`).hostname;
  const host = wildcard ? `*.${ascii}` : ascii;
  if (BUILT_IN_SITES.includes(host)) return { ok: false, reason: `${host} is always annotated.` };
  return { ok: true, host, origin: `https://${host}/*` };
}

/** The host of a match pattern like "https://crm.example.com/*", or null for anything else. */
export function hostOfPattern(pattern: string): string | null {
  const m = /^https:\/\/((?:\*\.)?[^/*]+)\/\*$/.exec(pattern);
  return m ? (m[1] as string) : null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb).toLocaleString('en')} MB`;
}
