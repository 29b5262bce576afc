import Papa from 'papaparse';
import { classifyValue } from '../identifiers';
import type { BadgeLevel, LookupAnswer } from '../messaging/types';
import { assess } from '../risk';
import { neutraliseCell, unneutraliseCell } from '../store/csv-cells';
import { type ParsedRow, RowStream } from '../store/csv-rows';
import type { HeedDb } from '../store/db';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINE_LENGTH } from '../store/import';
import type { PersonIds } from '../store/lookup';
import type { Delimiter, TextEncoding } from '../store/schemas';
import { getSettings } from '../store/settings';
import { ImportError, sniff } from '../store/text-source';
import { toAnswer, toAssessInput } from '../verdict/answer';
import { CHANNELS, type Stage } from '../vocab';
import { LookupContext } from './lookup-many';
import { type BulkMapping, mappingProblem } from './mapping';
import { readCountry, readStage } from './values';

/** A row's outcome: the badge's levels, or why the row could not be checked. */
export type BulkLevel = BadgeLevel | 'invalid' | 'error';
export const BULK_LEVELS: readonly BulkLevel[] = [
  'blocked',
  'high',
  'caution',
  'ok',
  'unknown',
  'invalid',
  'error',
];

/** Columns added to every row of the output, after the file's own. */
export const OUTPUT_COLUMNS = [
  'heed_level',
  ...CHANNELS.map((c) => `heed_${c}`),
  'heed_reasons',
  'heed_lists',
] as const;

export interface BulkFileShape {
  /** Header names (or "Column n"), which also fixes how many input columns each output row gets. */
  headers: readonly string[];
  hasHeader: boolean;
  delimiter: Delimiter;
  encoding: TextEncoding;
  sepLine: boolean;
}

export interface BulkProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  counts: Record<BulkLevel, number>;
}

export interface BulkCheckOptions extends BulkFileShape {
  mapping: BulkMapping;
  /** 'full': "message (citation)"; 'short': "code (citation)", a tenth of the size for very large files. */
  reasons?: 'full' | 'short';
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: BulkProgress) => void;
  /** Rows looked up together. */
  batchSize?: number;
  chunkSize?: number;
}

export interface BulkResult {
  rows: number;
  counts: Record<BulkLevel, number>;
  /** The input rows with the Heed columns added, as CSV (UTF-8 with BOM, the input's delimiter). */
  output: Blob;
  /** Rows with more cells than the header: their Heed columns sit further right. */
  wideRows: number;
  ms: number;
}

export function emptyCounts(): Record<BulkLevel, number> {
  return { blocked: 0, high: 0, caution: 0, ok: 0, unknown: 0, invalid: 0, error: 0 };
}

interface RowWork {
  cells: string[];
  ids: PersonIds;
  idCount: number;
  country?: string;
  stage?: Exclude<Stage, 'unknown'>;
  notes: string[];
  /** Set when the row cannot be looked up at all. */
  fail?: { level: 'invalid' | 'error'; reason: string };
}

// A prospect's email cell sometimes lists several addresses; profile and Sales Navigator URLs contain commas.
const EMAIL_SPLIT = /[;,\s]+/;

