import { binarySearch } from '../binary-search';

// A string-kind bucket's sorted keys as stored (lib/store/bucket-layout.ts): their UTF-16 code units back to back in
// one typed array, and each key's length. Read from IndexedDB, an array of a few hundred strings becomes as many
// heap strings, and Chromium keeps a request's result alive until the next full collection: every email bucket a
// lookup read was promoted to the old generation, and a lookup every ~400 looked up people then ran into a
// mark-compact (bench/lookup-trace.ts). Two typed arrays are two objects whose bytes live outside the heap: in the
// same reads, no scavenge at all. Code units, not UTF-8, so that the packed keys compare exactly as the strings
// sort (Array.prototype.sort, by code unit); a byte each when every unit fits in one, as V8 and IndexedDB keep
// such strings anyway.

export type Codes = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer>;
export type Lengths = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;

export interface PackedKeys {
  /** The keys' code units, key after key. */
  codes: Codes;
  /** Key i's length in code units. */
  lengths: Lengths;
}

export function packKeys(keys: readonly string[]): PackedKeys {
  let total = 0;
  let widest = 0;
  let longest = 0;
  for (const k of keys) {
    total += k.length;
    if (k.length > longest) longest = k.length;
    for (let i = 0; i < k.length && widest < 256; i++) widest = Math.max(widest, k.charCodeAt(i));
  }
  const codes = widest < 256 ? new Uint8Array(total) : new Uint16Array(total);
  const lengths =
    longest < 256
      ? new Uint8Array(keys.length)
      : longest < 65536
        ? new Uint16Array(keys.length)
        : new Uint32Array(keys.length);
  let at = 0;
  for (let j = 0; j < keys.length; j++) {
    const k = keys[j] as string;
    for (let i = 0; i < k.length; i++) codes[at++] = k.charCodeAt(i);
    lengths[j] = k.length;
  }
  return { codes, lengths };
}

/** Whether `v` is the stored shape (typed arrays of the right kinds), as a record read back may hold anything. */
export function isPackedKeys(codes: unknown, lengths: unknown): boolean {
  return (
    (codes instanceof Uint8Array || codes instanceof Uint16Array) &&
    (lengths instanceof Uint8Array || lengths instanceof Uint16Array || lengths instanceof Uint32Array)
  );
}

// Where each key starts, for the binary search; reused, grown as needed (a lookup keeps nothing of it).
let startsScratch = new Uint32Array(1024);

function startsOf(lengths: Lengths): Uint32Array {
  if (startsScratch.length < lengths.length + 1) startsScratch = new Uint32Array(2 * (lengths.length + 1));
  const s = startsScratch;
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    s[i] = at;
    at += lengths[i] as number;
  }
  s[lengths.length] = at;
  return s;
}

/** All the codes as one string, made a slice at a time (an argument list has a limit). */
function textOf(codes: Codes): string {
  let s = '';
  for (let i = 0; i < codes.length; i += 8192)
    s += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

export function unpackKeys(p: PackedKeys): string[] {
  // One string for the bucket and a slice of it per key: V8 makes most slices without copying.
  const text = textOf(p.codes);
  const out: string[] = new Array(p.lengths.length);
  let at = 0;
  for (let i = 0; i < p.lengths.length; i++) {
    const end = at + (p.lengths[i] as number);
    out[i] = text.slice(at, end);
    at = end;
  }
  return out;
}

/** Code-unit order of codes[start, end) against `needle`, as `<` orders strings: negative when it sorts first. */
export function compareAt(codes: Codes, start: number, end: number, needle: string): number {
  const len = end - start;
  const n = Math.min(len, needle.length);
  for (let k = 0; k < n; k++) {
    const d = (codes[start + k] as number) - needle.charCodeAt(k);
    if (d !== 0) return d;
  }
  return len - needle.length;
}

/** Index of `needle` among the packed keys (sorted by code unit, unique), or -1: what searchString gives unpacked. */
export function searchPacked(p: PackedKeys, needle: string): number {
  const starts = startsOf(p.lengths);
  const codes = p.codes;
  return binarySearch(p.lengths.length, (i) =>
    compareAt(codes, starts[i] as number, starts[i + 1] as number, needle),
  );
}

/** FNV-1a over each packed key's code units, in order: buckets.ts fnv1a32 of each key, without making the key. */
export function forEachPackedFnv1a32(p: PackedKeys, visit: (h: number) => void): void {
  const codes = p.codes;
  let at = 0;
  for (let i = 0; i < p.lengths.length; i++) {
    const end = at + (p.lengths[i] as number);
    let h = 0x811c9dc5;
    for (let k = at; k < end; k++) {
      h ^= codes[k] as number;
      h = Math.imul(h, 0x01000193);
    }
    visit(h >>> 0);
    at = end;
  }
}

/** Bytes the packed keys take. */
export function packedBytes(p: PackedKeys): number {
  return p.codes.byteLength + p.lengths.byteLength;
}
