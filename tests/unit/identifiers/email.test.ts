import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emailDomain,
  emailHashForms,
  normaliseEmail,
  possibleEmailVariants,
} from '../../../lib/identifiers/email';
import type { Normalised } from '../../../lib/identifiers/result';

function value(r: Normalised<string>): string {
  if (!r.ok) throw new Error(`expected a value, got reason: ${r.reason}`);
  return r.value;
}

function reason(r: Normalised<string>): string {
  if (r.ok) throw new Error(`expected a rejection, got value: ${r.value}`);
  return r.reason;
}

describe('normaliseEmail: what a list cell looks like in practice', () => {
  it.each([
    ['plain', 'john@example.com', 'john@example.com'],
    ['upper case', 'John.Smith@Example.COM', 'john.smith@example.com'],
    ['surrounding spaces and tabs', ' \tjohn@example.com \t', 'john@example.com'],
    ['NBSP around the value', '\u00A0john@example.com\u00A0', 'john@example.com'],
    ['BOM before the first cell', '\uFEFFjohn@example.com', 'john@example.com'],
    ['zero-width space inside', 'jo\u200Bhn@exa\u200Bmple.com', 'john@example.com'],
    ['bidi marks inside', '\u202Ejohn@example.com\u202C', 'john@example.com'],
    ['soft hyphen inside', 'jo\u00ADhn@example.com', 'john@example.com'],
    ['display name', 'John Smith <john@example.com>', 'john@example.com'],
    ['quoted display name with a comma', '"Smith, John" <John@Example.com>', 'john@example.com'],
    ['angle brackets only', '<john@example.com>', 'john@example.com'],
    ['mailto link', 'mailto:john@example.com', 'john@example.com'],
    ['MAILTO with a query', 'MAILTO:john@example.com?subject=Hello&body=Hi', 'john@example.com'],
    ['mailto inside angle brackets', '<mailto:john@example.com>', 'john@example.com'],
    ['%-encoded mailto', 'mailto:j%C3%BCrgen@b%C3%BCcher.de', 'jürgen@bücher.de'],
    ['zero-width space hidden in a %-escape', 'mailto:jo%E2%80%8Bhn@example.com', 'john@example.com'],
    ['double-quoted cell', '"john@example.com"', 'john@example.com'],
    ['single-quoted cell', "'john@example.com'", 'john@example.com'],
    ['curly-quoted cell', '\u201Cjohn@example.com\u201D', 'john@example.com'],
    ['trailing dot of a fully qualified domain', 'john@example.com.', 'john@example.com'],
    ['ideographic full stop in the domain', 'john@example\u3002com', 'john@example.com'],
  ])('%s', (_name, input, expected) => {
    expect(value(normaliseEmail(input))).toBe(expected);
  });
});

