import { type ErrorWords, type ListsKey, WordedError } from './error-words';
import type { TextEncoding } from './schemas';

// Reading a Blob as text, chunk by chunk, with the guards an importer needs before any CSV parsing:
// binary files refused, the encoding taken from the BOM, strict UTF-8 with the line of the first bad byte,
// multi-byte characters split across chunks kept whole (TextDecoder stream mode), and CR-only line ends
// turned into LF so that mixed files parse (CRLF stays: the CSV layer strips the CR).

export type ImportErrorCode =
  | 'empty'
  | 'binary'
  | 'encoding'
  | 'line-too-long'
  | 'unterminated-quote'
  | 'no-values'
  | 'mapping'
  | 'cancelled'
  | 'quota'
  | 'write';

export class ImportError extends WordedError {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string | ErrorWords,
    readonly details: {
      line?: number;
      column?: number;
      /** An encoding worth offering the user when strict UTF-8 failed. */
      suggestedEncoding?: TextEncoding;
      rejectedRows?: { line: number; column?: number; value: string; reason: string }[];
      cause?: unknown;
    } = {},
  ) {
    super(message);
  }
  get line() {
    return this.details.line;
  }
}

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Set when the encoding was read from the bytes themselves, without a BOM. */
  guessed?: boolean;
}

const MAGIC: { bytes: number[]; refusal: ListsKey }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], refusal: 'lists_err_magic_xlsx' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], refusal: 'lists_err_magic_xls' },
  { bytes: [0x25, 0x50, 0x44, 0x46], refusal: 'lists_err_magic_pdf' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], refusal: 'lists_err_magic_png' },
  { bytes: [0xff, 0xd8, 0xff], refusal: 'lists_err_magic_jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], refusal: 'lists_err_magic_gif' },
  { bytes: [0x1f, 0x8b], refusal: 'lists_err_magic_gzip' },
];

/** Encoding from the BOM, and a refusal of files that are not text, before anything is parsed. */
export async function sniff(blob: Blob, override?: TextEncoding): Promise<Sniffed> {
  if (blob.size === 0) throw new ImportError('empty', { key: 'lists_err_file_empty' });
  const head = new Uint8Array(await blob.slice(0, 65536).arrayBuffer());
  const starts = (bytes: number[]) => bytes.every((b, i) => head[i] === b);
  for (const m of MAGIC) {
    if (starts(m.bytes)) throw new ImportError('binary', { key: m.refusal });
  }
  let detected: Sniffed = { encoding: 'utf-8', bomLength: 0 };
  if (starts([0xef, 0xbb, 0xbf])) detected = { encoding: 'utf-8', bomLength: 3 };
  else if (starts([0xff, 0xfe])) detected = { encoding: 'utf-16le', bomLength: 2 };
  else if (starts([0xfe, 0xff])) detected = { encoding: 'utf-16be', bomLength: 2 };
  // A chosen encoding is used as chosen: no guessing over it.
  if (override)
    return { encoding: override, bomLength: override === detected.encoding ? detected.bomLength : 0 };
  if (!detected.encoding.startsWith('utf-16')) {
    const nul = head.indexOf(0);
    const bare = nul === -1 ? null : utf16WithoutBom(head);
    if (bare) return { encoding: bare, bomLength: 0, guessed: true };
    if (nul !== -1) {
      // Text in UTF-16 without a BOM has a NUL in every other byte.
      const utf16 = head.length >= 4 && (head[1] === 0 || head[0] === 0);
      throw new ImportError(
        'binary',
        utf16 ? { key: 'lists_err_utf16_nobom' } : { key: 'lists_err_nul', subs: [nul + 1] },
      );
    }
  }
  // Not valid UTF-8 at the start (an incomplete character cut by the sample is not invalid): an old Excel
  // "CSV (Comma delimited)" file in Windows-1252, where every byte is a character. Bad bytes further on
  // still fail the read with their line and the offer to choose Windows-1252.
  if (detected.encoding === 'utf-8' && detected.bomLength === 0 && firstInvalidUtf8(head) !== -1)
    return { encoding: 'windows-1252', bomLength: 0, guessed: true };
  return detected;
}

