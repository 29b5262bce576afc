import { createRowMarker } from '@/lib/content/row-marker';
import { RowAnnotator } from '@/lib/content/rows';
import { watchPage } from '@/lib/content/watch';
import { extractRows } from '@/lib/extract/rows';
import { loadPageStrings } from '@/lib/i18n/page';
import { ask } from '@/lib/messaging/client';
import type { ToContent } from '@/lib/messaging/types';
import type { GITHUB_PAGES, LINKEDIN_PAGES } from '@/lib/vocab';

// Lists of people (search results, a company's people, lead lists, an organisation's members). A script of its
// own, beside the profile badge's, so that each stays within the content-script size budget.
export default defineContentScript({
  // lib/vocab's patterns, written out (checked by their types): a constant would cost bytes in the bundle.
  matches: [
    'https://www.linkedin.com/*' satisfies typeof LINKEDIN_PAGES,
    'https://github.com/*' satisfies typeof GITHUB_PAGES,
  ],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await loadPageStrings(ask); // the markers' words, in the settings' language, before the first marker
    if (ctx.isInvalid) return;
    const rows = new RowAnnotator({
      doc: document,
      url: () => location.href,
      extract: extractRows,
      send: (batch) => ask({ type: 'lookup-rows', rows: batch }),
      createMarker: createRowMarker,
    });
    rows.sync();
    watchPage(ctx, () => rows.sync());
    const onMessage = (message: ToContent) => {
      if (message?.type === 'refresh') rows.refresh();
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      rows.destroy();
    });
  },
});
