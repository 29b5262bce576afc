/**
 * When the send check brings its elements in step with the page. A compose page that keeps changing (LinkedIn's
 * feed sits under the messaging overlay and mutates many times a second) would otherwise cost a sync per change:
 * 2–5 ms per second of page activity, measured with bench/watch-cost.ts. Syncing draws on a credit that refills at
 * BUDGET_MS_PER_S and holds at most BURST_MS: a calm page (a rep adding recipients, a box opening) is followed at
 * once, and a page that never stops changing is held to the budget once its credit is spent.
 *
 * Pacing must never let a send through on an old picture of the page: `flush()` runs a pending sync at once, and the
 * send listener calls it before it judges any event.
 */
export const BUDGET_MS_PER_S = 0.5;
/** The credit a calm page saves up: about a hundred cheap syncs in a row before any pacing. */
export const BURST_MS = 10;
/**
 * What a sync is charged at least: the timer and the observer's records cost too, and the clock is too coarse to see
 * a cheap sync.
 */
export const MIN_CHARGE_MS = 0.1;
/**
 * The longest a change waits while the page stays busy. Short, because a verdict that is not in when the rep presses
 * Send makes the check hold the send and send it again itself. A sync as cheap as the send check's (about 0.1 ms)
 * keeps to the budget within it; a costlier one is held to this wait instead.
 */
export const MAX_WAIT_MS = 250;

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
  let stopped = false;
  let credit = BURST_MS;
  let at = now();
  const refill = () => {
    const t = now();
    credit = Math.min(BURST_MS, credit + ((t - at) * BUDGET_MS_PER_S) / 1000);
    at = t;
  };
  const run = () => {
    clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    refill();
    const t0 = now();
    sync();
    // No debt beyond what one longest wait repays: a costly sync is held to MAX_WAIT_MS, not made to pay for ever.
    credit = Math.max(credit - Math.max(now() - t0, MIN_CHARGE_MS), (-MAX_WAIT_MS * BUDGET_MS_PER_S) / 1000);
  };
  return {
    schedule() {
      if (timer !== undefined || stopped) return;
      refill();
      const wait = credit >= 0 ? 0 : Math.min((-credit * 1000) / BUDGET_MS_PER_S, MAX_WAIT_MS);
      timer = setTimeout(run, wait);
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
