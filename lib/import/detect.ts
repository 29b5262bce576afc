import Papa from 'papaparse';
import { classifyValue } from '../identifiers';
import { unneutraliseCell } from '../store/csv-cells';
import { type ParsedRow, RowStream } from '../store/csv-rows';
import { type ColumnMapping, type Delimiter, DelimiterSchema, type TextEncoding } from '../store/schemas';
import { type Sniffed, sniff, TextSource } from '../store/text-source';
import { type ColumnRole, type EntryKind, HASH_KINDS } from '../vocab';
import { type DateOrderGuess, guessDateOrder } from './dates';
import { roleFromHeader } from './header-roles';
import {
  buildProfile,
  detectProfile,
  isKnownFlagHeader,
  type ProfileId,
  type ProfileSuggestion,
} from './profiles';
import { type Container, openContainer } from './xlsx';

// Format detection: encoding, delimiter, header row, a column mapping and the export the file looks like, from
// the start of the file. The preview shows it; the import and the bulk check read the file with it.

// Small enough that one chunk's parse stays well under a frame budget.
export const DEFAULT_CHUNK_SIZE = 512 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
export interface ReadOptions {
  /** Bytes read per step; tests use tiny chunks to split characters and line ends. */
  chunkSize?: number;
  /** Longest line accepted; a longer one fails the file without allocating it whole. */
  maxLineLength?: number;
  /** Overrides the detected encoding, e.g. 'windows-1252' after the user confirmed it. */
  encoding?: TextEncoding;
  /** The file's name: it hints at the reason ("…unsubscribed…") and the vendor. */
  fileName?: string;
  /** The profile the user chose instead of the detected one. */
  profile?: ProfileId;
  /** The sheet of an Excel workbook to read, 0-based; the first by default. */
  sheet?: number;
}

export interface Preview {
  encoding: TextEncoding;
  /** '' means one value per line. */
  delimiter: Delimiter;
  hasHeader: boolean;
  headers: string[];
  rows: string[][];
  suggestedMapping: ColumnMapping;
  totalBytes: number;
  /** Whether a `sep=` first line set the delimiter. */
  sepLine: boolean;
  /** The export this file looks like, with the import's mapping (`profile.roles`), flag columns, reason and channels. */
  profile: ProfileSuggestion;
  /** What the sampled date column says about day/month order; null without a date column. */
  dateOrder: DateOrderGuess | null;
  /** Set when the file was an Excel workbook (with its sheets) or a zip holding one text file. */
  container?: Container;
  /** Whether the encoding was read from the bytes (no BOM), e.g. Windows-1252 from an old Excel. */
  encodingGuessed: boolean;
}

export interface Detected extends Sniffed {
  delimiter: Delimiter;
  sepLine: boolean;
  sample: ParsedRow[];
  hasHeader: boolean;
  /** The generic guess from header names and values (the bulk check uses it: every identifier counts). */
  suggestedMapping: ColumnMapping;
  /** The import's mapping: the profile's, which leaves out what an opt-out file's columns do not mean. */
  profileMapping: ColumnMapping;
  profile: ProfileSuggestion;
  dateOrder: DateOrderGuess | null;
}

export function readOpts(o: ReadOptions) {
  return {
    chunkSize: Math.max(1, o.chunkSize ?? DEFAULT_CHUNK_SIZE),
    maxLineLength: Math.max(16, o.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH),
  };
}

export const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Encoding, delimiter, header and a column mapping, from the start of the file. */
export async function detect(
  blob: Blob,
  o: ReadOptions & { delimiter?: Delimiter },
  sampleRows = 50,
): Promise<Detected> {
  const sniffed = await sniff(blob, o.encoding);
  const ro = readOpts(o);
  // Sample raw lines to guess the delimiter; the real parse starts again from byte 0.
  const source = new TextSource(blob, sniffed, Math.min(ro.chunkSize, 65536));
  let text = '';
  let eof = false;
  while (text.length < 65536) {
    const t = await source.next();
    if (t === null) {
      eof = true;
      break;
    }
    text += t;
  }
  const rawLines = text.split('\n');
  if (!eof) rawLines.pop();
  const sep = /^sep=(.)$/i.exec(rawLines[0]?.replace(/\r$/, '') ?? '');
  const lines = rawLines
    .slice(sep ? 1 : 0)
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  const sepDelimiter = sep ? DelimiterSchema.safeParse(sep[1]) : null;
  let delimiter: Delimiter;
  if (o.delimiter !== undefined) delimiter = o.delimiter;
  else if (sepDelimiter?.success) delimiter = sepDelimiter.data;
  else delimiter = guessDelimiter(lines);

  const stream = new RowStream(blob, sniffed, delimiter, ro);
  const sample: ParsedRow[] = [];
  let first = true;
  while (sample.length < sampleRows) {
    const rows = await stream.next();
    if (rows === null) break;
    for (const r of rows) {
      if (first && sep) {
        first = false;
        continue;
      }
      first = false;
      if (!isBlank(r.cells)) sample.push(r);
    }
  }
  const hasHeader = detectHeader(sample.map((r) => r.cells));
  const cells = sample.map((r) => r.cells);
  const base = suggestMapping(cells, hasHeader);
  const width = Math.max(0, ...cells.map((r) => r.length));
  const baseRoles: ColumnRole[] = Array.from({ length: width }, () => 'ignore');
  for (const c of base.columns) baseRoles[c.index] = c.role;
  const profileInput = {
    headers: hasHeader ? (cells[0] ?? []) : [],
    rows: hasHeader ? cells.slice(1) : cells,
    baseRoles,
    ...(o.fileName !== undefined ? { fileName: o.fileName } : {}),
  };
  const profile = o.profile ? buildProfile(o.profile, profileInput) : detectProfile(profileInput);
  const profileMapping: ColumnMapping = {
    columns: profile.roles.map((role, index) => ({ index, role })),
  };
  const dateIndex = profile.roles.indexOf('date');
  const dateOrder =
    dateIndex < 0 ? null : guessDateOrder(profileInput.rows.map((r) => unneutraliseCell(r[dateIndex] ?? '')));
  return {
    ...sniffed,
    delimiter,
    sepLine: sep !== null,
    sample,
    hasHeader,
    suggestedMapping: base,
    profileMapping,
    profile,
    dateOrder,
  };
}

