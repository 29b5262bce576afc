import Papa from 'papaparse';
import type { Delimiter } from './schemas';
import { ImportError, type Sniffed, TextSource } from './text-source';

// Streaming CSV rows on top of TextSource. Papaparse's Parser is fed text we decoded ourselves (so encoding,
// chunk boundaries and line numbers are under our control) with ignoreLastRow, the same mechanism its own
// streamers use: the possibly incomplete last row is carried over to the next chunk.

export interface ParsedRow {
  /** 1-based physical line where the row starts. */
  line: number;
  cells: string[];
  /** Set when the row's quoting is malformed (the row is rejected, the file is not). */
  error?: string;
}

interface PapaResult {
  data: string[][];
  errors: { code: string; row?: number; message: string }[];
  meta: { cursor: number };
}

export interface RowStreamOptions {
  chunkSize: number;
  maxLineLength: number;
}

/** papaparse needs some delimiter; a one-value-per-line file uses the ASCII unit separator, never in text. */
function papaDelimiter(d: Delimiter): string {
  return d === '' ? Papa.UNIT_SEP : d;
}

function countLf(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

function oddQuotes(s: string): boolean {
  let n = 0;
  for (let i = s.indexOf('"'); i !== -1; i = s.indexOf('"', i + 1)) n++;
  return n % 2 === 1;
}

export class RowStream {
  readonly source: TextSource;
  private readonly parser: Papa.Parser;
  private partial = '';
  private line = 1;
  private done = false;

  constructor(
    blob: Blob,
    sniffed: Sniffed,
    delimiter: Delimiter,
    private readonly opts: RowStreamOptions,
  ) {
    this.source = new TextSource(blob, sniffed, opts.chunkSize);
    this.parser = new Papa.Parser({ delimiter: papaDelimiter(delimiter), newline: '\n', quoteChar: '"' });
  }

  /** The next rows (possibly none), or null at the end of the file. */
  async next(): Promise<ParsedRow[] | null> {
    if (this.done) return null;
    const text = await this.source.next();
    const final = text === null;
    const input = this.partial + (text ?? '');
    const res: PapaResult = this.parser.parse(input, 0, !final);
    const rowErrors = new Map<number, string>();
    for (const e of res.errors) {
      // With ignoreLastRow, errors about the unfinished last row (row === data.length) are re-judged next time.
      if (e.row === undefined || e.row >= res.data.length) continue;
      if (e.code === 'MissingQuotes') {
        // Only reported on the final parse: the quote runs to the end of the file.
        let line = this.line;
        for (let i = 0; i < e.row; i++)
          line += 1 + (res.data[i] as string[]).reduce((n, c) => n + countLf(c), 0);
        throw new ImportError('unterminated-quote', { key: 'lists_err_quote', subs: [line] }, { line });
      }
      if (!rowErrors.has(e.row)) rowErrors.set(e.row, 'malformed quotes');
    }
    const rows: ParsedRow[] = [];
    res.data.forEach((cells, i) => {
      const last = cells.length - 1;
      if (last >= 0 && (cells[last] as string).endsWith('\r'))
        cells[last] = (cells[last] as string).slice(0, -1);
      let length = 0;
      let lfs = 0;
      for (const c of cells) {
        length += c.length;
        if (c.includes('\n')) lfs += countLf(c);
      }
      if (length > this.opts.maxLineLength) throw this.tooLong(this.line);
      const error = rowErrors.get(i);
      rows.push(error ? { line: this.line, cells, error } : { line: this.line, cells });
      this.line += 1 + lfs;
    });
    if (final) {
      this.done = true;
    } else {
      this.partial = input.slice(res.meta.cursor);
      if (this.partial.length > this.opts.maxLineLength) {
        if (oddQuotes(this.partial)) {
          throw new ImportError(
            'unterminated-quote',
            { key: 'lists_err_quote_long', subs: [this.line, this.opts.maxLineLength] },
            { line: this.line },
          );
        }
        throw this.tooLong(this.line);
      }
    }
    return rows;
  }

  private tooLong(line: number): ImportError {
    return new ImportError(
      'line-too-long',
      { key: 'lists_err_too_long', subs: [line, this.opts.maxLineLength] },
      { line },
    );
  }
}
