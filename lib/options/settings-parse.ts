import { formatNumber, t } from '@/lib/i18n';
import { normaliseDomain } from '@/lib/identifiers';
import { ANNOTATED_HOSTS } from '@/lib/vocab';

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
        reason: t('options_parse_no_wildcard'),
      });
    } else if (!values.includes(n.value.domain)) values.push(n.value.domain);
  }
  if (values.length > max) errors.push({ value: '', reason: t('options_parse_too_many', max) });
  return { values, errors };
}

export type SiteResult = { ok: true; host: string; origin: string } | { ok: false; reason: string };

/**
 * The match pattern to request for a site the user types: "crm.example.com", "https://crm.example.com/leads"
 * or "*.example.com". HTTPS only: Heed never asks to read plain-HTTP pages.
 */
export function sitePattern(input: string): SiteResult {
  let s = input.trim();
  if (s === '') return { ok: false, reason: t('options_site_empty') };
  if (/^http:\/\//i.test(s)) return { ok: false, reason: t('options_site_https_only') };
  let wildcard = false;
  if (s.startsWith('*.')) {
    wildcard = true;
    s = s.slice(2);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    try {
      const u = new URL(s);
      if (u.protocol !== 'https:') return { ok: false, reason: t('options_site_https_only') };
      s = u.hostname;
    } catch {
      return { ok: false, reason: t('options_site_invalid') };
    }
  } else {
    s = s.replace(/[/?#].*$/, '');
  }
  if (s.includes(':')) return { ok: false, reason: t('options_site_no_port') };
  const n = normaliseDomain(s);
  if (!n.ok) return { ok: false, reason: t('options_site_not_annotatable', n.reason) };
  // Match patterns want the ASCII form of an IDN host.
  const ascii = new URL(`https://${n.value.domain}/`).hostname;
  const host = wildcard ? `*.${ascii}` : ascii;
  if (ANNOTATED_HOSTS.includes(host)) return { ok: false, reason: t('options_site_always', host) };
  return { ok: true, host, origin: `https://${host}/*` };
}

/** The host of a match pattern like "https://crm.example.com/*", or null for anything else. */
export function hostOfPattern(pattern: string): string | null {
  const m = /^https:\/\/((?:\*\.)?[^/*]+)\/\*$/.exec(pattern);
  return m ? (m[1] as string) : null;
}

export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1_000_000;
  const n =
    mb < 10
      ? formatNumber(mb, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : formatNumber(Math.round(mb));
  return t('options_megabytes', n);
}
