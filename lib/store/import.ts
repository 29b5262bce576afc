import Papa from 'papaparse';
import { classifyValue, entryKeyAs, normaliseHash } from '../identifiers';
import { type DateOrder, type DateOrderGuess, guessDateOrder, readDate } from '../import/dates';
import {
  buildProfile,
  detectProfile,
  type FlagRule,
  FlagRuleSchema,
  flagValue,
  isKnownFlagHeader,
  type ProfileId,
  type ProfileSuggestion,
} from '../import/profiles';
import { type Container, openContainer } from '../import/xlsx';
import {
  type Channel,
  type ColumnRole,
  type EntryKind,
  isIdentifierRole,
  type SuppressionReason,
} from '../vocab';
import { EntryKindSchema, IsoDateTimeSchema, SuppressionReasonSchema } from '../vocab/schemas';
import { CommitAbortedError, commitEntries, EntryCollector } from './commit';
import { csvTable, unneutraliseCell } from './csv-cells';
import { type ParsedRow, RowStream } from './csv-rows';
import type { HeedDb } from './db';
import { today } from './entries';
import { assertListImportAllowed } from './policy-guard';
import { bytesToWrite, noSpaceMessage, spaceShortfall } from './quota';
import {
  type ColumnMapping,
  ColumnMappingSchema,
  type Delimiter,
  DelimiterSchema,
  type TextEncoding,
} from './schemas';
import { ImportError, type Sniffed, sniff, TextSource } from './text-source';

export type { ImportErrorCode } from './text-source';
export { ImportError } from './text-source';

// Small enough that one chunk's parse stays well under a frame budget.
export const DEFAULT_CHUNK_SIZE = 512 * 1024;
export const DEFAULT_MAX_LINE_LENGTH = 64 * 1024;
/** Rejected rows kept with their details; all of them are counted. */
export const MAX_REJECTED_DETAILS = 10_000;

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

// Header names seen in real exports, compared lower-case with everything but letters and digits removed.
const HEADER_ROLES = new Map<string, ColumnRole>([
  // Not 'address': in Mailchimp and CRM exports it is the postal address.
  ...['email', 'emails', 'mail', 'emailaddress', 'emailaddr', 'mailaddress', 'recipient', 'primaryemail'].map(
    (h) => [h, 'email'] as const,
  ),
  ...['md5', 'md5hash', 'emailmd5', 'md5email', 'hashmd5'].map((h) => [h, 'md5'] as const),
  ...['sha1', 'sha1hash', 'emailsha1'].map((h) => [h, 'sha1'] as const),
  ...['sha256', 'sha256hash', 'emailsha256', 'sha2'].map((h) => [h, 'sha256'] as const),
  ...['sha512', 'sha512hash', 'emailsha512', 'hashsha512'].map((h) => [h, 'sha512'] as const),
  ...['hash', 'hashes', 'hashedemail', 'emailhash', 'hashvalue'].map((h) => [h, 'hash'] as const),
  ...['domain', 'domains', 'website', 'companydomain', 'emaildomain'].map((h) => [h, 'domain'] as const),
  ...['linkedin', 'linkedinurl', 'profile', 'profileurl', 'linkedinprofile', 'url'].map(
    (h) => [h, 'profile'] as const,
  ),
  ...['salesnav', 'salesnavigator', 'salesnavurl', 'salesnavigatorurl', 'leadurl'].map(
    (h) => [h, 'salesnav'] as const,
  ),
  ...['phone', 'phones', 'phonenumber', 'mobile', 'tel', 'telephone', 'mobilephone', 'cell'].map(
    (h) => [h, 'phone'] as const,
  ),
  ...['reason', 'optoutreason', 'suppressionreason'].map((h) => [h, 'reason'] as const),
  ...[
    'date',
    'since',
    'optoutdate',
    'unsubscribedat',
    'unsubscribedate',
    'dateadded',
    'createdat',
    'timestamp',
    'unsubtime',
    'cleantime',
    'optouttime',
    'unsubscribedon',
    'optedoutat',
  ].map((h) => [h, 'date'] as const),
  ['value', 'auto'],
  ['kind', 'kind'],
  ['type', 'kind'],
]);

function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function roleFromHeader(h: string): ColumnRole | undefined {
  return HEADER_ROLES.get(headerKey(h));
}

