import { formatNumber, t, tn } from '@/lib/i18n/index';
import { PROFILE_NAME } from '@/lib/import/profiles';
import { downloadText, fileStem } from '@/lib/options/download';
import { formatCount } from '@/lib/options/labels';
import {
  type ImportResult,
  MAX_REJECTED_DETAILS,
  type RejectedRow,
  rejectedRowsCsv,
} from '@/lib/store/import';

export function RejectedDownload({ rows, fileName }: { rows: RejectedRow[]; fileName: string }) {
  return (
    <button
      type="button"
      onClick={() =>
        downloadText(
          `${fileStem(fileName.replace(/\.[^.]*$/, ''))}-rejected-rows.csv`,
          rejectedRowsCsv({ rejectedRows: rows }),
        )
      }
    >
      {t('lists_report_download', rows.length)}
    </button>
  );
}

export function ImportReport(props: {
  result: ImportResult;
  listName: string;
  fileName: string;
  onAgain: () => void;
}) {
  const r = props.result;
  const readAs =
    r.container?.kind === 'xlsx'
      ? t(
          'lists_report_sheet',
          PROFILE_NAME[r.profile],
          t('lists_quoted', r.container.sheets[r.container.sheet] ?? ''),
        )
      : r.container?.kind === 'zip'
        ? t('lists_report_zip', PROFILE_NAME[r.profile], r.container.entry)
        : PROFILE_NAME[r.profile];
  const row = (label: string, value: number) => (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatCount(value)}</td>
    </tr>
  );
  return (
    <section className="ol-report" aria-label={t('lists_report_label')}>
      <p role="status" className="ol-big">
        {tn('lists_report_imported', r.added, t('lists_quoted', props.listName))}
      </p>
      <table className="ol-counts">
        <caption className="ol-sr">{t('lists_report_counts')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('lists_report_read_as')}</th>
            <td>{readAs}</td>
          </tr>
          {row(t('lists_report_rows_read'), r.rows)}
          {row(t('lists_report_rows_imported'), r.rowsImported)}
          {r.rowsSkipped > 0 && row(t('lists_report_rows_skipped'), r.rowsSkipped)}
          {row(t('lists_report_rows_nothing'), r.rowsRejected)}
          {row(t('lists_report_values'), r.values)}
          {row(t('lists_report_added'), r.added)}
          {row(t('lists_report_already'), r.alreadyPresent)}
          {row(t('lists_report_repeated'), r.duplicatesInFile)}
          {row(t('lists_report_rejected'), r.rejected)}
          {r.dateFallbacks > 0 && row(t('lists_report_date_fallbacks'), r.dateFallbacks)}
          <tr>
            <th scope="row">{t('lists_report_time')}</th>
            <td>
              {t(
                'lists_report_seconds',
                formatNumber(r.ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {t(r.rowsSkipped > 0 ? 'lists_report_explain_skipped' : 'lists_report_explain')}
      </p>
      {r.rejected > 0 && (
        <p>
          <RejectedDownload rows={r.rejectedRows} fileName={props.fileName} />
          {r.rejected > r.rejectedRows.length && (
            <span className="muted"> {t('lists_report_first', MAX_REJECTED_DETAILS, r.rejected)}</span>
          )}
        </p>
      )}
      <p className="ol-row">
        <a href={`#/lists?list=${encodeURIComponent(r.listId)}`}>{t('lists_report_show')}</a>
        <button type="button" onClick={props.onAgain}>
          {t('lists_report_again')}
        </button>
      </p>
    </section>
  );
}