describe('normaliseEmail: valid but odd addresses are kept as written', () => {
  it.each([
    ['plus tag', 'John+News@Example.com', 'john+news@example.com'],
    ['gmail dots are not removed', 'J.O.H.N@gmail.com', 'j.o.h.n@gmail.com'],
    ['apostrophe', "O'Brien@example.ie", "o'brien@example.ie"],
    ['atext specials', "a!#$%&'*+/=?^_`{|}~-b@example.com", "a!#$%&'*+/=?^_`{|}~-b@example.com"],
    ['one-character local part', 'x@example.com', 'x@example.com'],
    ['two-letter domain labels', 'a@b.co', 'a@b.co'],
    ['hyphen inside a label', 'a@my-company.co.uk', 'a@my-company.co.uk'],
    ['digits in labels', 'a@123.example.com', 'a@123.example.com'],
    ['long new gTLD', 'a@example.photography', 'a@example.photography'],
    ['Unicode local part (RFC 6531)', 'Jürgen@example.de', 'jürgen@example.de'],
    ['Cyrillic address', 'Иван@пример.рф', 'иван@пример.рф'],
    ['consecutive dots (legacy Japanese carrier addresses)', 'a..b@docomo.ne.jp', 'a..b@docomo.ne.jp'],
  ])('%s', (_name, input, expected) => {
    expect(value(normaliseEmail(input))).toBe(expected);
  });

  it('accepts the longest possible local part and address', () => {
    const local = 'a'.repeat(64);
    expect(value(normaliseEmail(`${local}@example.com`))).toBe(`${local}@example.com`);
    // 64 + 1 + 189 = 254: labels of 63 characters, then 'com'.
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(57)}.com`;
    const longest = `${local}@${domain}`;
    expect(longest.length).toBe(254);
    expect(value(normaliseEmail(longest))).toBe(longest);
  });
});

describe('normaliseEmail: impossible addresses are refused with a reason', () => {
  it.each([
    ['empty', '', 'empty value'],
    ['only spaces', ' \u00A0 ', 'empty value'],
    ['no @', 'john.example.com', 'no @ in address'],
    ['two @', 'john@doe@example.com', 'more than one @'],
    ['empty local part', '@example.com', 'empty local part'],
    ['empty domain', 'john@', 'empty domain'],
    ['space inside', 'john smith@example.com', 'contains spaces'],
    ['NBSP inside', 'john\u00A0smith@example.com', 'contains spaces'],
    ['tab inside', 'john\t@example.com', 'contains a tab'],
    ['line break inside', 'john\n@example.com', 'contains a line break'],
    ['NUL byte', 'john\u0000@example.com', 'contains control characters'],
    ['domain without a dot', 'john@localhost', 'domain without a dot'],
    ['single-letter TLD', 'john@example.c', 'top-level domain of a single character'],
    ['label starting with a hyphen', 'john@-example.com', "domain label starts or ends with '-'"],
    ['label ending with a hyphen', 'john@example-.com', "domain label starts or ends with '-'"],
    ['two dots in the domain', 'john@example..com', 'domain has an empty label (two dots in a row)'],
    [
      'underscore in the domain',
      'john@ex_ample.com',
      'domain contains a character not allowed in host names',
    ],
    ['IP literal', 'john@[192.168.0.1]', 'IP address literals are not supported'],
    ['IPv6 literal', 'john@[IPv6:2001:db8::1]', 'IP address literals are not supported'],
    ['bare IP address', 'john@192.168.0.1', 'looks like an IP address, not a domain'],
    ['quoted local part', '"john smith"@example.com', 'quoted local parts are not supported'],
    ['@ inside a quoted local part', '"john@home"@example.com', 'quoted local parts are not supported'],
    ['comma: two addresses in one cell', 'a@example.com,b@example.com', 'more than one @'],
    [
      'comma in the local part',
      'smith,john@example.com',
      'local part contains a character that needs quoting',
    ],
    ['parenthesised comment', 'john(work)@example.com', 'local part contains a character that needs quoting'],
    ['invalid punycode label', 'john@xn--zz.com', 'domain is not a valid internationalised name'],
    ['malformed mailto escape', 'mailto:john%E0%A4@example.com', 'malformed %-escape in mailto link'],
    [
      'replacement character from a wrongly decoded file',
      'j\uFFFDrgen@example.de',
      'contains U+FFFD (the file was probably read in the wrong encoding)',
    ],
  ])('%s', (_name, input, expected) => {
    expect(reason(normaliseEmail(input))).toBe(expected);
  });

  it('refuses a local part longer than 64 characters', () => {
    expect(reason(normaliseEmail(`${'a'.repeat(65)}@example.com`))).toBe(
      'local part longer than 64 characters',
    );
  });

  it('counts the local-part limit in UTF-8 bytes, as RFC 6531 does', () => {
    // 32 'ü' are 32 characters but 64 bytes; 33 are 66 bytes.
    expect(normaliseEmail(`${'ü'.repeat(32)}@example.de`).ok).toBe(true);
    expect(reason(normaliseEmail(`${'ü'.repeat(33)}@example.de`))).toBe(
      'local part longer than 64 characters',
    );
  });

  it('refuses an address longer than 254 characters', () => {
    const domain = `${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(58)}.com`;
    expect(reason(normaliseEmail(`${'a'.repeat(64)}@${domain}`))).toBe('address longer than 254 characters');
  });

  it('measures the 254 limit on the punycode form of an internationalised domain', () => {
    // Mixed accented letters are short in Unicode but long in punycode: 40 characters become 54.
    const letters = 'äöüéèêàçñåøæœ';
    const label = Array.from({ length: 40 }, (_, i) => letters[(i * 7) % letters.length]).join('');
    const address = `${'a'.repeat(64)}@${label}.${label}.${label}.${label}.de`;
    expect(address.length).toBeLessThan(254);
    expect(new URL(`http://${label}.de`).hostname.length).toBe(54 + 3);
    expect(reason(normaliseEmail(address))).toBe('address longer than 254 characters');
  });

  it('refuses a label longer than 63 characters', () => {
    expect(reason(normaliseEmail(`a@${'b'.repeat(64)}.com`))).toBe('domain label longer than 63 characters');
  });

  it('refuses a huge cell without working through it', () => {
    expect(reason(normaliseEmail(`${'a'.repeat(100_000)}@example.com`))).toBe(
      'address longer than 254 characters',
    );
  });
});

