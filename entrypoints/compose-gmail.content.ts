import { startSendCheck } from '@/lib/compose/run';

// Gmail: new message, reply, forward and the pop-out window (same page, ?view=cm).
export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_start',
  // WXT otherwise posts a window message naming the extension to every page it runs on.
  noScriptStartedPostMessage: true,
  main: (ctx) => void startSendCheck(ctx, 'gmail'),
});
