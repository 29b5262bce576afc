import type { DateOrder } from '../import/dates';
import { detect, type ReadOptions, readOpts } from '../import/detect';
import type { FlagRule, ProfileId } from '../import/profiles';
import { type RejectedRow, RowMapper, validateFlags, validateMapping } from '../import/row-mapping';
import { type Container, openContainer } from '../import/xlsx';
import type { Channel, SuppressionReason } from '../vocab';
import { IsoDateTimeSchema } from '../vocab/schemas';
import { CommitAbortedError, commitEntries, EntryCollector } from './commit';
import { csvTable } from './csv-cells';
import { RowStream } from './csv-rows';
import { dataRows } from './data-rows';
import type { HeedDb } from './db';
import { today } from './entries';
import { assertListImportAllowed } from './policy-guard';
import { bytesToWrite, noSpaceMessage, spaceShortfall } from './quota';
import type { ColumnMapping, Delimiter, TextEncoding } from './schemas';
import { ImportError } from './text-source';

// The import driver: detect the file (lib/import/detect.ts), read its data rows (data-rows.ts), map each row
// (lib/import/row-mapping.ts), then write everything in one transaction (commit.ts).

export {
  DEFAULT_CHUNK_SIZE,
  DEFAULT_MAX_LINE_LENGTH,
  detectHeader,
  type Preview,
  previewFile,
  type ReadOptions,
  suggestMapping,
} from '../import/detect';
export { MAX_REJECTED_DETAILS, type RejectedRow, readReason } from '../import/row-mapping';
export type { ImportErrorCode } from './text-source';
export { ImportError } from './text-source';

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

  const collector = new EntryCollector();
  const mapper = new RowMapper(collector, {
    mapping,
    flags,
    reason: opts.reason,
    since: defaultSince,
    delimiter: d.delimiter,
    ...(opts.dateOrder !== undefined ? { dateOrder: opts.dateOrder } : {}),
    ...(opts.defaultCountry !== undefined ? { defaultCountry: opts.defaultCountry } : {}),
  });
  let parsed = { rows: 0, bytesRead: 0 };
  let lastReport = 0;
  const report = (rows: number, bytesRead: number) => {
    lastReport = performance.now();
    parsed = { rows, bytesRead };
    opts.onProgress?.({
      phase: 'parse',
      bytesRead,
      totalBytes: blob.size,
      rows,
      done: bytesRead,
      total: blob.size,
    });
  };
  const rowsOfFile = dataRows(new RowStream(blob, d, d.delimiter, readOpts(opts)), blob.size, {
    sepLine: d.sepLine,
    hasHeader,
    cancelled,
    ...(signal ? { signal } : {}),
    onProgress: (p) => report(p.rows, p.bytesRead),
  });
  for await (const batch of rowsOfFile) for (const row of batch) mapper.add(row);
  const { rows, rowsSkipped, rejected, rejectedRows } = mapper;

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

  const prepared = await collector.finishInSlices(30, () => {
    if (signal?.aborted) throw cancelled();
    // Sorting a big file takes a while: keep the progress bar alive.
    if (performance.now() - lastReport >= 100) report(parsed.rows, parsed.bytesRead);
  });
  // Counted only now: repeats among digests show once they are sorted.
  const duplicatesInFile = collector.duplicates;
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
        // At 10M entries a bucket holds about 2,400: 256 of them merged and cloned in one go held the page for
        // over 200 ms (issue 18); 64 keep each round near 50 ms.
        chunk: 64,
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
    rowsImported: mapper.rowsImported,
    rowsSkipped,
    rowsRejected: rows - mapper.rowsImported - rowsSkipped,
    values: mapper.values,
    profile: d.profile.id,
    ...(opened.container ? { container: opened.container } : {}),
    dateFallbacks: mapper.dateFallbacks,
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
