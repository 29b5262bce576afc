import { useEffect, useRef } from 'react';
import { formatNumber, t } from '@/lib/i18n/index';
import { formatCount, formatDuration } from '@/lib/options/labels';
import type { ProgressView } from '@/lib/options/progress';

const PHASE = {
  parse: 'lists_progress_parse',
  write: 'lists_progress_write',
} as const;

export function ImportProgressView({ view, onCancel }: { view: ProgressView | null; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const phase = t(view ? PHASE[view.phase] : 'lists_progress_start');
  const pct = view ? Math.floor(view.fraction * 100) : 0;
  const pctText = formatNumber(pct / 100, { style: 'percent' });
  return (
    <section className="ol-progress" aria-label={t('lists_progress_label')}>
      {/* Only the step is announced; the numbers change ten times a second and would drown a screen reader. */}
      <p role="status">{t('lists_progress_now', phase)}</p>
      <progress max={100} value={pct} aria-label={t('lists_progress_bar', phase, pctText)} />
      <dl className="ol-facts" aria-live="off">
        <dt>{t('lists_progress_done')}</dt>
        <dd>{pctText}</dd>
        <dt>{t('lists_progress_rows')}</dt>
        <dd data-testid="rows-read">{formatCount(view?.rows ?? 0)}</dd>
        <dt>{t('lists_progress_speed')}</dt>
        <dd>
          {view?.rowsPerSecond != null ? t('lists_progress_rate', Math.round(view.rowsPerSecond)) : '—'}
        </dd>
        <dt>{t('lists_progress_left')}</dt>
        <dd>{view?.msLeft != null ? formatDuration(view.msLeft) : t('lists_progress_estimating')}</dd>
      </dl>
      <button ref={cancelRef} type="button" onClick={onCancel}>
        {t('lists_cancel')}
      </button>
    </section>
  );
}