describe('normaliseEmail: Unicode', () => {
  it('NFC and NFD spellings of the same address are one address', () => {
    const nfc = 'j\u00FCrgen@b\u00FCcher.de';
    const nfd = 'ju\u0308rgen@bu\u0308cher.de';
    expect(nfc).not.toBe(nfd);
    expect(value(normaliseEmail(nfd))).toBe(value(normaliseEmail(nfc)));
    expect(value(normaliseEmail(nfd))).toBe(nfc);
  });

  it('a punycode domain and its Unicode form are one address, in Unicode', () => {
    expect(value(normaliseEmail('a@xn--bcher-kva.de'))).toBe('a@bücher.de');
    expect(value(normaliseEmail('a@bücher.de'))).toBe('a@bücher.de');
    expect(value(normaliseEmail('A@BÜCHER.DE'))).toBe('a@bücher.de');
    expect(value(normaliseEmail('a@XN--BCHER-KVA.DE'))).toBe('a@bücher.de');
    expect(value(normaliseEmail('a@sub.xn--bcher-kva.de'))).toBe('a@sub.bücher.de');
  });

  it('folds full-width letters in the domain (IDNA) but not in the local part', () => {
    expect(value(normaliseEmail('a@\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com'))).toBe('a@example.com');
    expect(value(normaliseEmail('\uFF21@example.com'))).toBe('\uFF41@example.com');
  });

  // toLowerCase is locale-independent: these are its results everywhere, including on a Turkish system.
  it('Turkish dotted capital İ becomes i + combining dot above, not plain i', () => {
    expect(value(normaliseEmail('İnci@example.com'))).toBe('i\u0307nci@example.com');
    expect(value(normaliseEmail('İnci@example.com'))).not.toBe(value(normaliseEmail('inci@example.com')));
    // and ASCII I becomes i, never dotless ı
    expect(value(normaliseEmail('INCI@example.com'))).toBe('inci@example.com');
    // the domain gets the same mapping from IDNA, so one address has one form
    expect(value(normaliseEmail('a@İstanbul.com'))).toBe('a@i\u0307stanbul.com');
  });

  it('ß stays ß (no case folding to ss); capital ẞ lower-cases to ß; SS to ss', () => {
    expect(value(normaliseEmail('Straße@example.de'))).toBe('straße@example.de');
    expect(value(normaliseEmail('STRAẞE@example.de'))).toBe('straße@example.de');
    expect(value(normaliseEmail('STRASSE@example.de'))).toBe('strasse@example.de');
    expect(value(normaliseEmail('a@Straße.de'))).toBe('a@straße.de');
  });

  it('refuses lone surrogates, so that two different malformed strings never become one address', () => {
    const high = 'a\uD800@example.com';
    const low = 'a\uDC00@example.com';
    expect(reason(normaliseEmail(high))).toBe('contains a lone surrogate');
    expect(reason(normaliseEmail(low))).toBe('contains a lone surrogate');
    // Both would be 'a\uFFFD@example.com' once UTF-8 encoded for hashing.
    expect(new TextEncoder().encode(high)).toEqual(new TextEncoder().encode(low));
  });

  it('checks for lone surrogates before stripping invisible characters around them', () => {
    expect(reason(normaliseEmail('a\u200B\uD800\u200B@example.com'))).toBe('contains a lone surrogate');
  });

  it('accepts astral characters (a proper surrogate pair)', () => {
    expect(value(normaliseEmail('\u{1D49C}bc@example.com'))).toBe('\u{1D49C}bc@example.com');
  });
});

describe('emailDomain', () => {
  it('returns everything after the @', () => {
    expect(emailDomain('john@mail.example.co.uk')).toBe('mail.example.co.uk');
    expect(emailDomain(value(normaliseEmail('a@xn--bcher-kva.de')))).toBe('bücher.de');
  });
});

describe('emailHashForms', () => {
  it('is just the address for an ASCII domain', () => {
    expect(emailHashForms('john+news@example.com')).toEqual(['john+news@example.com']);
  });

  it('adds the punycode form for an internationalised domain, canonical form first', () => {
    expect(emailHashForms('jürgen@bücher.de')).toEqual(['jürgen@bücher.de', 'jürgen@xn--bcher-kva.de']);
  });

  it('the punycode form normalises back to the canonical form', () => {
    const forms = emailHashForms(value(normaliseEmail('a@пример.рф')));
    expect(forms).toEqual(['a@пример.рф', 'a@xn--e1afmkfd.xn--p1ai']);
    for (const form of forms) expect(value(normaliseEmail(form))).toBe('a@пример.рф');
  });

  it('never strips Gmail dots or +tags', () => {
    expect(emailHashForms('j.o.h.n+x@gmail.com')).toEqual(['j.o.h.n+x@gmail.com']);
  });
});

