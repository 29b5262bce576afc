import { LEVEL_COLOUR } from '@/lib/badge/words';
import { BULK_LEVELS, type BulkLevel, type BulkResult } from '@/lib/bulk/check';
import { formatList, formatNumber, t, tn } from '@/lib/i18n';
import type { Channel } from '@/lib/vocab';
import { channelWord, levelWord } from '@/lib/vocab/labels';

/** Rows the page shows; the removed-rows file has them all. */
const SHOWN = 100;

/** A level's word in the page's language; the bulk check's own levels say what they mean for a row. */
export function bulkLevelWord(level: BulkLevel): string {
  if (level === 'unknown') return t('options_bulk_level_unknown');
  if (level === 'invalid') return t('options_bulk_level_invalid');
  if (level === 'error') return t('options_bulk_level_error');
  return levelWord(level);
}

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
          <th scope="col">{t('options_bulk_col_level')}</th>
          <th scope="col" className="ot-num">
            {t('options_bulk_col_rows')}
          </th>
        </tr>
      </thead>
      <tbody>
        {BULK_LEVELS.map((l) => (
          <tr key={l} data-level={l}>
            <th scope="row">
              <span className="ot-level" style={{ background: BULK_LEVEL_COLOUR[l] }} aria-hidden="true" />
              {bulkLevelWord(l)}
            </th>
            <td className="ot-num">{formatNumber(counts[l])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function resultSummary(r: BulkResult): string {
  const flagged = r.counts.blocked + r.counts.high;
  const seconds = formatNumber(r.ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return tn('options_bulk_summary', r.rows, seconds, formatNumber(flagged));
}

/** The first removed rows, so the lead sees who is left out, and why, without opening a file. */
export function FlaggedRows({ result }: { result: BulkResult }) {
  const total = result.removedRows;
  if (total === 0) return <p className="muted">{t('options_bulk_none_removed')}</p>;
  const shown = result.flagged.slice(0, SHOWN);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section className="ot-scroll" tabIndex={0} aria-label={t('options_bulk_removed_rows')}>
      <table className="ot-table">
        <caption>
          {total > shown.length
            ? t('options_bulk_removed_rows_capped', shown.length, total)
            : t('options_bulk_removed_rows')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="ot-num">
              {t('options_bulk_col_row')}
            </th>
            <th scope="col">{t('options_bulk_col_identifier')}</th>
            <th scope="col">{t('options_bulk_col_level')}</th>
            <th scope="col">{t('options_bulk_col_blocked')}</th>
            <th scope="col">{t('options_bulk_col_why')}</th>
            <th scope="col">{t('options_bulk_col_lists')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => (
            <tr key={f.row} data-level={f.level}>
              <td className="ot-num">{formatNumber(f.row)}</td>
              <td>{f.identifier}</td>
              <td>{bulkLevelWord(f.level)}</td>
              <td>
                {f.blockedChannels.length > 0
                  ? formatList(f.blockedChannels.map((c) => channelWord(c as Channel)))
                  : t('options_bulk_none')}
              </td>
              <td>{f.why}</td>
              <td>{f.lists}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
