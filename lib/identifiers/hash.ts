import { createMD5, createSHA1, createSHA256, createSHA512, type IHasher } from 'hash-wasm';
import type { HashKind } from '../vocab';
import { fail, type Normalised, ok } from './result';
import { hasLoneSurrogate, stripInvisible, stripSurroundingQuotes } from './text';

const ALGO_BY_LENGTH: Readonly<Record<number, HashKind>> = {
  32: 'md5',
  40: 'sha1',
  64: 'sha256',
  128: 'sha512',
};
const HEX = /^[0-9a-fA-F]+$/;

/**
 * A hash as written in a suppression list, in lower-case hex with its algorithm told by its length. Either case is
 * accepted: some tools write upper-case MD5, and matching it case-sensitively silently misses those entries.
 */
export function normaliseHash(raw: string): Normalised<{ algo: HashKind; hex: string }> {
  if (raw.length > 1024) return fail('too long for a hash');
  if (hasLoneSurrogate(raw)) return fail('contains a lone surrogate');
  const s = stripSurroundingQuotes(stripInvisible(raw).trim());
  if (s === '') return fail('empty value');
  if (!HEX.test(s)) return fail('not hexadecimal');
  const algo = ALGO_BY_LENGTH[s.length];
  if (algo === undefined) {
    return fail(
      `wrong length for a hash: ${s.length} hex characters (MD5 has 32, SHA-1 40, SHA-256 64, SHA-512 128)`,
    );
  }
  return ok({ algo, hex: s.toLowerCase() });
}

const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hexNibble(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 102) return lower - 87;
  return -1;
}

/** Bytes of a hex string (either case). Throws RangeError on an odd length or a non-hex character. */
export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0) throw new RangeError('hex string has an odd length');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexNibble(hex.charCodeAt(2 * i));
    const lo = hexNibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0)
      throw new RangeError(`not a hex character at position ${hi < 0 ? 2 * i : 2 * i + 1}`);
    out[i] = (hi << 4) | lo;
  }
  return out;
}

const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 10; i++) NIBBLE[48 + i] = i;
for (let i = 0; i < 6; i++) {
  NIBBLE[65 + i] = 10 + i;
  NIBBLE[97 + i] = 10 + i;
}

/**
 * The fast path of `normaliseHash` for an import's ten million digests: when `raw` is nothing but hex of a hash's
 * length, writes its bytes to `out` and returns the algorithm, with no regex and no lower-cased copy. Anything else
 * (quotes, spaces, invisible characters, a bad character, a wrong length) gives null and the caller falls back to
 * `normaliseHash`, which cleans it or words the error: the accepted values and the errors stay exactly as before.
 */
export function hashDigestInto(raw: string, out: Uint8Array): HashKind | null {
  const algo = ALGO_BY_LENGTH[raw.length];
  if (algo === undefined) return null;
  const n = raw.length >> 1;
  for (let i = 0; i < n; i++) {
    const a = raw.charCodeAt(2 * i);
    const b = raw.charCodeAt(2 * i + 1);
    const hi = a < 128 ? (NIBBLE[a] as number) : -1;
    const lo = b < 128 ? (NIBBLE[b] as number) : -1;
    if ((hi | lo) < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return algo;
}

/** Lower-case hex of the bytes. */
export function bytesToHex(b: Uint8Array): string {
  let out = '';
  for (const byte of b) out += HEX_BYTE[byte];
  return out;
}

export interface Hashers {
  md5(s: string): string;
  sha1(s: string): string;
  sha256(s: string): string;
  sha512(s: string): string;
}

// An ASCII string's UTF-8 is its character codes: written into one reused buffer (a view per length, made once),
// hashing it allocates nothing, where hash-wasm's own TextEncoder made a new buffer per value (a bulk check hashes
// a million addresses).
const ASCII_SCRATCH = new Uint8Array(256);
const ASCII_VIEWS: Uint8Array[] = [];

function asciiBytes(s: string): Uint8Array | null {
  if (s.length > ASCII_SCRATCH.length) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 127) return null;
    ASCII_SCRATCH[i] = c;
  }
  let view = ASCII_VIEWS[s.length];
  if (!view) {
    view = ASCII_SCRATCH.subarray(0, s.length);
    ASCII_VIEWS[s.length] = view;
  }
  return view;
}

function syncHasher(hasher: IHasher): (s: string) => string {
  return (s) => {
    const ascii = asciiBytes(s);
    if (ascii) {
      hasher.init();
      hasher.update(ascii);
      return hasher.digest('hex');
    }
    // hash-wasm encodes strings as UTF-8, which turns every lone surrogate into U+FFFD: two different malformed
    // strings would share one hash. Callers hash normalised values, so reaching this is a bug worth a throw.
    if (hasLoneSurrogate(s)) throw new RangeError('cannot hash a string with a lone surrogate');
    hasher.init();
    hasher.update(s);
    return hasher.digest('hex');
  };
}

let hashers: Promise<Hashers> | null = null;

/**
 * Synchronous lower-hex MD5, SHA-1, SHA-256 and SHA-512 over the UTF-8 bytes of a string, for hashing a million values
 * without a promise per value. The WebAssembly modules are compiled once; later calls share the same promise.
 */
export function loadHashers(): Promise<Hashers> {
  if (hashers === null) {
    hashers = Promise.all([createMD5(), createSHA1(), createSHA256(), createSHA512()]).then(
      ([md5, sha1, sha256, sha512]) => ({
        md5: syncHasher(md5),
        sha1: syncHasher(sha1),
        sha256: syncHasher(sha256),
        sha512: syncHasher(sha512),
      }),
    );
    // A failed load (e.g. WebAssembly blocked by a CSP) must not be cached for good.
    hashers.catch(() => {
      hashers = null;
    });
  }
  return hashers;
}
