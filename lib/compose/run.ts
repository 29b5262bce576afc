import type { ContentScriptContext } from '../content/context';
import { loadPageStrings } from '../i18n/page';
import { ask } from '../messaging/client';
import type { SendSite, ToContent } from '../messaging/types';
import { SEND_EVENTS, SendGuard } from './guard';
import { pacedSync } from './paced-sync';

/**
 * Starts the send check on a mail or messaging site (each site's content script is this one call). Runs at
 * document_start: the send listeners must be on `window` before the page adds its own.
 */
export function startSendCheck(
  ctx: Pick<ContentScriptContext, 'setTimeout' | 'addEventListener' | 'onInvalidated'>,
  site: SendSite,
): SendGuard {
  // The words come from the background; asked at once, long before a compose box opens. The listeners below cannot
  // wait for them, and the config (asked on the first box) waits for them, so the box shows the settings' language.
  const strings = loadPageStrings(ask);
  const guard = new SendGuard({
    site,
    doc: document,
    config: async () => {
      await strings;
      return ask({ type: 'send-config', site });
    },
    verdicts: (recipients) => ask({ type: 'send-recipients', site, recipients }),
    override: async (recipients, reason) =>
      (await ask({ type: 'send-override', site, recipients, reason })).logged,
    later: (fn, ms) => void ctx.setTimeout(fn, ms),
  });
  // Recipients come and go as chips; compose boxes open and close. Syncs are paced on a page that keeps changing,
  // and a send event first catches up with whatever changed since the last one.
  const paced = pacedSync(() => guard.sync());
  const schedule = paced.schedule;
  const observer = new MutationObserver(schedule);
  observer.observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-hovercard-id', 'email', 'aria-label', 'title', 'value', 'href', 'data-tooltip'],
  });
  const onSendEvent = (e: Event) => {
    // A chip added in the same task as the click has not reached the observer's callback yet (that waits for the
    // page's script to finish): its records are taken here.
    if (observer.takeRecords().length > 0) schedule();
    paced.flush();
    guard.handleEvent(e);
  };
  for (const type of SEND_EVENTS) ctx.addEventListener(window, type, onSendEvent, { capture: true });
  ctx.addEventListener(document, 'change', schedule, { capture: true, passive: true });
  // No wxt:locationchange: WXT would dispatch it on the page's window (lib/content/context.ts refuses it). An in-app
  // navigation that opens or closes a compose box changes the DOM, which the observer above already sees.
  const onMessage = (message: ToContent) => {
    if (message?.type === 'refresh') guard.refresh();
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    observer.disconnect();
    paced.stop();
    browser.runtime.onMessage.removeListener(onMessage);
    guard.destroy();
  });
  schedule();
  return guard;
}
