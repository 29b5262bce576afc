/** The part of a content-script context the watcher needs (lib/content/context.ts provides it). */
export interface WatchContext {
  readonly isValid: boolean;
  onInvalidated(cb: () => void): () => void;
}

export interface WatchOptions {
  /**
   * Side-panel-only mode: touch no page object at all. No event listener on window, document or navigation (a
   * listener runs inside the page's own event dispatch); changes are seen through a MutationObserver (which the
   * page cannot detect) and a once-a-second look at the URL, and a late re-check replaces the transition events.
   */
  quiet?: boolean;
}

/** How long after the last DOM change the quiet watcher looks again (an overlay has faded in by then). */
export const QUIET_SETTLE_MS = 700;

/**
 * What one watcher may spend on average re-reading a page that never stops changing (a LinkedIn feed mutates many
 * times a second): three watchers run on LinkedIn (badge, row markers, replies), and together they are held to 2 ms
 * per second of page activity (issue 16; `npx tsx bench/watch-cost.ts`). After each read the next one waits long
 * enough to keep to it: a read of the page that costs 3 ms (the extractors ask for computed styles) is followed by
 * the next one a few seconds later, not at the next frame. Never more than 4 s later: a page that is slow to read
 * (a long search page) still gets its new rows marked, at some cost over the budget.
 */
export const BUDGET_MS_PER_S = 0.5;
/**
 * What a read costs beyond the time `onChange` takes, charged too: the observer's records, the frame callback, the
 * garbage. Without it a cheap read (a twentieth of a ms) would run every frame and cost more than the budget in
 * work the meter cannot see (measured with bench/watch-cost.ts).
 */
export const READ_OVERHEAD_MS = 0.5;
/**
 * After the script starts and after the URL changes, the page renders the person for a while: every change is read
 * on the next frame, unmetered, so a badge is never late after a navigation.
 */
export const NAVIGATION_MS = 3000;

interface NavigationLike {
  addEventListener(type: string, cb: () => void, options?: AddEventListenerOptions): void;
}

/**
 * Calls `onChange` on the next animation frame after the DOM or the URL changes, at most once per frame, and on a
 * page that keeps changing no more often than BUDGET_MS_PER_S allows (see there). LinkedIn and GitHub are
 * single-page apps: navigation swaps the DOM without a page load. Returns a function that stops watching; the
 * watch also stops with `ctx` (the extension was reloaded or updated).
 *
 * Nothing here dispatches an event: WXT's `wxt:locationchange` would put a custom event on the page's window at
 * every in-app navigation, so URL changes come from the Navigation API (or polling where it is missing).
 */
export function watchPage(ctx: WatchContext, onChange: () => void, options: WatchOptions = {}): () => void {
  const stop = new AbortController();
  let pending: ReturnType<typeof setTimeout> | 0 = 0;
  let settle: ReturnType<typeof setTimeout> | undefined;
  // Until `free` (the page rendering after the start or a navigation) a read follows a change a frame later; after
  // it, no read runs before `next`: (its cost + READ_OVERHEAD_MS) / BUDGET_MS_PER_S after the last one. The
  // figures are written out here because this script is at its size budget.
  let free = performance.now() + 3000; // NAVIGATION_MS
  let next = 0;
  const run = () => {
    // (After a stop nothing calls this: end() clears both timers and the observer and listeners are gone.)
    if (!ctx.isValid) return;
    const t0 = performance.now();
    onChange();
    const t1 = performance.now();
    next = t1 + (t1 > free ? Math.min((t1 - t0) * 2000, 3e3) + 1000 : 16);
  };
  // A plain timer, not ctx.setTimeout: ctx's adds and removes a listener on its abort signal at every call, and
  // `end` clears this one anyway. `run` checks the context instead.
  const cancel = () => {
    clearTimeout(pending);
    pending = 0;
  };
  const fire = () => {
    cancel();
    run();
  };
  const schedule = () => {
    if (options.quiet) {
      clearTimeout(settle);
      settle = setTimeout(run, QUIET_SETTLE_MS);
    }
    if (pending) return;
    pending = setTimeout(fire, next - performance.now()); // due already: at once (a negative delay is 0)
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    // (attributeFilter implies attributes: true)
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'href'],
  });
  let poll: ReturnType<typeof setInterval> | undefined;
  // Idempotent: runs when the caller stops watching and again if the context ends later.
  const end = () => {
    stop.abort();
    cancel();
    observer.disconnect();
    clearTimeout(settle);
    clearTimeout(poll); // (one list of timers for both, in the HTML standard)
  };
  ctx.onInvalidated(end);

  let lastUrl = location.href;
  const urlMoved = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    free = performance.now() + 3000; // NAVIGATION_MS
    next = 0;
    cancel();
    schedule();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (options.quiet || !navigation?.addEventListener) {
    poll = setInterval(urlMoved, 1000);
  } else {
    const opts = { signal: stop.signal };
    // Fires after a pushState, replaceState or traversal has changed the URL.
    navigation.addEventListener('currententrychange', urlMoved, opts);
    window.addEventListener('popstate', urlMoved, opts);
    // Overlays fade in: while opacity is 0 their contents count as hidden, and a finished transition mutates
    // nothing.
    document.addEventListener('transitionend', schedule, { ...opts, capture: true, passive: true });
    document.addEventListener('animationend', schedule, { ...opts, capture: true, passive: true });
  }
  return end;
}
