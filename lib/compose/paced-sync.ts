/**
 * When the send check brings its elements in step with the page. A compose page that keeps changing (LinkedIn's
 * feed sits under the messaging overlay and mutates many times a second) would otherwise cost a sync per frame:
 * 2–5 ms per second of page activity, measured with bench/watch-cost.ts. After each sync the next waits MIN_GAP_MS
 * plus a pause that holds syncing to about BUDGET_MS_PER_S; a recipient chip still gets its verdict within a
 * fraction of a second.
 *
 * Pacing must never let a send through on an old picture of the page: `flush()` runs a pending sync at once, and the
 * send listener calls it before it judges any event.
 */
export const MIN_GAP_MS = 150;
/** Milliseconds of syncing per second the pause aims at (the observer's own records come on top). */
export const BUDGET_MS_PER_S = 0.5;
const MAX_GAP_MS = 2000;

export interface PacedSync {
  /** Something changed: sync soon. */
  schedule(): void;
  /** Sync now if a change is still waiting. */
  flush(): void;
  /** No sync after this. */
  stop(): void;
}

export function pacedSync(sync: () => void, now: () => number = () => performance.now()): PacedSync {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let next = 0;
  let stopped = false;
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    const t0 = now();
    sync();
    const t1 = now();
    next = t1 + MIN_GAP_MS + Math.min(((t1 - t0) * 1000) / BUDGET_MS_PER_S, MAX_GAP_MS);
  };
  return {
    schedule() {
      if (timer !== undefined || stopped) return;
      timer = setTimeout(run, Math.max(0, next - now()));
    },
    flush() {
      if (timer !== undefined) run();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
