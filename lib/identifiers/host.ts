import punycode from 'punycode/';
import { fail, type Normalised, ok } from './result';

export interface CanonicalHost {
  /** Canonical form: lower-case Unicode, NFC, no trailing dot ('bücher.de'). */
  unicode: string;
  /** The same name as DNS carries it, with punycode labels ('xn--bcher-kva.de'). */
  ascii: string;
}

// IDNA treats these as label separators; a name typed on a Japanese or Chinese keyboard often has them.
const IDEOGRAPHIC_DOTS = /[\u3002\uFF0E\uFF61]/g;
const ASCII_ONLY = /^\p{ASCII}*$/u;
// Anything ASCII beyond letters, digits, '-' and '.' cannot be in a mail host name, and some of it ('/', '?',
// '#', '@', ':', '%', '\\') would change what the URL parser below reads as the host.
const BAD_ASCII = /[^a-zA-Z0-9.\-\u0080-\uFFFF]/;
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;

/**
 * Turns a host name typed in any form (Unicode or punycode, any case, full-width letters, trailing dot) into one
 * canonical Unicode form plus its ASCII form, or says why it cannot be a host name.
 *
 * Non-ASCII names and names with punycode labels go through the platform URL parser, which implements UTS #46
 * (the IDNA mapping browsers use): it folds case and width, checks punycode labels and maps the name to ASCII.
 * Plain ASCII names skip it, because for them UTS #46 reduces to lower-casing.
 */
export function canonicalHost(raw: string): Normalised<CanonicalHost> {
  let name = raw.replace(IDEOGRAPHIC_DOTS, '.');
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '') return fail('empty domain');
  if (name.startsWith('[')) return fail('IP address literals are not supported');
  if (BAD_ASCII.test(name)) {
    return /\s/.test(name)
      ? fail('domain contains spaces')
      : fail('domain contains a character not allowed in host names');
  }
  let ascii = name.toLowerCase();
  const needsIdna = !ASCII_ONLY.test(name) || ascii.includes('xn--');
  if (needsIdna) {
    try {
      ascii = new URL(`http://${name}/`).hostname;
    } catch {
      return fail('domain is not a valid internationalised name');
    }
    // The parser accepts some mapped characters (full-width '／', '＠') that only show up as ASCII afterwards.
    if (BAD_ASCII.test(ascii)) return fail('domain contains a character not allowed in host names');
  }
  const problem = asciiHostProblem(ascii);
  if (problem !== null) return fail(problem);
  let unicode = ascii;
  if (needsIdna) {
    try {
      unicode = punycode.toUnicode(ascii).normalize('NFC').toLowerCase();
    } catch {
      return fail('domain has an invalid punycode label');
    }
  }
  return ok({ unicode, ascii });
}

function asciiHostProblem(ascii: string): string | null {
  if (ascii.length > 253) return 'domain longer than 253 characters';
  const labels = ascii.split('.');
  if (labels.length < 2) return 'domain without a dot';
  for (const label of labels) {
    if (label === '') return 'domain has an empty label (two dots in a row)';
    if (label.length > 63) return 'domain label longer than 63 characters';
    if (label.startsWith('-') || label.endsWith('-')) return "domain label starts or ends with '-'";
    if (!LDH_LABEL.test(label)) return 'domain contains a character not allowed in host names';
  }
  const tld = labels[labels.length - 1] ?? '';
  if (ALL_DIGITS.test(tld)) return 'looks like an IP address, not a domain';
  if (tld.length < 2) return 'top-level domain of a single character';
  return null;
}

/** The ASCII (punycode) form of a canonical Unicode host; the same string when it is already ASCII. */
export function hostToAscii(unicodeHost: string): string {
  return ASCII_ONLY.test(unicodeHost) ? unicodeHost : punycode.toASCII(unicodeHost);
}