describe('possibleEmailVariants', () => {
  it('drops dots and +tag for gmail.com, on both Gmail domains', () => {
    expect(possibleEmailVariants('j.o.h.n+news@gmail.com').sort()).toEqual(
      ['j.o.h.n@gmail.com', 'john@gmail.com', 'john@googlemail.com'].sort(),
    );
  });

  it('treats googlemail.com the same way', () => {
    expect(possibleEmailVariants('j.ohn@googlemail.com').sort()).toEqual(
      ['john@gmail.com', 'john@googlemail.com'].sort(),
    );
  });

  it('for other domains, only the address without its +tag', () => {
    expect(possibleEmailVariants('john.smith+crm@example.com')).toEqual(['john.smith@example.com']);
  });

  it('excludes the address itself and has no duplicates', () => {
    expect(possibleEmailVariants('john@example.com')).toEqual([]);
    expect(possibleEmailVariants('john@gmail.com')).toEqual(['john@googlemail.com']);
    const variants = possibleEmailVariants('j.ohn+a@gmail.com');
    expect(new Set(variants).size).toBe(variants.length);
    expect(variants).not.toContain('j.ohn+a@gmail.com');
  });

  it('keeps a local part that starts with +', () => {
    expect(possibleEmailVariants('+1@example.com')).toEqual([]);
  });
});

// Strings shaped like addresses, dressed the way list cells arrive, so the properties see many accepted values.
const localChar = fc.constantFrom(..."abcXYZ019.+_-'üÜßİıéЖ\u0308".split(''), '\u{1F600}');
const dressedAddress = fc
  .record({
    local: fc.string({ unit: localChar, minLength: 1, maxLength: 12 }),
    labels: fc.array(fc.constantFrom('example', 'Bücher', 'xn--bcher-kva', 'MAIL', 'пример', 'a-b', 'x1'), {
      minLength: 1,
      maxLength: 3,
    }),
    tld: fc.constantFrom('com', 'DE', 'co.uk', 'рф', 'xn--p1ai'),
    wrap: fc.constantFrom('%s', ' %s\t', 'Name <%s>', 'mailto:%s', '"%s"', '\u00A0%s\u200B', '<%s>'),
    noise: fc.constantFrom('', '\u200B', '\u00AD', '\u2066'),
  })
  .map(({ local, labels, tld, wrap, noise }) =>
    wrap.replace('%s', `${noise}${local}@${labels.join('.')}.${tld}`),
  );

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  dressedAddress,
  fc.emailAddress(),
);

describe('normaliseEmail properties', () => {
  it('never throws, on any UTF-16 string', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        normaliseEmail(s);
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const first = normaliseEmail(s);
        if (first.ok) expect(normaliseEmail(first.value)).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });

  it('outputs no upper-case ASCII, no whitespace, no invisible characters, NFC, no lone surrogates', () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyText, (s) => {
        const r = normaliseEmail(s);
        if (!r.ok) return;
        accepted++;
        expect(r.value).not.toMatch(/[A-Z]/);
        expect(r.value).not.toMatch(/[\s\p{Cc}]/u);
        expect(r.value).not.toMatch(/\p{Default_Ignorable_Code_Point}/u);
        expect(r.value.normalize('NFC')).toBe(r.value);
        expect(r.value.isWellFormed()).toBe(true);
        expect(r.value.split('@')).toHaveLength(2);
      }),
      { numRuns: 3000 },
    );
    // Guard against a generator that only ever produces rejected strings.
    expect(accepted).toBeGreaterThan(300);
  });

  it('accepts what fast-check considers a valid address, and agrees with plain lower-casing on ASCII', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (s) => {
        const r = normaliseEmail(s);
        // fast-check generates RFC 1123 domains, which may end in a punycode or numeric-looking TLD;
        // the only refusals allowed are the documented ones.
        if (!r.ok) {
          expect(r.reason).toMatch(/punycode|internationalised|IP address|single character|254/);
          return;
        }
        if (!s.toLowerCase().includes('xn--')) expect(r.value).toBe(s.toLowerCase());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseEmail domain cache', () => {
  it('gives the same answer on repeated and evicted domains', () => {
    const first = normaliseEmail('a@Bücher.de');
    const bad = normaliseEmail('a@xn--zz.com');
    // More distinct domains than the cache holds, so the entries above are evicted.
    for (let i = 0; i < 5000; i++) expect(normaliseEmail(`a@d${i}ü.de`).ok).toBe(true);
    expect(normaliseEmail('b@BÜCHER.de')).toEqual({ ok: true, value: 'b@bücher.de' });
    expect(normaliseEmail('a@Bücher.de')).toEqual(first);
    expect(normaliseEmail('a@xn--zz.com')).toEqual(bad);
    expect(bad.ok).toBe(false);
  });
});
