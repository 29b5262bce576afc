// Default_Ignorable_Code_Point covers zero-width characters (U+200B-U+200D, U+2060, U+FEFF), bidi controls
// (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069, U+061C), the soft hyphen, variation selectors, tag characters
// and Hangul fillers: none of them is visible, so a page or a spreadsheet can hide them inside an identifier
// to make two equal-looking values differ.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// Zs minus the ASCII space, plus the line and paragraph separators.
const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
// Both patterns are non-ASCII only, so an ASCII string can skip the two regex passes.
const NON_ASCII = /[^\p{ASCII}]/u;

/** Removes invisible format characters and turns NBSP and other Unicode spaces into a plain ' '. */
export function stripInvisible(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return s.replace(INVISIBLE, '').replace(UNICODE_SPACES, ' ');
}

// Used only where String.prototype.isWellFormed is missing (Chrome < 111, Firefox < 119).
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * True when the string holds a UTF-16 surrogate without its partner. Such strings cannot be encoded as UTF-8:
 * TextEncoder turns every lone surrogate into U+FFFD, so two different malformed values would hash the same.
 */
export function hasLoneSurrogate(s: string): boolean {
  if (typeof s.isWellFormed === 'function') return !s.isWellFormed();
  return LONE_SURROGATE.test(s);
}

const QUOTE_PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '\u201C': '\u201D',
  '\u2018': '\u2019',
  '\u00AB': '\u00BB',
};

/**
 * Removes quotes wrapped around a whole cell ('"a@b.com"', '“a@b.com”'), as left by spreadsheets and by
 * CSV files quoted twice. Only a matching pair around the entire value is removed.
 */
export function stripSurroundingQuotes(s: string): string {
  let out = s;
  while (out.length >= 2) {
    const close = QUOTE_PAIRS[out[0] ?? ''];
    if (close === undefined || !out.endsWith(close)) break;
    out = out.slice(1, -1).trim();
  }
  return out;
}

/** UTF-8 length in bytes, which is what the RFC 5321 length limits count. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
