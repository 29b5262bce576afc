import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { useAppDb } from '@/components/use-db';
import { useJob } from '@/components/use-job';
import { t } from '@/lib/i18n/index';
import { shownError } from '@/lib/i18n/shown-error';
import type { ProfileId } from '@/lib/import/profiles';
import { formatBytes, listNameFromFile } from '@/lib/options/labels';
import { initialRoles, previewTable, toMapping } from '@/lib/options/mapping';
import { ProgressMeter, type ProgressView } from '@/lib/options/progress';
import { ImportError, type ImportResult, importFile, type Preview, previewFile } from '@/lib/store/import';
import { getLists } from '@/lib/store/lists';
import type { Delimiter, TextEncoding } from '@/lib/store/schemas';
import { reasonAllowsChannelScope } from '@/lib/vocab';
import { ImportProgressView } from './import/ImportProgressView';
import { ImportReport, RejectedDownload } from './import/ImportReport';
import { type ImportSettings, PreviewForm } from './import/PreviewForm';

const PREVIEW_ROWS = 10;

/** Import wizard: choose a file, check what was detected, map the columns, import with progress and Cancel. */
export function ImportSection() {
  const id = useId();
  const { db, error: dbError } = useAppDb();
  const lists = useLiveQuery(() => (db ? getLists(db) : undefined), [db]);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [previewError, setPreviewError] = useState<ImportError | string | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  // Leaving the section or the page mid-import cancels it; the importer then leaves the list as it was.
  const job = useJob<ProgressView | null, { result: ImportResult; listName: string }>();
  const run = job.state;
  const importError = run.kind === 'failed' && run.error instanceof ImportError ? run.error : null;
  const fileInputRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (run.kind === 'done' || run.kind === 'cancelled' || run.kind === 'failed') outcomeRef.current?.focus();
  }, [run.kind]);

  const loadPreview = async (
    f: File,
    encoding: TextEncoding | 'auto',
    delimiter: Delimiter | 'auto',
    keep?: ImportSettings,
    extra: { profile?: ProfileId; sheet?: number } = {},
  ) => {
    setPreviewError(null);
    setPreview(null);
    try {
      const opts: Parameters<typeof previewFile>[1] = { maxRows: PREVIEW_ROWS, fileName: f.name };
      if (encoding !== 'auto') opts.encoding = encoding;
      if (delimiter !== 'auto') opts.delimiter = delimiter;
      if (extra.profile) opts.profile = extra.profile;
      const sheet = extra.sheet ?? keep?.sheet;
      if (sheet !== undefined) opts.sheet = sheet;
      const p = await previewFile(f, opts);
      setPreview(p);
      const width = previewTable(p, p.hasHeader).headers.length;
      // A changed profile brings its own reason and channels; a re-read for encoding keeps the user's.
      const fresh = keep === undefined || extra.profile !== undefined || extra.sheet !== undefined;
      setSettings({
        encoding,
        delimiter,
        hasHeader: p.hasHeader,
        roles: initialRoles(p, width),
        target: keep?.target ?? 'new',
        newName: keep?.newName ?? listNameFromFile(f.name),
        existingId: keep?.existingId ?? '',
        reason: fresh ? p.profile.reason : keep.reason,
        since: keep?.since ?? new Date().toISOString().slice(0, 10),
        profile: p.profile.id,
        // A flag's own reason only where it differs from the list's (Salesforce's Do Not Call beside
        // Email Opt Out); elsewhere the reason chosen in the form applies.
        flags: p.profile.flags.map((f) =>
          f.reason === p.profile.reason ? { index: f.index, targets: f.targets } : f,
        ),
        dateOrder: p.dateOrder?.order ?? '',
        channels: fresh ? p.profile.channels : keep.channels,
        sheet: p.container?.kind === 'xlsx' ? p.container.sheet : 0,
      });
    } catch (e) {
      setPreviewError(e instanceof ImportError ? e : shownError(e));
    }
  };

  const chooseFile = (f: File | null) => {
    job.reset();
    setFile(f);
    setSettings(null);
    if (f) void loadPreview(f, 'auto', 'auto');
    else setPreview(null);
  };

  const start = async () => {
    if (!db || !file || !preview || !settings) return;
    const meter = new ProgressMeter();
    const listName =
      settings.target === 'new'
        ? settings.newName.trim()
        : (lists?.find((l) => l.id === settings.existingId)?.name ?? t('lists_import_the_list'));
    await job.start(async (signal, progress) => {
      const result = await importFile(db, file, {
        target:
          settings.target === 'new'
            ? {
                newList: {
                  name: settings.newName.trim(),
                  // Absent channels mean every channel, which these reasons always block.
                  ...(reasonAllowsChannelScope(settings.reason) ? { channels: settings.channels } : {}),
                },
              }
            : { listId: settings.existingId },
        mapping: toMapping(settings.roles),
        hasHeader: settings.hasHeader,
        delimiter: settings.delimiter === 'auto' ? preview.delimiter : settings.delimiter,
        ...(settings.encoding !== 'auto' ? { encoding: settings.encoding } : {}),
        reason: settings.reason,
        since: settings.since,
        fileName: file.name,
        profile: settings.profile,
        flags: settings.flags,
        ...(settings.dateOrder !== '' ? { dateOrder: settings.dateOrder } : {}),
        sheet: settings.sheet,
        signal,
        onProgress: (p) => progress(meter.update(p, performance.now())),
      });
      return { result, listName };
    }, null);
  };

  const again = () => {
    job.reset();
    chooseFile(null);
    if (fileInputRef.current) {
      fileInputRef.current.value = '';
      fileInputRef.current.focus();
    }
  };

  if (dbError) {
    return (
      <p className="error" role="alert">
        {t('lists_db_error', dbError)}
      </p>
    );
  }

  const running = run.kind === 'running';
  return (
    <div className="ol-section ol-import">
      <p className="muted">{t('lists_import_intro')}</p>
      <div className="ol-form">
        <label htmlFor={`${id}-file`}>{t('lists_import_file')}</label>
        <input
          ref={fileInputRef}
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,.tab,.xlsx,.zip,text/csv,text/plain,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip"
          disabled={running}
          onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
        />
        {file && (
          <p className="muted">
            {file.name} — {formatBytes(file.size)}
          </p>
        )}
      </div>
      {previewError !== null && (
        <div className="error" role="alert">
          <p>{typeof previewError === 'string' ? previewError : shownError(previewError)}</p>
          {previewError instanceof ImportError && previewError.details.suggestedEncoding && file && (
            <button
              type="button"
              onClick={() =>
                loadPreview(
                  file,
                  previewError.details.suggestedEncoding ?? 'auto',
                  'auto',
                  settings ?? undefined,
                )
              }
            >
              {t('lists_import_read_as', previewError.details.suggestedEncoding)}
            </button>
          )}
        </div>
      )}
      {file && !preview && previewError === null && <p role="status">{t('lists_import_reading')}</p>}
      {/* Once imported, the form goes: a second click would import the same file into a second new list. */}
      {file && preview && settings && lists && run.kind !== 'done' && (
        <PreviewForm
          preview={preview}
          settings={settings}
          lists={lists}
          disabled={running}
          onChange={setSettings}
          onReread={(encoding, delimiter, extra) => loadPreview(file, encoding, delimiter, settings, extra)}
          onImport={start}
        />
      )}
      {run.kind === 'running' && <ImportProgressView view={run.progress} onCancel={job.cancel} />}
      <div ref={outcomeRef} tabIndex={-1} className="ol-outcome">
        {run.kind === 'cancelled' && (
          <p role="status" className="ol-notice">
            {t('lists_import_cancelled')}
          </p>
        )}
        {run.kind === 'failed' && (
          <div role="alert" className="error">
            <p>{shownError(run.error)}</p>
            {importError?.details.suggestedEncoding && file && (
              <button
                type="button"
                onClick={() => {
                  job.reset();
                  void loadPreview(
                    file,
                    importError.details.suggestedEncoding ?? 'auto',
                    settings?.delimiter ?? 'auto',
                    settings ?? undefined,
                  );
                }}
              >
                {t('lists_import_read_as_again', importError.details.suggestedEncoding)}
              </button>
            )}
            {importError?.details.rejectedRows && importError.details.rejectedRows.length > 0 && (
              <RejectedDownload rows={importError.details.rejectedRows} fileName={file?.name ?? 'import'} />
            )}
          </div>
        )}
        {run.kind === 'done' && (
          <ImportReport
            result={run.result.result}
            listName={run.result.listName}
            fileName={file?.name ?? ''}
            onAgain={again}
          />
        )}
      </div>
    </div>
  );
}
