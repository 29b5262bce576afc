import { useEffect, useId, useRef, useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { useJob } from '@/components/use-job';
import { type BulkProgress, type BulkResult, bulkCheck, emptyCounts, outputColumns } from '@/lib/bulk/check';
import { type BulkRole, mappingProblem, previewShape, suggestBulkMapping } from '@/lib/bulk/mapping';
import { formatList, t } from '@/lib/i18n';
import { shownError } from '@/lib/i18n/shown-error';
import { downloadBlob } from '@/lib/options/download';
import { logAudit } from '@/lib/store/audit';
import { ImportError, type Preview, previewFile } from '@/lib/store/import';
import { CHANNELS, type Channel } from '@/lib/vocab';
import { channelWord } from '@/lib/vocab/labels';
import './settings/tools.css';
import { formatMegabytes } from '@/lib/options/settings-parse';
import { FlaggedRows, LevelCounts, resultSummary } from './bulk/BulkResultView';
import { MappingTable } from './bulk/MappingTable';
import { ErrorLine } from './ErrorLine';

type Which = 'checked' | 'clean' | 'removed';

function outputName(input: string, which: Which = 'checked'): string {
  const base = input.replace(/\.(csv|tsv|txt)$/i, '') || 'prospects';
  return `${base}-heed-${which}.csv`;
}

/** Checks a whole prospect file against every list and record, and gives it back with Heed's verdict per row. */
export function BulkCheckSection() {
  const id = useId();
  const { db, error: dbError } = useAppDb();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [hasHeader, setHasHeader] = useState(true);
  const [roles, setRoles] = useState<BulkRole[]>([]);
  const [reasons, setReasons] = useState<'codes' | 'full'>('codes');
  const [channel, setChannel] = useState<Channel>('email');
  // Leaving the section stops a running check; nothing was written, so nothing is left half done.
  const job = useJob<BulkProgress, BulkResult & { channel: Channel }>();
  const run = job.state;
  const [downloaded, setDownloaded] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (run.kind === 'done' || run.kind === 'failed' || run.kind === 'cancelled') outcomeRef.current?.focus();
  }, [run.kind]);

  const shape = preview ? previewShape(preview, hasHeader) : null;

  const choose = async (f: File | null) => {
    job.reset();
    setFile(f);
    setPreview(null);
    setPreviewError(null);
    if (!f) return;
    try {
      const p = await previewFile(f, { maxRows: 5 });
      setPreview(p);
      setHasHeader(p.hasHeader);
      const s = previewShape(p, p.hasHeader);
      setRoles(suggestBulkMapping(s.headers, p.suggestedMapping, p.hasHeader).roles);
    } catch (e) {
      setPreviewError(e instanceof ImportError ? e.message : t('options_bulk_read_failed', shownError(e)));
    }
  };

  const toggleHeader = (on: boolean) => {
    if (!preview) return;
    setHasHeader(on);
    const s = previewShape(preview, on);
    setRoles(suggestBulkMapping(s.headers, preview.suggestedMapping, on).roles);
  };

  const problem = shape ? mappingProblem({ roles }) : null;

  const start = async () => {
    if (!db || !file || !preview || !shape || problem) return;
    setDownloaded(false);
    await job.start(
      async (signal, progress) => ({
        ...(await bulkCheck(db, file, {
          headers: shape.headers,
          hasHeader,
          delimiter: preview.delimiter,
          encoding: preview.encoding,
          sepLine: preview.sepLine,
          mapping: { roles },
          reasons,
          campaignChannel: channel,
          signal,
          onProgress: progress,
        })),
        channel,
      }),
      { rows: 0, bytesRead: 0, totalBytes: file.size, counts: emptyCounts() },
    );
  };

  const download = async (which: Which) => {
    if (run.kind !== 'done' || !db || !file) return;
    const r = run.result;
    const blob = which === 'clean' ? r.clean : which === 'removed' ? r.removed : r.output;
    const rows = which === 'clean' ? r.cleanRows : which === 'removed' ? r.removedRows : r.rows;
    downloadBlob(outputName(file.name, which), blob);
    setDownloaded(true);
    // The file holds personal data leaving Heed: the privacy officer sees that it happened, never its contents.
    try {
      await logAudit(db, {
        action: 'export',
        detail:
          which === 'clean'
            ? 'bulk check clean file'
            : which === 'removed'
              ? 'bulk check removed rows'
              : 'bulk check result',
        counts: { rows },
      });
    } catch {
      // The download already happened; a failed log entry must not hide that from the user.
    }
  };

  if (dbError)
    return (
      <p role="alert" className="error">
        {t('options_storage_failed', dbError)}
      </p>
    );
  const running = run.kind === 'running';

  return (
    <div className="ot-section">
      <p>{t('options_bulk_intro')}</p>

      <div className="ot-panel">
        <h3>{t('options_bulk_step_file')}</h3>
        <div className="ot-field">
          <label htmlFor={`${id}-file`}>{t('options_bulk_file')}</label>
          <p className="muted ot-hint" id={`${id}-file-hint`}>
            {t('options_bulk_file_hint')}
          </p>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
            aria-describedby={`${id}-file-hint`}
            disabled={running}
            onChange={(e) => void choose(e.target.files?.[0] ?? null)}
          />
        </div>
        <ErrorLine error={previewError} />
        {file && preview ? (
          <p className="muted">
            {preview.delimiter === ''
              ? t(
                  'options_bulk_file_lines',
                  file.name,
                  formatMegabytes(file.size),
                  preview.encoding.toUpperCase(),
                )
              : t(
                  'options_bulk_file_separated',
                  file.name,
                  formatMegabytes(file.size),
                  preview.encoding.toUpperCase(),
                  preview.delimiter === '\t' ? t('options_bulk_tab') : preview.delimiter,
                )}
          </p>
        ) : null}
      </div>

      {preview && shape ? (
        <div className="ot-panel">
          <h3>{t('options_bulk_step_columns')}</h3>
          <div className="ot-check">
            <input
              id={`${id}-header`}
              type="checkbox"
              checked={hasHeader}
              disabled={running}
              onChange={(e) => toggleHeader(e.target.checked)}
            />
            <label htmlFor={`${id}-header`}>{t('options_bulk_has_header')}</label>
          </div>
          <MappingTable
            idPrefix={id}
            headers={shape.headers}
            rows={shape.rows}
            roles={roles}
            onChange={(i, r) => setRoles((prev) => prev.map((x, k) => (k === i ? r : x)))}
          />
          <div className="ot-field">
            <label htmlFor={`${id}-channel`}>{t('options_bulk_channel')}</label>
            <select
              id={`${id}-channel`}
              value={channel}
              disabled={running}
              onChange={(e) => setChannel(e.target.value as Channel)}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {channelWord(c)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="ot-form">
            <legend>{t('options_bulk_reasons')}</legend>
            <div className="ot-check">
              <input
                id={`${id}-codes`}
                type="radio"
                name={`${id}-reasons`}
                checked={reasons === 'codes'}
                onChange={() => setReasons('codes')}
              />
              <label htmlFor={`${id}-codes`}>{t('options_bulk_reasons_codes')}</label>
            </div>
            <div className="ot-check">
              <input
                id={`${id}-full`}
                type="radio"
                name={`${id}-reasons`}
                checked={reasons === 'full'}
                onChange={() => setReasons('full')}
              />
              <label htmlFor={`${id}-full`}>{t('options_bulk_reasons_full')}</label>
            </div>
          </fieldset>
          {problem ? (
            <p className="error" id={`${id}-problem`}>
              {problem}
            </p>
          ) : null}
          <div className="ot-actions">
            <button
              type="button"
              className="primary"
              onClick={() => void start()}
              disabled={running || problem !== null || !db}
              aria-describedby={problem ? `${id}-problem` : undefined}
            >
              {t('options_bulk_start')}
            </button>
            {running ? (
              <button type="button" onClick={job.cancel}>
                {t('options_cancel')}
              </button>
            ) : null}
          </div>
        </div>
      ) : null}

      {run.kind === 'running' ? (
        <div className="ot-panel" aria-busy="true">
          <h3>{t('options_bulk_checking')}</h3>
          <label htmlFor={`${id}-progress`}>
            {t(
              'options_bulk_progress',
              run.progress.rows,
              formatMegabytes(run.progress.bytesRead),
              formatMegabytes(run.progress.totalBytes),
            )}
          </label>
          <br />
          <progress
            id={`${id}-progress`}
            className="ot-progress"
            max={Math.max(1, run.progress.totalBytes)}
            value={run.progress.bytesRead}
          />
          <LevelCounts counts={run.progress.counts} caption={t('options_bulk_so_far')} />
        </div>
      ) : null}

      <div ref={outcomeRef} tabIndex={-1} aria-live="polite">
        {run.kind === 'done' ? (
          <div className="ot-panel">
            <h3>{t('options_bulk_step_result')}</h3>
            <p role="status">{resultSummary(run.result)}</p>
            <LevelCounts counts={run.result.counts} caption={t('options_bulk_per_level')} />
            {run.result.wideRows > 0 ? (
              <p className="muted">{t('options_bulk_wide_rows', run.result.wideRows)}</p>
            ) : null}
            <div className="ot-actions">
              <button type="button" className="primary" onClick={() => void download('clean')}>
                {t(
                  'options_bulk_download_clean',
                  run.result.cleanRows,
                  formatMegabytes(run.result.clean.size),
                )}
              </button>
              <button type="button" onClick={() => void download('removed')}>
                {t(
                  'options_bulk_download_removed',
                  run.result.removedRows,
                  formatMegabytes(run.result.removed.size),
                )}
              </button>
              <button type="button" onClick={() => void download('checked')}>
                {t('options_bulk_download_checked', formatMegabytes(run.result.output.size))}
              </button>
            </div>
            <p className="muted">
              {t(
                'options_bulk_files_explained',
                channelWord(run.result.channel),
                formatList(outputColumns(reasons)),
              )}
              {downloaded ? ` ${t('options_bulk_saved')}` : ''}
            </p>
            <FlaggedRows result={run.result} />
          </div>
        ) : null}
        {run.kind === 'cancelled' ? <p role="status">{t('options_bulk_cancelled')}</p> : null}
        {run.kind === 'failed' ? (
          <p role="alert" className="error">
            {run.error instanceof ImportError ? run.error.message : shownError(run.error)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
