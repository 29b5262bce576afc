import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  hasLoneSurrogate,
  stripInvisible,
  stripSurroundingQuotes,
  utf8Length,
} from '../../../lib/identifiers/text';

describe('stripInvisible', () => {
  it.each([
    ['zero-width space', 'a\u200Bb'],
    ['zero-width non-joiner', 'a\u200Cb'],
    ['zero-width joiner', 'a\u200Db'],
    ['word joiner', 'a\u2060b'],
    ['BOM / zero-width no-break space', '\uFEFFa\uFEFFb'],
    ['left-to-right mark', 'a\u200Eb'],
    ['right-to-left mark', 'a\u200Fb'],
    ['bidi embedding and override', '\u202Aa\u202B\u202C\u202D\u202Eb'],
    ['bidi isolates', '\u2066a\u2067\u2068\u2069b'],
    ['soft hyphen', 'a\u00ADb'],
  ])('removes %s', (_name, input) => {
    expect(stripInvisible(input)).toBe('ab');
  });

  it.each([
    ['no-break space', '\u00A0'],
    ['narrow no-break space', '\u202F'],
    ['em space', '\u2003'],
    ['ideographic space', '\u3000'],
    ['line separator', '\u2028'],
  ])('turns %s into a plain space', (_name, space) => {
    expect(stripInvisible(`a${space}b`)).toBe('a b');
  });

  it('leaves ASCII (tabs included) and visible Unicode untouched', () => {
    expect(stripInvisible('a\tb c')).toBe('a\tb c');
    expect(stripInvisible('jürgen@bücher.de')).toBe('jürgen@bücher.de');
  });

  it('keeps lone surrogates so that the caller can still see and reject them', () => {
    expect(stripInvisible('a\uD800\u200Bb')).toBe('a\uD800b');
  });
});

describe('hasLoneSurrogate', () => {
  const isWellFormed = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
  afterEach(() => {
    if (isWellFormed) Object.defineProperty(String.prototype, 'isWellFormed', isWellFormed);
  });

  const cases: [string, boolean][] = [
    ['plain', false],
    ['emoji \u{1F600} pair', false],
    ['lone high \uD83D end', true],
    ['lone low \uDE00 start', true],
    ['\uDE00\uD83D reversed pair', true],
    ['', false],
  ];

  it.each(cases)('native check: %j -> %s', (s, expected) => {
    expect(hasLoneSurrogate(s)).toBe(expected);
  });

  it.each(cases)('fallback without String.prototype.isWellFormed: %j -> %s', (s, expected) => {
    Reflect.deleteProperty(String.prototype, 'isWellFormed');
    expect(typeof ''.isWellFormed).toBe('undefined');
    expect(hasLoneSurrogate(s)).toBe(expected);
  });

  it('fallback agrees with the native check on arbitrary UTF-16', () => {
    const native = fc
      .sample(fc.string({ unit: 'binary', maxLength: 20 }), 500)
      .map((s) => [s, hasLoneSurrogate(s)]);
    Reflect.deleteProperty(String.prototype, 'isWellFormed');
    for (const [s, expected] of native) expect(hasLoneSurrogate(s as string)).toBe(expected);
  });
});

describe('stripSurroundingQuotes', () => {
  it('removes matching pairs around the whole value, repeatedly', () => {
    expect(stripSurroundingQuotes('"a@b.com"')).toBe('a@b.com');
    expect(stripSurroundingQuotes('\'"a@b.com"\'')).toBe('a@b.com');
    expect(stripSurroundingQuotes('\u201Ca@b.com\u201D')).toBe('a@b.com');
  });

  it('leaves quotes that do not wrap the whole value', () => {
    expect(stripSurroundingQuotes('"john"@example.com')).toBe('"john"@example.com');
    expect(stripSurroundingQuotes("o'brien@example.com")).toBe("o'brien@example.com");
    expect(stripSurroundingQuotes('"')).toBe('"');
  });
});

describe('utf8Length', () => {
  it('matches TextEncoder on well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
      }),
    );
  });
});
