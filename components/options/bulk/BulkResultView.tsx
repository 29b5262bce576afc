import { LEVEL_COLOUR, LEVEL_WORD } from '@/lib/badge/words';
import { BULK_LEVELS, type BulkLevel, type BulkResult } from '@/lib/bulk/check';

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
