import { startAnnotating } from '@/lib/content/start-annotate';
import { extractOtherPage } from '@/lib/extract';

// GitHub here; the sites a user grants (lib/background/sites.ts) get this same script. LinkedIn has its own.
export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main: (ctx) => startAnnotating(ctx, extractOtherPage),
});