/** UTF-16 without a byte-order mark: NUL in (nearly) every odd byte is LE text, in every even byte BE. */
function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = head.length - (head.length % 2);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul >= pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

/** Position of the first byte that cannot start or continue valid UTF-8, or -1 (incomplete tail is not invalid). */
export function firstInvalidUtf8(b: Uint8Array, from = 0): number {
  let i = from;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return -1;
      const x = b[i + k] as number;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i + k;
    }
    i += n + 1;
  }
  return -1;
}

function countByte(b: Uint8Array, byte: number, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (b[i] === byte) n++;
  return n;
}

export class TextSource {
  private pos: number;
  private readonly decoder: TextDecoder;
  private pendingCR = false;
  private finished = false;
  private tail = new Uint8Array(0);
  /** Line feeds emitted so far. */
  linesEmitted = 0;

  constructor(
    private readonly blob: Blob,
    private readonly sniffed: Sniffed,
    private readonly chunkSize: number,
  ) {
    this.pos = sniffed.bomLength;
    // The BOM is skipped by position, so a second one would be content: keep it (ignoreBOM).
    this.decoder = new TextDecoder(sniffed.encoding, { fatal: true, ignoreBOM: true });
  }

  get bytesRead(): number {
    return this.pos;
  }

  /** The next piece of text, or null after the end. */
  async next(): Promise<string | null> {
    if (this.finished) return null;
    if (this.pos >= this.blob.size) {
      this.finished = true;
      let s: string;
      try {
        s = this.decoder.decode();
      } catch {
        throw this.encodingError(this.linesEmitted + 1);
      }
      return this.normalise(s, true);
    }
    const end = Math.min(this.blob.size, this.pos + this.chunkSize);
    const bytes = new Uint8Array(await this.blob.slice(this.pos, end).arrayBuffer());
    this.pos = end;
    let s: string;
    try {
      s = this.decoder.decode(bytes, { stream: true });
    } catch {
      throw this.encodingError(this.lineOfBadByte(bytes));
    }
    if (bytes.length >= 3) this.tail = bytes.slice(bytes.length - 3);
    return this.normalise(s, false);
  }

  private lineOfBadByte(bytes: Uint8Array): number {
    if (this.sniffed.encoding !== 'utf-8') return this.linesEmitted + 1;
    // The decoder may still hold the start of a character from the previous chunk: validate from there.
    const joined = new Uint8Array(this.tail.length + bytes.length);
    joined.set(this.tail, 0);
    joined.set(bytes, this.tail.length);
    let start = 0;
    while (start < this.tail.length && ((joined[start] as number) & 0xc0) === 0x80) start++;
    const bad = firstInvalidUtf8(joined, start);
    const upto = bad < 0 ? bytes.length : Math.max(0, bad - this.tail.length);
    return this.linesEmitted + 1 + countByte(bytes, 0x0a, upto);
  }

  private encodingError(line: number): ImportError {
    const enc = this.sniffed.encoding;
    return enc === 'utf-8'
      ? new ImportError(
          'encoding',
          { key: 'lists_err_utf8', subs: [line] },
          { line, suggestedEncoding: 'windows-1252' },
        )
      : new ImportError('encoding', { key: 'lists_err_encoding', subs: [enc.toUpperCase(), line] }, { line });
  }

  private normalise(chunk: string, final: boolean): string {
    let s = chunk;
    if (this.pendingCR) {
      s = `${s.startsWith('\n') ? '\r' : '\n'}${s}`;
      this.pendingCR = false;
    }
    if (!final && s.endsWith('\r')) {
      this.pendingCR = true;
      s = s.slice(0, -1);
    }
    if (s.includes('\r')) s = s.replace(/\r(?!\n)/g, '\n');
    let n = 0;
    for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
    this.linesEmitted += n;
    return s;
  }
}