/** Reads one data row into identifiers and hints according to the mapping. Pure: unit-tested on its own. */
export function readRow(row: Pick<ParsedRow, 'cells' | 'error'>, mapping: BulkMapping): RowWork {
  const work: RowWork = { cells: row.cells, ids: {}, idCount: 0, notes: [] };
  if (row.error) {
    work.fail = { level: 'error', reason: `Row could not be read (${row.error}).` };
    return work;
  }
  const emails: string[] = [];
  const profileUrls: string[] = [];
  const salesNavUrls: string[] = [];
  const phones: string[] = [];
  const domains: string[] = [];
  const push = (kind: 'email' | 'profile' | 'salesnav' | 'phone' | 'domain', value: string) => {
    if (kind === 'email') emails.push(...value.split(EMAIL_SPLIT).filter(Boolean));
    else if (kind === 'profile') profileUrls.push(value);
    else if (kind === 'salesnav') salesNavUrls.push(value);
    else if (kind === 'phone') phones.push(value);
    else domains.push(value);
  };
  mapping.roles.forEach((role, i) => {
    if (role === 'ignore') return;
    const value = unneutraliseCell(row.cells[i] ?? '').trim();
    if (value === '') return;
    switch (role) {
      case 'country': {
        const c = readCountry(value);
        if (c) work.country = c;
        else if (c === null) work.notes.push('Country not recognised: your default country was used.');
        return;
      }
      case 'stage': {
        const s = readStage(value);
        if (s && s !== 'unknown') work.stage = s;
        else if (s === null) work.notes.push('Stage not recognised: treated as a suspect.');
        return;
      }
      case 'auto': {
        const k = classifyValue(value);
        if (k === 'email' || k === 'profile' || k === 'salesnav' || k === 'phone' || k === 'domain')
          push(k, value);
        else if (k) work.notes.push(`A ${k} hash cannot be checked here: use the plain identifier.`);
        else work.notes.push(`Column ${i + 1} holds no email, profile URL, phone number or domain.`);
        return;
      }
      default:
        push(role, value);
    }
  });
  work.idCount = emails.length + profileUrls.length + salesNavUrls.length + phones.length + domains.length;
  work.ids = { emails, profileUrls, salesNavUrls, phones, domains };
  if (work.idCount === 0) {
    work.fail = {
      level: 'invalid',
      reason: ['No identifier in this row: nothing to check.', ...work.notes].join(' '),
    };
  }
  return work;
}

