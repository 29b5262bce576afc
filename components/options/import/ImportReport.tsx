import { PROFILE_NAME } from '@/lib/import/profiles';
import { downloadText, fileStem } from '@/lib/options/lists/download';
import { formatCount } from '@/lib/options/lists/labels';
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
      Download the rejected rows ({formatCount(rows.length)}) with their reasons
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
  return (
    <section className="ol-report" aria-label="Import result">
      <p role="status" className="ol-big">
        Imported {formatCount(r.added)} {r.added === 1 ? 'entry' : 'entries'} into “{props.listName}”
      </p>
      <table className="ol-counts">
        <caption className="ol-sr">Import counts</caption>
        <tbody>
          <tr>
            <th scope="row">Read as</th>
            <td>
              {PROFILE_NAME[r.profile]}
              {r.container?.kind === 'xlsx' ? `, sheet “${r.container.sheets[r.container.sheet]}”` : ''}
              {r.container?.kind === 'zip' ? `, ${r.container.entry} from the ZIP archive` : ''}
            </td>
          </tr>
          <tr>
            <th scope="row">Rows read</th>
            <td>{formatCount(r.rows)}</td>
          </tr>
          <tr>
            <th scope="row">Rows imported</th>
            <td>{formatCount(r.rowsImported)}</td>
          </tr>
          {r.rowsSkipped > 0 && (
            <tr>
              <th scope="row">Rows skipped: not opted out</th>
              <td>{formatCount(r.rowsSkipped)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">Rows with nothing to import</th>
            <td>{formatCount(r.rowsRejected)}</td>
          </tr>
          <tr>
            <th scope="row">Values found</th>
            <td>{formatCount(r.values)}</td>
          </tr>
          <tr>
            <th scope="row">Added</th>
            <td>{formatCount(r.added)}</td>
          </tr>
          <tr>
            <th scope="row">Already in the list</th>
            <td>{formatCount(r.alreadyPresent)}</td>
          </tr>
          <tr>
            <th scope="row">Repeated in the file</th>
            <td>{formatCount(r.duplicatesInFile)}</td>
          </tr>
          <tr>
            <th scope="row">Rejected</th>
            <td>{formatCount(r.rejected)}</td>
          </tr>
          {r.dateFallbacks > 0 && (
            <tr>
              <th scope="row">Unreadable dates (import date used)</th>
              <td>{formatCount(r.dateFallbacks)}</td>
            </tr>
          )}
          <tr>
            <th scope="row">Time</th>
            <td>{(r.ms / 1000).toFixed(1)} s</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        Rows read = rows imported
        {r.rowsSkipped > 0 ? ' + rows skipped because their opt-out column says they did not opt out' : ''} +
        rows with nothing to import. A row can hold more than one value (an email and a phone number): values
        found = added + already in the list + repeated in the file. Rejected counts the values and rows that
        could not be read; download them below.
      </p>
      {r.rejected > 0 && (
        <p>
          <RejectedDownload rows={r.rejectedRows} fileName={props.fileName} />
          {r.rejected > r.rejectedRows.length && (
            <span className="muted">
              {' '}
              The report lists the first {formatCount(MAX_REJECTED_DETAILS)} of {formatCount(r.rejected)}.
            </span>
          )}
        </p>
      )}
      <p className="ol-row">
        <a href={`#/lists?list=${encodeURIComponent(r.listId)}`}>Show the list</a>
        <button type="button" onClick={props.onAgain}>
          Import another file
        </button>
      </p>
    </section>
  );
}