function guessDelimiter(lines: string[]): Delimiter {
  if (lines.length === 0) return '';
  const res = Papa.parse<string[]>(lines.join('\n'), {
    delimitersToGuess: [',', '\t', ';', '|'],
    newline: '\n',
    preview: 30,
  });
  if (res.errors.some((e) => e.code === 'UndetectableDelimiter')) return '';
  const d = DelimiterSchema.safeParse(res.meta.delimiter);
  return d.success ? d.data : '';
}

/** A header if the first row has a known column name, or holds no identifier while the second row does. */
export function detectHeader(rows: readonly (readonly string[])[]): boolean {
  const [first, second] = rows;
  if (!first) return false;
  if (first.some((c) => roleFromHeader(c) !== undefined)) return true;
  if (!second) return false;
  const hasId = (r: readonly string[]) => r.some((c) => classifyValue(unneutraliseCell(c)) !== null);
  return !hasId(first) && hasId(second);
}

/** A role per column: from its header name if known, else from what most of its sampled values look like. */
export function suggestMapping(rows: readonly (readonly string[])[], hasHeader: boolean): ColumnMapping {
  const header = hasHeader ? rows[0] : undefined;
  const data = hasHeader ? rows.slice(1) : rows;
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns: ColumnMapping['columns'] = [];
  for (let index = 0; index < width; index++) {
    const fromHeader = header?.[index] !== undefined ? roleFromHeader(header[index] as string) : undefined;
    const kinds = new Map<EntryKind, number>();
    let nonEmpty = 0;
    for (const r of data) {
      const v = unneutraliseCell(r[index] ?? '');
      if (v.trim() === '') continue;
      nonEmpty++;
      const k = classifyValue(v);
      if (k) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    }
    const hashCount =
      (kinds.get('md5') ?? 0) +
      (kinds.get('sha1') ?? 0) +
      (kinds.get('sha256') ?? 0) +
      (kinds.get('sha512') ?? 0);
    let fromData: ColumnRole | undefined;
    let best = 0;
    for (const [k, n] of kinds) {
      if (n > best) {
        best = n;
        fromData = k;
      }
    }
    if (hashCount > best) {
      fromData = 'hash';
      best = hashCount;
    }
    if (fromData !== undefined && best * 2 <= nonEmpty) fromData = undefined;
    let role: ColumnRole = fromHeader ?? fromData ?? 'ignore';
    // A flag column (0/1, true/false) is never an identifier, whatever its values look like.
    if (header?.[index] !== undefined && isKnownFlagHeader(header[index] as string)) role = 'ignore';
    // 'url' or 'profile' headers also head Sales Navigator columns; hash headers may be any algorithm.
    if (fromHeader === 'profile' && fromData === 'salesnav') role = 'salesnav';
    if (
      fromHeader !== undefined &&
      (HASH_KINDS as readonly string[]).includes(fromHeader) &&
      fromData === 'hash'
    ) {
      role = 'hash';
    }
    if (fromHeader === 'hash' && fromData !== undefined && fromData !== 'hash') role = 'hash';
    columns.push({ index, role });
  }
  return { columns };
}

export async function previewFile(
  blob: Blob,
  opts: ReadOptions & { maxRows?: number; delimiter?: Delimiter } = {},
): Promise<Preview> {
  const maxRows = Math.max(1, opts.maxRows ?? 20);
  const opened = await openContainer(blob, opts.sheet);
  const d = await detect(opened.blob, opts, Math.max(50, maxRows + 1));
  const cells = d.sample.map((r) => r.cells);
  const width = Math.max(0, ...cells.map((r) => r.length));
  const headers = d.hasHeader
    ? Array.from({ length: width }, (_, i) => cells[0]?.[i] ?? '')
    : Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
  return {
    encoding: d.encoding,
    delimiter: d.delimiter,
    hasHeader: d.hasHeader,
    headers,
    rows: cells.slice(d.hasHeader ? 1 : 0, (d.hasHeader ? 1 : 0) + maxRows),
    suggestedMapping: d.suggestedMapping,
    totalBytes: blob.size,
    sepLine: d.sepLine,
    profile: d.profile,
    dateOrder: d.dateOrder,
    encodingGuessed: d.guessed === true,
    ...(opened.container ? { container: opened.container } : {}),
  };
}
