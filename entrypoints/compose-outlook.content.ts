import { startSendCheck } from '@/lib/compose/run';

// Outlook on the web: work/school (office.com, office365.com) and personal (live.com) mailboxes.
export default defineContentScript({
  matches: ['https://outlook.office.com/*', 'https://outlook.office365.com/*', 'https://outlook.live.com/*'],
  runAt: 'document_start',
  noScriptStartedPostMessage: true,
  main: (ctx) => void startSendCheck(ctx, 'outlook'),
});
