import { watchPage } from '@/lib/content/watch';
import { loadPageStrings } from '@/lib/i18n/page';
import { ask } from '@/lib/messaging/client';
import { createOffer } from '@/lib/replies/offer';
import { readReplies } from '@/lib/replies/read';
import { ReplyScanner } from '@/lib/replies/scanner';

// Opt-out requests in replies (Gmail, Outlook on the web, LinkedIn messaging). Reads only the other person's
// messages in the open thread, on the device; offers to record, never records by itself.
export default defineContentScript({
  matches: [
    'https://mail.google.com/*',
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
    'https://www.linkedin.com/*',
  ],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  async main(ctx) {
    await loadPageStrings(ask); // the offer's words, in the settings' language, before the first offer
    if (ctx.isInvalid) return;
    const scanner = new ReplyScanner({
      doc: document,
      url: () => location.href,
      read: (doc, url) => readReplies(doc, url),
      createOffer,
      openRecord: (offer) => void ask({ type: 'open-reply-opt-out', offer }).catch(() => undefined),
    });
    scanner.sync();
    watchPage(ctx, () => scanner.sync());
    ctx.onInvalidated(() => scanner.destroy());
  },
});