/** "message (citation); …" with every reason the answer gives (or "code (citation); …" when short). */
export function reasonsText(
  answer: Pick<LookupAnswer, 'reasons'>,
  notes: readonly string[] = [],
  style: 'full' | 'short' = 'full',
): string {
  const text = (r: LookupAnswer['reasons'][number]) => {
    const what = style === 'short' ? r.code : r.message;
    return r.citation ? `${what} (${r.citation})` : what;
  };
  return [...answer.reasons.map(text), ...notes].join('; ');
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function cancelled(): ImportError {
  return new ImportError('cancelled', 'Bulk check cancelled: no file was produced.');
}

/**
 * Checks every row of a prospect file against all lists and contact records with the risk engine, streaming:
 * the file is read a chunk at a time and rows are looked up in batches. Returns the counts per level and the
 * file back with the Heed columns added. Nothing is written to the store.
 */
export async function bulkCheck(db: HeedDb, blob: Blob, opts: BulkCheckOptions): Promise<BulkResult> {
  const t0 = performance.now();
  const problem = mappingProblem(opts.mapping);
  if (problem) throw new ImportError('mapping', problem);
  if (opts.signal?.aborted) throw cancelled();
  const now = opts.now ?? new Date();
  const settings = await getSettings(db);
  const ctx = await LookupContext.load(db);
  const sniffed = await sniff(blob, opts.encoding);
  const stream = new RowStream(blob, sniffed, opts.delimiter, {
    chunkSize: Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE),
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
  });
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const width = opts.headers.length;
  const outDelimiter = opts.delimiter === '' ? ',' : opts.delimiter;
  const unparse = (rows: string[][]) =>
    Papa.unparse(rows, { delimiter: outDelimiter, newline: '\r\n', header: false, escapeFormulae: false });
  const safe = (cell: string) => neutraliseCell(unneutraliseCell(cell));

  // Most rows of a campaign file reach the risk engine with the same facts (same country, nothing recorded):
  // its verdict depends on the input alone, so identical inputs share one assessment.
  const verdicts = new Map<string, ReturnType<typeof assess>>();
  const verdictFor = (input: Parameters<typeof assess>[0]) => {
    const key = JSON.stringify(input);
    let v = verdicts.get(key);
    if (!v) {
      if (verdicts.size >= 10_000) verdicts.clear();
      v = assess(input);
      verdicts.set(key, v);
    }
    return v;
  };

  const parts: BlobPart[] = [];
  parts.push(`\uFEFF${unparse([[...opts.headers.map(safe), ...OUTPUT_COLUMNS.map(neutraliseCell)]])}\r\n`);
  const counts = emptyCounts();
  let rows = 0;
  let wideRows = 0;
  let sepSkipped = !opts.sepLine;
  let headerSkipped = !opts.hasHeader;
  let pending: RowWork[] = [];

  // Every cell Heed writes is guarded, its own columns too: list names and reasons are user text.
  const outputRow = (w: RowWork, tail: string[]): string[] => {
    const cells = w.cells.map(safe);
    if (cells.length > width) wideRows++;
    while (cells.length < width) cells.push('');
    return [...cells, ...tail.map(neutraliseCell)];
  };

  const flush = async () => {
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    const live = batch.filter((w) => !w.fail);
    const found = await ctx.lookupMany(
      db,
      live.map((w) => {
        const country = w.country ?? settings.defaultCountry;
        return { ids: w.ids, ...(country ? { defaultCountry: country } : {}) };
      }),
      settings.showPossibleMatches,
    );
    const out: string[][] = [];
    let li = 0;
    for (const w of batch) {
      if (w.fail) {
        counts[w.fail.level]++;
        out.push(outputRow(w, [w.fail.level, ...CHANNELS.map(() => ''), w.fail.reason, '']));
        continue;
      }
      const f = found[li++] as (typeof found)[number];
      const ids = f.identifiers;
      const usable =
        ids.emails.length +
        ids.profileUrls.length +
        ids.salesNavUrls.length +
        ids.phones.length +
        ids.domains.length;
      const rejected = f.identifiers.rejected.map(
        (r) => `Ignored a ${r.kind} that is not valid (${r.reason}).`,
      );
      if (usable === 0) {
        counts.invalid++;
        out.push(
          outputRow(w, ['invalid', ...CHANNELS.map(() => ''), [...rejected, ...w.notes].join(' '), '']),
        );
        continue;
      }
      try {
        const input = toAssessInput(f, { country: w.country, source: 'generic' }, settings, now);
        // The file's stage counts where nothing is recorded; a recorded stage is a fact and wins.
        if (w.stage && (!f.contact || f.contact.stage === 'unknown')) input.stage = w.stage;
        // A campaign is checked ahead of its send: the hour of the check says nothing about when it goes out, so
        // the file is judged on the day alone and calling hours stay out of it.
        input.now = input.now.slice(0, 10);
        const answer = toAnswer(f, verdictFor(input));
        counts[answer.level]++;
        const lists = [
          ...new Set(
            answer.matches.map((m) => (m.match === 'possible' ? `${m.listName} (possible)` : m.listName)),
          ),
        ];
        out.push(
          outputRow(w, [
            answer.level,
            ...CHANNELS.map((c) => answer.channels[c]),
            reasonsText(answer, [...rejected, ...w.notes], opts.reasons),
            lists.join('; '),
          ]),
        );
      } catch (e) {
        counts.error++;
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        out.push(outputRow(w, ['error', ...CHANNELS.map(() => ''), `Could not assess this row: ${msg}`, '']));
      }
    }
    // A Blob per batch lets the browser keep the growing output out of the JavaScript heap.
    parts.push(new Blob([`${unparse(out)}\r\n`]));
  };

  const report = () =>
    opts.onProgress?.({
      rows,
      bytesRead: stream.source.bytesRead,
      totalBytes: blob.size,
      counts: { ...counts },
    });
  report();

  for (;;) {
    if (opts.signal?.aborted) throw cancelled();
    const got = await stream.next();
    if (got === null) break;
    for (const row of got) {
      if (!sepSkipped) {
        sepSkipped = true;
        continue;
      }
      if (row.cells.every((c) => c.trim() === '')) continue;
      if (!headerSkipped) {
        headerSkipped = true;
        continue;
      }
      rows++;
      pending.push(readRow(row, opts.mapping));
      if (pending.length >= batchSize) {
        await flush();
        report();
        if (opts.signal?.aborted) throw cancelled();
        await yieldToEventLoop();
      }
    }
  }
  await flush();
  if (rows === 0) {
    throw new ImportError(
      'empty',
      opts.hasHeader ? 'The file has a header but no data rows.' : 'The file has no data rows.',
    );
  }
  report();
  return {
    rows,
    counts,
    output: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    wideRows,
    ms: Math.round(performance.now() - t0),
  };
}
