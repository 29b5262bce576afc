import { yieldToEventLoop } from '../event-loop';
import type { ParsedRow, RowStream } from './csv-rows';

// The data rows of a delimited file, shared by the import and the bulk check: both read files of a million rows
// on the page's own thread, so both need the same skipping (a `sep=` line, blank rows, the header), the same
// cancel, progress and yielding. Kept here once so the two cannot drift apart.

export interface DataRowProgress {
  /** Data rows handed out so far (and so, once the consumer asks for more, done). */
  rows: number;
  bytesRead: number;
  totalBytes: number;
}

export interface DataRowsOptions {
  /** The file starts with a `sep=` line, which is not data. */
  sepLine: boolean;
  /** The first non-blank row names the columns. */
  hasHeader: boolean;
  /** Data rows per batch (the last may be shorter). */
  batchRows?: number;
  /** How long the page may be held between two yields, the consumer's work on the batches included. */
  sliceMs?: number;
  signal?: AbortSignal;
  /** The error a cancel throws: each job words its own. */
  cancelled: () => Error;
  onProgress?: (p: DataRowProgress) => void;
  /** Least time between two progress reports; the first and the last are always sent. */
  progressMs?: number;
}

export const DEFAULT_BATCH_ROWS = 2048;
export const DEFAULT_SLICE_MS = 30;

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * The file's data rows in batches of `batchRows`. Between two batches, while the consumer waits, it throws
 * `cancelled()` when the signal is aborted, reports progress, and yields to the event loop once `sliceMs` have
 * passed since the last yield. Rows with malformed quoting come through with their `error` set: the consumer
 * decides what a bad row means.
 */
export async function* dataRows(
  stream: RowStream,
  totalBytes: number,
  o: DataRowsOptions,
): AsyncGenerator<ParsedRow[], void, undefined> {
  const batchRows = Math.max(1, o.batchRows ?? DEFAULT_BATCH_ROWS);
  const sliceMs = o.sliceMs ?? DEFAULT_SLICE_MS;
  const progressMs = o.progressMs ?? 100;
  let rows = 0;
  let lastReport = Number.NEGATIVE_INFINITY;
  let sliceStart = performance.now();
  const report = (force: boolean) => {
    if (!o.onProgress) return;
    const now = performance.now();
    if (!force && now - lastReport < progressMs) return;
    lastReport = now;
    o.onProgress({ rows, bytesRead: stream.source.bytesRead, totalBytes });
  };
  const checkCancel = () => {
    if (o.signal?.aborted) throw o.cancelled();
  };
  const pause = async () => {
    checkCancel();
    report(false);
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
      checkCancel();
    }
  };

  let sepSkipped = !o.sepLine;
  let headerSkipped = !o.hasHeader;
  let pending: ParsedRow[] = [];
  report(true);
  for (;;) {
    checkCancel();
    const got = await stream.next();
    if (got === null) break;
    for (const row of got) {
      if (!sepSkipped) {
        sepSkipped = true;
        continue;
      }
      if (isBlank(row.cells)) continue;
      if (!headerSkipped) {
        headerSkipped = true;
        continue;
      }
      pending.push(row);
      if (pending.length >= batchRows) {
        const batch = pending;
        pending = [];
        rows += batch.length;
        yield batch;
        await pause();
      }
    }
    // Parsing a chunk takes time of its own.
    await pause();
  }
  if (pending.length > 0) {
    rows += pending.length;
    yield pending;
    checkCancel();
  }
  report(true);
}