interface Detected extends Sniffed {
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

function readOpts(o: ReadOptions) {
  return {
    chunkSize: Math.max(1, o.chunkSize ?? DEFAULT_CHUNK_SIZE),
    maxLineLength: Math.max(16, o.maxLineLength ?? DEFAULT_MAX_LINE_LENGTH),
  };
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/** Encoding, delimiter, header and a column mapping, from the start of the file. */
async function detect(
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
    const hashHeader =
      fromHeader === 'md5' || fromHeader === 'sha1' || fromHeader === 'sha256' || fromHeader === 'sha512';
    if (hashHeader && fromData === 'hash') {
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

export interface ImportProgress {
  phase: 'parse' | 'write';
  bytesRead: number;
  totalBytes: number;
  rows: number;
  /** Bytes parsed, or buckets written. */
  done: number;
  total: number;
}

export interface ImportOptions extends ReadOptions {
  target: { listId: string } | { newList: { name: string; description?: string; channels?: Channel[] } };
  mapping?: ColumnMapping;
  hasHeader?: boolean;
  /** ',', '\t', ';', '|' or '' for one value per line; detected when absent. */
  delimiter?: Delimiter;
  /** Reason for rows without a (readable) reason column. */
  reason: SuppressionReason;
  /** ISO date for rows without a (readable) date column; today by default. */
  since?: string;
  /**
   * Opt-out flag columns: a value in a column a flag targets is imported only when the flag is true on its
   * row. Absent means the detected profile's flags; [] means none.
   */
  flags?: FlagRule[];
  /** Day/month order for dates such as 03/04/2026 that the numbers do not settle. */
  dateOrder?: DateOrder;
  defaultCountry?: string;
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
}

export interface RejectedRow {
  line: number;
  /** 1-based column. */
  column?: number;
  value: string;
  reason: string;
}

export interface ImportResult {
  listId: string;
  /** The batch the new entries belong to (the first, if the file had several reasons or dates). */
  batchId: number | undefined;
  batchIds: number[];
  added: number;
  alreadyPresent: number;
  duplicatesInFile: number;
  rejected: number;
  rejectedRows: RejectedRow[];
  /** Data rows read (blank lines and the header not counted) = rowsImported + rowsSkipped + rowsRejected. */
  rows: number;
  /** Rows that gave at least one entry. */
  rowsImported: number;
  /** Rows whose opt-out flag said "not opted out": left out on purpose. */
  rowsSkipped: number;
  /** Rows that gave nothing: unreadable, empty or every value rejected. */
  rowsRejected: number;
  /** Identifier values read from the imported rows (a row may hold an email and a phone) = added + alreadyPresent + duplicatesInFile. */
  values: number;
  /** The profile the file was read with. */
  profile: ProfileId;
  container?: Container;
  /** Rows whose date cell was unreadable and got the import's date instead (the entry is kept). */
  dateFallbacks: number;
  encoding: TextEncoding;
  delimiter: Delimiter;
  hasHeader: boolean;
  ms: number;
}

const REASON_WORDS = new Map<string, SuppressionReason>([
  ...['unsubscribe', 'unsubscribed', 'unsub', 'optout', 'optedout', 'removed'].map(
    (w) => [w, 'unsubscribe'] as const,
  ),
  ...['objection', 'objected', 'donotcontact', 'dnc', 'donotemail', 'suppressed', 'suppress'].map(
    (w) => [w, 'objection'] as const,
  ),
  ...['erasure', 'erased', 'deleted', 'deletion', 'forgetme', 'righttobeforgotten', 'gdprerasure'].map(
    (w) => [w, 'erasure'] as const,
  ),
  ...['donotcall', 'tps', 'ctps', 'nocalls'].map((w) => [w, 'do-not-call'] as const),
  ...['bounce', 'bounced', 'hardbounce', 'invalid'].map((w) => [w, 'bounce'] as const),
  ...['complaint', 'spam', 'spamcomplaint', 'abuse'].map((w) => [w, 'complaint'] as const),
  ['other', 'other'],
]);

/** A reason cell read generously; anything unrecognised is still a suppression, just 'other'. */
export function readReason(cell: string, fallback: SuppressionReason): SuppressionReason {
  const s = cell.trim().toLowerCase();
  if (s === '') return fallback;
  const direct = SuppressionReasonSchema.safeParse(s);
  if (direct.success) return direct.data;
  return REASON_WORDS.get(s.replace(/[^a-z]/g, '')) ?? 'other';
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const ONE_COLUMN = [
  ['reason', 'lists_map_one_reason'],
  ['date', 'lists_map_one_date'],
  ['kind', 'lists_map_one_kind'],
] as const;

function validateMapping(mapping: ColumnMapping): ColumnMapping {
  const parsed = ColumnMappingSchema.safeParse(mapping);
  if (!parsed.success)
    throw new ImportError('mapping', { key: 'lists_err_mapping_invalid', subs: [parsed.error.message] });
  const m = parsed.data;
  const seen = new Set<number>();
  for (const c of m.columns) {
    if (seen.has(c.index))
      throw new ImportError('mapping', { key: 'lists_err_mapped_twice', subs: [c.index + 1] });
    seen.add(c.index);
  }
  for (const [role, key] of ONE_COLUMN) {
    if (m.columns.filter((c) => c.role === role).length > 1) throw new ImportError('mapping', { key });
  }
  if (!m.columns.some((c) => isIdentifierRole(c.role))) {
    throw new ImportError('mapping', { key: 'lists_err_no_identifier' });
  }
  return m;
}

function validateFlags(flags: FlagRule[], mapping: ColumnMapping): FlagRule[] {
  const mapped = new Set(mapping.columns.filter((c) => isIdentifierRole(c.role)).map((c) => c.index));
  const out: FlagRule[] = [];
  for (const f of flags) {
    const parsed = FlagRuleSchema.safeParse(f);
    if (!parsed.success)
      throw new ImportError('mapping', { key: 'lists_err_flag_invalid', subs: [parsed.error.message] });
    if (mapped.has(parsed.data.index)) {
      throw new ImportError('mapping', { key: 'lists_err_flag_identifier', subs: [parsed.data.index + 1] });
    }
    out.push(parsed.data);
  }
  return out;
}

/**
 * Imports a file into a list, atomically. Phase 1 reads and checks the whole file without writing anything
 * (cancellable, with progress, yielding to the page); phase 2 merges everything in one transaction. Any
 * failure, a cancel, a full disk or a closed tab leaves the list exactly as it was; importing the same
 * file again adds nothing.
 */
export async function importFile(db: HeedDb, file: Blob, opts: ImportOptions): Promise<ImportResult> {
  const t0 = performance.now();
  const opened = await openContainer(file, opts.sheet);
  const blob = opened.blob;
  const signal = opts.signal;
  const cancelled = () => new ImportError('cancelled', { key: 'lists_err_cancelled' });
  if (signal?.aborted) throw cancelled();
  await assertListImportAllowed('import');
  const defaultSince = opts.since ?? today();
  if (!IsoDateTimeSchema.safeParse(defaultSince).success) {
    throw new ImportError('mapping', { key: 'lists_err_not_iso', subs: [defaultSince] });
  }
  const d = await detect(blob, opts);
  const hasHeader = opts.hasHeader ?? d.hasHeader;
  // The sample holds every non-blank row of a short file: decide "empty" before judging the mapping.
  if (d.sample.length === 0) throw new ImportError('empty', { key: 'lists_err_no_rows' });
  if (d.sample.length === 1 && hasHeader) throw new ImportError('empty', { key: 'lists_err_header_only' });
  if (d.profile.refusal && (opts.profile === undefined || opts.profile === d.profile.id)) {
    throw new ImportError('mapping', d.profile.refusalWords ?? d.profile.refusal);
  }
  const mapping = validateMapping(opts.mapping ?? d.profileMapping);
  const flags = validateFlags(opts.flags ?? d.profile.flags, mapping);
  const idColumns = mapping.columns.filter((c) => isIdentifierRole(c.role));
  const reasonCol = mapping.columns.find((c) => c.role === 'reason')?.index;
  const dateCol = mapping.columns.find((c) => c.role === 'date')?.index;
  const kindCol = mapping.columns.find((c) => c.role === 'kind')?.index;

  const collector = new EntryCollector();
  const rejectedRows: RejectedRow[] = [];
  let rejected = 0;
  let rows = 0;
  let rowsImported = 0;
  let rowsSkipped = 0;
  let values = 0;
  let dateFallbacks = 0;
  let headerSkipped = !hasHeader;
  let sepSkipped = !d.sepLine;
  const reject = (line: number, column: number | undefined, value: string, reason: string) => {
    rejected++;
    if (rejectedRows.length < MAX_REJECTED_DETAILS) {
      rejectedRows.push({
        line,
        ...(column !== undefined ? { column: column + 1 } : {}),
        value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
        reason,
      });
    }
  };

  const stream = new RowStream(blob, d, d.delimiter, readOpts(opts));
  let lastReport = 0;
  let lastYield = performance.now();
  const report = (force: boolean) => {
    const now = performance.now();
    if (!opts.onProgress || (!force && now - lastReport < 100)) return;
    lastReport = now;
    const bytesRead = stream.source.bytesRead;
    opts.onProgress({
      phase: 'parse',
      bytesRead,
      totalBytes: blob.size,
      rows,
      done: bytesRead,
      total: blob.size,
    });
  };
  report(true);

  for (;;) {
    if (signal?.aborted) throw cancelled();
    const batch = await stream.next();
    if (batch === null) break;
    for (let i = 0; i < batch.length; i++) {
      const row = batch[i] as ParsedRow;
      // Keep the page responsive within a chunk too: a chunk can hold tens of thousands of rows.
      if ((i & 2047) === 2047 && performance.now() - lastYield > 30) {
        report(false);
        await yieldToEventLoop();
        lastYield = performance.now();
        if (signal?.aborted) throw cancelled();
      }
      if (!sepSkipped) {
        sepSkipped = true;
        continue;
      }
      if (isBlank(row.cells)) continue;
      if (!headerSkipped) {
        headerSkipped = true;
        continue;
      }
      rows++;
      if (row.error) {
        reject(row.line, undefined, row.cells.join(d.delimiter || ' '), row.error);
        continue;
      }
      processRow(row);
    }
    report(false);
    if (performance.now() - lastYield > 30) {
      await yieldToEventLoop();
      lastYield = performance.now();
    }
  }
  report(true);

  function processRow(row: ParsedRow) {
    const cell = (i: number | undefined) => (i === undefined ? '' : unneutraliseCell(row.cells[i] ?? ''));
    const reason = readReason(cell(reasonCol), opts.reason);
    let since = defaultSince;
    if (dateCol !== undefined && cell(dateCol).trim() !== '') {
      const got = readDate(cell(dateCol), opts.dateOrder);
      if (got === null) dateFallbacks++;
      else since = got;
    }
    const meta = collector.meta(reason, since);
    let any = false;
    let collected = 0;
    let skipped = 0;
    const rejectedBefore = rejected;
    for (const col of idColumns) {
      const value = cell(col.index);
      if (value.trim() === '') continue;
      any = true;
      let valueMeta = meta;
      let gate: 'pass' | 'skip' | 'unreadable' = 'pass';
      for (const f of flags) {
        if (!f.targets.includes(col.index)) continue;
        const v = flagValue(cell(f.index));
        if (v === null) gate = 'unreadable';
        else if (!v && gate === 'pass') gate = 'skip';
        else if (v && f.reason !== undefined && reasonCol === undefined) {
          valueMeta = collector.meta(f.reason, since);
        }
      }
      if (gate === 'skip') {
        skipped++;
        continue;
      }
      if (gate === 'unreadable') {
        const f = flags.find((x) => x.targets.includes(col.index) && flagValue(cell(x.index)) === null);
        reject(
          row.line,
          f?.index,
          cell(f?.index),
          'the opt-out flag is neither yes nor no (true/false, 1/0, yes/no)',
        );
        continue;
      }
      let kind: EntryKind;
      let key: string;
      if (col.role === 'hash') {
        const h = normaliseHash(value);
        if (!h.ok) {
          reject(row.line, col.index, value, h.reason);
          continue;
        }
        kind = h.value.algo;
        key = h.value.hex;
      } else {
        let k: EntryKind | null;
        if (col.role === 'auto') {
          const named = EntryKindSchema.safeParse(cell(kindCol).trim().toLowerCase());
          k = named.success ? named.data : classifyValue(value);
        } else {
          k = col.role as EntryKind;
        }
        if (k === null) {
          reject(row.line, col.index, value, 'not an email, hash, domain, profile URL or phone number');
          continue;
        }
        const n = entryKeyAs(k, value, opts.defaultCountry);
        if (!n.ok) {
          reject(row.line, col.index, value, n.reason);
          continue;
        }
        kind = k;
        key = n.value;
      }
      collector.add(kind, key, valueMeta);
      values++;
      collected++;
    }
    if (!any)
      reject(row.line, undefined, row.cells.join(d.delimiter || ' '), 'no value in the mapped columns');
    if (collected > 0) rowsImported++;
    else if (skipped > 0 && rejected === rejectedBefore) rowsSkipped++;
  }

  if (rows === 0) {
    throw new ImportError('empty', { key: hasHeader ? 'lists_err_header_only' : 'lists_err_no_rows' });
  }
  if (collector.size === 0 && rowsSkipped === rows) {
    const columns = flags.map((f) => f.index + 1).join('/');
    throw new ImportError('no-values', { plural: 'lists_err_none_opted_out', n: rows, subs: [columns] });
  }
  if (collector.size === 0) {
    throw new ImportError('no-values', { plural: 'lists_err_no_values', n: rows }, { rejectedRows });
  }
  if (signal?.aborted) throw cancelled();

  const duplicatesInFile = collector.duplicates;
  const prepared = await collector.finishInSlices(30, () => {
    if (signal?.aborted) throw cancelled();
    report(false); // sorting a big file takes a while: keep the progress bar alive
  });
  // Nothing is written when it will not fit (issue 18): the user gets both numbers instead of a failed write.
  const existing = 'listId' in opts.target ? await db.lists.get(opts.target.listId) : undefined;
  const short = await spaceShortfall(bytesToWrite(prepared, existing?.counts.byKind));
  if (short) throw new ImportError('quota', noSpaceMessage(short, 'import'));
  let commit: Awaited<ReturnType<typeof commitEntries>>;
  try {
    commit = await commitEntries(
      db,
      'listId' in opts.target ? { listId: opts.target.listId } : { newList: opts.target.newList },
      collector.metas,
      prepared,
      {
        source: 'import',
        ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}),
        ...(signal ? { signal } : {}),
        onProgress: (done, total) =>
          opts.onProgress?.({
            phase: 'write',
            bytesRead: blob.size,
            totalBytes: blob.size,
            rows,
            done,
            total,
          }),
        audit: {
          action: 'import',
          counts: { rows, rejected, duplicatesInFile, skippedNotOptedOut: rowsSkipped },
        },
      },
    );
  } catch (e) {
    throw commitFailure(e, cancelled);
  }
  return {
    listId: commit.listId,
    batchId: commit.batchIds[0],
    batchIds: commit.batchIds,
    added: commit.added,
    alreadyPresent: commit.alreadyPresent,
    duplicatesInFile,
    rejected,
    rejectedRows,
    rows,
    rowsImported,
    rowsSkipped,
    rowsRejected: rows - rowsImported - rowsSkipped,
    values,
    profile: d.profile.id,
    ...(opened.container ? { container: opened.container } : {}),
    dateFallbacks,
    encoding: d.encoding,
    delimiter: d.delimiter,
    hasHeader,
    ms: Math.round(performance.now() - t0),
  };
}

function errorName(e: unknown): string {
  if (e instanceof Error) {
    // Dexie wraps the DOMException; its `inner` is the original.
    const inner = (e as Error & { inner?: unknown }).inner;
    if (inner instanceof Error && inner.name !== e.name) return `${e.name}/${inner.name}`;
    return e.name;
  }
  return '';
}

function commitFailure(e: unknown, cancelled: () => ImportError): ImportError {
  if (e instanceof ImportError) return e;
  if (e instanceof CommitAbortedError) return cancelled();
  const name = errorName(e);
  if (name.includes('QuotaExceeded')) {
    return new ImportError('quota', { key: 'lists_err_quota' }, { cause: e });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new ImportError('write', { key: 'lists_err_write', subs: [msg] }, { cause: e });
}

/** The rejected rows as a CSV the user can download and fix. */
export function rejectedRowsCsv(result: Pick<ImportResult, 'rejectedRows'>): string {
  return csvTable(
    ['line', 'column', 'value', 'reason'],
    result.rejectedRows.map((r) => [
      String(r.line),
      r.column === undefined ? '' : String(r.column),
      r.value,
      r.reason,
    ]),
  );
}
