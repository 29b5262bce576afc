import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/**
 * Calls `onChange` at most once per animation frame after the DOM or the URL changes. LinkedIn and GitHub are
 * single-page apps: navigation swaps the DOM without a page load. Listeners and frames go through `ctx`, so they
 * stop when the extension is reloaded or updated.
 */
export function watchPage(ctx: ContentScriptContext, onChange: () => void): void {
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    ctx.requestAnimationFrame(() => {
      queued = false;
      onChange();
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
  ctx.onInvalidated(() => observer.disconnect());
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'popstate', schedule);
  // Overlays fade in: while opacity is 0 their contents count as hidden, and a finished transition mutates nothing.
  ctx.addEventListener(document, 'transitionend', schedule, { capture: true, passive: true });
  ctx.addEventListener(document, 'animationend', schedule, { capture: true, passive: true });
}
