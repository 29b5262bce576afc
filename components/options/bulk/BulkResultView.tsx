import { LEVEL_COLOUR, LEVEL_WORD } from '@/lib/badge/words';
import { BULK_LEVELS, type BulkLevel, type BulkResult } from '@/lib/bulk/check';

/** Rows the page shows; the removed-rows file has them all. */
const SHOWN = 100;

export const BULK_LEVEL_WORD: Record<BulkLevel, string> = {
  ...LEVEL_WORD,
  unknown: 'Not on any list, nothing recorded',
  invalid: 'No usable identifier',
  error: 'Could not be checked',
};

const BULK_LEVEL_COLOUR: Record<BulkLevel, string> = {
  ...LEVEL_COLOUR,
  invalid: '#98a2b3',
  error: '#98a2b3',
};

/** Counts per level, live while the check runs and final after it. */
export function LevelCounts({ counts, caption }: { counts: Record<BulkLevel, number>; caption: string }) {
  return (
    <table className="ot-table" style={{ width: 'auto' }}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Level</th>
          <th scope="col" className="ot-num">
            Rows
          </th>
        </tr>
      </thead>
      <tbody>
        {BULK_LEVELS.map((l) => (
          <tr key={l} data-level={l}>
            <th scope="row">
              <span className="ot-level" style={{ background: BULK_LEVEL_COLOUR[l] }} aria-hidden="true" />
              {BULK_LEVEL_WORD[l]}
            </th>
            <td className="ot-num">{counts[l].toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function resultSummary(r: BulkResult): string {
  const flagged = r.counts.blocked + r.counts.high;
  return `Checked ${r.rows.toLocaleString('en')} rows in ${(r.ms / 1000).toFixed(1)} s: ${flagged.toLocaleString('en')} blocked or high risk.`;
}

/** The first removed rows, so the lead sees who is left out, and why, without opening a file. */
export function FlaggedRows({ result }: { result: BulkResult }) {
  const total = result.removedRows;
  if (total === 0) return <p className="muted">No row was removed: every row is in the clean file.</p>;
  const shown = result.flagged.slice(0, SHOWN);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="ot-scroll" tabIndex={0} aria-label="Rows removed from the clean file">
      <table className="ot-table">
        <caption>
          Rows removed from the clean file
          {total > shown.length
            ? ` (the first ${shown.length.toLocaleString('en')} of ${total.toLocaleString('en')}; the removed-rows file has them all)`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="ot-num">
              Row
            </th>
            <th scope="col">Identifier</th>
            <th scope="col">Level</th>
            <th scope="col">Blocked channels</th>
            <th scope="col">Why</th>
            <th scope="col">Lists</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.row} data-level={f.level}>
              <td className="ot-num">{f.row.toLocaleString('en')}</td>
              <td>{f.identifier}</td>
              <td>{BULK_LEVEL_WORD[f.level]}</td>
              <td>{f.blockedChannels.length > 0 ? f.blockedChannels.join(', ') : 'none'}</td>
              <td>{f.why}</td>
              <td>{f.lists}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
