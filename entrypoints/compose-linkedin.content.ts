import { startSendCheck } from '@/lib/compose/run';

// LinkedIn messaging: the messaging page, the chat overlay on any page, Sales Navigator InMail.
export default defineContentScript({
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => void startSendCheck(ctx, 'linkedin'),
});
