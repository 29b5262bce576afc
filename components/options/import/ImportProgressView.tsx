import { useEffect, useRef } from 'react';
import { formatCount, formatDuration } from '@/lib/options/lists/labels';
import type { ProgressView } from '@/lib/options/lists/progress';

const PHASE = {
  parse: 'Step 1 of 2: reading and checking the file',
  write: 'Step 2 of 2: saving the entries',
} as const;

export function ImportProgressView({ view, onCancel }: { view: ProgressView | null; onCancel: () => void }) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const phase = view ? PHASE[view.phase] : 'Starting the import';
  const pct = view ? Math.floor(view.fraction * 100) : 0;
  return (
    <section className="ol-progress" aria-label="Import progress">
      {/* Only the step is announced; the numbers change ten times a second and would drown a screen reader. */}
      <p role="status">{phase}…</p>
      <progress max={100} value={pct} aria-label={`${phase}: ${pct}%`} />
      <dl className="ol-facts" aria-live="off">
        <dt>Done</dt>
        <dd>{pct}%</dd>
        <dt>Rows read</dt>
        <dd data-testid="rows-read">{formatCount(view?.rows ?? 0)}</dd>
        <dt>Speed</dt>
        <dd>{view?.rowsPerSecond != null ? `${formatCount(Math.round(view.rowsPerSecond))} rows/s` : '—'}</dd>
        <dt>Time left</dt>
        <dd>{view?.msLeft != null ? formatDuration(view.msLeft) : 'estimating…'}</dd>
      </dl>
      <button ref={cancelRef} type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
