import { createBadge } from '@/lib/badge/badge';
import { Annotator } from '@/lib/content/annotator';
import { watchPage } from '@/lib/content/watch';
import { extractPerson } from '@/lib/extract';
import { ask } from '@/lib/messaging/client';
import type { ToContent } from '@/lib/messaging/types';

export default defineContentScript({
  matches: ['https://www.linkedin.com/*', 'https://github.com/*'],
  runAt: 'document_idle',
  // WXT otherwise posts a window message naming the extension to every page it runs on.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const annotator = new Annotator({
      doc: document,
      url: () => location.href,
      extract: extractPerson,
      send: (person) => ask({ type: 'page-person', person }),
      createBadge,
      openRecord: (action) => void ask({ type: 'open-record', action }).catch(() => undefined),
    });
    annotator.sync();
    watchPage(ctx, () => annotator.sync());
    const onMessage = (message: ToContent) => {
      if (message?.type === 'refresh') annotator.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      annotator.destroy();
    });
  },
});
