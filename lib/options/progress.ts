import type { ImportProgress } from '../store/import';

// Turns the importer's progress events into what the wizard shows: a fraction for the bar, rows per second
// and a time left. Rates come from a sliding window, not from the start, so a slow first chunk (file
// opening, the page warming up) does not distort the estimate for the rest of the file.

export interface ProgressView {
  phase: ImportProgress['phase'];
  /** 0..1 of the current step. */
  fraction: number;
  rows: number;
  /** Rows read per second, over the whole read so far; null until there is enough to say. */
  rowsPerSecond: number | null;
  /** Estimated milliseconds left in the current step; null when unknown. */
  msLeft: number | null;
}

interface Sample {
  t: number;
  done: number;
}

const WINDOW_MS = 3000;

export class ProgressMeter {
  private phase: ImportProgress['phase'] | null = null;
  private phaseStart = 0;
  private samples: Sample[] = [];
  private readStart: number | null = null;
  private readRowsPerSecond: number | null = null;

  update(p: ImportProgress, now: number): ProgressView {
    if (p.phase !== this.phase) {
      this.phase = p.phase;
      this.phaseStart = now;
      this.samples = [];
    }
    if (p.phase === 'parse' && this.readStart === null) this.readStart = now;
    this.samples.push({ t: now, done: p.done });
    while (this.samples.length > 2 && now - (this.samples[0] as Sample).t > WINDOW_MS) this.samples.shift();

    const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
    if (p.phase === 'parse' && this.readStart !== null) {
      const elapsed = (now - this.readStart) / 1000;
      if (elapsed >= 0.2 && p.rows > 0) this.readRowsPerSecond = p.rows / elapsed;
    }
    return {
      phase: p.phase,
      fraction,
      rows: p.rows,
      rowsPerSecond: this.readRowsPerSecond,
      msLeft: this.estimateLeft(p, now),
    };
  }

  private estimateLeft(p: ImportProgress, now: number): number | null {
    if (p.total <= 0) return null;
    if (p.done >= p.total) return 0;
    const first = this.samples[0] as Sample;
    const span = now - first.t;
    const progressed = p.done - first.done;
    // Too little seen to say anything honest.
    if (span < 300 || progressed <= 0) {
      const sincePhase = now - this.phaseStart;
      if (sincePhase < 300 || p.done <= 0) return null;
      return ((p.total - p.done) * sincePhase) / p.done;
    }
    return ((p.total - p.done) * span) / progressed;
  }
}
