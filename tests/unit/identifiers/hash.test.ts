import { createHash } from 'node:crypto';
import { sha512 as nobleSha512 } from '@noble/hashes/sha2.js';
import { bytesToHex as nobleBytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '../../../lib/identifiers/email';
import { bytesToHex, hexToBytes, loadHashers, normaliseHash } from '../../../lib/identifiers/hash';

function nodeHash(algo: 'md5' | 'sha1' | 'sha256' | 'sha512', s: string): string {
  return createHash(algo).update(s, 'utf8').digest('hex');
}

const LENGTHS = '(MD5 has 32, SHA-1 40, SHA-256 64, SHA-512 128)';

describe('normaliseHash', () => {
  const md5 = nodeHash('md5', 'test@example.com');
  const sha1 = nodeHash('sha1', 'test@example.com');
  const sha256 = nodeHash('sha256', 'test@example.com');
  const sha512 = nodeHash('sha512', 'test@example.com');

  it('recognises MD5, SHA-1, SHA-256 and SHA-512 by length', () => {
    expect(normaliseHash(md5)).toEqual({ ok: true, value: { algo: 'md5', hex: md5 } });
    expect(normaliseHash(sha1)).toEqual({ ok: true, value: { algo: 'sha1', hex: sha1 } });
    expect(normaliseHash(sha256)).toEqual({ ok: true, value: { algo: 'sha256', hex: sha256 } });
    expect(normaliseHash(sha512)).toEqual({ ok: true, value: { algo: 'sha512', hex: sha512 } });
    expect(normaliseHash(sha512.toUpperCase())).toEqual({ ok: true, value: { algo: 'sha512', hex: sha512 } });
  });

  it('accepts upper-case and mixed-case hex and outputs lower case', () => {
    expect(normaliseHash(md5.toUpperCase())).toEqual({ ok: true, value: { algo: 'md5', hex: md5 } });
    const mixed = [...sha256].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    expect(normaliseHash(mixed)).toEqual({ ok: true, value: { algo: 'sha256', hex: sha256 } });
  });

  it('trims spaces, NBSP, tabs, quotes and invisible characters', () => {
    for (const dressed of [
      ` ${md5}\t`,
      `\u00A0${md5}\r`,
      `"${md5}"`,
      `\uFEFF${md5}`,
      `${md5.slice(0, 10)}\u200B${md5.slice(10)}`,
    ]) {
      expect(normaliseHash(dressed)).toEqual({ ok: true, value: { algo: 'md5', hex: md5 } });
    }
  });

  it.each([
    ['', 'empty value'],
    ['test@example.com', 'not hexadecimal'],
    [`${'a'.repeat(31)}g`, 'not hexadecimal'],
    [`0x${'a'.repeat(32)}`, 'not hexadecimal'],
    ['a'.repeat(31), `wrong length for a hash: 31 hex characters ${LENGTHS}`],
    ['a'.repeat(33), `wrong length for a hash: 33 hex characters ${LENGTHS}`],
    ['a'.repeat(63), `wrong length for a hash: 63 hex characters ${LENGTHS}`],
    ['a'.repeat(96), `wrong length for a hash: 96 hex characters ${LENGTHS}`],
    ['a'.repeat(127), `wrong length for a hash: 127 hex characters ${LENGTHS}`],
    ['a'.repeat(129), `wrong length for a hash: 129 hex characters ${LENGTHS}`],
    [`${'a'.repeat(16)} ${'a'.repeat(16)}`, 'not hexadecimal'],
    [`${'a'.repeat(32)}\uD800`, 'contains a lone surrogate'],
  ])('%j is refused: %s', (input, reason) => {
    expect(normaliseHash(input)).toEqual({ ok: false, reason });
  });

  it('is idempotent', () => {
    const dressedHex = fc
      .record({
        bytes: fc.constantFrom(16, 20, 32, 64).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })),
        upper: fc.array(fc.boolean(), { minLength: 128, maxLength: 128 }),
        pad: fc.constantFrom('', ' ', '\t', '\u00A0', '\u200B', '"'),
      })
      .map(({ bytes, upper, pad }) => {
        const hex = [...bytesToHex(bytes)].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join('');
        return pad === '"' ? `"${hex}"` : `${pad}${hex}${pad}`;
      });
    fc.assert(
      fc.property(fc.oneof(dressedHex, fc.string({ unit: 'binary', maxLength: 70 })), (s) => {
        const first = normaliseHash(s);
        if (!first.ok) return;
        expect(normaliseHash(first.value.hex)).toEqual(first);
        expect(first.value.hex).toMatch(/^[0-9a-f]+$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('hexToBytes / bytesToHex', () => {
  it('round-trip', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const hex = bytesToHex(bytes);
        expect(hex).toBe(Buffer.from(bytes).toString('hex'));
        expect(hexToBytes(hex)).toEqual(bytes);
        expect(hexToBytes(hex.toUpperCase())).toEqual(bytes);
      }),
    );
  });

  it('known values', () => {
    expect(bytesToHex(new Uint8Array([0, 1, 15, 16, 171, 255]))).toBe('00010f10abff');
    expect(hexToBytes('00010F10abFF')).toEqual(new Uint8Array([0, 1, 15, 16, 171, 255]));
    expect(hexToBytes('')).toEqual(new Uint8Array([]));
  });

  it('throws on odd length or non-hex', () => {
    expect(() => hexToBytes('abc')).toThrow(RangeError);
    expect(() => hexToBytes('zz')).toThrow(RangeError);
    expect(() => hexToBytes('0g')).toThrow(RangeError);
  });
});

describe('loadHashers', () => {
  it('matches the well-known empty-string vectors', async () => {
    const h = await loadHashers();
    expect(h.md5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(h.sha1('')).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(h.sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(h.sha512('')).toBe(
      'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e',
    );
  });

  it('SHA-512 agrees with @noble/hashes (an independent implementation) on normalised emails', async () => {
    const h = await loadHashers();
    for (const raw of ['Jane.Doe@Example.com', 'Jürgen@Bücher.de', '\u{1F600}@example.com']) {
      const n = normaliseEmail(raw);
      if (!n.ok) throw new Error(n.reason);
      expect(h.sha512(n.value)).toBe(nobleBytesToHex(nobleSha512(utf8ToBytes(n.value))));
    }
  });

  it('hashes the UTF-8 bytes, like node:crypto, for the normalised forms lists use', async () => {
    const h = await loadHashers();
    for (const raw of [
      'Test@Example.com ',
      'Jürgen@Bücher.de',
      'a@xn--bcher-kva.de',
      'İnci@example.com',
      '\u{1F600}@example.com',
    ]) {
      const n = normaliseEmail(raw);
      if (!n.ok) throw new Error(n.reason);
      expect(h.md5(n.value)).toBe(nodeHash('md5', n.value));
      expect(h.sha1(n.value)).toBe(nodeHash('sha1', n.value));
      expect(h.sha256(n.value)).toBe(nodeHash('sha256', n.value));
      expect(h.sha512(n.value)).toBe(nodeHash('sha512', n.value));
    }
    expect(h.md5('test@example.com')).toBe(nodeHash('md5', 'test@example.com'));
  });

  it('agrees with node:crypto on arbitrary well-formed strings, calls interleaved', async () => {
    const h = await loadHashers();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.string({ maxLength: 10 }), (a, b) => {
        const first = h.sha256(a);
        expect(h.md5(b)).toBe(nodeHash('md5', b));
        expect(first).toBe(nodeHash('sha256', a));
        expect(h.sha1(a)).toBe(nodeHash('sha1', a));
        expect(h.sha512(b)).toBe(nodeHash('sha512', b));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to hash a lone surrogate instead of hashing U+FFFD', async () => {
    const h = await loadHashers();
    expect(() => h.md5('a\uD800')).toThrow(RangeError);
    expect(() => h.sha256('a\uDC00')).toThrow(RangeError);
    expect(() => h.sha512('a\uD800')).toThrow(RangeError);
  });

  it('loads once', () => {
    expect(loadHashers()).toBe(loadHashers());
  });
});
