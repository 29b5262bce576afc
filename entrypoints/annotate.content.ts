import { createBadge } from '@/lib/badge/badge';
import { Annotator } from '@/lib/content/annotator';
import { watchPage } from '@/lib/content/watch';
import { extractPerson } from '@/lib/extract';
import { ask } from '@/lib/messaging/client';
import type { ContentMode, ToContent } from '@/lib/messaging/types';

// `ctx` is lib/content/context.ts (wxt.config.ts swaps it in for WXT's): it sends the page no event and cannot be
// switched off by one.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://github.com/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    // Until the background says otherwise the page gets nothing: a rep in side-panel-only mode must never see a
    // badge flash in, and a background that cannot answer could not fill a badge either.
    const modeNow = (): Promise<ContentMode> =>
      ask({ type: 'content-mode' }).catch(() => ({ sidePanelOnly: true }));
    let session: { sidePanelOnly: boolean; annotator: Annotator; stop(): void } | null = null;
    const begin = (mode: ContentMode) => {
      session?.stop();
      const annotator = new Annotator({
        doc: document,
        url: () => location.href,
        extract: extractPerson,
        send: (person) => ask({ type: 'page-person', person }),
        ...(mode.sidePanelOnly ? {} : { createBadge }),
        openRecord: (action) => void ask({ type: 'open-record', action }).catch(() => undefined),
      });
      const unwatch = watchPage(ctx, () => annotator.sync(), { quiet: mode.sidePanelOnly });
      annotator.sync();
      session = {
        sidePanelOnly: mode.sidePanelOnly,
        annotator,
        stop() {
          unwatch();
          annotator.destroy();
        },
      };
    };
    begin(await modeNow());
    if (ctx.isInvalid) return;
    // The background sends `refresh` after any write, including a change of mode in the settings.
    const onMessage = (message: ToContent) => {
      if (message?.type !== 'refresh') return;
      void modeNow().then((mode) => {
        if (ctx.isInvalid) return;
        if (session && mode.sidePanelOnly === session.sidePanelOnly) session.annotator.refresh();
        else begin(mode);
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      session?.stop();
    });
  },
});
