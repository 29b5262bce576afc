/** The part of a content-script context the watcher needs (lib/content/context.ts provides it). */
export interface WatchContext {
  readonly isValid: boolean;
  requestAnimationFrame(callback: FrameRequestCallback): number;
  setTimeout(handler: () => void, timeout?: number): number;
  setInterval(handler: () => void, timeout?: number): number;
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

interface NavigationLike {
  addEventListener(type: string, cb: () => void, options?: AddEventListenerOptions): void;
}

/**
 * Calls `onChange` at most once per animation frame after the DOM or the URL changes. LinkedIn and GitHub are
 * single-page apps: navigation swaps the DOM without a page load. Returns a function that stops watching; the
 * watch also stops with `ctx` (the extension was reloaded or updated).
 *
 * Nothing here dispatches an event: WXT's `wxt:locationchange` would put a custom event on the page's window at
 * every in-app navigation, so URL changes come from the Navigation API (or polling where it is missing).
 */
export function watchPage(ctx: WatchContext, onChange: () => void, options: WatchOptions = {}): () => void {
  const stop = new AbortController();
  const live = () => ctx.isValid && !stop.signal.aborted;
  let queued = false;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (live()) onChange();
  };
  const schedule = () => {
    if (options.quiet) {
      clearTimeout(settle);
      settle = setTimeout(run, QUIET_SETTLE_MS);
    }
    if (queued) return;
    queued = true;
    ctx.requestAnimationFrame(() => {
      queued = false;
      run();
    });
  };
  const observer = new MutationObserver(schedule);
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'href'],
  });
  const end = () => {
    stop.abort();
    observer.disconnect();
    clearTimeout(settle);
  };
  const forget = ctx.onInvalidated(end);

  let lastUrl = location.href;
  const urlMoved = () => {
    if (location.href === lastUrl) return;
    lastUrl = location.href;
    schedule();
  };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (options.quiet || typeof navigation?.addEventListener !== 'function') {
    const poll = ctx.setInterval(() => {
      if (!stop.signal.aborted) urlMoved();
    }, 1000);
    stop.signal.addEventListener('abort', () => clearInterval(poll));
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
  return () => {
    forget();
    end();
  };
}
